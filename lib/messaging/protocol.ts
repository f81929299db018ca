import { z } from 'zod';
import type { ZodMiniType } from 'zod/mini';
import { MEDIA_KINDS, PLATFORMS } from '../platforms/types';
import { weeklySummarySchema, type WeekTotals } from '../stats/summary-format';
import { ERROR_CODES, errorSchema, responseEnvelope, type ErrorCode, type MessageError } from './envelope';
import { storageStateSchema, weekStatsSchema, type WeekStats } from './popup-protocol';
import {
  BACKUP_FORMAT,
  backupErrorSchema,
  backupSummarySchema,
  importPlanSchema,
  MAX_BACKUP_CHARS,
  storageUsageSchema,
} from '../db/backup-format';
import { TEMPLATE_LANGUAGES, MAX_CATEGORY, MAX_SHORT_CODE, MAX_TEMPLATE_BODY, MAX_TEMPLATE_NAME } from '../templates/model';
import { CONTENT_MODULE_PATTERN } from '../build/content-loaders';
import { contentResponseDataSchemas, interactionStatusSchema, lazyBgToContentSchema, lazyLibraryItemSchema, lazyTemplateViewSchema } from './content-schemas';

/**
 * Every message between content scripts, extension pages and the background,
 * as Zod schemas. Names carry their direction (Dark Reader's convention):
 * `CS_*` content script → background, `UI_*` extension page → background,
 * `BG_*` background → content script.
 *
 * Page content is untrusted, so every string and list is bounded.
 */

const MAX_TEXT = 20_000;
const MAX_SHORT = 2_000;
const MAX_ITEMS = 500;

const text = z.string().max(MAX_TEXT);
const short = z.string().max(MAX_SHORT);
const httpUrl = short.refine((s) => /^https?:\/\//.test(s), { message: 'must be an http(s) url' });
const epochMs = z.number().int().nonnegative().max(8.64e15);

export const platformSchema = z.enum(PLATFORMS);
const countSchema = z.number().int().nonnegative().max(1e13).nullable();
const pageTimeSchema = z.object({
  at: epochMs,
  precision: z.enum(['exact', 'minute', 'hour', 'day', 'week', 'month', 'year']),
});
const personSchema = z.object({ name: short, profileUrl: httpUrl.nullable() });
const partHealth = z.enum(['ok', 'absent', 'broken']);
const mediaKindSchema = z.enum(MEDIA_KINDS);

export const extractedPostSchema = z.object({
  platform: platformSchema,
  postId: short.min(1),
  url: httpUrl,
  author: personSchema,
  text,
  mediaKind: mediaKindSchema,
  publishedAt: pageTimeSchema.nullable(),
  counts: z.object({ reactions: countSchema, comments: countSchema, shares: countSchema, views: countSchema }),
});

export const extractedCommentSchema = z.object({
  platform: platformSchema,
  commentId: short.min(1),
  postId: short.min(1),
  parentId: short.min(1).nullable(),
  author: personSchema,
  text,
  time: pageTimeSchema.nullable(),
});

export const pageReadingSchema = z.object({
  platform: platformSchema,
  adapterVersion: z.string().max(40),
  posts: z.array(extractedPostSchema).max(MAX_ITEMS),
  comments: z.array(extractedCommentSchema).max(MAX_ITEMS * 4),
  ownIdentity: z.object({ name: short.nullable(), profileUrl: httpUrl }).nullable(),
  health: z.object({
    post: partHealth,
    counts: partHealth,
    comments: partHealth,
    replyBox: partHealth,
    notes: z.array(short).max(50),
  }),
});

export const inspirationInputSchema = z.object({
  platform: platformSchema,
  postId: short.min(1).nullable(),
  url: httpUrl,
  authorName: short,
  authorUrl: httpUrl.nullable(),
  text,
  mediaKind: mediaKindSchema,
  mediaUrl: httpUrl.nullable(),
  publishedAt: epochMs.nullable(),
  counts: z.object({ reactions: countSchema, comments: countSchema, shares: countSchema, views: countSchema }).nullable(),
  savedFromUrl: httpUrl,
  tags: z.array(z.string().max(60)).max(30).nullable(),
  note: text.nullable(),
});

export const manualInteractionSchema = z.object({
  kind: z.enum(['comment_received', 'reply_sent', 'mention']),
  platform: platformSchema,
  url: httpUrl,
  actorName: short,
  text,
  occurredAt: epochMs,
});

// ---- templates (lib/templates, lib/db/templates.ts) -------------------------

export const templateLanguageSchema = z.enum(TEMPLATE_LANGUAGES);
/** The classifier's language of a comment (lib/templates/classify.ts); null: any. */
export const commentLanguageSchema = z.enum(['en', 'zh', 'other']).nullable();

export const templateInputSchema = z.object({
  /** null creates a template; an id edits that one. */
  id: short.min(1).nullable(),
  name: z.string().trim().min(1).max(MAX_TEMPLATE_NAME),
  body: z.string().min(1).max(MAX_TEMPLATE_BODY),
  category: z.string().trim().min(1).max(MAX_CATEGORY),
  language: templateLanguageSchema,
  /** Empty: every platform. */
  platforms: z.array(platformSchema).max(PLATFORMS.length),
  /** With or without the leading slash; empty or null: none. */
  shortCode: z.string().max(MAX_SHORT_CODE + 1).nullable(),
});
export type TemplateInput = z.infer<typeof templateInputSchema>;

// ---- inspiration library (lib/db/inspirations.ts, lib/db/library.ts) ------

const libraryKey = z.string().min(1).max(2_100);
const postCountsSchema = z.object({ reactions: countSchema, comments: countSchema, shares: countSchema, views: countSchema });
/** A post as the feed's Save action sends it: what the adapter read, plus its first image's link. */
export const savePostSchema = extractedPostSchema.extend({ mediaUrl: httpUrl.nullable() });
const libraryTags = z.array(z.string().max(60)).max(30);
export const libraryFilterSchema = z.object({
  query: z.string().max(500),
  platforms: z.array(platformSchema).max(PLATFORMS.length),
  author: z.object({ platform: platformSchema, name: short }).nullable(),
  tags: z.array(z.string().max(200)).max(30),
  savedFrom: epochMs.nullable(),
  savedTo: epochMs.nullable(),
});
const librarySortSchema = z.enum(['saved', 'engagement', 'growth']);
const sortDirectionSchema = z.enum(['desc', 'asc']);
export const libraryDeleteTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keys'), keys: z.array(libraryKey).min(1).max(10_000) }),
  z.object({ kind: z.literal('all'), confirm: z.literal('DELETE') }),
]);

// ---- requests --------------------------------------------------------------

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('CS_CAPTURE_PAGE'), pageUrl: httpUrl, reading: pageReadingSchema }),
  // The panel's React UI, injected into the asking content script's frame the first time the panel is needed.
  z.object({ type: z.literal('CS_LOAD_PANEL_UI') }),
  // A content script's loader that could not import its module (lib/build/content-loaders.ts): inject it instead.
  z.object({ type: z.literal('CS_START_CONTENT'), script: z.string().regex(CONTENT_MODULE_PATTERN) }),
  z.object({
    type: z.literal('CS_SET_COMMENT_STATUS'),
    interactionId: short.min(1),
    status: z.enum(['open', 'dismissed']),
  }),
  z.object({ type: z.literal('UI_GET_WEEK_STATS'), now: epochMs.optional() }),
  z.object({ type: z.literal('UI_LIST_INTERACTIONS'), limit: z.number().int().min(1).max(1000) }),
  // The dashboard's reply queue: the newest waiting comments on every platform, and "no reply needed" / undo.
  z.object({ type: z.literal('UI_LIST_WAITING'), limit: z.number().int().min(1).max(2000) }),
  z.object({ type: z.literal('UI_SET_COMMENT_STATUS'), interactionId: short.min(1), status: z.enum(['open', 'dismissed']) }),
  z.object({ type: z.literal('UI_SAVE_INSPIRATION'), inspiration: inspirationInputSchema }),
  z.object({ type: z.literal('UI_RECORD_INTERACTION'), interaction: manualInteractionSchema }),
  z.object({ type: z.literal('UI_EXPORT_BACKUP') }),
  // A backup of a large database is tens of MB; the background parses it again (lib/db/backup-format.ts).
  z.object({ type: z.literal('UI_PREVIEW_IMPORT'), text: z.string().max(MAX_BACKUP_CHARS) }),
  z.object({ type: z.literal('UI_IMPORT_BACKUP'), text: z.string().max(MAX_BACKUP_CHARS) }),
  z.object({ type: z.literal('UI_STORAGE_USAGE') }),
  z.object({ type: z.literal('UI_STORAGE_STATE') }),
  z.object({ type: z.literal('UI_CLEANUP_SNAPSHOTS'), olderThanDays: z.number().int().min(1).max(36_500) }),
  z.object({ type: z.literal('UI_DELETE_ALL_DATA'), confirm: z.literal('DELETE') }),
  // Weekly summaries (newest first) and the history exports, read in batches after a cursor.
  z.object({ type: z.literal('UI_LIST_WEEKLY_SUMMARIES'), limit: z.number().int().min(1).max(520) }),
  z.object({ type: z.literal('UI_EXPORT_INTERACTIONS'), after: short.min(1).nullable(), limit: z.number().int().min(1).max(2000) }),
  z.object({ type: z.literal('UI_EXPORT_SNAPSHOTS'), after: z.number().int().nonnegative().nullable(), limit: z.number().int().min(1).max(5000) }),
  z.object({ type: z.literal('UI_LIST_OWN_POSTS'), before: z.tuple([epochMs, short]).nullable(), limit: z.number().int().min(1).max(500) }),
  z.object({ type: z.literal('UI_GET_POST_HISTORY'), postKey: short.min(1) }),
  z.object({ type: z.literal('CS_LIST_TEMPLATES'), platform: platformSchema, language: commentLanguageSchema }),
  z.object({ type: z.literal('CS_RECORD_TEMPLATE_USE'), templateId: short.min(1), commentInteractionId: short.min(1) }),
  z.object({
    type: z.literal('UI_LIST_TEMPLATES'),
    platform: platformSchema.nullable(),
    language: commentLanguageSchema,
    query: z.string().max(200),
  }),
  z.object({ type: z.literal('UI_SAVE_TEMPLATE'), template: templateInputSchema }),
  z.object({ type: z.literal('UI_DELETE_TEMPLATE'), id: short.min(1) }),
  z.object({
    type: z.literal('UI_RESTORE_STARTER_TEMPLATES'),
    languages: z.array(z.enum(['en', 'zh-TW'])).min(1).max(2),
  }),
  z.object({ type: z.literal('UI_TEMPLATE_STATS') }),
  // Inspiration library: the feed's Save action and saved posts seen again (content scripts), the dashboard's library.
  z.object({ type: z.literal('CS_SAVE_POST'), pageUrl: httpUrl, post: savePostSchema }),
  z.object({ type: z.literal('CS_EDIT_SAVED'), key: libraryKey, tags: libraryTags, note: text }),
  z.object({ type: z.literal('CS_UNSAVE'), key: libraryKey }),
  z.object({
    type: z.literal('CS_SEEN_POSTS'),
    posts: z.array(z.object({ platform: platformSchema, postId: short.min(1), counts: postCountsSchema })).max(MAX_ITEMS),
  }),
  z.object({
    type: z.literal('UI_LIBRARY_QUERY'),
    filter: libraryFilterSchema,
    sort: librarySortSchema,
    direction: sortDirectionSchema,
    offset: z.number().int().nonnegative().max(10_000_000),
    limit: z.number().int().min(1).max(500),
  }),
  z.object({ type: z.literal('UI_LIBRARY_KEYS'), filter: libraryFilterSchema }),
  z.object({ type: z.literal('UI_LIBRARY_FACETS') }),
  z.object({ type: z.literal('UI_LIBRARY_AUTHORS') }),
  z.object({ type: z.literal('UI_LIBRARY_EDIT'), key: libraryKey, tags: libraryTags, note: text }),
  z.object({ type: z.literal('UI_LIBRARY_DELETE'), target: libraryDeleteTargetSchema }),
  z.object({ type: z.literal('UI_LIBRARY_EXPORT'), filter: libraryFilterSchema, sort: librarySortSchema, direction: sortDirectionSchema }),
  z.object({ type: z.literal('UI_LIBRARY_HISTORY'), key: libraryKey }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

// ---- responses -------------------------------------------------------------
// The content scripts' messages and answers are in content-schemas.ts (zod/mini,
// to keep the script every page loads small), re-exported here.

export const libraryItemSchema = lazyLibraryItemSchema();
export const templateViewSchema = lazyTemplateViewSchema();
export const bgToContentSchema = lazyBgToContentSchema();
export { interactionStatusSchema };
export {
  capturedCommentSchema,
  captureResultSchema,
  type BgToContent,
  type CaptureResult,
  type TemplateView,
} from './content-schemas';

export type { WeekTotals };

export { weekStatsSchema, type WeekStats };

export const weeklySummariesSchema = z.object({
  weekStart: z.number(),
  timeZone: z.string(),
  /** The day the current week's summary will be made (the next week's first day). */
  nextSummaryDay: z.string(),
  summaries: z.array(weeklySummarySchema),
});
export type WeeklySummaries = z.infer<typeof weeklySummariesSchema>;

/** A row of the interaction log as exported (the stored row). */
export const exportInteractionSchema = z.object({
  id: z.string(),
  kind: z.enum(['comment_received', 'reply_sent', 'mention', 'manual']),
  platform: platformSchema,
  postKey: z.string().nullable(),
  platformItemId: z.string(),
  parentItemId: z.string().nullable(),
  actorName: z.string(),
  actorUrl: z.string().nullable(),
  text: z.string(),
  occurredAt: z.number(),
  occurredPrecision: z.string(),
  capturedAt: z.number(),
  status: interactionStatusSchema,
  repliedById: z.string().nullable(),
  inReplyToId: z.string().nullable(),
  responseMs: z.number().nullable(),
  templateId: z.string().nullable(),
  site: z.string().nullable(),
});
export type ExportInteraction = z.infer<typeof exportInteractionSchema>;

const nullableCount = z.number().nullable();
/** A count snapshot as exported, with its post's address. */
export const exportSnapshotSchema = z.object({
  id: z.number(),
  postKey: z.string(),
  postUrl: z.string().nullable(),
  platform: platformSchema,
  own: z.boolean(),
  capturedAt: z.number(),
  reactions: nullableCount,
  comments: nullableCount,
  shares: nullableCount,
  views: nullableCount,
});
export type ExportSnapshot = z.infer<typeof exportSnapshotSchema>;

export const ownPostViewSchema = z.object({
  key: z.string(),
  platform: platformSchema,
  url: z.string(),
  excerpt: z.string(),
  publishedAt: z.number().nullable(),
  firstSeenAt: z.number(),
  /** The sort key of this post, to ask for the ones after it. */
  cursor: z.tuple([z.number(), z.string()]),
});
export type OwnPostView = z.infer<typeof ownPostViewSchema>;

export const postHistorySchema = z.object({
  post: ownPostViewSchema.nullable(),
  snapshots: z.array(z.object({ capturedAt: z.number(), reactions: nullableCount, comments: nullableCount, shares: nullableCount, views: nullableCount })),
});
export type PostHistory = z.infer<typeof postHistorySchema>;

const interactionViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  platform: platformSchema,
  actorName: z.string(),
  text: z.string(),
  occurredAt: z.number(),
  status: interactionStatusSchema,
});
export type InteractionView = z.infer<typeof interactionViewSchema>;

/** A received comment still waiting for an answer, as the dashboard's queue shows it (lib/db/queue.ts). */
export const waitingCommentSchema = z.object({
  interactionId: z.string(),
  platform: platformSchema,
  site: z.string().nullable(),
  actorName: z.string(),
  actorUrl: z.string().nullable(),
  text: z.string(),
  occurredAt: z.number(),
  /** The classifier's guess (lib/templates/classify.ts) and its cues: a hint, never a fact. */
  kind: z.enum(['question', 'negative', 'praise', 'neutral']),
  reasons: z.array(z.string()),
  confidence: z.enum(['low', 'medium', 'high']),
  postKey: z.string().nullable(),
  postUrl: z.string().nullable(),
  postExcerpt: z.string().nullable(),
});
export type WaitingComment = z.infer<typeof waitingCommentSchema>;

/** Whether the templates fit the browser's sync storage (lib/templates/sync.ts). */
export const templateSyncStatusSchema = z.object({
  state: z.enum(['synced', 'too_large', 'unavailable', 'error', 'pending']),
  /** Bytes the compact copy of the templates needs, and what sync storage leaves for it. */
  bytes: z.number(),
  limit: z.number(),
  at: z.number().nullable(),
});
export type TemplateSyncStatus = z.infer<typeof templateSyncStatusSchema>;

export const templateStatsSchema = z.object({
  templateId: z.string(),
  uses: z.number(),
  lastUsedAt: z.number().nullable(),
  /** Replies written with this template that the log has seen. */
  replies: z.number(),
  /** Of those, how many got another comment from the same person on the same post afterwards. */
  answeredAgain: z.number(),
});
export type TemplateStats = z.infer<typeof templateStatsSchema>;

const templateErrorSchema = z.object({
  code: z.enum(['unknown_variable', 'empty_group', 'unclosed_group', 'unmatched_close', 'bad_link', 'placeholder_link', 'missing_value']),
  start: z.number(),
  end: z.number(),
  detail: z.string().optional(),
});

export const responseDataSchemas = {
  ...contentResponseDataSchemas,
  UI_GET_WEEK_STATS: weekStatsSchema,
  UI_LIST_INTERACTIONS: z.array(interactionViewSchema),
  UI_LIST_WAITING: z.object({ total: z.number().int().nonnegative(), items: z.array(waitingCommentSchema) }),
  UI_SET_COMMENT_STATUS: z.object({ status: interactionStatusSchema }),
  UI_SAVE_INSPIRATION: z.object({ key: z.string(), savedAt: z.number(), updatedAt: z.number() }),
  UI_RECORD_INTERACTION: z.object({ id: z.string() }),
  // Only the envelope: the page saves the file as it is, and the import checks every row.
  UI_EXPORT_BACKUP: z.object({
    format: z.literal(BACKUP_FORMAT),
    version: z.number(),
    exportedAt: z.string(),
    schemaVersion: z.number(),
    settings: z.record(z.string(), z.unknown()),
    tables: z.record(z.string(), z.array(z.unknown())),
  }),
  UI_PREVIEW_IMPORT: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), summary: backupSummarySchema, plan: importPlanSchema }),
    z.object({ ok: z.literal(false), error: backupErrorSchema }),
  ]),
  UI_IMPORT_BACKUP: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), result: importPlanSchema }),
    z.object({ ok: z.literal(false), error: backupErrorSchema }),
  ]),
  UI_STORAGE_USAGE: storageUsageSchema,
  UI_STORAGE_STATE: storageStateSchema,
  UI_CLEANUP_SNAPSHOTS: z.object({ deleted: z.number().int().nonnegative() }),
  UI_DELETE_ALL_DATA: z.object({ deletedRows: z.number().int().nonnegative() }),
  UI_LIST_WEEKLY_SUMMARIES: weeklySummariesSchema,
  UI_EXPORT_INTERACTIONS: z.object({ rows: z.array(exportInteractionSchema), next: z.string().nullable() }),
  UI_EXPORT_SNAPSHOTS: z.object({ rows: z.array(exportSnapshotSchema), next: z.number().nullable() }),
  UI_LIST_OWN_POSTS: z.object({ posts: z.array(ownPostViewSchema), more: z.boolean() }),
  UI_GET_POST_HISTORY: postHistorySchema,
  UI_LIST_TEMPLATES: z.object({ templates: z.array(templateViewSchema), sync: templateSyncStatusSchema }),
  UI_SAVE_TEMPLATE: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), template: templateViewSchema, sync: templateSyncStatusSchema }),
    z.object({
      ok: z.literal(false),
      reason: z.enum(['short_code_taken', 'short_code_invalid', 'body_errors', 'not_found']),
      errors: z.array(templateErrorSchema),
      /** For short_code_taken: the name of the template that has it. */
      conflictName: z.string().nullable(),
    }),
  ]),
  UI_DELETE_TEMPLATE: z.object({ deleted: z.boolean(), sync: templateSyncStatusSchema }),
  UI_RESTORE_STARTER_TEMPLATES: z.object({ restored: z.number(), sync: templateSyncStatusSchema }),
  UI_TEMPLATE_STATS: z.array(templateStatsSchema),
  UI_LIBRARY_QUERY: z.object({ total: z.number().int().nonnegative(), items: z.array(libraryItemSchema) }),
  UI_LIBRARY_KEYS: z.object({ keys: z.array(z.string()) }),
  UI_LIBRARY_FACETS: z.object({
    total: z.number().int().nonnegative(),
    platforms: z.array(z.object({ platform: platformSchema, count: z.number() })),
    tags: z.array(z.object({ tag: z.string(), count: z.number() })),
    authors: z.array(z.object({ platform: platformSchema, name: z.string(), count: z.number() })),
  }),
  UI_LIBRARY_AUTHORS: z.object({
    authors: z.array(
      z.object({
        platform: platformSchema,
        name: z.string(),
        url: z.string().nullable(),
        saved: z.number(),
        avgEngagement: z.number().nullable(),
        measured: z.number(),
      }),
    ),
    own: z.array(z.object({ platform: platformSchema, posts: z.number(), avgEngagement: z.number().nullable() })),
  }),
  UI_LIBRARY_EDIT: z.object({ item: libraryItemSchema }),
  UI_LIBRARY_DELETE: z.object({ deleted: z.number().int().nonnegative() }),
  UI_LIBRARY_EXPORT: z.object({ items: z.array(libraryItemSchema) }),
  UI_LIBRARY_HISTORY: z.object({
    snapshots: z.array(z.object({ capturedAt: z.number(), reactions: z.number().nullable(), comments: z.number().nullable(), shares: z.number().nullable(), views: z.number().nullable() })),
  }),
} satisfies Record<RequestType, z.core.$ZodType>;

export type ResponseData<T extends RequestType> = z.infer<(typeof responseDataSchemas)[T]>;

export { ERROR_CODES, errorSchema, type ErrorCode, type MessageError };

export type Response<T extends RequestType> = { ok: true; data: ResponseData<T> } | { ok: false; error: MessageError };

const responseSchemas = new Map<RequestType, ZodMiniType>();

/** The response schema of a request type, built once. */
export function responseSchemaFor(type: RequestType) {
  let schema = responseSchemas.get(type);
  if (!schema) {
    schema = responseEnvelope(responseDataSchemas[type]);
    responseSchemas.set(type, schema);
  }
  return schema;
}

/** Which sender a message type may come from. */
export function expectedContext(type: RequestType): 'content' | 'extension-page' {
  return type.startsWith('CS_') ? 'content' : 'extension-page';
}
