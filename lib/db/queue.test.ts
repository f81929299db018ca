import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interactionId, recordCapture, setCommentStatus } from '@/lib/db/capture';
import { recordManualInteraction } from '@/lib/db/manual';
import { listWaitingComments } from '@/lib/db/queue';
import { SocialDeskDB } from '@/lib/db/schema';
import { getWeekStats, WAITING_COUNT_CAP } from '@/lib/db/stats';
import { comment, ME, NOW, post, reading } from '@/test/builders';

const TZ = 'Asia/Taipei';
const HOUR = 3_600_000;
let db: SocialDeskDB;
let n = 0;

beforeEach(async () => {
  db = new SocialDeskDB(`queue-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const ctx = { now: NOW, timeZone: TZ, ownProfileUrl: ME };
const at = (hoursAgo: number) => ({ at: NOW - hoursAgo * HOUR, precision: 'minute' as const });
const fan = (name: string) => ({ author: { name, profileUrl: `https://www.linkedin.com/in/${name.toLowerCase()}/` } });

describe('the reply queue across platforms', () => {
  it('lists waiting comments only, most urgent first and older first, with their post, agreeing with the popup’s count', async () => {
    await recordCapture(
      db,
      reading(
        [post('1', { text: 'Autumn menu:\nchestnut latte' })],
        [
          comment('praise-old', '1', { ...fan('Ann'), text: 'Love it!! 😍', time: at(9) }),
          comment('question-new', '1', { ...fan('Ben'), text: '請問週末有營業嗎？', time: at(1) }),
          comment('neutral', '1', { ...fan('Cai'), text: 'Went there yesterday', time: at(5) }),
          comment('complaint-old', '1', { ...fan('Dee'), text: 'Waited 40 minutes, terrible service.', time: at(8) }),
          comment('answered', '1', { ...fan('Eve'), text: 'Is it vegan?', time: at(7) }),
          comment('mine', '1', { author: { name: 'Mei Lin', profileUrl: ME }, parentId: 'answered', text: 'Yes!', time: at(6) }),
          comment('dismissed', '1', { ...fan('Fay'), text: 'ok', time: at(4) }),
        ],
      ),
      ctx,
    );
    await setCommentStatus(db, interactionId('linkedin', 'comment_received', 'dismissed'), 'dismissed', { timeZone: TZ });

    const { total, items } = await listWaitingComments(db, 100);
    expect(items.map((i) => i.interactionId.split(':')[2])).toEqual(['complaint-old', 'question-new', 'neutral', 'praise-old']);
    expect(total).toBe(4);
    expect(total).toBe((await getWeekStats(db, { now: NOW, timeZone: TZ, weekStart: 1 })).waiting);
    expect(items[1]).toMatchObject({
      platform: 'linkedin',
      actorName: 'Ben',
      text: '請問週末有營業嗎？',
      kind: 'question',
      postUrl: 'https://www.linkedin.com/feed/update/urn:li:activity:1/',
      postExcerpt: 'Autumn menu: chestnut latte',
    });
    expect(items[1]!.reasons.length).toBeGreaterThan(0);
  });

  it('reads only the newest `limit` waiting comments but counts them all, and lists manual ones under their site', async () => {
    const comments = Array.from({ length: 30 }, (_, i) => comment(`c${i}`, '1', { ...fan(`Fan${i}`), text: `nice ${i}`, time: at(30 - i) }));
    await recordCapture(db, reading([post('1')], comments), ctx);
    await recordManualInteraction(
      db,
      { kind: 'comment_received', platform: 'other', url: 'https://forum.example/t/1', actorName: 'Gus', text: 'Price?', occurredAt: NOW },
      NOW,
      { timeZone: TZ },
    );
    const { total, items } = await listWaitingComments(db, 10);
    expect(total).toBe(31);
    expect(items).toHaveLength(10);
    expect(items[0]).toMatchObject({ platform: 'other', site: 'forum.example', actorName: 'Gus', postUrl: null, postExcerpt: null, kind: 'question' });
    // The other nine are the newest captured ones.
    expect(items.slice(1).map((i) => i.actorName).sort()).toEqual(['Fan21', 'Fan22', 'Fan23', 'Fan24', 'Fan25', 'Fan26', 'Fan27', 'Fan28', 'Fan29']);
  });

  it('the popup counts up to 1,000 waiting comments and says there are more; the queue counts them all', async () => {
    const many = Array.from({ length: WAITING_COUNT_CAP + 5 }, (_, i) => comment(`m${i}`, '1', { ...fan(`Fan${i}`), text: `hi ${i}`, time: at(1) }));
    await recordCapture(db, reading([post('1')], many), ctx);
    const stats = await getWeekStats(db, { now: NOW, timeZone: TZ, weekStart: 1 });
    expect(stats).toMatchObject({ waiting: WAITING_COUNT_CAP, waitingMore: true, hasAnyData: true });
    expect((await listWaitingComments(db, 10)).total).toBe(WAITING_COUNT_CAP + 5);
  });
});
