import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Panel } from './Panel';
import { dialogPosition, SaveDialog, type SaveDialogState } from './SaveDialog';
import { NOW, post, reading } from '@/test/builders';
import type { ReactElement } from 'react';
import { I18nContext } from '@/lib/i18n';
import { renderWithI18n, tEn } from '@/test/i18n';

const en = (ui: ReactElement) => <I18nContext.Provider value={tEn}>{ui}</I18nContext.Provider>;

function state(over: Partial<SaveDialogState> = {}): SaveDialogState {
  return {
    key: 'x:1',
    authorName: 'Rival Café',
    excerpt: '<img src=x onerror="window.pwned=1"> 手沖咖啡豆',
    status: 'saved',
    created: true,
    tags: ['coffee'],
    note: '',
    suggestions: ['coffee', 'launch', '手沖'],
    error: null,
    anchor: { top: 100, left: 500, bottom: 120, right: 560 },
    ...over,
  };
}

const viewport = { width: 1200, height: 800 };

describe('SaveDialog', () => {
  it('says the post was saved, shows it as text, and edits tags (suggested from those in use) and a note', () => {
    const onSubmit = vi.fn();
    const { container } = renderWithI18n(<SaveDialog state={state()} viewport={viewport} onSubmit={onSubmit} onRemove={vi.fn()} onClose={vi.fn()} />);
    expect(screen.getByText('Saved to your inspiration library')).toBeInTheDocument();
    expect(screen.getByText(/<img src=x onerror/)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    // "coffee" is already there: only the others are offered.
    const offered = within(screen.getByRole('group', { name: 'Tags you use' }));
    expect(offered.getAllByRole('button').map((b) => b.textContent)).toEqual(['+ #launch', '+ #手沖']);
    fireEvent.click(offered.getByText('+ #launch'));
    const field = screen.getByLabelText('Tags');
    fireEvent.change(field, { target: { value: '#Pour-Over' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.change(field, { target: { value: '秋季，限定' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag coffee' }));
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'copy the carousel' } });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onSubmit).toHaveBeenCalledWith(['launch', 'pour-over', '秋季', '限定'], 'copy the carousel');
  });

  it('typing part of a tag narrows the suggestions; Backspace in the empty field removes the last tag', () => {
    renderWithI18n(<SaveDialog state={state({ tags: ['a', 'b'] })} viewport={viewport} onSubmit={vi.fn()} onRemove={vi.fn()} onClose={vi.fn()} />);
    const field = screen.getByLabelText('Tags');
    fireEvent.change(field, { target: { value: 'lau' } });
    expect(within(screen.getByRole('group', { name: 'Tags you use' })).getAllByRole('button').map((b) => b.textContent)).toEqual(['+ #launch']);
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.keyDown(field, { key: 'Backspace' });
    expect(screen.getAllByTestId('tag-chip').map((c) => c.textContent)).toEqual(['#a×']);
  });

  it('says when the post was already saved, removes it, closes on Escape, and waits while saving', () => {
    const onRemove = vi.fn();
    const onClose = vi.fn();
    const { rerender } = renderWithI18n(<SaveDialog state={state({ created: false })} viewport={viewport} onSubmit={vi.fn()} onRemove={onRemove} onClose={onClose} />);
    expect(screen.getByText(/Already in your library/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Remove from library' }));
    expect(onRemove).toHaveBeenCalled();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
    rerender(en(<SaveDialog state={state({ status: 'saving' })} viewport={viewport} onSubmit={vi.fn()} onRemove={onRemove} onClose={onClose} />));
    expect(screen.getByText('Saving…')).toBeInTheDocument();
    expect(screen.queryByLabelText('Tags')).toBeNull();
    rerender(en(<SaveDialog state={state({ status: 'error', error: 'Could not save to the library: disk full' })} viewport={viewport} onSubmit={vi.fn()} onRemove={onRemove} onClose={onClose} />));
    expect(screen.getByRole('alert')).toHaveTextContent('disk full');
  });

  it('opens below the Save action when there is room, else above it, always inside the window', () => {
    expect(dialogPosition({ top: 100, left: 500, bottom: 120, right: 560 }, viewport)).toEqual({ left: 240, top: 128 });
    expect(dialogPosition({ top: 700, left: 0, bottom: 720, right: 40 }, viewport)).toEqual({ left: 8, bottom: 108 });
    expect(dialogPosition({ top: 10, left: 1180, bottom: 30, right: 1300 }, viewport).left).toBe(1200 - 320 - 8);
  });
});

describe('Panel: the post in view', () => {
  it('offers to save the post in view, and says when it is saved', () => {
    const onSaveInView = vi.fn();
    const p = post('9', { author: { name: 'Rival Café', profileUrl: 'https://www.linkedin.com/in/rival/' }, text: 'Latte art workshop' });
    const props = {
      open: true,
      onToggle: vi.fn(),
      reading: reading([p], []),
      capture: null,
      error: null,
      identity: null,
      onConfirmIdentity: vi.fn(),
      now: NOW,
      inView: { key: 'linkedin:9', post: p },
      onSaveInView,
    };
    const { rerender } = renderWithI18n(<Panel {...props} savedKeys={new Set()} />);
    const section = within(screen.getByTestId('in-view'));
    expect(section.getByText('Rival Café')).toBeInTheDocument();
    fireEvent.click(section.getByRole('button', { name: 'Save to library' }));
    expect(onSaveInView).toHaveBeenCalledWith(expect.objectContaining({ top: expect.any(Number), right: expect.any(Number) }));
    rerender(en(<Panel {...props} savedKeys={new Set(['linkedin:9'])} />));
    expect(within(screen.getByTestId('in-view')).getByRole('button', { name: 'Saved · edit tags and note' })).toHaveAttribute('aria-pressed', 'true');
  });
});
