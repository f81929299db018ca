import { describe, expect, it } from 'vitest';
import { tEn, tZh } from '@/test/i18n';
import type { WeeklySummary } from './summary-format';
import { actionText, changeOf, escapeMarkdown, formatDayRange as formatDayRangeIntl, summaryMarkdown as summaryMarkdownIntl } from './summary-text';
import { weekTotals } from '@/test/builders';

// Intl puts thin spaces around the dash of a range; compared here as plain spaces.
const plain = (s: string) => s.replace(/[\u2009\u202f]/g, ' ');
const formatDayRange = (...a: Parameters<typeof formatDayRangeIntl>) => plain(formatDayRangeIntl(...a));
const summaryMarkdown = (...a: Parameters<typeof summaryMarkdownIntl>) => plain(summaryMarkdownIntl(...a));

const H = 3_600_000;
const totals = weekTotals;

const summary: WeeklySummary = {
  startDay: '2026-12-28',
  endDay: '2027-01-03',
  weekStart: 1,
  timeZone: 'Asia/Taipei',
  hasData: true,
  total: totals({ commentsReceived: 42, repliesSent: 30, commentsAnswered: 30, responseRate: 30 / 42, medianResponseMs: 2 * H, reactionsGained: 120, sharesGained: 4, postsPublished: 3 }),
  previousTotal: totals({ commentsReceived: 30, repliesSent: 30, commentsAnswered: 27, responseRate: 0.9, medianResponseMs: 1.5 * H, reactionsGained: 150, postsPublished: 3 }),
  byPlatform: [
    { platform: 'instagram', totals: totals({ commentsReceived: 30, repliesSent: 20, responseRate: 0.6, reactionsGained: 100 }) },
    { platform: 'linkedin', totals: totals({ commentsReceived: 12, repliesSent: 10, responseRate: 10 / 12, reactionsGained: 20 }) },
  ],
  topPosts: [
    { key: 'instagram:a', platform: 'instagram', url: 'https://www.instagram.com/p/a_(b)/', excerpt: '**Sale** [today] only', reactions: 80, comments: 10, shares: 2, engagement: 92 },
    { key: 'linkedin:b', platform: 'linkedin', url: null, excerpt: '', reactions: 5, comments: 0, shares: 0, engagement: 5 },
  ],
  topEngagers: [{ name: '陳_怡婷', profileUrl: null, platform: 'instagram', comments: 4 }],
  tone: { comments: 42, negative: 5, questions: 12, negativeShare: 5 / 42, previousNegativeShare: 0.05 },
  unanswered: { total: 12, byPlatform: [{ platform: 'instagram', comments: 10, questions: 8 }, { platform: 'linkedin', comments: 2, questions: 0 }] },
  actions: [
    { kind: 'answer_questions', platform: 'instagram', count: 8 },
    { kind: 'negative_up', share: 5 / 42, previousShare: 0.05 },
    { kind: 'slower_replies', medianMs: 2 * H, previousMedianMs: 1.5 * H },
  ],
};

describe('changeOf', () => {
  it('uses percent for counts, points for rates, and knows when lower is better', () => {
    expect(changeOf(42, 30, 'count', tEn)).toEqual({ text: '↑ 40%', direction: 'up', good: true });
    expect(changeOf(0.6, 0.9, 'ratio', tEn)).toEqual({ text: '↓ 30 pts', direction: 'down', good: false });
    expect(changeOf(2 * H, H, 'duration', tEn, true)).toEqual({ text: '↑ 100%', direction: 'up', good: false });
    expect(changeOf(3, 0, 'count', tEn)).toMatchObject({ text: '↑ new' });
    expect(changeOf(0, 0, 'count', tEn)).toMatchObject({ text: '→ 0%', good: null });
    expect(changeOf(null, 3, 'duration', tEn)).toEqual({ text: '', direction: null, good: null });
  });
});

describe('week ranges', () => {
  it('are written as calendar days, across a year end', () => {
    expect(formatDayRange('2026-12-28', '2027-01-03', 'en-US')).toBe('Dec 28, 2026 – Jan 3, 2027');
    expect(formatDayRange('2026-11-23', '2026-11-29', 'en-US')).toBe('Nov 23 – 29, 2026');
    expect(formatDayRange('2026-11-23', '2026-11-29', 'zh-TW')).toBe('2026年11月23日至11月29日');
    expect(formatDayRange('2026-12-28', '2027-01-03', 'zh-TW')).toBe('2026年12月28日至2027年1月3日');
  });
});

describe('next actions in words', () => {
  it('names the platform and the count, in English and Traditional Chinese', () => {
    expect(actionText({ kind: 'answer_questions', platform: 'instagram', count: 12 }, tEn)).toBe(
      'Questions still unanswered on Instagram: 12. Answer them first: people who ask are close to buying.',
    );
    expect(actionText({ kind: 'answer_questions', platform: 'instagram', count: 12 }, tZh)).toBe('Instagram 上還有 12 則提問尚未回覆。先回答它們：會發問的人往往最接近購買。');
    expect(actionText({ kind: 'slower_replies', medianMs: 5 * H, previousMedianMs: H }, tEn)).toBe(
      'Your median response time grew to 5.0 h (from 1.0 h). Try to answer within a few hours.',
    );
    expect(actionText({ kind: 'negative_high', share: 0.25 }, tZh)).toBe('有 25% 的留言是負面的。看看大家對什麼不滿意。');
  });
});

describe('summaryMarkdown', () => {
  it('is a complete report for a team chat, with page text escaped', () => {
    const md = summaryMarkdown(summary, tEn, 'en-US');
    expect(md).toBe(`## Week of Dec 28, 2026 – Jan 3, 2027

| Figure | This week | Week before | Change |
|---|---:|---:|---:|
| Comments received | 42 | 30 | ↑ 40% |
| Replies sent | 30 | 30 | → 0% |
| Response rate | 71% | 90% | ↓ 19 pts |
| Median response time | 2.0 h | 1.5 h | ↑ 33% |
| Reactions gained | 120 | 150 | ↓ 20% |
| Shares gained | 4 | 0 | ↑ new |
| Posts published | 3 | 3 | → 0% |

### By platform

| Platform | Comments received | Replies sent | Response rate | Reactions gained |
|---|---:|---:|---:|---:|
| Instagram | 30 | 20 | 60% | 100 |
| LinkedIn | 12 | 10 | 83% | 20 |

### Top posts

1. [\\*\\*Sale\\*\\* \\[today\\] only](<https://www.instagram.com/p/a_(b)/>) — engagement gained: 92 (reactions 80, comments 10, shares 2)
2. A post on LinkedIn — engagement gained: 5 (reactions 5, comments 0, shares 0)

### Most active commenters

- 陳\\_怡婷 (Instagram) — comments: 4

### Conversations

- Negative comments: 12%. (estimated from words and emoji, never certain)
- Comments still waiting for a reply: 12.

### Next actions

- Questions still unanswered on Instagram: 8. Answer them first: people who ask are close to buying.
- Negative comments rose to 12% (from 5% the week before). Read them and answer the complaints publicly and calmly.
- Your median response time grew to 2.0 h (from 1.5 h). Try to answer within a few hours.
`);
  });

  it('says plainly when a week had nothing', () => {
    const md = summaryMarkdown({ ...summary, hasData: false, actions: [{ kind: 'no_activity' }] }, tZh, 'zh-TW');
    expect(md).toContain('這週沒有任何紀錄。');
    expect(md).not.toContain('|');
  });

  it('escapes what Markdown would turn into formatting or links', () => {
    expect(escapeMarkdown('[x](javascript:alert(1)) *b* <i>')).toBe('\\[x\\]\\(javascript:alert\\(1\\)\\) \\*b\\* \\<i\\>');
  });
});
