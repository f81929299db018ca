import { z } from 'zod';
import { PLATFORMS } from '../platforms/types';
import {
  BACKUP_FORMAT,
  backupErrorSchema,
  backupSummarySchema,
  importPlanSchema,
  MAX_BACKUP_CHARS,
  storageUsageSchema,
} from '../db/backup-format';

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
const mediaKindSchema = z.enum(['text', 'image', 'video', 'link', 'document', 'poll', 'article', 'unknown']);

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

export const interactionStatusSchema = z.enum(['open', 'replied', 'dismissed', 'none']);


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

// ---- requests --------------------------------------------------------------

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('CS_CAPTURE_PAGE'), pageUrl: httpUrl, reading: pageReadingSchema }),
  z.object({
    type: z.literal('CS_SET_COMMENT_STATUS'),
    interactionId: short.min(1),
    status: z.enum(['open', 'dismissed']),
  }),
  z.object({ type: z.literal('UI_GET_WEEK_STATS'), now: epochMs.optional() }),
  z.object({ type: z.literal('UI_LIST_INTERACTIONS'), limit: z.number().int().min(1).max(1000) }),
  z.object({ type: z.literal('UI_SAVE_INSPIRATION'), inspiration: inspirationInputSchema }),
  z.object({ type: z.literal('UI_RECORD_INTERACTION'), interaction: manualInteractionSchema }),
  z.object({ type: z.literal('UI_EXPORT_BACKUP') }),
  // A backup of a large database is tens of MB; the background parses it again (lib/db/backup-format.ts).
  z.object({ type: z.literal('UI_PREVIEW_IMPORT'), text: z.string().max(MAX_BACKUP_CHARS) }),
  z.object({ type: z.literal('UI_IMPORT_BACKUP'), text: z.string().max(MAX_BACKUP_CHARS) }),
  z.object({ type: z.literal('UI_STORAGE_USAGE') }),
  z.object({ type: z.literal('UI_CLEANUP_SNAPSHOTS'), olderThanDays: z.number().int().min(1).max(36_500) }),
  z.object({ type: z.literal('UI_DELETE_ALL_DATA'), confirm: z.literal('DELETE') }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

export const bgToContentSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('BG_TOGGLE_PANEL') })]);
export type BgToContent = z.infer<typeof bgToContentSchema>;

// ---- responses -------------------------------------------------------------

export const capturedCommentSchema = z.object({
  commentId: z.string(),
  interactionId: z.string(),
  kind: z.enum(['comment_received', 'reply_sent', 'mention', 'manual']),
  status: interactionStatusSchema,
});

export const captureResultSchema = z.object({
  ownPostKeys: z.array(z.string()),
  comments: z.array(capturedCommentSchema),
  added: z.number().int(),
  ownProfileUrl: z.string().nullable(),
});
export type CaptureResult = z.infer<typeof captureResultSchema>;

const weekTotalsSchema = z.object({
  commentsReceived: z.number(),
  repliesSent: z.number(),
  commentsAnswered: z.number(),
  responseRate: z.number().nullable(),
  medianResponseMs: z.number().nullable(),
  reactionsGained: z.number(),
  sharesGained: z.number(),
  postsPublished: z.number(),
});
export type WeekTotals = z.infer<typeof weekTotalsSchema>;

export const weekStatsSchema = z.object({
  weekStartDay: z.string(),
  today: z.string(),
  thisWeek: weekTotalsSchema,
  lastWeekSameDays: weekTotalsSchema,
  days: z.array(z.object({ day: z.string(), byPlatform: z.record(z.string(), z.number()) })),
  waiting: z.number(),
  hasAnyData: z.boolean(),
});
export type WeekStats = z.infer<typeof weekStatsSchema>;

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

export const responseDataSchemas = {
  CS_CAPTURE_PAGE: captureResultSchema,
  CS_SET_COMMENT_STATUS: z.object({ status: interactionStatusSchema }),
  UI_GET_WEEK_STATS: weekStatsSchema,
  UI_LIST_INTERACTIONS: z.array(interactionViewSchema),
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
  UI_CLEANUP_SNAPSHOTS: z.object({ deleted: z.number().int().nonnegative() }),
  UI_DELETE_ALL_DATA: z.object({ deletedRows: z.number().int().nonnegative() }),
} satisfies Record<RequestType, z.ZodType>;

export type ResponseData<T extends RequestType> = z.infer<(typeof responseDataSchemas)[T]>;

export const ERROR_CODES = ['BAD_MESSAGE', 'FOREIGN_SENDER', 'WRONG_CONTEXT', 'STORAGE_FULL', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const errorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type MessageError = z.infer<typeof errorSchema>;

export type Response<T extends RequestType> = { ok: true; data: ResponseData<T> } | { ok: false; error: MessageError };

export function responseSchemaFor<T extends RequestType>(type: T) {
  return z.union([
    z.object({ ok: z.literal(true), data: responseDataSchemas[type] }),
    z.object({ ok: z.literal(false), error: errorSchema }),
  ]);
}

/** Which sender a message type may come from. */
export function expectedContext(type: RequestType): 'content' | 'extension-page' {
  return type.startsWith('CS_') ? 'content' : 'extension-page';
}
