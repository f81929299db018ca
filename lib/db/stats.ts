import type { WeekStats } from '../messaging/protocol';
import { addDays, currentWeekWindow, daysBetween } from '../stats/days';
import { topPostsOf, type SummaryPost } from '../stats/summary';
import { totalsOf } from '../stats/week';
import { countOpenComments } from './rollups';
import type { SocialDeskDB } from './schema';

export interface WeekQuery {
  now: number;
  timeZone: string;
  /** 0 = Sunday, 1 = Monday… */
  weekStart: number;
}

/** The popup shows waiting comments up to this many and says "1,000+" beyond; the dashboard's queue counts them all. */
export const WAITING_COUNT_CAP = 1000;

/**
 * This week so far against the same days of last week, read from the rollups
 * only (at most 14 days × platforms rows, the open-comments rows, plus one post
 * row for the top post and the first key of two tables), so it costs the same
 * with a day of history as with years.
 */
export async function getWeekStats(db: SocialDeskDB, q: WeekQuery): Promise<WeekStats> {
  const w = currentWeekWindow(q.now, q.timeZone, q.weekStart);
  const [rows, open, anyInteraction, anyPost] = await db.transaction('r', [db.dailyRollups, db.interactions, db.posts], () =>
    Promise.all([
      db.dailyRollups.where('day').between(w.lastStart, w.today, true, true).toArray(),
      countOpenComments(db),
      db.interactions.limit(1).primaryKeys(),
      db.posts.limit(1).primaryKeys(),
    ]),
  );
  const thisWeek = rows.filter((r) => r.day >= w.start);
  const lastWeek = rows.filter((r) => r.day >= w.lastStart && r.day <= w.lastEnd);
  const days = daysBetween(w.start, addDays(w.start, 6)).map((day) => {
    const byPlatform: Record<string, number> = {};
    for (const r of thisWeek) if (r.day === day && r.commentsReceived > 0) byPlatform[r.platform] = r.commentsReceived;
    return { day, byPlatform };
  });
  const platforms = [...new Set([...thisWeek, ...lastWeek].map((r) => r.platform))].sort();
  const byPlatform = platforms.map((platform) => ({
    platform,
    thisWeek: totalsOf(thisWeek.filter((r) => r.platform === platform)),
    lastWeekSameDays: totalsOf(lastWeek.filter((r) => r.platform === platform)),
  }));
  // Rank first without post rows, then read only the winner's.
  const [best] = topPostsOf(thisWeek, new Map(), 1);
  let topPost = best ?? null;
  if (best) {
    const row = await db.posts.get(best.key);
    if (row) topPost = topPostsOf(thisWeek, new Map<string, SummaryPost>([[row.key, row]]), 1)[0] ?? best;
  }
  return {
    weekStartDay: w.start,
    today: w.today,
    thisWeek: totalsOf(thisWeek),
    lastWeekSameDays: totalsOf(lastWeek),
    days,
    byPlatform,
    topPost,
    waiting: Math.min(open, WAITING_COUNT_CAP),
    waitingMore: open > WAITING_COUNT_CAP,
    hasAnyData: anyInteraction.length + anyPost.length > 0,
  };
}
