import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Panel, type PanelProps } from './Panel';
import { comment, ME, NOW, post, reading } from '@/test/builders';
import { renderWithI18n, tEn } from '@/test/i18n';
import { I18nContext } from '@/lib/i18n';
import { buildReplyQueue } from '@/lib/content/queue';
import type { CaptureResult } from '@/lib/messaging/protocol';

function props(over: Partial<PanelProps> = {}): PanelProps {
  const r = reading([post('1')], [comment('c1', '1'), comment('c2', '1', { text: '<img src=x onerror="window.pwned=1">' })]);
  return {
    open: true,
    onToggle: vi.fn(),
    reading: r,
    capture: {
      ownPostKeys: ['linkedin:1'],
      comments: [
        { commentId: 'c1', interactionId: 'linkedin:comment_received:c1', kind: 'comment_received', status: 'open' },
        { commentId: 'c2', interactionId: 'linkedin:comment_received:c2', kind: 'comment_received', status: 'replied' },
      ],
      added: 3,
      ownProfileUrl: ME,
    },
    error: null,
    identity: { name: 'Mei Lin', profileUrl: ME, confirmed: true },
    onConfirmIdentity: vi.fn(),
    now: NOW,
    ...over,
  };
}

describe('Panel', () => {
  it('shows the own post with its counts and comments, each with its state', () => {
    renderWithI18n(<Panel {...props()} />);
    expect(within(screen.getByTestId('countReactions')).getByText('10')).toBeInTheDocument();
    expect(within(screen.getByTestId('countShares')).getByText('1')).toBeInTheDocument();
    const items = screen.getAllByTestId('comment');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText('Waiting')).toBeInTheDocument();
    expect(within(items[1]!).getByText('Replied')).toBeInTheDocument();
    expect(within(items[0]!).getByText('3 h ago')).toBeInTheDocument();
  });

  it('renders page text as text, never as markup', () => {
    const { container } = renderWithI18n(<Panel {...props()} />);
    expect(screen.getByText('<img src=x onerror="window.pwned=1">')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows an unknown count as unknown, not 0', () => {
    const p = props();
    p.reading = reading([post('1', { counts: { reactions: null, comments: 2, shares: 1, views: null } })], []);
    renderWithI18n(<Panel {...p} />);
    expect(within(screen.getByTestId('countReactions')).getByText('unknown')).toBeInTheDocument();
  });

  it('says plainly which part of the page could not be read, with the adapter version', () => {
    const p = props();
    p.reading = reading([post('1')], [], { health: { post: 'ok', counts: 'ok', comments: 'broken', replyBox: 'ok', notes: [] } });
    renderWithI18n(<Panel {...p} />);
    const notice = screen.getByTestId('health-notice');
    expect(notice).toHaveTextContent('Comments could not be read on this page — the site may have changed.');
    expect(notice).toHaveTextContent('linkedin test');
  });

  it('asks to confirm a detected identity', () => {
    const p = props({ identity: { name: 'Mei Lin', profileUrl: ME, confirmed: false } });
    renderWithI18n(<Panel {...p} />);
    expect(screen.getByTestId('identity-prompt')).toHaveTextContent('Signed in as Mei Lin — is this you?');
    fireEvent.click(screen.getByRole('button', { name: "Yes, that's me" }));
    expect(p.onConfirmIdentity).toHaveBeenCalledWith(true);
  });

  it('collapses to a small tab and opens again', () => {
    const p = props({ open: false });
    renderWithI18n(<Panel {...p} />, 'zh_TW');
    fireEvent.click(screen.getByRole('button', { name: '開啟 Social Desk 面板' }));
    expect(p.onToggle).toHaveBeenCalled();
    expect(screen.queryByTestId('own-post')).toBeNull();
  });

  it('counts on its tab the comments that wait for an answer', () => {
    const p = props({ open: false, queue: buildReplyQueue(props().reading, props().capture, NOW) });
    renderWithI18n(<Panel {...p} />);
    const tab = screen.getByRole('button', { name: 'Open the Social Desk panel: 1 comments waiting for your answer' });
    expect(tab).toHaveTextContent('Social Desk1');
  });

  it('explains what to do on a page without the user’s posts', () => {
    renderWithI18n(<Panel {...props({ capture: { ownPostKeys: [], comments: [], added: 0, ownProfileUrl: ME } })} />);
    expect(screen.getByTestId('no-own-posts')).toHaveTextContent('None of your own posts on this page (1 other posts read)');
  });
});

describe('Panel reply queue', () => {
  function queued(): PanelProps {
    const r = reading(
      [post('1')],
      [
        comment('praise', '1', { text: '超好喝！推推 👍', author: { name: '王大明', profileUrl: null } }),
        comment('question', '1', { text: 'Do you ship to Singapore?', author: { name: 'Sarah Johnson', profileUrl: null } }),
        comment('gone', '1', { text: 'ok', author: { name: 'Kevin', profileUrl: null } }),
      ],
    );
    const capture: CaptureResult = {
      ownPostKeys: ['linkedin:1'],
      comments: [
        { commentId: 'praise', interactionId: 'linkedin:comment_received:praise', kind: 'comment_received', status: 'open' },
        { commentId: 'question', interactionId: 'linkedin:comment_received:question', kind: 'comment_received', status: 'open' },
        { commentId: 'gone', interactionId: 'linkedin:comment_received:gone', kind: 'comment_received', status: 'dismissed' },
      ],
      added: 0,
      ownProfileUrl: ME,
    };
    return props({ reading: r, capture, queue: buildReplyQueue(r, capture, NOW), onReply: vi.fn(), onDismiss: vi.fn(), onReopen: vi.fn() });
  }

  it('lists waiting comments most urgent first, each with the classifier’s hint as a guess', () => {
    renderWithI18n(<Panel {...queued()} />);
    const items = screen.getAllByTestId('queue-item');
    expect(items.map((i) => i.dataset.commentId)).toEqual(['question', 'praise']);
    expect(screen.getByRole('heading', { name: 'Waiting for your answer (2)' })).toBeInTheDocument();
    const hint = within(items[0]!).getByTestId('queue-hint');
    expect(hint).toHaveTextContent(/^Looks like a question/);
    expect(hint).toHaveAttribute('title', 'A guess from the words and emoji, not a certainty.');
    expect(within(items[1]!).getByTestId('queue-hint')).toHaveTextContent(/^Looks like praise/);
  });

  it('replies, dismisses and reopens through its callbacks', () => {
    const p = queued();
    renderWithI18n(<Panel {...p} />);
    const first = screen.getAllByTestId('queue-item')[0]!;
    fireEvent.click(within(first).getByRole('button', { name: 'Reply…' }));
    expect(p.onReply).toHaveBeenCalledWith(expect.objectContaining({ interactionId: 'linkedin:comment_received:question' }));
    fireEvent.click(within(first).getByRole('button', { name: 'No reply needed' }));
    expect(p.onDismiss).toHaveBeenCalledWith(expect.objectContaining({ interactionId: 'linkedin:comment_received:question' }));
    const dismissed = screen.getByTestId('dismissed-item');
    fireEvent.click(within(dismissed).getByRole('button', { name: 'Needs a reply after all' }));
    expect(p.onReopen).toHaveBeenCalledWith(expect.objectContaining({ interactionId: 'linkedin:comment_received:gone' }));
  });

  it('takes focus on its first Reply when the keyboard command asks for it', () => {
    const p = queued();
    const { rerender } = renderWithI18n(<Panel {...p} />);
    expect(document.activeElement).not.toBe(screen.getAllByTestId('queue-reply')[0]);
    rerender(
      <I18nContext.Provider value={tEn}>
        <Panel {...p} focusQueue={1} />
      </I18nContext.Provider>,
    );
    expect(screen.getAllByTestId('queue-reply')[0]).toHaveFocus();
  });

  it('is in Traditional Chinese too', () => {
    renderWithI18n(<Panel {...queued()} />, 'zh_TW');
    expect(screen.getByRole('heading', { name: '等你回覆（2）' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: '不需回覆' })).toHaveLength(2);
  });
});
