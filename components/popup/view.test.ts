import { screen, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WeekStats } from '@/lib/messaging/protocol';
import { tEn, tZh } from '@/test/i18n';
import { createPopupView, type PopupState, type PopupViewOptions } from './view';
import { weekTotals } from '@/test/builders';

const totals = weekTotals;

const DAYS = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];

const stats = (over: Partial<WeekStats> = {}): WeekStats => ({
  weekStartDay: '2026-11-23',
  today: '2026-11-27',
  thisWeek: totals({ commentsReceived: 12, repliesSent: 9, commentsAnswered: 9, responseRate: 0.75, medianResponseMs: 5_400_000, reactionsGained: 40, postsPublished: 2 }),
  lastWeekSameDays: totals({ commentsReceived: 8, repliesSent: 9, commentsAnswered: 6, responseRate: 0.6, medianResponseMs: 3_600_000, reactionsGained: 50, postsPublished: 0 }),
  days: DAYS.map((day, i) => ({
    day,
    byPlatform: (i === 0 ? { linkedin: 3, instagram: 2 } : i === 3 ? { instagram: 7 } : {}) as Record<string, number>,
  })),
  byPlatform: [
    { platform: 'instagram', thisWeek: totals({ commentsReceived: 9, repliesSent: 6, reactionsGained: 30 }), lastWeekSameDays: totals({ commentsReceived: 3 }) },
    { platform: 'linkedin', thisWeek: totals({ commentsReceived: 3, repliesSent: 3, reactionsGained: 10 }), lastWeekSameDays: totals({ commentsReceived: 5 }) },
  ],
  topPost: {
    key: 'instagram:a',
    platform: 'instagram',
    url: 'https://www.instagram.com/p/a/',
    excerpt: '新豆上架！衣索比亞 耶加雪菲',
    reactions: 30,
    comments: 6,
    shares: 2,
    engagement: 38,
  },
  waiting: 3,
  waitingMore: false,
  hasAnyData: true,
  ...over,
});

function popupView(lang: 'en' | 'zh_TW' = 'en') {
  const root = document.createElement('div');
  document.body.append(root);
  const opts: PopupViewOptions = {
    t: lang === 'en' ? tEn : tZh,
    waitingHref: 'chrome-extension://id/dashboard.html#/queue',
    historyHref: 'chrome-extension://id/dashboard.html#/history',
    onOpenDashboard: vi.fn(),
    onSavePage: vi.fn(),
    onRecordInteraction: vi.fn(),
    locale: lang === 'en' ? 'en-US' : 'zh-TW',
  };
  return { opts, root, view: createPopupView(root, opts) };
}

function renderPopup(over: Partial<PopupState> = {}, lang: 'en' | 'zh_TW' = 'en') {
  const { opts, view } = popupView(lang);
  view.update({ stats: stats(), error: null, storageFullSince: null, ...over });
  return opts;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the popup', () => {
  it('says when the storage is full and the extension works read-only, in Traditional Chinese too', () => {
    renderPopup({ storageFullSince: 1000 }, 'zh_TW');
    expect(screen.getByTestId('storage-full')).toHaveTextContent('目前為唯讀');
    // The week's figures are still shown: reading works.
    expect(screen.getByTestId('metricCommentsReceived')).toBeInTheDocument();
  });

  it('shows this week against the same days of last week, with arrows and percentages', () => {
    renderPopup();
    const comments = screen.getByTestId('metricCommentsReceived');
    expect(within(comments).getByText('12')).toBeInTheDocument();
    expect(within(comments).getByText('↑ 50%')).toHaveClass('sd-good');
    expect(within(screen.getByTestId('metricRepliesSent')).getByText('→ 0%')).toBeInTheDocument();
    // A rate changes in percentage points, not percent of a percent.
    expect(within(screen.getByTestId('metricResponseRate')).getByText('75%')).toBeInTheDocument();
    expect(within(screen.getByTestId('metricResponseRate')).getByText('↑ 15 pts')).toHaveClass('sd-good');
    // Slower answers are worse news even though the number went up.
    expect(within(screen.getByTestId('metricMedianResponse')).getByText('1.5 h')).toBeInTheDocument();
    expect(within(screen.getByTestId('metricMedianResponse')).getByText('↑ 50%')).toHaveClass('sd-bad');
    expect(within(screen.getByTestId('metricReactionsGained')).getByText('↓ 20%')).toHaveClass('sd-bad');
    expect(within(screen.getByTestId('metricPostsPublished')).getByText('↑ new')).toBeInTheDocument();
    expect(screen.getByText('Nov 23 – 29, 2026, compared with the same days last week')).toBeInTheDocument();
  });

  it('draws the seven days stacked by platform, and says the same in words', () => {
    renderPopup();
    const chart = screen.getByTestId('week-chart');
    expect(chart.querySelectorAll('g[data-day]')).toHaveLength(7);
    const monday = chart.querySelector('g[data-day="2026-11-23"]')!;
    expect([...monday.querySelectorAll('rect[data-platform]')].map((r) => r.getAttribute('data-platform'))).toEqual(['linkedin', 'instagram']);
    // Bars are to scale: Thursday's 7 is the tallest, Monday's 3 + 2 are 5/7 of it.
    const height = (day: string, p: string) => Number(chart.querySelector(`g[data-day="${day}"] rect[data-platform="${p}"]`)!.getAttribute('height'));
    expect(height('2026-11-23', 'linkedin') + height('2026-11-23', 'instagram')).toBeCloseTo((height('2026-11-26', 'instagram') * 5) / 7);
    // Days still to come have no bar.
    expect(chart.querySelectorAll('g[data-day="2026-11-29"] rect[data-platform]')).toHaveLength(0);
    const words = within(screen.getByTestId('week-chart-text')).getAllByRole('listitem').map((li) => li.textContent);
    expect(words).toEqual([
      'Mon, Nov 23: comments 5 (LinkedIn 3, Instagram 2)',
      'Tue, Nov 24: comments 0',
      'Wed, Nov 25: comments 0',
      'Thu, Nov 26: comments 7',
      'Fri, Nov 27: comments 0',
    ]);
  });

  it('splits the week by platform and links the top post and the waiting comments', () => {
    renderPopup();
    const ig = screen.getByTestId('platform-instagram');
    expect(within(ig).getByRole('rowheader')).toHaveTextContent('Instagram');
    expect(ig).toHaveTextContent('9 ↑ 200%');
    expect(screen.getByTestId('platform-linkedin')).toHaveTextContent('3 ↓ 40%');
    const link = within(screen.getByTestId('top-post')).getByRole('link', { name: '新豆上架！衣索比亞 耶加雪菲' });
    expect(link).toHaveAttribute('href', 'https://www.instagram.com/p/a/');
    expect(link).toHaveAttribute('target', '_blank');
    expect(screen.getByTestId('top-post')).toHaveTextContent('engagement +38 (reactions 30, comments 6, shares 2)');
    const waiting = within(screen.getByTestId('waiting')).getByRole('link');
    expect(waiting).toHaveTextContent('Comments waiting for a reply: 3');
    expect(waiting).toHaveAttribute('href', 'chrome-extension://id/dashboard.html#/queue');
  });

  it('says “1,000+” when more comments wait than the popup counts', () => {
    renderPopup({ stats: stats({ waiting: 1000, waitingMore: true }) });
    expect(within(screen.getByTestId('waiting')).getByRole('link')).toHaveTextContent('Comments waiting for a reply: 1,000+');
  });

  it('says so when nothing is waiting and no post gained anything yet', () => {
    renderPopup({ stats: stats({ waiting: 0, topPost: null }) });
    expect(screen.getByTestId('waiting')).toHaveTextContent('No comments waiting for a reply.');
    expect(within(screen.getByTestId('waiting')).queryByRole('link')).toBeNull();
    expect(screen.getByTestId('top-post')).toHaveTextContent('No post has gained engagement this week yet.');
  });

  it('shows what to do, not zeros, for a new user', () => {
    renderPopup({ stats: stats({ hasAnyData: false }) });
    expect(screen.getByTestId('empty-state')).toHaveTextContent('Open one of your own posts');
    expect(screen.queryByTestId('metricCommentsReceived')).toBeNull();
    expect(screen.queryByTestId('week-chart')).toBeNull();
    expect(screen.queryByText(/0%/)).toBeNull();
  });

  it('shows an error instead of numbers when loading failed', () => {
    renderPopup({ stats: null, error: 'Could not load your data: boom' }, 'zh_TW');
    expect(screen.getByRole('alert')).toHaveTextContent('boom');
    expect(screen.getByRole('button', { name: '開啟控制台' })).toBeInTheDocument();
  });

  it('speaks Traditional Chinese', () => {
    renderPopup({}, 'zh_TW');
    expect(screen.getByTestId('waiting')).toHaveTextContent('等待回覆的留言：3 則');
    expect(within(screen.getByTestId('metricResponseRate')).getByText('↑ 15 個百分點')).toBeInTheDocument();
    expect(screen.getByTestId('top-post')).toHaveTextContent('互動 +38（心情 30、留言 6、分享 2）');
  });

  it('keeps its buttons working', async () => {
    const props = renderPopup();
    await userEvent.click(screen.getByRole('button', { name: 'Open dashboard' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save this page' }));
    expect(props.onOpenDashboard).toHaveBeenCalledOnce();
    expect(props.onSavePage).toHaveBeenCalledOnce();
  });
});

describe('the popup as its answers arrive', () => {
  it('says it is loading, then shows the week; a button that has focus keeps it', () => {
    const { root, view } = popupView();
    view.update({ stats: null, error: null, storageFullSince: null });
    expect(within(root).getByText('Loading…')).toBeInTheDocument();
    const open = within(root).getByRole('button', { name: 'Open dashboard' });
    open.focus();
    view.update({ stats: stats(), error: null, storageFullSince: null });
    expect(within(root).queryByText('Loading…')).toBeNull();
    expect(within(root).getByTestId('metricCommentsReceived')).toHaveTextContent('12');
    view.update({ stats: stats(), error: null, storageFullSince: 1000 });
    expect(within(root).getByTestId('storage-full')).toBeInTheDocument();
    expect(root.querySelectorAll('main')).toHaveLength(1);
    expect(root.querySelectorAll('footer button')).toHaveLength(3);
    expect(document.activeElement).toBe(open);
  });

  it('shows a post’s text as text, never as markup', () => {
    const excerpt = '<img src=x onerror="alert(1)"><b>bold</b>';
    const { root, view } = popupView();
    view.update({ stats: stats({ topPost: { ...stats().topPost!, excerpt } }), error: null, storageFullSince: null });
    const link = within(screen.getByTestId('top-post')).getByRole('link');
    expect(link.textContent).toBe(excerpt);
    expect(root.querySelector('img, b')).toBeNull();
  });
});
