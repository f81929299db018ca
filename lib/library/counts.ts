import type { SavedCounts } from '../db/schema';

/**
 * Count arithmetic of saved posts. A count is `null` when the page did not show
 * it (unknown, never 0), so engagement adds only the known ones and growth
 * compares only the counts known at both readings.
 */

const ENGAGEMENT_FIELDS = ['reactions', 'comments', 'shares'] as const;
const ALL_FIELDS = ['reactions', 'comments', 'shares', 'views'] as const;

export function hasKnownCount(counts: SavedCounts | null | undefined): counts is SavedCounts {
  return !!counts && ALL_FIELDS.some((k) => counts[k] !== null);
}

/** Reactions + comments + shares (views are not engagement, and most pages do not show them). */
export function engagementOf(counts: SavedCounts | null | undefined): number | null {
  if (!counts) return null;
  let sum: number | null = null;
  for (const k of ENGAGEMENT_FIELDS) {
    const v = counts[k];
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum;
}

/** Engagement gained since saving, over the engagement counts known at both readings. */
export function growthOf(atSave: SavedCounts | null | undefined, now: SavedCounts | null | undefined): number | null {
  if (!atSave || !now) return null;
  let sum: number | null = null;
  for (const k of ENGAGEMENT_FIELDS) {
    const before = atSave[k];
    const after = now[k];
    if (before !== null && after !== null) sum = (sum ?? 0) + (after - before);
  }
  return sum;
}

/** The newer reading's known counts over the older ones (a count the page stopped showing keeps its last value). */
export function mergeCounts(older: SavedCounts | null | undefined, newer: SavedCounts): SavedCounts {
  const out: SavedCounts = { reactions: null, comments: null, shares: null, views: null };
  for (const k of ALL_FIELDS) out[k] = newer[k] ?? older?.[k] ?? null;
  return out;
}

/** Whether a new reading shows a known count that differs from the last one. */
export function countsChanged(last: SavedCounts | null | undefined, next: SavedCounts): boolean {
  return ALL_FIELDS.some((k) => next[k] !== null && next[k] !== (last ? last[k] : null));
}

export function pickCounts(c: SavedCounts): SavedCounts {
  return { reactions: c.reactions, comments: c.comments, shares: c.shares, views: c.views };
}
