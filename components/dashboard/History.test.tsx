import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { WeeklySummaries } from '@/lib/messaging/protocol';
import { addDays } from '@/lib/stats/days';
import type { WeeklySummary } from '@/lib/stats/summary-format';
import { renderWithI18n } from '@/test/i18n';
import { History, type HistoryProps } from './History';
import { weekTotals } from '@/test/builders';

const H = 3_600_000;
const totals = weekTotals;

function week(startDay: string, comments: number, over: Partial<WeeklySummary> = {}): WeeklySummary {
  return {
    startDay,
    endDay: addDays(startDay, 6),
    weekStart: 1,
    timeZone: 'Asia/Taipei',
    hasData: comments > 0,
    total: totals({ commentsReceived: comments, repliesSent: comments - 1, commentsAnswered: comments - 1, responseRate: comments ? (comments - 1) / comments : null, medianResponseMs: 2 * H, reactionsGained: comments * 3 }),
    previousTotal: totals({ commentsReceived: comments - 2 }),
    byPlatform: comments ? [{ platform: 'instagram', totals: totals({ commentsReceived: comments }) }] : [],
    topPosts: comments
      ? [{ key: 'instagram:a', platform: 'instagram', url: 'https://www.instagram.com/p/a/', excerpt: '<img src=x onerror=alert(1)> 新豆上架', reactions: 20, comments: 3, shares: 1, engagement: 24 }]
      : [],
    topEngagers: comments ? [{ name: '陳怡婷', profileUrl: 'https://www.instagram.com/yiting/', platform: 'instagram', comments: 3 }] : [],
    tone: { comments, negative: 1, questions: 2, negativeShare: comments ? 1 / comments : null, previousNegativeShare: null },
    unanswered: { total: 1, byPlatform: comments ? [{ platform: 'instagram', comments: 1, questions: 1 }] : [] },
    actions: comments ? [{ kind: 'answer_questions', platform: 'instagram', count: 1 }, { kind: 'keep_going' }] : [{ kind: 'no_activity' }],
    ...over,
  };
}

// Eight finished weeks, newest first (as the background sends them); the 4th newest had no activity.
const WEEKS = ['2026-11-16', '2026-11-09', '2026-11-02', '2026-10-26', '2026-10-19', '2026-10-12', '2026-10-05', '2026-09-28'];
const data = (over: Partial<WeeklySummaries> = {}): WeeklySummaries => ({
  weekStart: 1,
  timeZone: 'Asia/Taipei',
  nextSummaryDay: '2026-11-30',
  summaries: WEEKS.map((d, i) => week(d, i === 3 ? 0 : 10 + i)),
  ...over,
});

function renderHistory(over: Partial<HistoryProps> = {}, lang: 'en' | 'zh_TW' = 'en') {
  const props: HistoryProps = {
    data: data(),
    error: null,
    notify: false,
    onNotify: vi.fn(),
    focusWeek: null,
    onCopy: vi.fn(async () => undefined),
    onExport: vi.fn(async () => ({ file: 'x.csv', rows: 3 })),
    posts: { posts: [], more: false, onLoadMore: vi.fn(), selected: null, onSelect: vi.fn(), history: null },
    locale: lang === 'en' ? 'en-US' : 'zh-TW',
    ...over,
  };
  renderWithI18n(<History {...props} />, lang);
  return props;
}

describe('History', () => {
  it('charts every main figure over at least 12 weeks, older weeks without data marked as such', () => {
    renderHistory();
    const charts = screen.getAllByTestId('history-chart');
    expect(charts).toHaveLength(7);
    const comments = charts[0]!;
    const slots = comments.querySelectorAll('g[data-week]');
    expect(slots).toHaveLength(12);
    expect(slots[11]!.getAttribute('data-week')).toBe('2026-11-16');
    expect(slots[0]!.getAttribute('data-week')).toBe('2026-08-31');
    // Weeks before the first summary: a "no data" mark, not a zero bar.
    expect(slots[0]!.querySelector('rect.sd-future')).not.toBeNull();
    expect(within(comments).getByRole('img').getAttribute('aria-label')).toMatch(/^Comments received for the last 12 weeks, from .+\. Latest week: 10\.$/);
    // Bars to scale: the newest week's 10 against the tallest, 16.
    const height = (w: string) => Number(comments.querySelector(`g[data-week="${w}"] rect`)!.getAttribute('height'));
    expect(height('2026-11-16') / height('2026-09-28')).toBeCloseTo(10 / 17);
    expect(height('2026-10-26')).toBe(0);
  });

  it('shows 26 weeks on request, and every number in a table', async () => {
    renderHistory();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Weeks shown' }), '26');
    expect(screen.getAllByTestId('history-chart')[0]!.querySelectorAll('g[data-week]')).toHaveLength(26);
    const rows = within(screen.getByTestId('history-table')).getAllByRole('row');
    expect(rows).toHaveLength(27);
    expect(rows[1]).toHaveTextContent('11/16 – 11/22');
    expect(rows[1]).toHaveTextContent('10');
    expect(rows[26]).toHaveTextContent('no data');
  });

  it('lists each summary, the newest unfolded and readable on its own', () => {
    renderHistory();
    const summaries = screen.getAllByTestId('summary');
    expect(summaries).toHaveLength(8);
    expect(summaries[0]).toHaveAttribute('open');
    expect(summaries[1]).not.toHaveAttribute('open');
    const newest = summaries[0]!;
    expect(within(newest).getByText('Week of Nov 16 – 22, 2026')).toBeInTheDocument();
    expect(within(newest).getByTestId('summary-commentsReceived')).toHaveTextContent('Comments received108↑ 25%');
    const top = within(within(newest).getByTestId('summary-top-posts')).getByRole('link');
    // Page text is text: the markup in a post shows as characters, nothing is parsed.
    expect(top).toHaveTextContent('<img src=x onerror=alert(1)> 新豆上架');
    expect(newest.querySelector('img')).toBeNull();
    expect(top).toHaveAttribute('href', 'https://www.instagram.com/p/a/');
    expect(within(newest).getByTestId('summary-engagers')).toHaveTextContent('陳怡婷 (Instagram) — comments: 3');
    expect(within(newest).getByTestId('summary-conversations')).toHaveTextContent('Negative comments: 10%. (estimated from words and emoji, never certain)');
    expect(within(newest).getByTestId('summary-conversations')).toHaveTextContent('Instagram: waiting 1, questions among them 1');
    expect(within(newest).getByTestId('summary-actions')).toHaveTextContent('Questions still unanswered on Instagram: 1.');
    const empty = summaries[3]!;
    expect(empty).toHaveTextContent('Nothing was recorded this week.');
    expect(within(empty).queryByTestId('summary-figures')).toBeNull();
  });

  it('opens the week a notification pointed at', () => {
    renderHistory({ focusWeek: '2026-10-12' });
    const summaries = screen.getAllByTestId('summary');
    expect(summaries.find((s) => s.getAttribute('data-week') === '2026-10-12')).toHaveAttribute('open');
    expect(summaries[0]).not.toHaveAttribute('open');
  });

  it('pages through many weeks, keeping a focused old week visible', async () => {
    const many = Array.from({ length: 30 }, (_, i) => week(addDays('2026-11-16', -7 * i), 5));
    renderHistory({ data: data({ summaries: many }), focusWeek: addDays('2026-11-16', -7 * 20) });
    expect(screen.getAllByTestId('summary')).toHaveLength(21);
    await userEvent.click(screen.getByRole('button', { name: 'Show older weeks' }));
    expect(screen.getAllByTestId('summary')).toHaveLength(30);
    expect(screen.queryByRole('button', { name: 'Show older weeks' })).toBeNull();
  });

  it('copies a summary as Markdown and says so', async () => {
    const props = renderHistory();
    const newest = screen.getAllByTestId('summary')[0]!;
    await userEvent.click(within(newest).getByRole('button', { name: 'Copy as Markdown' }));
    expect(props.onCopy).toHaveBeenCalledWith(expect.objectContaining({ startDay: '2026-11-16' }));
    expect(await within(newest).findByRole('status')).toHaveTextContent('Copied. Paste it in your team chat.');
  });

  it('tells why a copy failed', async () => {
    renderHistory({ onCopy: vi.fn(async () => Promise.reject(new Error('Document is not focused'))) });
    const newest = screen.getAllByTestId('summary')[0]!;
    await userEvent.click(within(newest).getByRole('button', { name: 'Copy as Markdown' }));
    expect(await within(newest).findByRole('status')).toHaveTextContent('Could not copy: Document is not focused');
  });

  it('exports with progress, one file at a time', async () => {
    let finish: (v: { file: string; rows: number }) => void = () => undefined;
    let progress: (n: number) => void = () => undefined;
    const onExport = vi.fn((_kind: string, onProgress: (n: number) => void) => {
      progress = onProgress;
      return new Promise<{ file: string; rows: number }>((resolve) => (finish = resolve));
    });
    renderHistory({ onExport });
    await userEvent.click(screen.getByRole('button', { name: 'Interaction log (CSV)' }));
    expect(onExport).toHaveBeenCalledWith('logCsv', expect.any(Function));
    expect(screen.getByRole('button', { name: 'Count history per post (JSON)' })).toBeDisabled();
    progress(1500);
    expect(await screen.findByText('Exporting… rows so far: 1,500')).toBeInTheDocument();
    finish({ file: 'social-desk-interactions-2026-11-27.csv', rows: 2300 });
    expect(await screen.findByText('Saved social-desk-interactions-2026-11-27.csv (rows: 2,300).')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Count history per post (JSON)' })).toBeEnabled();
  });

  it('turns the notification on', async () => {
    const props = renderHistory();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Show a browser notification when a weekly summary is ready' }));
    expect(props.onNotify).toHaveBeenCalledWith(true);
  });

  it('says when the first summary will come, for a new user', () => {
    renderHistory({ data: data({ summaries: [] }) });
    expect(screen.getByTestId('history-empty')).toHaveTextContent('No finished week yet. Your first weekly summary will appear on Mon, Nov 30.');
    expect(screen.queryByTestId('history-chart')).toBeNull();
  });

  it('draws a post’s engagement curve from its snapshots, breaking the line where a count was unknown', () => {
    const t0 = Date.UTC(2026, 10, 20);
    renderHistory({
      posts: {
        posts: [
          { key: 'instagram:a', platform: 'instagram', url: 'https://www.instagram.com/p/a/', excerpt: 'New beans', publishedAt: t0, firstSeenAt: t0, cursor: [t0, 'instagram:a'] },
        ],
        more: true,
        onLoadMore: vi.fn(),
        selected: 'instagram:a',
        onSelect: vi.fn(),
        history: {
          post: { key: 'instagram:a', platform: 'instagram', url: 'https://www.instagram.com/p/a/', excerpt: 'New beans', publishedAt: t0, firstSeenAt: t0, cursor: [t0, 'instagram:a'] },
          snapshots: [
            { capturedAt: t0, reactions: 5, comments: 1, shares: null, views: null },
            { capturedAt: t0 + 3 * H, reactions: 12, comments: null, shares: 0, views: null },
            { capturedAt: t0 + 30 * H, reactions: 40, comments: 6, shares: 2, views: null },
          ],
        },
      },
    });
    const curve = screen.getByTestId('post-curve');
    const svg = within(curve).getByRole('img');
    expect(svg.getAttribute('aria-label')).toContain('3 readings');
    expect(svg.getAttribute('aria-label')).toContain('Reactions 40, Comments 6, Shares 2');
    expect(svg.querySelectorAll('g[data-series="reactions"] polyline')).toHaveLength(1);
    expect(svg.querySelector('g[data-series="reactions"] polyline')!.getAttribute('points')!.split(' ')).toHaveLength(3);
    // Comments unknown at the second reading: two pieces, not a drop to zero.
    expect(svg.querySelectorAll('g[data-series="comments"] polyline')).toHaveLength(2);
    expect(svg.querySelector('g[data-series="views"]')).toBeNull();
    expect(within(within(curve).getByTestId('curve-table')).getAllByRole('row')).toHaveLength(4);
    expect(within(curve).getByRole('link', { name: 'Open the post' })).toHaveAttribute('href', 'https://www.instagram.com/p/a/');
    expect(screen.getByRole('button', { name: 'Load older posts' })).toBeInTheDocument();
  });

  it('speaks Traditional Chinese', () => {
    renderHistory({}, 'zh_TW');
    expect(screen.getByText('2026年11月16日至11月22日 週')).toBeInTheDocument();
    expect(screen.getAllByTestId('summary')[0]).toHaveTextContent('Instagram 上還有 1 則提問尚未回覆。');
    expect(screen.getByRole('button', { name: '互動紀錄（CSV）' })).toBeInTheDocument();
  });
});
