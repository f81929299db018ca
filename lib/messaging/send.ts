import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import type { Request, RequestType, Response } from './protocol';

/**
 * Sends a request to the background and checks the answer against `answer`
 * (its responseEnvelope, lib/messaging/envelope.ts). Resolves with the typed
 * response (ok or a typed error); rejects only when the extension context is
 * gone (e.g. the extension was updated while the tab was open). Imports no
 * schema itself, so a page that sends a few requests (the popup) loads only
 * theirs; client.ts sends any request with the full protocol.
 */
export async function sendChecked<T extends RequestType>(message: Extract<Request, { type: T }>, answer: z.core.$ZodType): Promise<Response<T>> {
  const raw: unknown = await browser.runtime.sendMessage(message);
  const parsed = z.safeParse(answer, raw);
  if (!parsed.success) {
    return { ok: false, error: { code: 'BAD_MESSAGE', message: 'The background answered with an unexpected shape.' } };
  }
  return parsed.data as Response<T>;
}
