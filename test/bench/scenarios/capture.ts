/**
 * 3. Capture: comments on the user's own posts sent as CS_CAPTURE_PAGE from the
 * content script's own isolated world (so the background sees a real content
 * script sender), through the router and the capture handler into the real
 * database, one batch at a time as a tab would. Then the same batches again:
 * the cost of re-capturing rows that already exist (nothing changes).
 */
import { OURS, isolatedWorld, launchVariant, setOwnProfiles } from '../browser';
import type { PageReading } from '../../../lib/platforms/types';
import { dbBench } from '../inpage';

export interface CaptureResultFigures {
  batches: number;
  commentsPerBatch: number;
  /** Rows the database gained (interactions), read back from it. */
  rowsWritten: number;
  firstPass: { totalMs: number; batchMs: number[] };
  recapture: { totalMs: number; batchMs: number[] };
  /** The same rows put straight into scratch stores, with the interactions table's indexes and without. */
  ceiling: { rows: number; indexes: number; indexedPerSecond: number; plainPerSecond: number };
}

const FEED_URL = 'https://www.linkedin.com/feed/';
const ME = 'https://www.linkedin.com/in/bench-shop';
const DAY = 86_400_000;

/** One own post with `n` comments: 90% from other people, 10% the user's replies to a comment before them. */
export function captureBatch(batch: number, n: number, now: number): PageReading {
  const postId = `73${String(batch).padStart(17, '0')}`;
  const comments: PageReading['comments'] = [];
  for (let i = 0; i < n; i++) {
    const mine = i % 10 === 9;
    const id = `urn:li:comment:(activity:${postId},74${String(batch).padStart(8, '0')}${String(i).padStart(6, '0')})`;
    comments.push({
      platform: 'linkedin',
      commentId: id,
      postId,
      parentId: mine ? comments[i - 1]!.commentId : null,
      author: mine ? { name: 'Bench Shop', profileUrl: ME } : { name: `Fan ${i} 粉絲`, profileUrl: `https://www.linkedin.com/in/fan-${batch}-${i}` },
      text: mine ? `謝謝！Thanks for your question (${i})` : `請問有現貨嗎？Do you ship to Hong Kong? (${batch}/${i})`,
      time: { at: now - DAY + i * 60_000, precision: 'exact' },
    });
  }
  return {
    platform: 'linkedin',
    adapterVersion: 'bench',
    posts: [
      {
        platform: 'linkedin',
        postId,
        url: `https://www.linkedin.com/feed/update/urn:li:activity:${postId}/`,
        author: { name: 'Bench Shop', profileUrl: ME },
        text: `New arrivals 新品上市 (${batch})`,
        mediaKind: 'image',
        publishedAt: { at: now - 2 * DAY, precision: 'exact' },
        counts: { reactions: 120 + batch, comments: n, shares: 3, views: null },
      },
    ],
    comments,
    ownIdentity: { name: 'Bench Shop', profileUrl: ME },
    health: { post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] },
  };
}

export async function runCapture(batches: number, perBatch: number): Promise<CaptureResultFigures> {
  const session = await launchVariant(OURS);
  try {
    const worker = session.worker!;
    await setOwnProfiles(worker, { linkedin: ME });
    session.serve(FEED_URL, '<!doctype html><html><head><title>LinkedIn</title></head><body><main></main></body></html>');
    const page = await session.context.newPage();
    await page.goto(FEED_URL, { waitUntil: 'load' });
    const world = await isolatedWorld(page, session.extensionId!);
    // Let the content script's own first reading of the (empty) page go by.
    await page.waitForTimeout(1_500);
    const now = Date.now();
    const messages = Array.from({ length: batches }, (_, b) => ({ type: 'CS_CAPTURE_PAGE', pageUrl: FEED_URL, reading: captureBatch(b, perBatch, now) }));
    const send = (label: string) =>
      world.evaluate<{ totalMs: number; batchMs: number[]; error: string | null }>(`(async () => {
        const messages = ${JSON.stringify(messages)};
        const batchMs = [];
        const t0 = performance.now();
        for (const m of messages) {
          const t = performance.now();
          const r = await chrome.runtime.sendMessage(m);
          batchMs.push(performance.now() - t);
          if (!r || !r.ok) return { totalMs: 0, batchMs, error: ${JSON.stringify(label)} + ': ' + JSON.stringify(r && r.error) };
        }
        return { totalMs: performance.now() - t0, batchMs, error: null };
      })()`);
    const countRows = () =>
      worker.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('social-desk');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const req = open.result.transaction('interactions').objectStore('interactions').count();
              req.onsuccess = () => {
                resolve(req.result);
                open.result.close();
              };
              req.onerror = () => reject(req.error);
            };
          }),
      );
    const before = await countRows();
    const first = await send('first pass');
    if (first.error) throw new Error(first.error);
    const after = await countRows();
    const again = await send('re-capture');
    if (again.error) throw new Error(again.error);
    const afterAgain = await countRows();
    if (afterAgain !== after) throw new Error(`re-capturing changed the number of rows (${after} → ${afterAgain})`);
    const ceiling = await (await dbBench(worker))('idbCeiling', batches * perBatch);
    return {
      ceiling,
      batches,
      commentsPerBatch: perBatch,
      rowsWritten: after - before,
      firstPass: { totalMs: first.totalMs, batchMs: first.batchMs },
      recapture: { totalMs: again.totalMs, batchMs: again.batchMs },
    };
  } finally {
    await session.close();
  }
}
