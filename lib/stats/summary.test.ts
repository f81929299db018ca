import { describe, expect, it } from 'vitest';
import { emptyRollup, type DailyRollupRow } from '../db/schema';
import type { Platform } from '../platforms/types';
import { classifyTone, excerptOf, nextActions, summarizeWeek, type SummaryComment, type SummaryInput, type SummaryPost } from './summary';

const H = 3_600_000;

function rollup(day: string, platform: Platform, over: Partial<DailyRollupRow> = {}): DailyRollupRow {
  return { ...emptyRollup(day, platform), ...over };
}

function c(platform: Platform, actorName: string, text: string, status: SummaryComment['status'] = 'replied'): SummaryComment {
  return { platform, actorName, actorUrl: `https://example.com/${encodeURIComponent(actorName)}`, text, status };
}

const posts = new Map<string, SummaryPost>([
  ['instagram:a', { key: 'instagram:a', platform: 'instagram', url: 'https://www.instagram.com/p/a/', textExcerpt: '新豆上架！衣索比亞 耶加雪菲\n\n淺焙，花香與檸檬。' }],
  ['facebook:b', { key: 'facebook:b', platform: 'facebook', url: 'https://www.facebook.com/shop/posts/b', textExcerpt: 'Weekend brunch menu' }],
  ['facebook:c', { key: 'facebook:c', platform: 'facebook', url: 'https://www.facebook.com/shop/posts/c', textExcerpt: 'Closed on Monday' }],
  ['facebook:d', { key: 'facebook:d', platform: 'facebook', url: 'https://www.facebook.com/shop/posts/d', textExcerpt: 'Old news' }],
]);

function input(over: Partial<SummaryInput> = {}): SummaryInput {
  return {
    startDay: '2026-11-23',
    weekStart: 1,
    timeZone: 'Asia/Taipei',
    rows: [
      rollup('2026-11-23', 'instagram', {
        commentsReceived: 6,
        commentsAnswered: 2,
        repliesSent: 2,
        responseTimesMs: [1 * H, 5 * H],
        reactionsGained: 40,
        commentsGained: 6,
        sharesGained: 2,
        postsPublished: 1,
        postGains: { 'instagram:a': { reactions: 40, comments: 6, shares: 2 } },
      }),
      rollup('2026-11-25', 'facebook', {
        commentsReceived: 4,
        commentsAnswered: 4,
        repliesSent: 4,
        responseTimesMs: [2 * H, 2 * H, 3 * H, 9 * H],
        reactionsGained: 21,
        sharesGained: 1,
        postGains: {
          'facebook:b': { reactions: 12, comments: 0, shares: 1 },
          'facebook:c': { reactions: 9, comments: 0, shares: 0 },
          'facebook:d': { reactions: 0, comments: 0, shares: 0 },
        },
      }),
      rollup('2026-11-29', 'instagram', { reactionsGained: 5, postGains: { 'instagram:a': { reactions: 5, comments: 0, shares: 0 } } }),
    ],
    previousRows: [rollup('2026-11-18', 'instagram', { commentsReceived: 3, commentsAnswered: 3, repliesSent: 3, responseTimesMs: [H, H, H] })],
    comments: [
      c('instagram', '陳怡婷', '請問有賣掛耳包嗎？', 'open'),
      c('instagram', '陳怡婷', '幾錢？', 'open'),
      c('instagram', '陳怡婷', '好喝！'),
      c('instagram', 'Alex Wong', 'Still waiting for my order, very disappointed', 'open'),
      c('instagram', 'Alex Wong', 'Love it 😍'),
      c('instagram', 'Bo', '謝謝', 'dismissed'),
      c('facebook', 'Chris', 'What time do you open on Sunday?'),
      c('facebook', 'Dee', 'Great coffee'),
      c('facebook', 'Eve', '太慢了，很失望'),
      c('facebook', 'Fay', 'Nice'),
    ],
    previousNegativeShare: 0,
    posts,
    classify: classifyTone,
    ...over,
  };
}

describe('summarizeWeek', () => {
  it('sums the figures from the rollups, in total and per platform', () => {
    const s = summarizeWeek(input());
    expect(s).toMatchObject({ startDay: '2026-11-23', endDay: '2026-11-29', weekStart: 1, timeZone: 'Asia/Taipei', hasData: true });
    expect(s.total).toEqual({
      commentsReceived: 10,
      repliesSent: 6,
      commentsAnswered: 6,
      responseRate: 0.6,
      medianResponseMs: 2.5 * H,
      reactionsGained: 66,
      sharesGained: 3,
      postsPublished: 1,
    });
    expect(s.byPlatform.map((p) => [p.platform, p.totals.commentsReceived, p.totals.reactionsGained])).toEqual([
      ['facebook', 4, 21],
      ['instagram', 6, 45],
    ]);
    expect(s.previousTotal).toMatchObject({ commentsReceived: 3, responseRate: 1, medianResponseMs: H });
  });

  it('ranks the top 3 posts by engagement gained over the whole week, with their links', () => {
    const s = summarizeWeek(input());
    expect(s.topPosts.map((p) => [p.key, p.engagement, p.reactions, p.comments, p.shares])).toEqual([
      ['instagram:a', 53, 45, 6, 2],
      ['facebook:b', 13, 12, 0, 1],
      ['facebook:c', 9, 9, 0, 0],
    ]);
    expect(s.topPosts[0]).toMatchObject({ url: 'https://www.instagram.com/p/a/', excerpt: '新豆上架！衣索比亞 耶加雪菲 淺焙，花香與檸檬。' });
  });

  it('keeps a post whose row is gone, without a link', () => {
    const s = summarizeWeek(input({ posts: new Map() }));
    expect(s.topPosts[0]).toMatchObject({ key: 'instagram:a', url: null, excerpt: '' });
  });

  it('names who commented most, counting one person across their comments', () => {
    const s = summarizeWeek(input());
    expect(s.topEngagers.slice(0, 2)).toEqual([
      { name: '陳怡婷', profileUrl: 'https://example.com/%E9%99%B3%E6%80%A1%E5%A9%B7', platform: 'instagram', comments: 3 },
      { name: 'Alex Wong', profileUrl: 'https://example.com/Alex%20Wong', platform: 'instagram', comments: 2 },
    ]);
    expect(s.topEngagers).toHaveLength(5);
  });

  it('gives the share of negative comments and the comments still waiting, with questions per platform', () => {
    const s = summarizeWeek(input());
    expect(s.tone).toEqual({ comments: 10, negative: 2, questions: 3, negativeShare: 0.2, previousNegativeShare: 0 });
    // The dismissed one is not waiting; answered ones neither.
    expect(s.unanswered).toEqual({ total: 3, byPlatform: [{ platform: 'instagram', comments: 3, questions: 2 }] });
  });

  it('proposes two or three next actions, the most pressing first', () => {
    const s = summarizeWeek(input());
    expect(s.actions).toEqual([
      { kind: 'answer_questions', platform: 'instagram', count: 2 },
      { kind: 'negative_up', share: 0.2, previousShare: 0 },
      { kind: 'slower_replies', medianMs: 2.5 * H, previousMedianMs: H },
    ]);
  });

  it('says there was nothing this week instead of inventing actions', () => {
    const s = summarizeWeek(input({ rows: [], comments: [], previousRows: [] }));
    expect(s.hasData).toBe(false);
    expect(s.total.commentsReceived).toBe(0);
    expect(s.total.responseRate).toBeNull();
    expect(s.tone.negativeShare).toBeNull();
    expect(s.actions).toEqual([{ kind: 'no_activity' }]);
  });
});

describe('nextActions', () => {
  const base = summarizeWeek(input({ comments: [], rows: [input().rows[1]!], previousRows: [] }));

  it('celebrates a quiet good week with a follow-up on the best post and keeps it to at least two', () => {
    expect(base.actions[0]).toEqual({ kind: 'follow_up_post', platform: 'facebook', excerpt: 'Weekend brunch menu', engagement: 13 });
    expect(base.actions).toContainEqual({ kind: 'post_again' });
  });

  it('asks to answer comments (not questions) when the waiting ones ask nothing', () => {
    const actions = nextActions({ ...base, unanswered: { total: 4, byPlatform: [{ platform: 'x', comments: 4, questions: 0 }] } });
    expect(actions[0]).toEqual({ kind: 'answer_comments', platform: 'x', count: 4 });
  });

  it('flags a high negative share even without a week before to compare with', () => {
    const tone = { comments: 10, negative: 3, questions: 0, negativeShare: 0.3, previousNegativeShare: null };
    expect(nextActions({ ...base, tone })).toContainEqual({ kind: 'negative_high', share: 0.3 });
    // Too few comments for a share to mean anything.
    expect(nextActions({ ...base, tone: { ...tone, comments: 3, negative: 1, negativeShare: 1 / 3 } }).map((a) => a.kind)).not.toContain('negative_high');
  });

  it('thanks a regular commenter', () => {
    const fan = { name: 'Mei', profileUrl: null, platform: 'threads' as const, comments: 4 };
    const actions = nextActions({ ...base, topPosts: [], total: { ...base.total, postsPublished: 2 }, topEngagers: [fan] });
    expect(actions).toEqual([{ kind: 'thank_engager', name: 'Mei', platform: 'threads', comments: 4 }, { kind: 'keep_going' }]);
  });
});

describe('excerptOf', () => {
  it('flattens whitespace and cuts long text by characters, not UTF-16 units', () => {
    expect(excerptOf('a\n\n b')).toBe('a b');
    expect(excerptOf('😀'.repeat(100), 10)).toBe(`${'😀'.repeat(9)}…`);
  });
});
