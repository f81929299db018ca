import type { LibraryItem } from '../db/library';
import type { SavedCounts } from '../db/schema';
import type { Translate } from '../i18n';

/**
 * The inspiration library as files: CSV (for spreadsheets; UTF-8 with a byte
 * order mark so Excel reads Chinese, and cells that a spreadsheet would run as
 * a formula are defused), JSON (every field) and Markdown (to read or paste
 * into notes; page text is escaped so markup in a post stays text).
 */

export type ExportFormat = 'csv' | 'json' | 'markdown';

export const EXPORT_FORMAT = 'social-desk-library';
export const EXPORT_VERSION = 1;

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
/** The local calendar day (the user's, as the dashboard shows dates). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}
/** A url inside Markdown's `<…>`: nothing in it may close the brackets. */
const mdUrl = (url: string) => `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

const CSV_COLUMNS: Array<[string, (i: LibraryItem) => string]> = [
  ['saved_at', (i) => iso(i.savedAt)],
  ['platform', (i) => i.platform],
  ['site', (i) => i.site ?? ''],
  ['author', (i) => i.authorName],
  ['author_url', (i) => i.authorUrl ?? ''],
  ['post_url', (i) => i.url],
  ['post_id', (i) => i.postId],
  ['published_at', (i) => iso(i.publishedAt)],
  ['text', (i) => i.text],
  ['tags', (i) => i.tags.join(', ')],
  ['note', (i) => i.note],
  ['media_kind', (i) => i.mediaKind],
  ['media_url', (i) => i.mediaUrl ?? ''],
  ['saved_from', (i) => i.savedFromUrl],
  ['reactions_at_save', (i) => num(i.countsAtSave?.reactions)],
  ['comments_at_save', (i) => num(i.countsAtSave?.comments)],
  ['shares_at_save', (i) => num(i.countsAtSave?.shares)],
  ['views_at_save', (i) => num(i.countsAtSave?.views)],
  ['reactions', (i) => num(i.counts?.reactions)],
  ['comments', (i) => num(i.counts?.comments)],
  ['shares', (i) => num(i.counts?.shares)],
  ['views', (i) => num(i.counts?.views)],
  ['counts_read_at', (i) => iso(i.countsAt)],
  ['engagement', (i) => num(i.engagement)],
  ['growth', (i) => num(i.growth)],
];

function csvCell(value: string): string {
  // A cell starting with = + - @ (or a tab/CR) is a formula to a spreadsheet: page text must not run.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(items: readonly LibraryItem[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const item of items) lines.push(CSV_COLUMNS.map(([, get]) => csvCell(get(item))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function toJson(items: readonly LibraryItem[], now: number): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: iso(now), count: items.length, items }, null, 2)}\n`;
}

/** Escapes what Markdown (or the HTML it allows) would read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`).replace(/&/g, '&amp;');
}

function countsLine(counts: SavedCounts | null, t: Translate): string {
  if (!counts) return t('countUnknown');
  const part = (key: string, v: number | null) => `${t(key)} ${v === null ? t('countUnknown') : v}`;
  return [part('countReactions', counts.reactions), part('countComments', counts.comments), part('countShares', counts.shares)].join(' · ');
}

export function toMarkdown(items: readonly LibraryItem[], t: Translate, now: number): string {
  const out = [`# ${t('libraryExportTitle')}`, '', t('libraryExportSummary', [String(items.length), localDay(now)]), ''];
  for (const item of items) {
    const source = item.platform === 'other' && item.site ? item.site : t(`platform_${item.platform}`);
    out.push(`## ${escapeMarkdown(item.authorName || source)} · ${escapeMarkdown(source)} · ${localDay(item.savedAt)}`, '');
    const text = item.text.trim();
    if (text) out.push(...text.split(/\r?\n/).map((line) => `> ${escapeMarkdown(line)}`), '');
    out.push(`- ${t('libraryFieldLink')}: ${mdUrl(item.url)}`);
    if (item.authorUrl) out.push(`- ${t('libraryFieldAuthor')}: ${mdUrl(item.authorUrl)}`);
    if (item.mediaUrl) out.push(`- ${t('libraryFieldMedia')}: ${mdUrl(item.mediaUrl)}`);
    if (item.tags.length) out.push(`- ${t('libraryFieldTags')}: ${item.tags.map((tag) => `#${escapeMarkdown(tag)}`).join(' ')}`);
    if (item.note.trim()) out.push(`- ${t('libraryFieldNote')}: ${escapeMarkdown(item.note.trim().replace(/\r?\n/g, ' '))}`);
    if (item.countsAtSave) out.push(`- ${t('libraryFieldCountsAtSave')}: ${countsLine(item.countsAtSave, t)}`);
    if (item.counts && item.countsAt !== item.savedAt) out.push(`- ${t('libraryFieldCountsNow')}: ${countsLine(item.counts, t)}`);
    out.push('');
  }
  return out.join('\n');
}

export function exportLibrary(items: readonly LibraryItem[], format: ExportFormat, t: Translate, now: number): { text: string; mime: string; extension: string } {
  switch (format) {
    case 'csv':
      return { text: toCsv(items), mime: 'text/csv;charset=utf-8', extension: 'csv' };
    case 'json':
      return { text: toJson(items, now), mime: 'application/json', extension: 'json' };
    case 'markdown':
      return { text: toMarkdown(items, t, now), mime: 'text/markdown;charset=utf-8', extension: 'md' };
  }
}
