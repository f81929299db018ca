import browser from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { sendContentRequest } from './content-client';
import { contentResponseDataSchemas, lazyBgToContentSchema } from './content-schemas';
import { responseDataSchemas } from './protocol';

/** Answers every message with `answer`, as the background would. */
function backgroundAnswers(answer: unknown) {
  vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(answer);
}

describe('the content scripts’ client (zod/mini schemas)', () => {
  it('passes a well-formed answer through, typed', async () => {
    backgroundAnswers({ ok: true, data: { saved: ['linkedin:1'] } });
    expect(await sendContentRequest({ type: 'CS_SEEN_POSTS', posts: [] })).toEqual({ ok: true, data: { saved: ['linkedin:1'] } });
  });

  it('passes a typed error through', async () => {
    backgroundAnswers({ ok: false, error: { code: 'STORAGE_FULL', message: 'full' } });
    expect(await sendContentRequest({ type: 'CS_UNSAVE', key: 'x:1' })).toEqual({ ok: false, error: { code: 'STORAGE_FULL', message: 'full' } });
  });

  it('turns an answer of the wrong shape into BAD_MESSAGE', async () => {
    const seen: Parameters<typeof sendContentRequest>[0] = { type: 'CS_SEEN_POSTS', posts: [] };
    const cases: Array<[Parameters<typeof sendContentRequest>[0], unknown]> = [
      [seen, { ok: true, data: { saved: 'linkedin:1' } }],
      [{ type: 'CS_UNSAVE', key: 'x:1' }, { ok: true, data: { deleted: -1 } }],
      [seen, { ok: false, error: { code: 'NOPE', message: 'x' } }],
      [seen, { ok: true }],
      [seen, null],
      [seen, '<img src=x onerror=alert(1)>'],
    ];
    for (const [message, answer] of cases) {
      backgroundAnswers(answer);
      expect(await sendContentRequest(message), JSON.stringify(answer)).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    }
  });

  it('checks every content request’s answer with the very schema the protocol uses', () => {
    for (const [type, schema] of Object.entries(contentResponseDataSchemas)) {
      expect(responseDataSchemas[type as keyof typeof responseDataSchemas], type).toBe(schema);
    }
    const contentTypes = Object.keys(responseDataSchemas).filter((t) => t.startsWith('CS_'));
    expect(Object.keys(contentResponseDataSchemas).sort()).toEqual(contentTypes.sort());
  });

  it('accepts only the background’s own message types', () => {
    expect(lazyBgToContentSchema().safeParse({ type: 'BG_TOGGLE_PANEL' }).success).toBe(true);
    expect(lazyBgToContentSchema().safeParse({ type: 'BG_TOGGLE_PANEL_NOW' }).success).toBe(false);
    expect(lazyBgToContentSchema().safeParse('BG_TOGGLE_PANEL').success).toBe(false);
  });
});
