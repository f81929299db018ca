import Dexie from 'dexie';
import type { WeekStats } from '../messaging/protocol';
import { currentWeekWindow, daysBetween } from '../stats/days';
import { totalsOf } from '../stats/week';
import type { SocialDeskDB } from './schema';

export interface WeekQuery {
  now: number;
  timeZone: string;
  /** 0 = Sunday, 1 = Monday… */
  weekStart: number;
}

/**
 * This week so far against the same days of last week, read from the daily
 * rollups only (at most 14 days × platforms rows), so it costs the same with a
 * day of history as with years.
 */
export async function getWeekStats(db: SocialDeskDB, q: WeekQuery): Promise<WeekStats> {
  const w = currentWeekWindow(q.now, q.timeZone, q.weekStart);
  const [rows, waiting, anyInteraction, anyPost] = await db.transaction('r', [db.dailyRollups, db.interactions, db.posts], () =>
    Promise.all([
      db.dailyRollups.where('day').between(w.lastStart, w.today, true, true).toArray(),
      db.interactions.where('[status+occurredAt]').between(['open', Dexie.minKey], ['open', Dexie.maxKey]).count(),
      db.interactions.limit(1).count(),
      db.posts.limit(1).count(),
    ]),
  );
  const thisWeek = rows.filter((r) => r.day >= w.start);
  const lastWeek = rows.filter((r) => r.day >= w.lastStart && r.day <= w.lastEnd);
  const days = daysBetween(w.start, w.today).map((day) => {
    const byPlatform: Record<string, number> = {};
    for (const r of thisWeek) if (r.day === day) byPlatform[r.platform] = r.commentsReceived + r.repliesSent;
    return { day, byPlatform };
  });
  return {
    weekStartDay: w.start,
    today: w.today,
    thisWeek: totalsOf(thisWeek),
    lastWeekSameDays: totalsOf(lastWeek),
    days,
    waiting,
    hasAnyData: anyInteraction + anyPost > 0,
  };
}
