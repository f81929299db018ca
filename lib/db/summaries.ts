import { stableHash } from '../parse/hash';
import { addDays, lastFinishedWeekStart, startOfWeek, weekRange } from '../stats/days';
import { classifyTone, postGainsOf, summarizeWeek, type SummaryComment, type SummaryPost, type ToneClassifier } from '../stats/summary';
import { fillStatusCounts, lacksStatusCounts } from './rollups';
import { COMMENT_STATUSES, compareKeys, type DailyRollupRow, type SocialDeskDB, type WeeklySummaryRow } from './schema';

/**
 * Weekly summaries: every finished week since the first recorded day is
 * summarised once and stored. A stored summary is recomputed when what it was
 * made from changed (a late capture, an answer, a dismissal, an import, a
 * cleanup): its fingerprint covers the week's and the week before's rollups
 * and which of its comments are open or dismissed. Weeks cut with other
 * settings (week start, time zone) are replaced.
 */

export interface SummaryContext {
  now: number;
  timeZone: string;
  weekStart: number;
  /** Defaults to the shared comment classifier. */
  classify?: ToneClassifier;
}

export interface RefreshResult {
  /** Weeks summarised for the first time, oldest first. */
  created: WeeklySummaryRow[];
  /** Weeks recomputed because their data changed. */
  updated: WeeklySummaryRow[];
  /** The last finished week's first day. */
  lastFinished: string;
}

/** One refresh at a time per database: the alarm and the dashboard can ask at once. */
const running = new WeakMap<SocialDeskDB, Promise<RefreshResult>>();

export function refreshWeeklySummaries(db: SocialDeskDB, ctx: SummaryContext): Promise<RefreshResult> {
  const busy = running.get(db);
  const next = (busy ? busy.catch(() => undefined) : Promise.resolve()).then(() => refresh(db, ctx));
  const tracked = next.finally(() => {
    if (running.get(db) === tracked) running.delete(db);
  });
  running.set(db, tracked);
  return tracked;
}

/**
 * What a week's summary was made from. The open and dismissed counts are the week's comments with that status;
 * the rows' own per-day counts of them are left out of the rows' part, so a fingerprint stored before those
 * counts existed (when the two numbers came from the status index) still matches.
 */
export function weekFingerprint(rows: DailyRollupRow[], previousRows: DailyRollupRow[], open: number, dismissed: number): string {
  const canonical = (list: DailyRollupRow[]) =>
    JSON.stringify(
      [...list]
        .sort((a, b) => (a.day + a.platform).localeCompare(b.day + b.platform))
        .map(({ commentsOpen: _open, commentsDismissed: _dismissed, ...r }) => ({
          ...r,
          responseTimesMs: [...r.responseTimesMs].sort((x, y) => x - y),
          postGains: Object.entries(r.postGains).sort(([a], [b]) => a.localeCompare(b)),
        })),
    );
  return stableHash([canonical(rows), canonical(previousRows), String(open), String(dismissed)]);
}

/** How many of the week's comments are open and dismissed, from its rows' per-day counts. */
function statusCountsOf(rows: DailyRollupRow[]): { open: number; dismissed: number } {
  let open = 0;
  let dismissed = 0;
  for (const r of rows) {
    open += r.commentsOpen ?? 0;
    dismissed += r.commentsDismissed ?? 0;
  }
  return { open, dismissed };
}

async function refresh(db: SocialDeskDB, ctx: SummaryContext): Promise<RefreshResult> {
  const classify = ctx.classify ?? classifyTone;
  const lastFinished = lastFinishedWeekStart(ctx.now, ctx.timeZone, ctx.weekStart);
  const result: RefreshResult = { created: [], updated: [], lastFinished };

  const [first, stored] = await db.transaction('r', [db.dailyRollups, db.weeklySummaries], () =>
    Promise.all([db.dailyRollups.orderBy('day').first(), db.weeklySummaries.toArray()]),
  );
  const firstWeek = first ? startOfWeek(first.day, ctx.weekStart) : null;
  // Rows cut with other settings, or for weeks without data any more (all data deleted, or older than the first day).
  const stale = stored.filter(
    (r) => r.weekStart !== ctx.weekStart || r.timeZone !== ctx.timeZone || firstWeek === null || r.startDay < firstWeek || r.startDay > lastFinished,
  );
  if (stale.length) await db.weeklySummaries.bulkDelete(stale.map((r) => r.startDay));
  if (firstWeek === null || firstWeek > lastFinished) return result;
  const kept = new Map(stored.filter((r) => !stale.includes(r)).map((r) => [r.startDay, r]));

  // Everything the fingerprints need, in one read: the rollups from the week before the first to the last finished
  // week, with their per-day counts of open and dismissed comments.
  const fromDay = addDays(firstWeek, -7);
  const toDay = addDays(lastFinished, 6);
  const readRows = () => db.dailyRollups.where('day').between(fromDay, toDay, true, true).toArray();
  let rows = await readRows();
  // Rows from before the per-day status counts get them once (lib/db/rollups.ts fillStatusCounts).
  if (rows.some(lacksStatusCounts)) {
    await fillStatusCounts(db, ctx);
    rows = await readRows();
  }
  const rowsByWeek = new Map<string, DailyRollupRow[]>();
  for (const row of rows) {
    const week = startOfWeek(row.day, ctx.weekStart);
    const list = rowsByWeek.get(week);
    if (list) list.push(row);
    else rowsByWeek.set(week, [row]);
  }
  const weeks: Array<{ week: string; startMs: number; endMs: number }> = [];
  for (let week = firstWeek; week <= lastFinished; week = addDays(week, 7)) weeks.push({ week, ...weekRange(week, ctx.timeZone) });

  let previousShare: { week: string; share: number | null } | null = null;
  for (const range of weeks) {
    const { week } = range;
    const weekRows = rowsByWeek.get(week) ?? [];
    const previousRows = rowsByWeek.get(addDays(week, -7)) ?? [];
    const status = statusCountsOf(weekRows);
    const fingerprint = weekFingerprint(weekRows, previousRows, status.open, status.dismissed);
    const old = kept.get(week);
    if (old && old.fingerprint === fingerprint) {
      previousShare = { week, share: old.summary.tone.negativeShare };
      continue;
    }
    const comments = await commentsBetween(db, range.startMs, range.endMs);
    let before: number | null;
    if (previousShare && previousShare.week === addDays(week, -7)) before = previousShare.share;
    else before = await negativeShareBetween(db, weekRange(addDays(week, -7), ctx.timeZone), classify);
    const keys = [...postGainsOf(weekRows).keys()];
    const postRows = await db.posts.bulkGet(keys);
    const posts = new Map<string, SummaryPost>();
    for (const p of postRows) if (p) posts.set(p.key, p);
    const summary = summarizeWeek({
      startDay: week,
      weekStart: ctx.weekStart,
      timeZone: ctx.timeZone,
      rows: weekRows,
      previousRows,
      comments,
      previousNegativeShare: before,
      posts,
      classify,
    });
    const row: WeeklySummaryRow = {
      startDay: week,
      weekStart: ctx.weekStart,
      timeZone: ctx.timeZone,
      fingerprint,
      computedAt: ctx.now,
      notifiedAt: old ? old.notifiedAt : null,
      summary,
    };
    await db.weeklySummaries.put(row);
    (old ? result.updated : result.created).push(row);
    previousShare = { week, share: summary.tone.negativeShare };
  }
  return result;
}

/**
 * The received comments of [fromMs, toMs), in time order (ties by id), from each comment status's index range. The
 * ranges are read in one transaction: a comment whose status changes in between is read once, not twice or never.
 */
async function commentsBetween(db: SocialDeskDB, fromMs: number, toMs: number): Promise<SummaryComment[]> {
  const lists = await db.transaction('r', db.interactions, () =>
    Promise.all(
      COMMENT_STATUSES.map((status) => db.interactions.where('[status+occurredAt]').between([status, fromMs], [status, toMs], true, false).toArray()),
    ),
  );
  const rows = lists
    .flat()
    .filter((r) => r.kind === 'comment_received')
    .sort((a, b) => a.occurredAt - b.occurredAt || compareKeys(a.id, b.id));
  return rows.map((r) => ({ platform: r.platform, actorName: r.actorName, actorUrl: r.actorUrl, text: r.text, status: r.status }));
}

async function negativeShareBetween(db: SocialDeskDB, range: { startMs: number; endMs: number }, classify: ToneClassifier): Promise<number | null> {
  const comments = await commentsBetween(db, range.startMs, range.endMs);
  if (comments.length === 0) return null;
  return comments.filter((c) => classify(c.text).negative).length / comments.length;
}

/** The stored summaries (after a refresh), newest first. */
export async function listWeeklySummaries(db: SocialDeskDB, ctx: SummaryContext, limit: number): Promise<WeeklySummaryRow[]> {
  await refreshWeeklySummaries(db, ctx);
  return db.weeklySummaries.orderBy(':id').reverse().limit(limit).toArray();
}

export async function markNotified(db: SocialDeskDB, startDay: string, at: number): Promise<void> {
  await db.weeklySummaries.update(startDay, { notifiedAt: at });
}
