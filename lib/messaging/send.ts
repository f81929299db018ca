import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import type { Request, RequestType, Response } from './protocol';

/**
 * Sends a request to the background and checks the answer against `answer`
 * (its response schema: classic Zod or zod/mini). Resolves with the typed
 * response (ok or a typed error); rejects only when the extension context is
 * gone (e.g. the extension was updated while the tab was open). Imports no
 * schema itself, so a page or script that sends a few requests (the popup, the
 * content scripts) loads only theirs; client.ts sends any request with the
 * full protocol.
 */
export async function sendChecked<T extends RequestType>(message: Extract<Request, { type: T }>, answer: z.core.$ZodType): Promise<Response<T>> {
  const raw: unknown = await browser.runtime.sendMessage(message);
  const parsed = z.safeParse(answer, raw);
  if (!parsed.success) {
    return { ok: false, error: { code: 'BAD_MESSAGE', message: 'The background answered with an unexpected shape.' } };
  }
  return parsed.data as Response<T>;
}

/** A sender for the requests of type K, each answer checked with `schemaFor(type)`. */
export function checkedSender<K extends RequestType>(schemaFor: (type: K) => z.core.$ZodType) {
  return function send<T extends K>(message: Extract<Request, { type: T }>): Promise<Response<T>> {
    return sendChecked(message, schemaFor(message.type));
  };
}
