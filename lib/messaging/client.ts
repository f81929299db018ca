import { responseSchemaFor, type Request, type RequestType, type Response } from './protocol';
import { sendChecked } from './send';

export class MessagingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessagingError';
  }
}

/**
 * Sends a request to the background and validates the answer. Resolves with
 * the typed response (ok or a typed error); rejects only when the extension
 * context is gone (e.g. the extension was updated while the tab was open).
 */
export async function sendRequest<T extends RequestType>(message: Extract<Request, { type: T }>): Promise<Response<T>> {
  return sendChecked(message, responseSchemaFor(message.type));
}

/** Like sendRequest, but throws a MessagingError on a typed error. */
export async function request<T extends RequestType>(message: Extract<Request, { type: T }>) {
  const response = await sendRequest(message);
  if (!response.ok) throw new MessagingError(response.error.code, response.error.message);
  return response.data;
}
