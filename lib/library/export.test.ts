import { describe, expect, it } from 'vitest';
import type { LibraryItem } from '../db/library';
import { inspirationDraft } from './draft';
import { escapeMarkdown, toCsv, toJson, toMarkdown } from './export';
import { tEn, tZh } from '@/test/i18n';

const NOW = Date.UTC(2026, 10, 27, 4);

function item(over: Partial<LibraryItem> = {}): LibraryItem {
  return {
    key: 'instagram:ABC',
    platform: 'instagram',
    postId: 'ABC',
    url: 'https://www.instagram.com/p/ABC/',
    authorName: 'taipeifoodie',
    authorUrl: 'https://www.instagram.com/taipeifoodie/',
    text: '手沖咖啡豆 "limited"\nline two, with a comma',
    mediaKind: 'image',
    mediaUrl: 'https://cdn.example/1.jpg',
    publishedAt: NOW - 86_400_000,
    savedFromUrl: 'https://www.instagram.com/',
    site: null,
    savedAt: NOW - 3_600_000,
    updatedAt: NOW,
    tags: ['coffee', '手沖'],
    note: 'copy the carousel',
    countsAtSave: { reactions: 10, comments: 2, shares: null, views: null },
    counts: { reactions: 25, comments: 4, shares: null, views: null },
    countsAt: NOW,
    engagement: 29,
    growth: 17,
    ...over,
  };
}

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('library export', () => {
  it('writes CSV that spreadsheets read back exactly, with Chinese, quotes, commas and new lines', () => {
    const csv = toCsv([item(), item({ key: 'x:1', platform: 'x', tags: [], note: '', counts: null, countsAtSave: null, engagement: null, growth: null })]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(3);
    const header = rows[0] as string[];
    const first = Object.fromEntries(header.map((h, i) => [h, rows[1]![i]]));
    expect(first).toMatchObject({ platform: 'instagram', author: 'taipeifoodie', text: '手沖咖啡豆 "limited"\nline two, with a comma', tags: 'coffee, 手沖', reactions_at_save: '10', reactions: '25', shares: '', engagement: '29', growth: '17' });
    expect(rows[2]![header.indexOf('engagement')]).toBe('');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const rows = parseCsv(toCsv([item({ text: '=HYPERLINK("http://evil.example","x")', note: '+1 great', authorName: '@rival' })]).slice(1));
    const header = rows[0] as string[];
    expect(rows[1]![header.indexOf('text')]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(rows[1]![header.indexOf('note')]).toBe("'+1 great");
    expect(rows[1]![header.indexOf('author')]).toBe("'@rival");
  });

  it('writes JSON with every field', () => {
    const parsed = JSON.parse(toJson([item()], NOW)) as { format: string; count: number; items: LibraryItem[] };
    expect(parsed).toMatchObject({ format: 'social-desk-library', version: 1, count: 1, exportedAt: new Date(NOW).toISOString() });
    expect(parsed.items[0]).toEqual(item());
  });

  it('writes Markdown where markup in a post stays text', () => {
    const md = toMarkdown([item({ text: '<img src=x onerror=alert(1)> **bold** [link](javascript:x)' })], tEn, NOW);
    expect(md).toContain('> \\<img src=x onerror=alert(1)\\> \\*\\*bold\\*\\* \\[link\\](javascript:x)');
    expect(md).not.toMatch(/(^|[^\\])<img/m);
    expect(md).toContain('- Post: <https://www.instagram.com/p/ABC/>');
    expect(md).toContain('- Tags: #coffee #手沖');
    expect(md).toContain('- When saved: Reactions 10 · Comments 2 · Shares unknown');
    expect(toMarkdown([item()], tZh, NOW)).toContain('- 標籤: #coffee #手沖');
    expect(escapeMarkdown('a_b|c&d')).toBe('a\\_b\\|c&amp;d');
  });
});

describe('inspirationDraft', () => {
  it('quotes the post with who wrote it, a link back and the note', () => {
    const draft = inspirationDraft(item({ text: 'line one\n\nline two' }), tEn);
    expect(draft).toBe(
      ['Inspired by taipeifoodie on Instagram:', '', '> line one', '>', '> line two', '', 'Original: https://www.instagram.com/p/ABC/', 'My note: copy the carousel', '', 'My version:', ''].join('\n'),
    );
    expect(inspirationDraft(item({ platform: 'other', site: 'blog.example.tw', note: '' }), tZh)).toContain('靈感來自 taipeifoodie（blog.example.tw）：');
  });
});
