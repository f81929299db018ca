import { act, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_FILTER, type LibraryFacets, type LibraryItem } from '@/lib/db/library';
import { renderWithI18n } from '@/test/i18n';
import { Library, type LibraryProps, type LibrarySection } from './Library';
import type { LibraryControls } from './LibraryToolbar';

const NOW = Date.UTC(2026, 10, 27, 4);

function item(id: string, over: Partial<LibraryItem> = {}): LibraryItem {
  return {
    key: `instagram:${id}`,
    platform: 'instagram',
    postId: id,
    url: `https://www.instagram.com/p/${id}/`,
    authorName: 'taipeifoodie',
    authorUrl: 'https://www.instagram.com/taipeifoodie/',
    text: `手沖咖啡豆 ${id}`,
    mediaKind: 'image',
    mediaUrl: 'https://cdn.example/1.jpg',
    publishedAt: null,
    savedFromUrl: 'https://www.instagram.com/',
    site: null,
    savedAt: NOW,
    updatedAt: NOW,
    tags: ['coffee'],
    note: '',
    countsAtSave: { reactions: 10, comments: 1, shares: null, views: null },
    counts: { reactions: 30, comments: 2, shares: null, views: null },
    countsAt: NOW + 1000,
    engagement: 32,
    growth: 21,
    ...over,
  };
}

const facets: LibraryFacets = {
  total: 3,
  platforms: [{ platform: 'instagram', count: 3 }],
  tags: [
    { tag: 'coffee', count: 3 },
    { tag: 'launch', count: 1 },
  ],
  authors: [{ platform: 'instagram', name: 'taipeifoodie', count: 3 }],
};

function Harness(over: Partial<LibraryProps> & { onControlsSpy?: (c: LibraryControls) => void }) {
  const [controls, setControls] = useState<LibraryControls>({ filter: EMPTY_FILTER, sort: 'saved', direction: 'desc', view: 'grid' });
  const [section, setSection] = useState<LibrarySection>('posts');
  const props: LibraryProps = {
    section,
    onSection: setSection,
    controls,
    onControls: (c) => {
      setControls(c);
      over.onControlsSpy?.(c);
    },
    facets,
    result: { total: 3, items: [item('A', { text: '<img src=x onerror="window.pwned=1"> markup as text' }), item('B', { note: 'copy the carousel' })] },
    error: null,
    loadingMore: false,
    onLoadMore: vi.fn(),
    authors: null,
    onEdit: vi.fn(async () => undefined),
    onDelete: vi.fn(async (keys: string[]) => keys.length),
    onDeleteAll: vi.fn(async () => 3),
    onSelectAllMatching: vi.fn(async () => ['instagram:A', 'instagram:B', 'instagram:C']),
    onExport: vi.fn(async () => undefined),
    onHistory: vi.fn(async () => []),
    onCopy: vi.fn(async () => undefined),
    ...over,
  };
  return <Library {...props} />;
}

describe('Library', () => {
  it('shows saved posts as text (never markup), with counts, growth, tags, note and links', () => {
    const { container } = renderWithI18n(<Harness />);
    const items = screen.getAllByTestId('library-item');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByTestId('library-text')).toHaveTextContent('<img src=x onerror="window.pwned=1"> markup as text');
    expect(container.querySelector('img')).toBeNull();
    expect(within(items[0]!).getByTestId('library-counts')).toHaveTextContent('Reactions 30');
    expect(within(items[0]!).getByText('+21 since saved')).toBeInTheDocument();
    expect(within(items[1]!).getByText('copy the carousel')).toBeInTheDocument();
    const open = within(items[0]!).getByRole('link', { name: 'Open post ↗' });
    expect(open).toHaveAttribute('href', 'https://www.instagram.com/p/A/');
    expect(open).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(items[0]!).getByRole('link', { name: 'Image (link)' })).toHaveAttribute('href', 'https://cdn.example/1.jpg');
    expect(screen.getByTestId('library-total')).toHaveTextContent('3 saved posts');
    expect(screen.getByRole('button', { name: 'Show more (2 of 3 shown)' })).toBeInTheDocument();
  });

  it('filters by a tag clicked on a post, by platform and author, and searches as the user types', async () => {
    vi.useFakeTimers();
    const spy = vi.fn();
    renderWithI18n(<Harness onControlsSpy={spy} />);
    fireEvent.click(within(screen.getAllByTestId('library-item')[0]!).getByRole('button', { name: '#coffee' }));
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ filter: expect.objectContaining({ tags: ['coffee'] }) }));
    fireEvent.change(screen.getByLabelText('Platform'), { target: { value: 'instagram' } });
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ filter: expect.objectContaining({ platforms: ['instagram'], tags: ['coffee'] }) }));
    fireEvent.change(screen.getByLabelText('Author'), { target: { value: 'instagram\u0000taipeifoodie' } });
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ filter: expect.objectContaining({ author: { platform: 'instagram', name: 'taipeifoodie' } }) }));
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: '咖啡' } });
    await act(async () => {
      vi.advanceTimersByTime(250);
    });
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ filter: expect.objectContaining({ query: '咖啡' }) }));
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'growth:desc' } });
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'growth', direction: 'desc' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ filter: EMPTY_FILTER }));
    vi.useRealTimers();
  });

  it('switches between grid and list', () => {
    renderWithI18n(<Harness />);
    expect(screen.getByTestId('library-items')).toHaveClass('sd-lib-grid');
    fireEvent.click(screen.getByRole('button', { name: 'List' }));
    expect(screen.getByTestId('library-items')).toHaveClass('sd-lib-list');
  });

  it('opens a copyable draft with the post quoted and a link back', async () => {
    const onCopy = vi.fn(async () => undefined);
    renderWithI18n(<Harness onCopy={onCopy} />);
    fireEvent.click(within(screen.getAllByTestId('library-item')[1]!).getByRole('button', { name: 'Use as inspiration' }));
    const draft = within(screen.getByTestId('library-draft'));
    const text = (draft.getByRole('textbox') as HTMLTextAreaElement).value;
    expect(text).toContain('Inspired by taipeifoodie on Instagram:');
    expect(text).toContain('> 手沖咖啡豆 B');
    expect(text).toContain('Original: https://www.instagram.com/p/B/');
    expect(text).toContain('My note: copy the carousel');
    fireEvent.change(draft.getByRole('textbox'), { target: { value: `${text}\nMy own take` } });
    await act(async () => {
      fireEvent.click(draft.getByRole('button', { name: 'Copy' }));
    });
    expect(onCopy).toHaveBeenCalledWith(`${text}\nMy own take`);
    expect(draft.getByRole('status')).toHaveTextContent('Copied.');
  });

  it('edits tags and note with suggestions from the tags in use', async () => {
    const onEdit = vi.fn(async () => undefined);
    renderWithI18n(<Harness onEdit={onEdit} />);
    const first = within(screen.getAllByTestId('library-item')[0]!);
    fireEvent.click(first.getByRole('button', { name: 'Edit tags & note' }));
    fireEvent.click(first.getByRole('button', { name: '+ #launch' }));
    fireEvent.change(first.getByLabelText('Note'), { target: { value: 'try this hook' } });
    await act(async () => {
      fireEvent.click(first.getByRole('button', { name: 'Save' }));
    });
    expect(onEdit).toHaveBeenCalledWith('instagram:A', ['coffee', 'launch'], 'try this hook');
  });

  it('deletes one, the selected ones, or all, each after a confirmation', async () => {
    const onDelete = vi.fn(async (keys: string[]) => keys.length);
    const onDeleteAll = vi.fn(async () => 3);
    renderWithI18n(<Harness onDelete={onDelete} onDeleteAll={onDeleteAll} />);
    const first = within(screen.getAllByTestId('library-item')[0]!);
    fireEvent.click(first.getByRole('button', { name: 'Delete' }));
    expect(onDelete).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(first.getByRole('button', { name: 'Delete' }));
    });
    expect(onDelete).toHaveBeenLastCalledWith(['instagram:A']);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown' }));
    expect(screen.getByTestId('library-selected')).toHaveTextContent('2 selected');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Select all 3 matching' }));
    });
    expect(screen.getByTestId('library-selected')).toHaveTextContent('3 selected');
    fireEvent.click(screen.getByRole('button', { name: 'Delete selected' }));
    expect(screen.getByTestId('library-confirm')).toHaveTextContent('Delete 3 saved posts');
    await act(async () => {
      fireEvent.click(within(screen.getByTestId('library-confirm')).getByRole('button', { name: 'Delete' }));
    });
    expect(onDelete).toHaveBeenLastCalledWith(['instagram:A', 'instagram:B', 'instagram:C']);
    expect(screen.getByText('Deleted 3 saved posts.')).toBeInTheDocument();
    expect(screen.queryByTestId('library-selected')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Delete all…' }));
    expect(screen.getByTestId('library-confirm')).toHaveTextContent('Delete all 3 saved posts');
    await act(async () => {
      fireEvent.click(within(screen.getByTestId('library-confirm')).getByRole('button', { name: 'Delete' }));
    });
    expect(onDeleteAll).toHaveBeenCalledOnce();
    expect(screen.getByText('Deleted 3 saved posts.')).toBeInTheDocument();
  });

  it('exports the current filter or the whole library in each format', async () => {
    const onExport = vi.fn(async () => undefined);
    renderWithI18n(<Harness onExport={onExport} />);
    // Without a filter, the whole library is exported.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'CSV' }));
    });
    expect(onExport).toHaveBeenLastCalledWith('csv', 'all');
    fireEvent.click(within(screen.getAllByTestId('library-item')[0]!).getByRole('button', { name: '#coffee' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Markdown' }));
    });
    expect(onExport).toHaveBeenLastCalledWith('markdown', 'filter');
    fireEvent.change(screen.getByLabelText('Export'), { target: { value: 'all' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    });
    expect(onExport).toHaveBeenLastCalledWith('json', 'all');
  });

  it('compares the most saved authors with the user’s own average on the same platform', () => {
    renderWithI18n(
      <Harness
        section="authors"
        onSection={vi.fn()}
        authors={{
          authors: [
            { platform: 'linkedin', name: 'rival', url: 'https://www.linkedin.com/in/rival/', saved: 3, avgEngagement: 150, measured: 2 },
            { platform: 'x', name: 'peer', url: null, saved: 1, avgEngagement: null, measured: 0 },
          ],
          own: [
            { platform: 'linkedin', posts: 2, avgEngagement: 30 },
            { platform: 'x', posts: 0, avgEngagement: null },
          ],
        }}
      />,
    );
    const rows = screen.getAllByTestId('author-row');
    expect(rows[0]).toHaveTextContent('rival');
    expect(rows[0]).toHaveTextContent('150 (over 2 posts)');
    expect(rows[0]).toHaveTextContent('30 (over 2 posts)');
    expect(rows[0]).toHaveTextContent('5× yours');
    expect(rows[1]).toHaveTextContent('None of your posts read there yet');
  });

  it('explains how to save when the library is empty', () => {
    renderWithI18n(<Harness facets={{ total: 0, platforms: [], tags: [], authors: [] }} result={{ total: 0, items: [] }} />, 'zh_TW');
    expect(screen.getByTestId('library-empty')).toHaveTextContent('還沒有收藏任何貼文');
  });
});
