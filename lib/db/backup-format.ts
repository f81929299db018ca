import { z } from 'zod';
import { PLATFORMS } from '../platforms/types';
import { MAX_TERMS } from '../search/terms';
import type { SettingName, SettingsValues } from '../storage';
import type { InspirationRow, InteractionRow, MetricSnapshotRow, PostRow, TemplateRow } from './schema';

/**
 * The backup file: one JSON object with every table (except the daily rollups,
 * which are rebuilt from the log on import) and every settings item. A file is
 * untrusted input, so it is checked as strictly as a message: every row shape,
 * every string bounded, no unknown fields. Pure (zod only), so the message
 * protocol can use these schemas without pulling the database into content scripts.
 *
 * Versioning: a field added to a row or a new table bumps BACKUP_VERSION and
 * keeps reading the older versions; a new settings item is `.optional()` here so
 * older files stay readable.
 */

export const BACKUP_FORMAT = 'social-desk-backup';
export const BACKUP_VERSION = 1;

/** Largest file we read (characters). Chrome's runtime messages stop at 64 MiB, so larger files fail there first. */
export const MAX_BACKUP_CHARS = 200_000_000;
const MAX_ROWS = 2_000_000;

/** The tables a backup holds, in the order they are written. */
export const BACKUP_TABLES = ['posts', 'metricSnapshots', 'interactions', 'templates', 'inspirations'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];
/**
 * Every table of the database: the backup's plus the daily rollups and the weekly summaries (caches, recomputed
 * from the log) and the library's search index (made from the saved posts when they are written).
 */
export const ALL_TABLES = [...BACKUP_TABLES, 'dailyRollups', 'weeklySummaries', 'libraryIndex'] as const;
export type TableName = (typeof ALL_TABLES)[number];

export const SETTING_NAMES = ['ownProfiles', 'weekStart', 'timeZone', 'panelOpen', 'templateCampaign', 'weeklySummaryNotify'] as const satisfies readonly SettingName[];

// Bounds: at least what any write path can store (ids are `${platform}:${kind}:${item id of up to 2,000}`).
const KEY = 2_100;
const SHORT = 2_000;
const TEXT = 20_000;

const key = z.string().min(1).max(KEY);
const short = z.string().max(SHORT);
const text = z.string().max(TEXT);
// Restored urls end up in links: only http(s), as when they were captured.
const httpUrl = short.refine((s) => /^https?:\/\//.test(s), { message: 'must be an http(s) url' });
const epochMs = z.number().int().nonnegative().max(8.64e15);
const count = z.number().int().nonnegative().max(1e13).nullable();
const savedCounts = z.strictObject({ reactions: count, comments: count, shares: count, views: count });
const precision = z.string().max(20);
const platform = z.enum(PLATFORMS);
const mediaKind = z.enum(['text', 'image', 'video', 'link', 'document', 'poll', 'article', 'unknown']);

export const postRowSchema = z.strictObject({
  key,
  platform,
  postId: key,
  url: httpUrl,
  authorName: short,
  authorUrl: httpUrl.nullable(),
  isOwn: z.boolean(),
  tracked: z.strictObject({ own: z.boolean(), saved: z.boolean(), repliedOn: z.boolean() }),
  textExcerpt: text,
  mediaKind,
  publishedAt: epochMs.nullable(),
  publishedPrecision: precision.nullable(),
  firstSeenAt: epochMs,
  lastSeenAt: epochMs,
});

export const metricSnapshotRowSchema = z.strictObject({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  postKey: key,
  platform,
  own: z.boolean(),
  capturedAt: epochMs,
  reactions: count,
  comments: count,
  shares: count,
  views: count,
});

export const interactionRowSchema = z.strictObject({
  id: key,
  kind: z.enum(['comment_received', 'reply_sent', 'mention', 'manual']),
  platform,
  postKey: key.nullable(),
  platformItemId: key,
  parentItemId: key.nullable(),
  actorName: short,
  actorUrl: httpUrl.nullable(),
  text,
  occurredAt: epochMs,
  occurredPrecision: precision,
  capturedAt: epochMs,
  status: z.enum(['open', 'replied', 'dismissed', 'none']),
  repliedById: key.nullable(),
  inReplyToId: key.nullable(),
  responseMs: epochMs.nullable(),
  templateId: key.nullable(),
  site: short.nullable(),
}).refine((row) => row.kind !== 'comment_received' || row.status !== 'none', {
  // The log finds received comments by status (COMMENT_STATUSES in schema.ts): one stored as 'none' would be lost.
  message: 'a received comment must be open, replied or dismissed',
  path: ['status'],
});

export const templateRowSchema = z.strictObject({
  id: key,
  name: short,
  body: text,
  category: short,
  language: short,
  platforms: z.array(platform).max(PLATFORMS.length * 2),
  shortCode: short.nullable(),
  builtIn: z.boolean(),
  createdAt: epochMs,
  updatedAt: epochMs,
  useCount: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  lastUsedAt: epochMs.nullable(),
  deletedAt: epochMs.nullable().optional(),
});

export const inspirationRowSchema = z.strictObject({
  key,
  platform,
  postId: key,
  url: httpUrl,
  authorName: short,
  authorUrl: httpUrl.nullable(),
  text,
  mediaKind,
  mediaUrl: httpUrl.nullable(),
  publishedAt: epochMs.nullable(),
  savedFromUrl: httpUrl,
  site: short.nullable(),
  savedAt: epochMs,
  updatedAt: epochMs,
  // Tags are cleaned to 60 characters before lower-casing, which can lengthen a few letters.
  tags: z.array(z.string().max(200)).max(30),
  note: text,
  // A term is a word of the text after NFKC normalisation, which can lengthen it.
  searchTerms: z.array(z.string().max(TEXT * 4)).max(MAX_TERMS),
  countsAtSave: savedCounts.nullable(),
  counts: savedCounts.nullable(),
  countsAt: epochMs.nullable(),
  engagement: z.number().int().nonnegative().max(3e13).nullable(),
  growth: z.number().int().min(-3e13).max(3e13).nullable(),
});

export const settingsSchema = z.strictObject({
  ownProfiles: z.partialRecord(
    platform,
    z.strictObject({ profileUrl: httpUrl, displayName: short.nullable(), confirmed: z.boolean(), detectedAt: epochMs }),
  ),
  weekStart: z.number().int().min(0).max(6),
  timeZone: z.string().max(100),
  panelOpen: z.boolean(),
  templateCampaign: z.string().max(100),
  weeklySummaryNotify: z.boolean(),
});

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  schemaVersion: z.number().int().min(1).max(1_000_000),
  settings: settingsSchema,
  tables: z.strictObject({
    posts: z.array(postRowSchema).max(MAX_ROWS),
    metricSnapshots: z.array(metricSnapshotRowSchema).max(MAX_ROWS),
    interactions: z.array(interactionRowSchema).max(MAX_ROWS),
    templates: z.array(templateRowSchema).max(MAX_ROWS),
    inspirations: z.array(inspirationRowSchema).max(MAX_ROWS),
  }),
});

export type Backup = z.infer<typeof backupSchema>;
export type BackupTables = Backup['tables'];
/** A snapshot as stored in a backup: its id is always there. */
export type BackupSnapshotRow = Required<MetricSnapshotRow>;

// The schemas mirror the row types exactly: a field added to, removed from or
// changed in lib/db/schema.ts (or a settings item in lib/storage.ts) fails to
// type-check here until the backup format follows it.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrors: [
  Same<z.infer<typeof postRowSchema>, PostRow>,
  Same<z.infer<typeof metricSnapshotRowSchema>, BackupSnapshotRow>,
  Same<z.infer<typeof interactionRowSchema>, InteractionRow>,
  Same<z.infer<typeof templateRowSchema>, TemplateRow>,
  Same<z.infer<typeof inspirationRowSchema>, InspirationRow>,
  Same<z.infer<typeof settingsSchema>, SettingsValues>,
  Same<(typeof SETTING_NAMES)[number], SettingName>,
] = [true, true, true, true, true, true, true];
void mirrors;

// ---- what the page is shown ---------------------------------------------------

export const BACKUP_ERROR_KINDS = ['too_large', 'json', 'format', 'version', 'invalid'] as const;
export const backupErrorSchema = z.object({
  kind: z.enum(BACKUP_ERROR_KINDS),
  /** The record and field that is wrong, e.g. `tables.interactions[12].occurredAt`; `(file)` for the file as a whole. */
  path: z.string(),
  message: z.string(),
});
export type BackupError = z.infer<typeof backupErrorSchema>;

const rowCount = z.number().int().nonnegative();

export const backupSummarySchema = z.object({
  exportedAt: z.string(),
  schemaVersion: z.number(),
  rows: z.object({
    posts: rowCount,
    metricSnapshots: rowCount,
    interactions: rowCount,
    templates: rowCount,
    inspirations: rowCount,
  }),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

const tableChange = z.object({ add: rowCount, replace: rowCount });
/** What an import does (or did): per table, rows added and rows that replace one with the same key; settings that change. */
export const importPlanSchema = z.object({
  tables: z.object({
    posts: tableChange,
    metricSnapshots: tableChange,
    interactions: tableChange,
    templates: tableChange,
    inspirations: tableChange,
  }),
  settingsChanged: z.array(z.enum(SETTING_NAMES)),
});
export type ImportPlan = z.infer<typeof importPlanSchema>;

export const storageUsageSchema = z.object({
  tables: z.object({
    posts: rowCount,
    metricSnapshots: rowCount,
    interactions: rowCount,
    templates: rowCount,
    inspirations: rowCount,
    dailyRollups: rowCount,
    weeklySummaries: rowCount,
    libraryIndex: rowCount,
  }),
  /** Bytes, from navigator.storage.estimate(); null when the browser does not say. */
  usage: z.number().nonnegative().nullable(),
  quota: z.number().nonnegative().nullable(),
});
export type StorageUsage = z.infer<typeof storageUsageSchema>;

// ---- reading a file -----------------------------------------------------------

export type ParsedBackup = { ok: true; backup: Backup; summary: BackupSummary } | { ok: false; error: BackupError };

/** `tables.interactions[12].occurredAt` from zod's `['tables', 'interactions', 12, 'occurredAt']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

const PRIMARY_KEY = { posts: 'key', metricSnapshots: 'id', interactions: 'id', templates: 'id', inspirations: 'key' } as const;

function firstDuplicateKey(tables: BackupTables): BackupError | null {
  for (const table of BACKUP_TABLES) {
    const field = PRIMARY_KEY[table];
    const seen = new Map<unknown, number>();
    const rows: ReadonlyArray<Record<string, unknown>> = tables[table];
    for (const [i, row] of rows.entries()) {
      const at = seen.get(row[field]);
      if (at !== undefined) {
        return { kind: 'invalid', path: `tables.${table}[${i}].${field}`, message: `duplicate key (the same as tables.${table}[${at}])` };
      }
      seen.set(row[field], i);
    }
  }
  return null;
}

/**
 * Reads a backup file's text. Never throws: a truncated file, another file,
 * a newer version or any wrong value deep inside gives a typed error naming
 * the record and field, and nothing else happens.
 */
export function parseBackup(text: string): ParsedBackup {
  const fail = (kind: BackupError['kind'], path: string, message: string): ParsedBackup => ({ ok: false, error: { kind, path, message } });
  if (text.length > MAX_BACKUP_CHARS) return fail('too_large', '(file)', `The file has ${text.length} characters; a backup has at most ${MAX_BACKUP_CHARS}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // A whole backup ends with its closing brace; an error at the very end also means the text stops too soon.
    const position = Number(/position (\d+)/.exec(detail)?.[1] ?? -1);
    const cut = /end of (json )?input|unterminated/i.test(detail) || !text.trimEnd().endsWith('}') || position >= text.trimEnd().length - 1;
    return fail('json', '(file)', cut ? `The file ends too early: it is cut off or still downloading (${detail}).` : `The file is not valid JSON (${detail}).`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return fail('format', 'format', `Not a Social Desk backup (expected "format": "${BACKUP_FORMAT}").`);
  }
  const version = (raw as { version?: unknown }).version;
  if (version !== BACKUP_VERSION) {
    return fail('version', 'version', `This backup is version ${JSON.stringify(version)}; this version of Social Desk reads version ${BACKUP_VERSION}.`);
  }
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) return fail('invalid', '(root)', 'Invalid backup.');
    const path = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
    return fail('invalid', formatPath(path), issue.message);
  }
  const backup = parsed.data;
  const duplicate = firstDuplicateKey(backup.tables);
  if (duplicate) return { ok: false, error: duplicate };
  const rows = Object.fromEntries(BACKUP_TABLES.map((t) => [t, backup.tables[t].length])) as BackupSummary['rows'];
  return { ok: true, backup, summary: { exportedAt: backup.exportedAt, schemaVersion: backup.schemaVersion, rows } };
}
