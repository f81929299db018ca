import * as z from 'zod/mini';
import { PLATFORMS } from '../platforms/types';

/**
 * The shapes of the week figures the popup shows, in Zod's small build
 * (`zod/mini`): the popup checks its answer with them without loading the full
 * build and every other message's schema (lib/messaging/popup-protocol.ts).
 * The full build's schemas take them as they are (summary-format.ts,
 * protocol.ts), so there is one definition of each.
 */

const platform = z.enum(PLATFORMS);
const count = z.number();

export const weekTotalsSchema = z.object({
  commentsReceived: count,
  repliesSent: count,
  commentsAnswered: count,
  responseRate: z.nullable(z.number()),
  medianResponseMs: z.nullable(z.number()),
  reactionsGained: count,
  sharesGained: count,
  postsPublished: count,
});
export type WeekTotals = z.infer<typeof weekTotalsSchema>;

/** A post ranked by the engagement (reactions + comments + shares) it gained in a week. */
export const topPostSchema = z.object({
  key: z.string(),
  platform,
  /** null when the post row is gone (e.g. deleted), the gain is still the rollups'. */
  url: z.nullable(z.string()),
  excerpt: z.string(),
  reactions: count,
  comments: count,
  shares: count,
  engagement: count,
});
export type TopPost = z.infer<typeof topPostSchema>;
