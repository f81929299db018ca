import * as z from 'zod/mini';
import { PLATFORMS } from '../platforms/types';
import { topPostSchema, weekTotalsSchema } from '../stats/week-format';
import { responseEnvelope } from './envelope';

/**
 * The answers the toolbar popup reads (UI_GET_WEEK_STATS, UI_STORAGE_STATE), in
 * Zod's small build (`zod/mini`): the popup checks them without loading the
 * full build and the schemas of every other message, which cost it most of its
 * script time (BENCHMARKS.md, popup at scale). protocol.ts uses these same
 * schemas for these messages.
 */

export const weekStatsSchema = z.object({
  weekStartDay: z.string(),
  today: z.string(),
  thisWeek: weekTotalsSchema,
  lastWeekSameDays: weekTotalsSchema,
  /** The seven days of this week (days after today are empty): comments received per platform. */
  days: z.array(z.object({ day: z.string(), byPlatform: z.record(z.string(), z.number()) })),
  byPlatform: z.array(z.object({ platform: z.enum(PLATFORMS), thisWeek: weekTotalsSchema, lastWeekSameDays: weekTotalsSchema })),
  /** The own post that gained the most engagement this week so far. */
  topPost: z.nullable(topPostSchema),
  waiting: z.number(),
  /** More than `waiting` wait (the popup counts up to lib/db/stats.ts WAITING_COUNT_CAP). */
  waitingMore: z.boolean(),
  hasAnyData: z.boolean(),
});
export type WeekStats = z.infer<typeof weekStatsSchema>;

/** Since when writes are refused for want of room (epoch ms), or null. */
export const storageStateSchema = z.object({ fullSince: z.nullable(z.number()) });

/** The popup's requests and the schemas of their answers, for lib/messaging/send.ts sendChecked. */
export const popupAnswers = {
  UI_GET_WEEK_STATS: responseEnvelope(weekStatsSchema),
  UI_STORAGE_STATE: responseEnvelope(storageStateSchema),
};
