import { responseSchemaFor, type Request, type RequestType } from './protocol';
import { checkedSender } from './send';

export class MessagingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessagingError';
  }
}

/** Sends a request to the background and validates the answer (see checkedSender). */
export const sendRequest = checkedSender(responseSchemaFor);

/** Like sendRequest, but throws a MessagingError on a typed error. */
export async function request<T extends RequestType>(message: Extract<Request, { type: T }>) {
  const response = await sendRequest(message);
  if (!response.ok) throw new MessagingError(response.error.code, response.error.message);
  return response.data;
}
