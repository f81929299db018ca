import { z } from 'zod';
import { PLATFORMS } from '../platforms/types';
import { topPostSchema, weekTotalsSchema, type TopPost, type WeekTotals } from './week-format';

/**
 * The shapes of a stored weekly summary, as Zod schemas (zod only, so the
 * message protocol can use them without pulling the database into content
 * scripts); the week figures it is made of are in week-format.ts. Types are
 * inferred from them, so what the background sends is exactly what the pages
 * parse.
 */

const platform = z.enum(PLATFORMS);
const count = z.number();

export { weekTotalsSchema, topPostSchema, type WeekTotals, type TopPost };

export const platformTotalsSchema = z.object({ platform, totals: weekTotalsSchema });
export type PlatformTotals = z.infer<typeof platformTotalsSchema>;

export const engagerSchema = z.object({ name: z.string(), profileUrl: z.string().nullable(), platform, comments: count });
export type Engager = z.infer<typeof engagerSchema>;

/**
 * Next actions, as data: the pages word them in the user's language.
 * `platform` is where it applies; numbers are raw (ratios 0–1, durations in ms).
 */
export const nextActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answer_questions'), platform, count }),
  z.object({ kind: z.literal('answer_comments'), platform, count }),
  z.object({ kind: z.literal('negative_up'), share: z.number(), previousShare: z.number() }),
  z.object({ kind: z.literal('negative_high'), share: z.number() }),
  z.object({ kind: z.literal('slower_replies'), medianMs: z.number(), previousMedianMs: z.number() }),
  z.object({ kind: z.literal('low_response_rate'), rate: z.number() }),
  z.object({ kind: z.literal('follow_up_post'), platform, excerpt: z.string(), engagement: count }),
  z.object({ kind: z.literal('thank_engager'), name: z.string(), platform, comments: count }),
  z.object({ kind: z.literal('post_again') }),
  z.object({ kind: z.literal('keep_going') }),
  z.object({ kind: z.literal('no_activity') }),
]);
export type NextAction = z.infer<typeof nextActionSchema>;

export const weeklySummarySchema = z.object({
  /** First and last day of the week (`YYYY-MM-DD`), cut with these settings. */
  startDay: z.string(),
  endDay: z.string(),
  weekStart: z.number().int().min(0).max(6),
  timeZone: z.string(),
  /** Whether anything at all was recorded in the week. */
  hasData: z.boolean(),
  total: weekTotalsSchema,
  /** The week before, for "against the week before". */
  previousTotal: weekTotalsSchema,
  byPlatform: z.array(platformTotalsSchema),
  topPosts: z.array(topPostSchema),
  topEngagers: z.array(engagerSchema),
  /** Received comments of the week by what they look like (a heuristic, never certain). */
  tone: z.object({
    comments: count,
    negative: count,
    questions: count,
    /** negative / comments, null without comments. */
    negativeShare: z.number().nullable(),
    /** The same share the week before, null without comments then. */
    previousNegativeShare: z.number().nullable(),
  }),
  /** Comments received in the week that are still waiting for a reply (not answered, not dismissed). */
  unanswered: z.object({
    total: count,
    byPlatform: z.array(z.object({ platform, comments: count, questions: count })),
  }),
  actions: z.array(nextActionSchema),
});
export type WeeklySummary = z.infer<typeof weeklySummarySchema>;
