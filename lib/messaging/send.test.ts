import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { popupAnswers } from './popup-protocol';
import { sendChecked } from './send';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

let answer: unknown;
beforeEach(() => {
  answer = undefined;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => answer);
});

describe('sendChecked', () => {
  it('resolves with the answer when it has the expected shape', async () => {
    answer = { ok: true, data: { fullSince: 5 } };
    expect(await sendChecked({ type: 'UI_STORAGE_STATE' }, popupAnswers.UI_STORAGE_STATE)).toEqual({ ok: true, data: { fullSince: 5 } });
    answer = { ok: false, error: { code: 'STORAGE_FULL', message: 'full' } };
    expect(await sendChecked({ type: 'UI_STORAGE_STATE' }, popupAnswers.UI_STORAGE_STATE)).toEqual(answer);
  });

  it('turns an answer of another shape into a typed BAD_MESSAGE', async () => {
    for (const bad of [{ ok: true, data: { fullSince: 'soon' } }, { weekStartDay: '2026-11-23' }, undefined]) {
      answer = bad;
      expect(await sendChecked({ type: 'UI_STORAGE_STATE' }, popupAnswers.UI_STORAGE_STATE)).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    }
  });

  it('rejects when the message cannot be sent (the extension context is gone)', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(sendChecked({ type: 'UI_GET_WEEK_STATS' }, popupAnswers.UI_GET_WEEK_STATS)).rejects.toThrow('Extension context invalidated.');
    expect(send).toHaveBeenCalledWith({ type: 'UI_GET_WEEK_STATS' });
  });
});
