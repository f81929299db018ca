import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { WeekStats } from '@/lib/messaging/protocol';
import { renderWithI18n } from '@/test/i18n';
import { Popup } from './Popup';

const totals = (over: Partial<WeekStats['thisWeek']> = {}): WeekStats['thisWeek'] => ({
  commentsReceived: 0,
  repliesSent: 0,
  commentsAnswered: 0,
  responseRate: null,
  medianResponseMs: null,
  reactionsGained: 0,
  sharesGained: 0,
  postsPublished: 0,
  ...over,
});

const stats = (over: Partial<WeekStats> = {}): WeekStats => ({
  weekStartDay: '2026-11-23',
  today: '2026-11-27',
  thisWeek: totals({ commentsReceived: 12, repliesSent: 9, commentsAnswered: 9, responseRate: 0.75, medianResponseMs: 5_400_000 }),
  lastWeekSameDays: totals({ commentsReceived: 8, repliesSent: 9, commentsAnswered: 6, responseRate: 0.75 }),
  days: [],
  waiting: 3,
  hasAnyData: true,
  ...over,
});

describe('Popup', () => {
  it('shows this week against the same days of last week', () => {
    renderWithI18n(<Popup stats={stats()} error={null} onOpenDashboard={vi.fn()} onSavePage={vi.fn()} onRecordInteraction={vi.fn()} />);
    const comments = screen.getByTestId('metricCommentsReceived');
    expect(within(comments).getByText('12')).toBeInTheDocument();
    expect(within(comments).getByText('↑ 50%')).toBeInTheDocument();
    expect(within(screen.getByTestId('metricRepliesSent')).getByText('→ 0%')).toBeInTheDocument();
    expect(within(screen.getByTestId('metricResponseRate')).getByText('75%')).toBeInTheDocument();
    expect(within(screen.getByTestId('metricMedianResponse')).getByText('1.5 h')).toBeInTheDocument();
    expect(screen.getByTestId('waiting')).toHaveTextContent('Waiting for a reply: 3');
  });

  it('shows what to do, not zeros, for a new user', () => {
    renderWithI18n(<Popup stats={stats({ hasAnyData: false })} error={null} onOpenDashboard={vi.fn()} onSavePage={vi.fn()} onRecordInteraction={vi.fn()} />);
    expect(screen.getByTestId('empty-state')).toHaveTextContent('Open one of your own posts');
    expect(screen.queryByTestId('metricCommentsReceived')).toBeNull();
  });

  it('shows an error instead of numbers when loading failed', () => {
    renderWithI18n(<Popup stats={null} error="Could not load your data: boom" onOpenDashboard={vi.fn()} onSavePage={vi.fn()} onRecordInteraction={vi.fn()} />, 'zh_TW');
    expect(screen.getByRole('alert')).toHaveTextContent('boom');
    expect(screen.getByRole('button', { name: '開啟控制台' })).toBeInTheDocument();
  });
});
