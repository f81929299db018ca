import type { DailyRollupRow } from '../db/schema';
import type { WeekTotals } from '../messaging/protocol';

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Sums rollup rows into the figures the popup and summaries show. */
export function totalsOf(rows: DailyRollupRow[]): WeekTotals {
  let commentsReceived = 0;
  let repliesSent = 0;
  let commentsAnswered = 0;
  let reactionsGained = 0;
  let sharesGained = 0;
  let postsPublished = 0;
  const times: number[] = [];
  for (const r of rows) {
    commentsReceived += r.commentsReceived;
    repliesSent += r.repliesSent;
    commentsAnswered += r.commentsAnswered;
    reactionsGained += r.reactionsGained;
    sharesGained += r.sharesGained;
    postsPublished += r.postsPublished;
    times.push(...r.responseTimesMs);
  }
  return {
    commentsReceived,
    repliesSent,
    commentsAnswered,
    responseRate: commentsReceived > 0 ? commentsAnswered / commentsReceived : null,
    medianResponseMs: median(times),
    reactionsGained,
    sharesGained,
    postsPublished,
  };
}
