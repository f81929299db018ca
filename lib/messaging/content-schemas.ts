import * as z from 'zod/mini';
import { MEDIA_KINDS, PLATFORMS } from '../platforms/types';
import { responseEnvelope } from './envelope';

/**
 * The messages a content script receives, as Zod schemas: what the background
 * sends it (BG_*) and its answers to the content script's own requests (CS_*).
 * Written with `zod/mini`, whose functions are tree-shaken, so the script every
 * page loads carries only the checks it makes (Zod's full build is about 26 KB
 * gzipped). protocol.ts uses the same schemas for these answers, so there is
 * one definition of each.
 */

const platformSchema = z.enum(PLATFORMS);
const nullableCount = z.nullable(z.number());

/** Built when the background first sends something (a keyboard command), not on every page load. */
export const lazyBgToContentSchema = once(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('BG_TOGGLE_PANEL') }),
    // The open-reply-picker command: the picker for the reply box that has focus.
    z.object({ type: z.literal('BG_OPEN_REPLY_PICKER') }),
  ]),
);
export type BgToContent = z.infer<ReturnType<typeof lazyBgToContentSchema>>;

export const interactionStatusSchema = z.enum(['open', 'replied', 'dismissed', 'none']);

export const capturedCommentSchema = z.object({
  commentId: z.string(),
  interactionId: z.string(),
  kind: z.enum(['comment_received', 'reply_sent', 'mention', 'manual']),
  status: interactionStatusSchema,
});

export const captureResultSchema = z.object({
  ownPostKeys: z.array(z.string()),
  comments: z.array(capturedCommentSchema),
  added: z.int(),
  ownProfileUrl: z.nullable(z.string()),
});
export type CaptureResult = z.infer<typeof captureResultSchema>;

/**
 * A schema built the first time it is asked for: the script every page loads
 * builds only the checks of the answers it has had (building a schema costs
 * about as much as a first check with it).
 */
function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

export const lazyTemplateViewSchema = once(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    body: z.string(),
    category: z.string(),
    language: z.string(),
    platforms: z.array(platformSchema),
    shortCode: z.nullable(z.string()),
    builtIn: z.boolean(),
    createdAt: z.number(),
    updatedAt: z.number(),
    useCount: z.number(),
    lastUsedAt: z.nullable(z.number()),
  }),
);
export type TemplateView = z.infer<ReturnType<typeof lazyTemplateViewSchema>>;

/** A saved post as the library shows it (lib/db/library.ts LibraryItem). */
export const lazyLibraryItemSchema = once(() => {
  const savedCountsSchema = z.object({ reactions: nullableCount, comments: nullableCount, shares: nullableCount, views: nullableCount });
  return z.object({
    key: z.string(),
    platform: platformSchema,
    postId: z.string(),
    url: z.string(),
    authorName: z.string(),
    authorUrl: z.nullable(z.string()),
    text: z.string(),
    mediaKind: z.enum(MEDIA_KINDS),
    mediaUrl: z.nullable(z.string()),
    publishedAt: z.nullable(z.number()),
    savedFromUrl: z.string(),
    site: z.nullable(z.string()),
    savedAt: z.number(),
    updatedAt: z.number(),
    tags: z.array(z.string()),
    note: z.string(),
    countsAtSave: z.nullable(savedCountsSchema),
    counts: z.nullable(savedCountsSchema),
    countsAt: z.nullable(z.number()),
    engagement: z.nullable(z.number()),
    growth: z.nullable(z.number()),
  });
});

/** An object whose every property is built the first time it is read (then kept). */
function lazyProperties<T extends Record<string, () => unknown>>(builders: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const out = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(builders) as Array<keyof T>) {
    const build = once(builders[key] as () => ReturnType<T[typeof key]>);
    Object.defineProperty(out, key, { enumerable: true, get: build });
  }
  return out;
}

/** The answer to every request a content script sends (each schema built when first read). */
export const contentResponseDataSchemas = lazyProperties({
  CS_CAPTURE_PAGE: () => captureResultSchema,
  CS_LOAD_PANEL_UI: () => z.object({ loaded: z.literal(true) }),
  CS_START_CONTENT: () => z.object({ started: z.literal(true) }),
  CS_SET_COMMENT_STATUS: () => z.object({ status: interactionStatusSchema }),
  CS_LIST_TEMPLATES: () =>
    z.object({
      /** Recently and most used first, filtered to the platform and language. */
      templates: z.array(lazyTemplateViewSchema()),
      /** The user's campaign setting (utm_campaign) and own name on this platform, for rendering. */
      campaign: z.string(),
      myName: z.nullable(z.string()),
    }),
  CS_RECORD_TEMPLATE_USE: () => z.object({ useCount: z.number() }),
  CS_SAVE_POST: () => z.object({ item: lazyLibraryItemSchema(), created: z.boolean(), suggestedTags: z.array(z.string()) }),
  CS_EDIT_SAVED: () => z.object({ item: lazyLibraryItemSchema() }),
  CS_UNSAVE: () => z.object({ deleted: z.int().check(z.nonnegative()) }),
  CS_SEEN_POSTS: () => z.object({ saved: z.array(z.string()) }),
});
export type ContentRequestType = keyof typeof contentResponseDataSchemas;

const contentResponseSchemas = new Map<ContentRequestType, z.ZodMiniType>();

/** The response schema of a content script's request, built once (the script checks an answer after every batch of posts). */
export function contentResponseSchemaFor(type: ContentRequestType): z.ZodMiniType {
  let schema = contentResponseSchemas.get(type);
  if (!schema) {
    schema = responseEnvelope(contentResponseDataSchemas[type]);
    contentResponseSchemas.set(type, schema);
  }
  return schema;
}
