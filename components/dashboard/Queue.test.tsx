import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { WaitingComment } from '@/lib/messaging/protocol';
import { renderWithI18n } from '@/test/i18n';
import { Queue, type QueueProps } from './Queue';

const NOW = Date.UTC(2026, 11, 3, 4, 0);
const H = 3_600_000;

function waiting(id: string, over: Partial<WaitingComment> = {}): WaitingComment {
  return {
    interactionId: `facebook:comment_received:${id}`,
    platform: 'facebook',
    site: null,
    actorName: `Fan ${id}`,
    actorUrl: null,
    text: `comment ${id}`,
    occurredAt: NOW - 2 * H,
    kind: 'neutral',
    reasons: [],
    confidence: 'low',
    postKey: 'facebook:1',
    postUrl: 'https://www.facebook.com/linsbakery/posts/1',
    postExcerpt: 'New menu',
    ...over,
  };
}

function renderQueue(over: Partial<QueueProps> = {}, lang: 'en' | 'zh_TW' = 'en') {
  const props: QueueProps = {
    items: [
      waiting('q', { kind: 'question', reasons: ['question_word:請問'], confidence: 'high', text: '請問有素食嗎？' }),
      waiting('x', { platform: 'instagram', interactionId: 'instagram:comment_received:x', postUrl: 'javascript:alert(1)', text: '<img src=x onerror=alert(1)>' }),
      waiting('p', { kind: 'praise', reasons: [], confidence: 'medium', text: 'Love it' }),
    ],
    total: 3,
    now: NOW,
    onDismiss: vi.fn(async () => undefined),
    onReopen: vi.fn(async () => undefined),
    ...over,
  };
  return { props, ...renderWithI18n(<Queue {...props} />, lang) };
}

describe('the dashboard’s reply queue', () => {
  it('lists the waiting comments in the order given, with the tone as a guess and a link to each post', () => {
    renderQueue();
    expect(screen.getByRole('heading', { name: 'Waiting for your answer (3)' })).toBeInTheDocument();
    const items = screen.getAllByTestId('queue-page-item');
    expect(items.map((i) => i.querySelector('.sd-text')?.textContent)).toEqual(['請問有素食嗎？', '<img src=x onerror=alert(1)>', 'Love it']);
    expect(within(items[0]!).getByTestId('queue-hint')).toHaveTextContent('Looks like a question');
    expect(within(items[0]!).getByTestId('queue-hint')).toHaveAttribute('title', 'A guess from the words and emoji, not a certainty.');
    expect(within(items[0]!).getByRole('link', { name: 'Open the post to reply' })).toHaveAttribute('href', 'https://www.facebook.com/linsbakery/posts/1');
    expect(within(items[0]!).getByText('On your post: New menu')).toBeInTheDocument();
    // Page markup stays text, and a url that is not a web address is no link.
    expect(document.querySelector('img')).toBeNull();
    expect(within(items[1]!).queryByRole('link')).toBeNull();
  });

  it('filters by platform', async () => {
    renderQueue();
    await userEvent.click(screen.getByRole('button', { name: 'Instagram (1)' }));
    expect(screen.getAllByTestId('queue-page-item').map((i) => i.dataset.platform)).toEqual(['instagram']);
    await userEvent.click(screen.getByRole('button', { name: 'All (3)' }));
    expect(screen.getAllByTestId('queue-page-item')).toHaveLength(3);
  });

  it('marks a comment “no reply needed”, with undo, and says so when that fails', async () => {
    const { props } = renderQueue();
    await userEvent.click(within(screen.getAllByTestId('queue-page-item')[0]!).getByRole('button', { name: 'No reply needed' }));
    expect(props.onDismiss).toHaveBeenCalledWith(props.items[0]);
    expect(screen.getAllByTestId('queue-page-item')).toHaveLength(2);
    expect(screen.getByRole('heading', { name: 'Waiting for your answer (2)' })).toBeInTheDocument();
    await userEvent.click(within(screen.getByTestId('queue-notice')).getByRole('button', { name: 'Undo' }));
    expect(props.onReopen).toHaveBeenCalledWith(props.items[0]);
    expect(screen.getAllByTestId('queue-page-item')).toHaveLength(3);

    vi.mocked(props.onDismiss).mockRejectedValueOnce(new Error('Storage is full'));
    await userEvent.click(within(screen.getAllByTestId('queue-page-item')[0]!).getByRole('button', { name: 'No reply needed' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Could not change this comment: Storage is full');
    expect(screen.getAllByTestId('queue-page-item')).toHaveLength(3);
  });

  it('says when nothing waits', () => {
    renderQueue({ items: [], total: 0 });
    expect(screen.getByTestId('queue-page-empty')).toHaveTextContent('No comment is waiting for your answer.');
  });

  it('says it shows part of a long queue, in Traditional Chinese too', () => {
    renderQueue({ total: 1200 }, 'zh_TW');
    expect(screen.getByText('顯示 1,200 則等待回覆留言中最新的 3 則。')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '等你回覆（1,200）' })).toBeInTheDocument();
  });
});
