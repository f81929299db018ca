import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Panel, type PanelProps } from './Panel';
import { comment, ME, NOW, post, reading } from '@/test/builders';
import { renderWithI18n } from '@/test/i18n';

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

  it('explains what to do on a page without the user’s posts', () => {
    renderWithI18n(<Panel {...props({ capture: { ownPostKeys: [], comments: [], added: 0, ownProfileUrl: ME } })} />);
    expect(screen.getByTestId('no-own-posts')).toHaveTextContent('None of your own posts on this page (1 other posts read)');
  });
});
