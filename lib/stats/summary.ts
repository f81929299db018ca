import type { DailyRollupRow, InteractionStatus, PostGain } from '../db/schema';
import type { Platform } from '../platforms/types';
import { classifyComment } from '../templates/classify';
import { addDays } from './days';
import type { Engager, NextAction, PlatformTotals, TopPost, WeeklySummary } from './summary-format';
import { totalsOf } from './week';

/**
 * A finished week in a few figures and sentences (pure: the database layer,
 * lib/db/summaries.ts, gathers the inputs). The figures come from the daily
 * rollups through `totalsOf`, the same function the popup uses, so both always
 * agree for the same days.
 */

/** What a comment looks like, from a heuristic classifier (never certain). */
export interface CommentTone {
  negative: boolean;
  question: boolean;
}
export type ToneClassifier = (text: string) => CommentTone;

/** The shared comment classifier (lib/templates/classify.ts): a complaint phrased as a question counts as negative. */
export const classifyTone: ToneClassifier = (text) => {
  const { kind } = classifyComment(text);
  return { negative: kind === 'negative', question: kind === 'question' };
};

export interface SummaryComment {
  platform: Platform;
  actorName: string;
  actorUrl: string | null;
  text: string;
  status: InteractionStatus;
}

export interface SummaryPost {
  key: string;
  platform: Platform;
  url: string;
  textExcerpt: string;
}

export interface SummaryInput {
  startDay: string;
  weekStart: number;
  timeZone: string;
  /** The rollup rows of the week's seven days, and of the seven days before. */
  rows: DailyRollupRow[];
  previousRows: DailyRollupRow[];
  /** Every comment received in the week (occurredAt within it), with its status now. */
  comments: SummaryComment[];
  /** The negative share of the week before (null: no comments then). */
  previousNegativeShare: number | null;
  /** The posts the week's rollups name in postGains (missing ones are shown without a link). */
  posts: ReadonlyMap<string, SummaryPost>;
  classify: ToneClassifier;
}

export const TOP_POSTS = 3;
export const TOP_ENGAGERS = 5;
const EXCERPT = 80;

/** Thresholds of the next actions, named so the tests and the wording can refer to them. */
export const ACTION_RULES = {
  /** A negative share worth mentioning at all, and with how many comments. */
  negativeShare: 0.2,
  negativeRise: 0.05,
  minCommentsForShares: 5,
  /** Median response time: this much slower than the week before, and at least an hour. */
  slowerFactor: 1.5,
  slowerMinMs: 3_600_000,
  lowResponseRate: 0.5,
  thankMinComments: 3,
} as const;

export function excerptOf(text: string, max = EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

/** Sums the week's per-post gains (reactions, comments, shares) from the rollups. */
export function postGainsOf(rows: DailyRollupRow[]): Map<string, PostGain & { platform: Platform }> {
  const gains = new Map<string, PostGain & { platform: Platform }>();
  for (const row of rows) {
    for (const [key, gain] of Object.entries(row.postGains)) {
      const sum = gains.get(key) ?? { platform: row.platform, reactions: 0, comments: 0, shares: 0 };
      sum.reactions += gain.reactions;
      sum.comments += gain.comments;
      sum.shares += gain.shares;
      gains.set(key, sum);
    }
  }
  return gains;
}

/** The posts that gained the most engagement (reactions + comments + shares), ties by key for a stable order. */
export function topPostsOf(rows: DailyRollupRow[], posts: ReadonlyMap<string, SummaryPost>, limit = TOP_POSTS): TopPost[] {
  return [...postGainsOf(rows)]
    .map(([key, g]) => ({ key, g, engagement: g.reactions + g.comments + g.shares }))
    .filter((p) => p.engagement > 0)
    .sort((a, b) => b.engagement - a.engagement || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map(({ key, g, engagement }) => {
      const post = posts.get(key);
      return {
        key,
        platform: g.platform,
        url: post ? post.url : null,
        excerpt: post ? excerptOf(post.textExcerpt) : '',
        reactions: g.reactions,
        comments: g.comments,
        shares: g.shares,
        engagement,
      };
    });
}

function byPlatformOf(rows: DailyRollupRow[]): PlatformTotals[] {
  const platforms = [...new Set(rows.map((r) => r.platform))].sort();
  return platforms.map((platform) => ({ platform, totals: totalsOf(rows.filter((r) => r.platform === platform)) }));
}

function topEngagersOf(comments: SummaryComment[]): Engager[] {
  const people = new Map<string, Engager>();
  for (const c of comments) {
    const name = c.actorName.trim();
    if (!name && !c.actorUrl) continue;
    const key = `${c.platform}|${c.actorUrl ?? name}`;
    const seen = people.get(key);
    if (seen) seen.comments++;
    else people.set(key, { name: name || (c.actorUrl as string), profileUrl: c.actorUrl, platform: c.platform, comments: 1 });
  }
  return [...people.values()].sort((a, b) => b.comments - a.comments || a.name.localeCompare(b.name)).slice(0, TOP_ENGAGERS);
}

export function summarizeWeek(input: SummaryInput): WeeklySummary {
  const total = totalsOf(input.rows);
  const previousTotal = totalsOf(input.previousRows);
  const tones = input.comments.map((c) => ({ c, tone: input.classify(c.text) }));
  const negative = tones.filter((x) => x.tone.negative).length;
  const questions = tones.filter((x) => x.tone.question).length;
  const open = tones.filter((x) => x.c.status === 'open');
  const unansweredPlatforms = [...new Set(open.map((x) => x.c.platform))]
    .map((platform) => {
      const here = open.filter((x) => x.c.platform === platform);
      return { platform, comments: here.length, questions: here.filter((x) => x.tone.question).length };
    })
    .sort((a, b) => b.questions - a.questions || b.comments - a.comments || a.platform.localeCompare(b.platform));
  const summary: WeeklySummary = {
    startDay: input.startDay,
    endDay: addDays(input.startDay, 6),
    weekStart: input.weekStart,
    timeZone: input.timeZone,
    hasData: input.rows.length > 0 || input.comments.length > 0,
    total,
    previousTotal,
    byPlatform: byPlatformOf(input.rows),
    topPosts: topPostsOf(input.rows, input.posts),
    topEngagers: topEngagersOf(input.comments),
    tone: {
      comments: input.comments.length,
      negative,
      questions,
      negativeShare: input.comments.length > 0 ? negative / input.comments.length : null,
      previousNegativeShare: input.previousNegativeShare,
    },
    unanswered: { total: open.length, byPlatform: unansweredPlatforms },
    actions: [],
  };
  summary.actions = nextActions(summary);
  return summary;
}

/** Two or three plain next steps, most pressing first. */
export function nextActions(s: Omit<WeeklySummary, 'actions'>): NextAction[] {
  if (!s.hasData) return [{ kind: 'no_activity' }];
  const R = ACTION_RULES;
  const out: NextAction[] = [];
  for (const p of s.unanswered.byPlatform.slice(0, 2)) {
    out.push(p.questions > 0 ? { kind: 'answer_questions', platform: p.platform, count: p.questions } : { kind: 'answer_comments', platform: p.platform, count: p.comments });
  }
  const share = s.tone.negativeShare;
  if (share !== null && s.tone.comments >= R.minCommentsForShares && s.tone.negative > 0) {
    const before = s.tone.previousNegativeShare;
    if (before !== null && share >= before + R.negativeRise) out.push({ kind: 'negative_up', share, previousShare: before });
    else if (share >= R.negativeShare) out.push({ kind: 'negative_high', share });
  }
  const median = s.total.medianResponseMs;
  const medianBefore = s.previousTotal.medianResponseMs;
  const rate = s.total.responseRate;
  if (median !== null && medianBefore !== null && median >= R.slowerMinMs && median > medianBefore * R.slowerFactor) {
    out.push({ kind: 'slower_replies', medianMs: median, previousMedianMs: medianBefore });
  } else if (rate !== null && s.total.commentsReceived >= R.minCommentsForShares && rate < R.lowResponseRate) {
    out.push({ kind: 'low_response_rate', rate });
  }
  const top = s.topPosts[0];
  if (top) out.push({ kind: 'follow_up_post', platform: top.platform, excerpt: top.excerpt, engagement: top.engagement });
  if (s.total.postsPublished === 0) out.push({ kind: 'post_again' });
  const fan = s.topEngagers[0];
  if (fan && fan.comments >= R.thankMinComments) out.push({ kind: 'thank_engager', name: fan.name, platform: fan.platform, comments: fan.comments });
  if (out.length < 2) out.push({ kind: 'keep_going' });
  return out.slice(0, 3);
}
