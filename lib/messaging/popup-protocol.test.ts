import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordCapture } from '../db/capture';
import { SocialDeskDB } from '../db/schema';
import { getWeekStats } from '../db/stats';
import { popupAnswers } from './popup-protocol';
import { responseSchemaFor } from './protocol';
import { comment, ME, NOW, post, reading } from '@/test/builders';

const TZ = 'Asia/Taipei';
let db: SocialDeskDB;
let n = 0;

beforeEach(async () => {
  db = new SocialDeskDB(`popup-protocol-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

async function weekWithActivity() {
  await recordCapture(db, reading([post('1', { counts: { reactions: 15, comments: 2, shares: 3, views: null } })], [comment('c1', '1'), comment('c2', '1')]), {
    now: NOW,
    timeZone: TZ,
    ownProfileUrl: ME,
  });
  return getWeekStats(db, { now: NOW, timeZone: TZ, weekStart: 1 });
}

describe('the popup’s answer schemas (zod/mini)', () => {
  it('keep every field of the week the background computes (an object schema drops keys it does not name)', async () => {
    const stats = await weekWithActivity();
    expect(stats.topPost).not.toBeNull();
    expect(stats.byPlatform).toHaveLength(1);
    const parsed = popupAnswers.UI_GET_WEEK_STATS.safeParse({ ok: true, data: stats });
    expect(parsed).toEqual({ success: true, data: { ok: true, data: stats } });
    const empty = await getWeekStats(db, { now: NOW - 400 * 86_400_000, timeZone: TZ, weekStart: 1 });
    expect(popupAnswers.UI_GET_WEEK_STATS.safeParse({ ok: true, data: empty }).data).toEqual({ ok: true, data: empty });
  });

  it('refuse a week of the wrong shape, and check the error envelope', async () => {
    const stats = await weekWithActivity();
    const { hasAnyData: _dropped, ...missing } = stats;
    for (const data of [missing, { ...stats, waiting: '3' }, { ...stats, byPlatform: [{ ...stats.byPlatform[0], platform: 'myspace' }] }, { ...stats, topPost: { ...stats.topPost, url: 7 } }]) {
      expect(popupAnswers.UI_GET_WEEK_STATS.safeParse({ ok: true, data }).success).toBe(false);
    }
    expect(popupAnswers.UI_GET_WEEK_STATS.safeParse({ ok: false, error: { code: 'STORAGE_FULL', message: 'full' } }).success).toBe(true);
    expect(popupAnswers.UI_GET_WEEK_STATS.safeParse({ ok: false, error: { code: 'OOPS', message: 'x' } }).success).toBe(false);
    expect(popupAnswers.UI_STORAGE_STATE.safeParse({ ok: true, data: { fullSince: NOW } }).success).toBe(true);
    expect(popupAnswers.UI_STORAGE_STATE.safeParse({ ok: true, data: { fullSince: 'yesterday' } }).success).toBe(false);
  });

  it('are the ones the full protocol checks these messages with', async () => {
    const stats = await weekWithActivity();
    const answers = [{ ok: true, data: stats }, { ok: true, data: { ...stats, waiting: '3' } }, { ok: false, error: { code: 'INTERNAL', message: 'x' } }];
    for (const answer of answers) {
      expect(responseSchemaFor('UI_GET_WEEK_STATS').safeParse(answer)).toEqual(popupAnswers.UI_GET_WEEK_STATS.safeParse(answer));
    }
  });
});
