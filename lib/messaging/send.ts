import browser from 'webextension-polyfill';
import type { Request, RequestType, Response } from './protocol';

/** What a sender needs of a response schema (classic Zod and zod/mini both have it). */
interface ResponseCheck {
  safeParse(value: unknown): { success: boolean; data?: unknown };
}

/**
 * A function that sends a request to the background and validates the answer
 * with `schemaFor(type)`. It resolves with the typed response (ok or a typed
 * error); it rejects only when the extension context is gone (e.g. the
 * extension was updated while the tab was open).
 */
export function checkedSender<K extends RequestType>(schemaFor: (type: K) => ResponseCheck) {
  return async function send<T extends K>(message: Extract<Request, { type: T }>): Promise<Response<T>> {
    const raw: unknown = await browser.runtime.sendMessage(message);
    const parsed = schemaFor(message.type).safeParse(raw);
    if (!parsed.success) {
      return { ok: false, error: { code: 'BAD_MESSAGE', message: 'The background answered with an unexpected shape.' } };
    }
    return parsed.data as Response<T>;
  };
}
