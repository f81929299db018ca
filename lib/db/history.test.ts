import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestInteractions } from './history';
import { SocialDeskDB, type InteractionRow } from './schema';
import { interactionRow, NOW } from '@/test/builders';

const MINUTE = 60_000;
let db: SocialDeskDB;
let n = 0;

beforeEach(async () => {
  db = new SocialDeskDB(`history-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** A row that happened `minutesAgo` before NOW, captured at `capturedAt` (by default when it happened). */
function row(id: string, minutesAgo: number, over: Partial<InteractionRow> = {}): InteractionRow {
  const occurredAt = NOW - minutesAgo * MINUTE;
  return interactionRow(`linkedin:${over.kind ?? 'comment_received'}:${id}`, { occurredAt, capturedAt: occurredAt, ...over });
}

describe('the log’s newest interactions', () => {
  it('lists the newest by when they happened, in every status and kind, newest first', async () => {
    await db.interactions.bulkAdd([
      row('open', 5),
      row('replied', 1, { status: 'replied' }),
      row('dismissed', 3, { status: 'dismissed' }),
      row('reply', 2, { kind: 'reply_sent', status: 'none' }),
      row('mention', 4, { kind: 'mention', status: 'none' }),
      row('old', 60 * 24 * 30),
    ]);
    expect((await latestInteractions(db, 10)).map((r) => r.platformItemId)).toEqual(['replied', 'reply', 'dismissed', 'mention', 'open', 'old']);
    expect((await latestInteractions(db, 3)).map((r) => r.platformItemId)).toEqual(['replied', 'reply', 'dismissed']);
  });

  it('orders by the time shown, not by when the row was captured', async () => {
    // An old comment captured just now, and a newer one captured an hour ago.
    await db.interactions.bulkAdd([row('old-captured-now', 600, { capturedAt: NOW }), row('new-captured-before', 10, { capturedAt: NOW - 60 * MINUTE })]);
    expect((await latestInteractions(db, 1)).map((r) => r.platformItemId)).toEqual(['new-captured-before']);
  });

  it('takes the newest of each status, however many older rows one status has', async () => {
    const open = Array.from({ length: 50 }, (_, i) => row(`open-${i}`, 100 + i));
    await db.interactions.bulkAdd([...open, row('newest-reply', 1, { kind: 'reply_sent', status: 'none' }), row('middle-dismissed', 119.5, { status: 'dismissed' })]);
    const latest = (await latestInteractions(db, 25)).map((r) => r.platformItemId);
    expect(latest).toHaveLength(25);
    expect(latest[0]).toBe('newest-reply');
    expect(latest.slice(1, 21)).toEqual(Array.from({ length: 20 }, (_, i) => `open-${i}`));
    expect(latest[21]).toBe('middle-dismissed');
  });

  it('breaks a tie in time by id, newest id first, as the index orders them', async () => {
    await db.interactions.bulkAdd([row('a', 1), row('c', 1, { status: 'replied' }), row('b', 1, { status: 'dismissed' })]);
    expect((await latestInteractions(db, 3)).map((r) => r.platformItemId)).toEqual(['c', 'b', 'a']);
  });

  it('lists nothing from an empty log', async () => {
    expect(await latestInteractions(db, 200)).toEqual([]);
  });
});
