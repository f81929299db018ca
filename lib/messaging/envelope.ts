import * as z from 'zod/mini';

// The extension's content security policy forbids eval; without this Zod probes
// `new Function` (a CSP violation in the console) before falling back. Set here,
// where every checked answer passes (the full and the small build share it).
z.config({ jitless: true });

/**
 * What every answer of the background looks like, `{ ok: true, data }` or
 * `{ ok: false, error }`, in Zod's small build (`zod/mini`), so a page can
 * check an answer without loading the full build (lib/messaging/popup-protocol.ts).
 */

export const ERROR_CODES = ['BAD_MESSAGE', 'FOREIGN_SENDER', 'WRONG_CONTEXT', 'STORAGE_FULL', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const errorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type MessageError = z.infer<typeof errorSchema>;

/** The answer to a request whose data has the shape `data`. */
export function responseEnvelope<D extends z.core.SomeType>(data: D) {
  return z.union([z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: errorSchema })]);
}
