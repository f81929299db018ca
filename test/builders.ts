import type { InspirationInput } from '@/lib/db/inspirations';
import type { InteractionRow } from '@/lib/db/schema';
import type { ExtractedComment, ExtractedPost, PageReading } from '@/lib/platforms/types';
import type { WeekTotals } from '@/lib/stats/week-format';

/** Small hand-built readings for database and messaging tests (no DOM involved). */
export const ME = 'https://www.linkedin.com/in/mei-lin-coffee/';
export const NOW = Date.UTC(2026, 10, 27, 4, 0); // Friday 2026-11-27, noon in Taipei

export function post(id: string, over: Partial<ExtractedPost> = {}): ExtractedPost {
  return {
    platform: 'linkedin',
    postId: id,
    url: `https://www.linkedin.com/feed/update/urn:li:activity:${id}/`,
    author: { name: 'Mei Lin', profileUrl: ME },
    text: '新豆上架！ New beans are in.',
    mediaKind: 'text',
    publishedAt: { at: NOW - 2 * 86_400_000, precision: 'day' },
    counts: { reactions: 10, comments: 2, shares: 1, views: null },
    ...over,
  };
}

export function comment(id: string, postId: string, over: Partial<ExtractedComment> = {}): ExtractedComment {
  return {
    platform: 'linkedin',
    commentId: id,
    postId,
    parentId: null,
    author: { name: 'Chen Wei', profileUrl: 'https://www.linkedin.com/in/chen-wei/' },
    text: '請問有賣掛耳包嗎？',
    time: { at: NOW - 3 * 3_600_000, precision: 'hour' },
    ...over,
  };
}

export function reading(posts: ExtractedPost[], comments: ExtractedComment[], over: Partial<PageReading> = {}): PageReading {
  return {
    platform: 'linkedin',
    adapterVersion: 'test',
    posts,
    comments,
    ownIdentity: { name: 'Mei Lin', profileUrl: ME },
    health: { post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] },
    ...over,
  };
}

/** A stored interaction (lib/db/schema.ts): an open comment received on LinkedIn unless `over` says otherwise. */
export function interactionRow(id: string, over: Partial<InteractionRow> = {}): InteractionRow {
  return {
    id,
    kind: 'comment_received',
    platform: 'linkedin',
    postKey: 'linkedin:1',
    platformItemId: id.split(':').slice(2).join(':'),
    parentItemId: null,
    actorName: 'Chen Wei',
    actorUrl: null,
    text: '請問有賣掛耳包嗎？',
    occurredAt: Date.UTC(2026, 10, 26, 17, 30),
    occurredPrecision: 'minute',
    capturedAt: Date.UTC(2026, 10, 27),
    status: 'open',
    repliedById: null,
    inReplyToId: null,
    responseMs: null,
    templateId: null,
    site: null,
    ...over,
  };
}

/** A post to save to the inspiration library (lib/db/inspirations.ts saveInspiration). */
export function inspirationInput(id: string, over: Partial<InspirationInput> = {}): InspirationInput {
  return {
    platform: 'instagram',
    postId: id,
    url: `https://www.instagram.com/p/${id}/`,
    authorName: 'taipeifoodie',
    authorUrl: 'https://www.instagram.com/taipeifoodie/',
    text: 'Pour-over coffee at dawn',
    mediaKind: 'image',
    mediaUrl: null,
    publishedAt: null,
    counts: null,
    savedFromUrl: 'https://www.instagram.com/',
    tags: null,
    note: null,
    ...over,
  };
}

/** A week's totals, all zero (no rates) but for what is given. */
export function weekTotals(over: Partial<WeekTotals> = {}): WeekTotals {
  return {
    commentsReceived: 0,
    repliesSent: 0,
    commentsAnswered: 0,
    responseRate: null,
    medianResponseMs: null,
    reactionsGained: 0,
    sharesGained: 0,
    postsPublished: 0,
    ...over,
  };
}
