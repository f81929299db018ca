import type { ExportInteraction, ExportSnapshot } from '../messaging/protocol';
import { dayKey } from './days';
import type { WeeklySummary, WeekTotals } from './summary-format';

/**
 * The history's files: CSV (for spreadsheets; RFC 4180 quoting, CRLF line
 * ends, a byte-order mark so Excel reads Chinese text as UTF-8) and JSON.
 * Big tables are written batch by batch: a header, then rows as they arrive,
 * then a footer, so no step holds more than one batch of text.
 */

export const CSV_BOM = '\uFEFF';

/** One CSV field. Text from pages that starts like a formula is prefixed with ' so a spreadsheet shows it instead of running it. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: Array<string | number | boolean | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const ratio = (r: number | null) => (r === null ? null : Math.round(r * 10_000) / 10_000);

// ---- weekly summaries ---------------------------------------------------------

const TOTAL_COLUMNS = [
  'comments_received',
  'replies_sent',
  'comments_answered',
  'response_rate',
  'median_response_minutes',
  'reactions_gained',
  'shares_gained',
  'posts_published',
] as const;

function totalsCells(t: WeekTotals) {
  return [
    t.commentsReceived,
    t.repliesSent,
    t.commentsAnswered,
    ratio(t.responseRate),
    t.medianResponseMs === null ? null : Math.round(t.medianResponseMs / 60_000),
    t.reactionsGained,
    t.sharesGained,
    t.postsPublished,
  ];
}

/** One line per week and scope: the week's total, then each platform. Oldest week first. */
export function summariesCsv(summaries: WeeklySummary[]): string {
  let out = CSV_BOM + csvLine(['week_start', 'week_end', 'scope', ...TOTAL_COLUMNS, 'negative_share', 'unanswered', 'top_post_url', 'top_post_engagement']);
  for (const s of [...summaries].sort((a, b) => a.startDay.localeCompare(b.startDay))) {
    const top = s.topPosts[0];
    out += csvLine([s.startDay, s.endDay, 'total', ...totalsCells(s.total), ratio(s.tone.negativeShare), s.unanswered.total, top?.url ?? null, top?.engagement ?? null]);
    for (const p of s.byPlatform) {
      const unanswered = s.unanswered.byPlatform.find((u) => u.platform === p.platform)?.comments ?? 0;
      const best = s.topPosts.find((x) => x.platform === p.platform);
      out += csvLine([s.startDay, s.endDay, p.platform, ...totalsCells(p.totals), null, unanswered, best?.url ?? null, best?.engagement ?? null]);
    }
  }
  return out;
}

// ---- the raw log and the count history ------------------------------------------

export interface TableFormat<Row> {
  csvHeader: string;
  csvRows(rows: Row[]): string;
  jsonHeader(exportedAt: string): string;
  /** `first`: whether these are the file's first rows (no comma before them). */
  jsonRows(rows: Row[], first: boolean): string;
  jsonFooter: string;
}

function jsonFormat<Row>(kind: string, timeZone: string) {
  return {
    jsonHeader: (exportedAt: string) => `{"format":${JSON.stringify(kind)},"version":1,"exportedAt":${JSON.stringify(exportedAt)},"timeZone":${JSON.stringify(timeZone)},"rows":[\n`,
    jsonRows: (rows: Row[], first: boolean) => (rows.length === 0 ? '' : `${first ? '' : ',\n'}${rows.map((r) => JSON.stringify(r)).join(',\n')}`),
    jsonFooter: '\n]}\n',
  };
}

export function interactionsFormat(timeZone: string): TableFormat<ExportInteraction> {
  return {
    csvHeader:
      CSV_BOM +
      csvLine([
        'id',
        'kind',
        'platform',
        'site',
        'post_key',
        'occurred_at',
        'local_day',
        'occurred_precision',
        'captured_at',
        'actor_name',
        'actor_url',
        'text',
        'status',
        'in_reply_to',
        'replied_by',
        'response_minutes',
        'template_id',
      ]),
    csvRows: (rows) =>
      rows
        .map((r) =>
          csvLine([
            r.id,
            r.kind,
            r.platform,
            r.site,
            r.postKey,
            iso(r.occurredAt),
            dayKey(r.occurredAt, timeZone),
            r.occurredPrecision,
            iso(r.capturedAt),
            r.actorName,
            r.actorUrl,
            r.text,
            r.status,
            r.inReplyToId,
            r.repliedById,
            r.responseMs === null ? null : Math.round(r.responseMs / 60_000),
            r.templateId,
          ]),
        )
        .join(''),
    ...jsonFormat<ExportInteraction>('social-desk-interactions', timeZone),
  };
}

export function snapshotsFormat(timeZone: string): TableFormat<ExportSnapshot> {
  return {
    csvHeader: CSV_BOM + csvLine(['post_key', 'post_url', 'platform', 'own', 'captured_at', 'local_day', 'reactions', 'comments', 'shares', 'views']),
    csvRows: (rows) =>
      rows
        .map((r) => csvLine([r.postKey, r.postUrl, r.platform, r.own, iso(r.capturedAt), dayKey(r.capturedAt, timeZone), r.reactions, r.comments, r.shares, r.views]))
        .join(''),
    ...jsonFormat<ExportSnapshot>('social-desk-count-history', timeZone),
  };
}

/**
 * Writes a whole table through `format`, asking `fetchBatch` for one batch
 * after another (each after the cursor the previous one returned), turning
 * each batch into a Blob part at once so the text of earlier batches can be
 * freed. Calls `onProgress` with the rows written so far.
 */
export async function exportTable<Row, Cursor>(
  kind: 'csv' | 'json',
  format: TableFormat<Row>,
  fetchBatch: (after: Cursor | null) => Promise<{ rows: Row[]; next: Cursor | null }>,
  exportedAt: string,
  onProgress: (rows: number) => void = () => undefined,
): Promise<{ blob: Blob; rows: number }> {
  const type = kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
  const parts: Blob[] = [new Blob([kind === 'csv' ? format.csvHeader : format.jsonHeader(exportedAt)])];
  let after: Cursor | null = null;
  let total = 0;
  for (;;) {
    const { rows, next } = await fetchBatch(after);
    parts.push(new Blob([kind === 'csv' ? format.csvRows(rows) : format.jsonRows(rows, total === 0)]));
    total += rows.length;
    onProgress(total);
    if (next === null) break;
    after = next;
  }
  if (kind === 'json') parts.push(new Blob([format.jsonFooter]));
  return { blob: new Blob(parts, { type }), rows: total };
}
