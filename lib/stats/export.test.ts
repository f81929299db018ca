import { describe, expect, it } from 'vitest';
import type { ExportInteraction, ExportSnapshot } from '../messaging/protocol';
import { csvCell, CSV_BOM, exportTable, interactionsFormat, snapshotsFormat, summariesCsv } from './export';
import type { WeeklySummary } from './summary-format';
import { interactionRow } from '@/test/builders';

const row = (i: number, over: Partial<ExportInteraction> = {}): ExportInteraction => ({
  ...interactionRow(`linkedin:comment_received:${String(i).padStart(4, '0')}`, { platformItemId: String(i) }),
  ...over,
});

/** Splits CSV text into records, honouring quotes (enough for these tests). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('plain 中文')).toBe('plain 中文');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(-3)).toBe('-3');
  });

  it('keeps page text that looks like a formula from running in a spreadsheet', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(csvCell('+1 great')).toBe("'+1 great");
    expect(csvCell('@everyone')).toBe("'@everyone");
  });
});

describe('exportTable', () => {
  const batches = (rows: ExportInteraction[], size: number) => {
    const calls: Array<string | null> = [];
    const fetch = async (after: string | null) => {
      calls.push(after);
      const start = after === null ? 0 : rows.findIndex((r) => r.id === after) + 1;
      const page = rows.slice(start, start + size);
      return { rows: page, next: page.length === size ? page[page.length - 1]!.id : null };
    };
    return { calls, fetch };
  };

  it('writes a CSV batch by batch, every row once, in the user’s days', async () => {
    const rows = Array.from({ length: 1234 }, (_, i) => row(i, i === 7 ? { text: 'multi\nline, "quoted"', actorUrl: 'https://www.linkedin.com/in/x/' } : {}));
    const { calls, fetch } = batches(rows, 500);
    const progress: number[] = [];
    const { blob, rows: count } = await exportTable('csv', interactionsFormat('Asia/Taipei'), fetch, '2026-11-27T00:00:00.000Z', (n) => progress.push(n));
    expect(count).toBe(1234);
    expect(calls).toEqual([null, rows[499]!.id, rows[999]!.id]);
    expect(progress).toEqual([500, 1000, 1234]);
    const text = await blob.text();
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const records = parseCsv(text.slice(1));
    expect(records).toHaveLength(1235);
    const header = records[0]!;
    const at = (r: string[], name: string) => r[header.indexOf(name)];
    expect(at(records[8]!, 'text')).toBe('multi\nline, "quoted"');
    // 17:30 UTC on the 26th is the 27th in Taipei.
    expect(at(records[1]!, 'local_day')).toBe('2026-11-27');
    expect(at(records[1]!, 'occurred_at')).toBe('2026-11-26T17:30:00.000Z');
    expect(new Set(records.slice(1).map((r) => at(r, 'id'))).size).toBe(1234);
  });

  it('writes valid JSON with every row, also when there are none', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => row(i));
    const { fetch } = batches(rows, 2);
    const { blob } = await exportTable('json', interactionsFormat('UTC'), fetch, '2026-11-27T00:00:00.000Z');
    const parsed = JSON.parse(await blob.text()) as { format: string; rows: ExportInteraction[]; timeZone: string };
    expect(parsed.format).toBe('social-desk-interactions');
    expect(parsed.rows).toEqual(rows);
    const empty = await exportTable('json', interactionsFormat('UTC'), batches([], 2).fetch, '2026-11-27T00:00:00.000Z');
    expect(JSON.parse(await empty.blob.text())).toMatchObject({ rows: [] });
  });

  it('writes the count history with each post’s address', async () => {
    const snap: ExportSnapshot = { id: 1, postKey: 'linkedin:1', postUrl: 'https://www.linkedin.com/feed/update/1/', platform: 'linkedin', own: true, capturedAt: 0, reactions: 3, comments: null, shares: 0, views: null };
    const { blob } = await exportTable('csv', snapshotsFormat('UTC'), async () => ({ rows: [snap], next: null }), '');
    const records = parseCsv((await blob.text()).slice(1));
    expect(records).toEqual([
      ['post_key', 'post_url', 'platform', 'own', 'captured_at', 'local_day', 'reactions', 'comments', 'shares', 'views'],
      ['linkedin:1', 'https://www.linkedin.com/feed/update/1/', 'linkedin', 'true', '1970-01-01T00:00:00.000Z', '1970-01-01', '3', '', '0', ''],
    ]);
  });
});

describe('summariesCsv', () => {
  it('has a line per week for the total and one per platform, oldest week first', () => {
    const totals = { commentsReceived: 4, repliesSent: 3, commentsAnswered: 3, responseRate: 0.75, medianResponseMs: 5_400_000, reactionsGained: 9, sharesGained: 1, postsPublished: 1 };
    const week = (startDay: string, endDay: string): WeeklySummary => ({
      startDay,
      endDay,
      weekStart: 1,
      timeZone: 'Asia/Taipei',
      hasData: true,
      total: totals,
      previousTotal: totals,
      byPlatform: [{ platform: 'instagram', totals }],
      topPosts: [{ key: 'instagram:a', platform: 'instagram', url: 'https://www.instagram.com/p/a/', excerpt: 'x', reactions: 9, comments: 0, shares: 1, engagement: 10 }],
      topEngagers: [],
      tone: { comments: 4, negative: 1, questions: 0, negativeShare: 0.25, previousNegativeShare: null },
      unanswered: { total: 1, byPlatform: [{ platform: 'instagram', comments: 1, questions: 0 }] },
      actions: [],
    });
    const records = parseCsv(summariesCsv([week('2026-11-23', '2026-11-29'), week('2026-11-16', '2026-11-22')]).slice(1));
    expect(records.map((r) => [r[0], r[2]])).toEqual([
      ['week_start', 'scope'],
      ['2026-11-16', 'total'],
      ['2026-11-16', 'instagram'],
      ['2026-11-23', 'total'],
      ['2026-11-23', 'instagram'],
    ]);
    expect(records[1]).toEqual(['2026-11-16', '2026-11-22', 'total', '4', '3', '3', '0.75', '90', '9', '1', '1', '0.25', '1', 'https://www.instagram.com/p/a/', '10']);
  });
});
