import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interactionId, recordCapture } from '@/lib/db/capture';
import { computeRollupsFromLog } from '@/lib/db/rollups';
import { SocialDeskDB } from '@/lib/db/schema';
import { comment, ME, NOW, post, reading } from '@/test/builders';

const TZ = 'Asia/Taipei';
const HOUR = 3_600_000;
let db: SocialDeskDB;
let n = 0;

beforeEach(async () => {
  db = new SocialDeskDB(`replies-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const ctx = (now = NOW) => ({ now, timeZone: TZ, ownProfileUrl: ME });
const mine = { author: { name: 'Mei Lin', profileUrl: ME } };
const commentRow = interactionId('linkedin', 'comment_received', 'c1');

describe('the template a reply was written from', () => {
  it('moves from the comment (a drafted use) to the user’s reply when the reply is captured, and only to that reply', async () => {
    await recordCapture(db, reading([post('1')], [comment('c1', '1')]), ctx());
    // What CS_RECORD_TEMPLATE_USE leaves when the draft is inserted into the comment's box.
    await db.interactions.update(commentRow, { templateId: 'tpl-thanks' });

    const reply = comment('r1', '1', { ...mine, parentId: 'c1', text: 'Thanks!', time: { at: NOW + HOUR, precision: 'minute' } });
    await recordCapture(db, reading([post('1')], [comment('c1', '1'), reply]), ctx(NOW + 2 * HOUR));
    const replyRow = await db.interactions.get(interactionId('linkedin', 'reply_sent', 'r1'));
    const parent = await db.interactions.get(commentRow);
    expect(replyRow).toMatchObject({ templateId: 'tpl-thanks', inReplyToId: commentRow });
    expect(parent).toMatchObject({ status: 'replied', repliedById: replyRow!.id, templateId: null });
    expect(parent!.responseMs).toBe(HOUR + 3 * HOUR);

    // A second reply typed by hand later is not counted for the template.
    const second = comment('r2', '1', { ...mine, parentId: 'c1', text: 'PS: open till 8', time: { at: NOW + 3 * HOUR, precision: 'minute' } });
    await recordCapture(db, reading([post('1')], [comment('c1', '1'), reply, second]), ctx(NOW + 4 * HOUR));
    expect((await db.interactions.get(interactionId('linkedin', 'reply_sent', 'r2')))!.templateId).toBeNull();
    expect((await db.interactions.get(interactionId('linkedin', 'reply_sent', 'r1')))!.templateId).toBe('tpl-thanks');

    const stored = (await db.dailyRollups.toArray()).sort((a, b) => (a.day + a.platform).localeCompare(b.day + b.platform));
    expect(stored).toEqual(await computeRollupsFromLog(db, { timeZone: TZ }));
  });

  it('works when the comment and the reply are first seen together', async () => {
    await recordCapture(db, reading([post('1')], [comment('c1', '1')]), ctx());
    await db.interactions.update(commentRow, { templateId: 'tpl-price' });
    const reply = comment('r1', '1', { ...mine, parentId: 'c1', text: 'NT$380', time: { at: NOW + HOUR, precision: 'minute' } });
    // The reply arrives on a page where the comment is read again in the same batch.
    await recordCapture(db, reading([post('1')], [reply, comment('c1', '1')]), ctx(NOW + HOUR));
    expect((await db.interactions.get(interactionId('linkedin', 'reply_sent', 'r1')))!.templateId).toBe('tpl-price');
  });

  it('leaves replies without a drafted template alone', async () => {
    const reply = comment('r1', '1', { ...mine, parentId: 'c1', time: { at: NOW + HOUR, precision: 'minute' } });
    await recordCapture(db, reading([post('1')], [comment('c1', '1'), reply]), ctx(NOW + HOUR));
    expect((await db.interactions.get(interactionId('linkedin', 'reply_sent', 'r1')))!.templateId).toBeNull();
  });
});
