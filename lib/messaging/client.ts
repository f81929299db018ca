import browser from 'webextension-polyfill';
import { responseSchemaFor, type Request, type RequestType, type Response } from './protocol';

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
  const raw: unknown = await browser.runtime.sendMessage(message);
  const parsed = responseSchemaFor(message.type).safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: { code: 'BAD_MESSAGE', message: 'The background answered with an unexpected shape.' } };
  }
  return parsed.data as Response<T>;
}

/** Like sendRequest, but throws a MessagingError on a typed error. */
export async function request<T extends RequestType>(message: Extract<Request, { type: T }>) {
  const response = await sendRequest(message);
  if (!response.ok) throw new MessagingError(response.error.code, response.error.message);
  return response.data;
}
