import { formatCount, formatDuration, formatPercent } from '@/components/ui/format';
import type { Translate } from '../i18n';
import type { NextAction, WeeklySummary, WeekTotals } from './summary-format';

/**
 * The words around the figures, in the user's language: week ranges, changes
 * against the week before, next actions, and a whole summary as Markdown (to
 * paste into a team chat). Shared by the popup, the dashboard and the
 * notification. Pure: the translation function is passed in.
 */

/** `YYYY-MM-DD` → a Date at UTC midnight, formatted in UTC, so the calendar day never shifts. */
function utcDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function formatDay(day: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' }).format(utcDate(day));
}

/** "Nov 23 – 29, 2026" in English, "2026年11月23日至29日" in Chinese (the locale's own range format). */
export function formatDayRange(from: string, to: string, locale?: string): string {
  const resolved = locale ?? new Intl.DateTimeFormat().resolvedOptions().locale;
  if (/^zh\b/i.test(resolved)) {
    // ICU's Chinese range pattern falls back to numbers (2026/11/23至2026/11/29); this reads 2026年11月23日至11月29日.
    const full = new Intl.DateTimeFormat(resolved, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
    const sameYear = from.slice(0, 4) === to.slice(0, 4);
    const end = sameYear ? new Intl.DateTimeFormat(resolved, { timeZone: 'UTC', month: 'long', day: 'numeric' }) : full;
    return `${full.format(utcDate(from))}至${end.format(utcDate(to))}`;
  }
  const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
  return f.formatRange(utcDate(from), utcDate(to));
}

export function formatShortDayRange(from: string, to: string, locale?: string): string {
  const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
  return f.formatRange(utcDate(from), utcDate(to));
}

export function formatShortDay(day: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'numeric', day: 'numeric' }).format(utcDate(day));
}

export type MetricKey = keyof Omit<WeekTotals, 'commentsAnswered'>;

/** The figures every view shows, in order, with their i18n key. */
export const METRICS: Array<{ key: MetricKey; label: string; kind: 'count' | 'ratio' | 'duration'; lowerIsBetter?: boolean }> = [
  { key: 'commentsReceived', label: 'metricCommentsReceived', kind: 'count' },
  { key: 'repliesSent', label: 'metricRepliesSent', kind: 'count' },
  { key: 'responseRate', label: 'metricResponseRate', kind: 'ratio' },
  { key: 'medianResponseMs', label: 'metricMedianResponse', kind: 'duration', lowerIsBetter: true },
  { key: 'reactionsGained', label: 'metricReactionsGained', kind: 'count' },
  { key: 'sharesGained', label: 'metricSharesGained', kind: 'count' },
  { key: 'postsPublished', label: 'metricPostsPublished', kind: 'count' },
];

export function formatMetric(kind: 'count' | 'ratio' | 'duration', value: number | null, t: Translate): string {
  if (value === null) return '–';
  if (kind === 'ratio') return formatPercent(value);
  if (kind === 'duration') return formatDuration(value, t);
  return formatCount(value);
}

export interface Change {
  /** e.g. "↑ 12%", "↓ 5 pts", "↑ new", "→ 0%"; empty when there is nothing to compare. */
  text: string;
  direction: 'up' | 'down' | 'flat' | null;
  /** Whether the change is good news (null: neutral or unknown). */
  good: boolean | null;
}

/**
 * The change from `before` to `now`: relative for counts and durations,
 * in percentage points for ratios (a response rate from 80% to 60% is "↓ 20 pts").
 */
export function changeOf(now: number | null, before: number | null, kind: 'count' | 'ratio' | 'duration', t: Translate, lowerIsBetter = false): Change {
  if (now === null || before === null) return { text: '', direction: null, good: null };
  const direction = now > before ? 'up' : now < before ? 'down' : 'flat';
  const good = direction === 'flat' ? null : (direction === 'up') !== lowerIsBetter;
  const arrow = direction === 'up' ? '↑' : direction === 'down' ? '↓' : '→';
  if (kind === 'ratio') {
    const points = Math.round(Math.abs(now - before) * 100);
    return { text: `${arrow} ${t('changePoints', String(points))}`, direction, good };
  }
  if (before === 0) return { text: now === 0 ? '→ 0%' : `↑ ${t('changeNew')}`, direction, good };
  const pct = Math.round((Math.abs(now - before) / Math.abs(before)) * 100);
  return { text: `${arrow} ${pct}%`, direction, good };
}

export function platformName(platform: string, t: Translate): string {
  return t(`platform_${platform}`);
}

/** One next action as a plain sentence. */
export function actionText(action: NextAction, t: Translate): string {
  switch (action.kind) {
    case 'answer_questions':
      return t('action_answer_questions', [formatCount(action.count), platformName(action.platform, t)]);
    case 'answer_comments':
      return t('action_answer_comments', [formatCount(action.count), platformName(action.platform, t)]);
    case 'negative_up':
      return t('action_negative_up', [formatPercent(action.share), formatPercent(action.previousShare)]);
    case 'negative_high':
      return t('action_negative_high', formatPercent(action.share));
    case 'slower_replies':
      return t('action_slower_replies', [formatDuration(action.medianMs, t), formatDuration(action.previousMedianMs, t)]);
    case 'low_response_rate':
      return t('action_low_response_rate', formatPercent(action.rate));
    case 'follow_up_post':
      return t('action_follow_up_post', [action.excerpt || platformName(action.platform, t), formatCount(action.engagement)]);
    case 'thank_engager':
      return t('action_thank_engager', [action.name, formatCount(action.comments), platformName(action.platform, t)]);
    case 'post_again':
      return t('action_post_again');
    case 'keep_going':
      return t('action_keep_going');
    case 'no_activity':
      return t('action_no_activity');
  }
}

/** Markdown's special characters in text from pages (names, post text) are escaped, so they stay text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

function markdownLink(label: string, url: string | null): string {
  if (!url) return escapeMarkdown(label);
  // Angle brackets keep an address with parentheses or spaces in one piece.
  const safe = url.replace(/[<>\s]/g, encodeURIComponent);
  return `[${escapeMarkdown(label)}](<${safe}>)`;
}

/** A whole summary, readable on its own, as Markdown for a team chat. */
export function summaryMarkdown(s: WeeklySummary, t: Translate, locale?: string): string {
  const lines: string[] = [];
  lines.push(`## ${t('summaryHeading', formatDayRange(s.startDay, s.endDay, locale))}`, '');
  if (!s.hasData) {
    lines.push(t('summaryNoData'), '');
  } else {
    lines.push(`| ${t('metricColumn')} | ${t('summaryThisWeek')} | ${t('summaryWeekBefore')} | ${t('summaryChange')} |`, '|---|---:|---:|---:|');
    for (const m of METRICS) {
      const now = s.total[m.key];
      const before = s.previousTotal[m.key];
      lines.push(`| ${t(m.label)} | ${formatMetric(m.kind, now, t)} | ${formatMetric(m.kind, before, t)} | ${changeOf(now, before, m.kind, t, m.lowerIsBetter).text} |`);
    }
    lines.push('');
    if (s.byPlatform.length > 1) {
      lines.push(`### ${t('summaryByPlatform')}`, '');
      lines.push(`| ${t('logPlatform')} | ${t('metricCommentsReceived')} | ${t('metricRepliesSent')} | ${t('metricResponseRate')} | ${t('metricReactionsGained')} |`, '|---|---:|---:|---:|---:|');
      for (const p of s.byPlatform) {
        lines.push(
          `| ${platformName(p.platform, t)} | ${formatCount(p.totals.commentsReceived)} | ${formatCount(p.totals.repliesSent)} | ${formatMetric('ratio', p.totals.responseRate, t)} | ${formatCount(p.totals.reactionsGained)} |`,
        );
      }
      lines.push('');
    }
    if (s.topPosts.length) {
      lines.push(`### ${t('summaryTopPosts')}`, '');
      s.topPosts.forEach((p, i) => {
        const label = p.excerpt || t('summaryPostWithoutText', platformName(p.platform, t));
        lines.push(`${i + 1}. ${markdownLink(label, p.url)} — ${t('summaryPostGain', [formatCount(p.engagement), formatCount(p.reactions), formatCount(p.comments), formatCount(p.shares)])}`);
      });
      lines.push('');
    }
    if (s.topEngagers.length) {
      lines.push(`### ${t('summaryTopEngagers')}`, '');
      for (const e of s.topEngagers) lines.push(`- ${escapeMarkdown(e.name)} (${platformName(e.platform, t)}) — ${t('summaryEngagerComments', formatCount(e.comments))}`);
      lines.push('');
    }
    lines.push(`### ${t('summaryConversations')}`, '');
    lines.push(`- ${t('summaryNegativeShare', s.tone.negativeShare === null ? '–' : formatPercent(s.tone.negativeShare))} ${t('summaryHeuristicNote')}`);
    lines.push(`- ${t('summaryUnanswered', formatCount(s.unanswered.total))}`);
    lines.push('');
  }
  lines.push(`### ${t('summaryNextActions')}`, '');
  for (const a of s.actions) lines.push(`- ${actionText(a, t)}`);
  return `${lines.join('\n').trimEnd()}\n`;
}
