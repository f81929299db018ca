import Dexie, { type EntityTable } from 'dexie';
import type { MediaKind, Platform } from '../platforms/types';
import type { WeeklySummary } from '../stats/summary-format';
import { inspirationSearchTerms } from '../search/terms';
import { reindexInspirations, type IndexedRow } from './library-index';

/**
 * The local database. It lives in the background service worker and the
 * extension's own pages only: a content script's IndexedDB would belong to the
 * host page's origin (facebook.com), so content scripts reach it by messages.
 *
 * Versioning rule (Dexie): a version that has shipped is never edited again.
 * Add `this.version(n + 1).stores({...}).upgrade(...)` below it instead, and add
 * a migration test that opens a database created by version n.
 */

export const DB_NAME = 'social-desk';

/** `${platform}:${platformPostId}` — the key of a post everywhere in the product. */
export type PostKey = string;

export interface PostRow {
  key: PostKey;
  platform: Platform;
  postId: string;
  url: string;
  authorName: string;
  authorUrl: string | null;
  isOwn: boolean;
  /** Why we keep it: own post, saved as inspiration, replied on. */
  tracked: { own: boolean; saved: boolean; repliedOn: boolean };
  textExcerpt: string;
  mediaKind: MediaKind;
  /** Epoch ms, or null when the page did not say. */
  publishedAt: number | null;
  publishedPrecision: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface MetricSnapshotRow {
  id?: number;
  postKey: PostKey;
  platform: Platform;
  /** Whether the post is the user's own (only own posts count in the weekly numbers). */
  own: boolean;
  capturedAt: number;
  /** null = unknown on that page, never 0. */
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  views: number | null;
}

export type InteractionKind = 'comment_received' | 'reply_sent' | 'mention' | 'manual';
/** Every status a row can have. */
export const INTERACTION_STATUSES = ['open', 'replied', 'dismissed', 'none'] as const;
export type InteractionStatus = (typeof INTERACTION_STATUSES)[number];
/**
 * The statuses a received comment can have ('none' is for replies, mentions and notes). Queries for received
 * comments over time go through `[status+occurredAt]` with these, so nothing may store a comment as 'none'.
 */
export const COMMENT_STATUSES = ['open', 'replied', 'dismissed'] as const satisfies readonly InteractionStatus[];

export interface InteractionRow {
  /** Derived from the platform's own ids: `${platform}:${kind}:${platformItemId}` — so re-capture never duplicates. */
  id: string;
  kind: InteractionKind;
  platform: Platform;
  postKey: PostKey | null;
  /** The platform's own id for the comment/reply. */
  platformItemId: string;
  parentItemId: string | null;
  actorName: string;
  actorUrl: string | null;
  text: string;
  /** When it happened on the platform (epoch ms); falls back to capturedAt when the page gave no time. */
  occurredAt: number;
  occurredPrecision: string;
  capturedAt: number;
  status: InteractionStatus;
  /** For a received comment: the interaction id of the reply that answered it. */
  repliedById: string | null;
  /** For a reply: the interaction id of the comment it answers. */
  inReplyToId: string | null;
  /** ms from the comment to its answer, kept for the weekly summary. */
  responseMs: number | null;
  templateId: string | null;
  /** Host name for platform 'other' (manual mode). */
  site: string | null;
}

export interface TemplateRow {
  id: string;
  name: string;
  body: string;
  category: string;
  language: string;
  platforms: Platform[];
  shortCode: string | null;
  builtIn: boolean;
  createdAt: number;
  updatedAt: number;
  useCount: number;
  lastUsedAt: number | null;
  /**
   * Set when the user deleted it: the row stays as a tombstone so the deletion
   * reaches their other browsers through sync (lib/templates/sync.ts) instead of
   * the old copy coming back. Every query hides these.
   */
  deletedAt?: number | null;
}

export interface InspirationRow {
  /** Same as the post key; saving again updates it. */
  key: PostKey;
  platform: Platform;
  postId: string;
  url: string;
  authorName: string;
  authorUrl: string | null;
  text: string;
  mediaKind: MediaKind;
  mediaUrl: string | null;
  publishedAt: number | null;
  savedFromUrl: string;
  /** Host name, for posts saved from sites without an adapter (platform 'other'). */
  site: string | null;
  savedAt: number;
  updatedAt: number;
  tags: string[];
  note: string;
  /** Lower-cased search terms (words and CJK bigrams) for the multi-entry index. */
  searchTerms: string[];
  /** The counts when it was first saved (or first read after that, when saved without counts). */
  countsAtSave: SavedCounts | null;
  /** The latest counts read (saving again, or seeing the post in the feed); history in metricSnapshots. */
  counts: SavedCounts | null;
  /** When `counts` was read (epoch ms). */
  countsAt: number | null;
  /** Reactions + comments + shares of `counts` (the known ones); null when none is known. Indexed for sorting. */
  engagement: number | null;
  /** `engagement` now minus at saving, over the counts known both times; null when not comparable. Indexed for sorting. */
  growth: number | null;
}

/** One row of the library's search index (lib/db/library-index.ts): saved posts of one shard that have the term. */
export interface LibraryIndexRow {
  term: string;
  shard: number;
  /** Sorted, so the same posts make the same row however they were written. */
  keys: PostKey[];
  /** When each of `keys` was saved (same order). */
  savedAt: number[];
}

/** A post's counts as stored with a saved post; null = unknown, never 0. */
export interface SavedCounts {
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  views: number | null;
}

/** Per local day and platform, maintained in the same transaction as every write. */
export interface DailyRollupRow {
  /** `YYYY-MM-DD` in the user's time zone, or OPEN_COMMENTS_DAY. */
  day: string;
  platform: Platform;
  commentsReceived: number;
  repliesSent: number;
  mentions: number;
  /** Comments received that day that are answered (by now). */
  commentsAnswered: number;
  /**
   * Comments received that day that are still open, and that are dismissed (by now): the weekly summaries'
   * fingerprints read these instead of counting the status index week by week (BENCHMARKS.md, weekly history).
   * Absent on rows written before they existed: lib/db/rollups.ts `fillStatusCounts` counts those from the log,
   * and until then no contribution touches them.
   */
  commentsOpen?: number;
  commentsDismissed?: number;
  /** Individual response times (ms) of replies sent that day, for an exact median. */
  responseTimesMs: number[];
  reactionsGained: number;
  commentsGained: number;
  sharesGained: number;
  viewsGained: number;
  postsPublished: number;
  /**
   * Engagement each own post gained that day (the same snapshot deltas as the
   * fields above, per post), so the week's top posts come from the rollups.
   * Only posts with a non-zero gain are listed.
   */
  postGains: Record<PostKey, PostGain>;
}

export interface PostGain {
  reactions: number;
  comments: number;
  shares: number;
}

/** A finished week, summarised (lib/db/summaries.ts); recomputed when the week's data or the week settings change. */
export interface WeeklySummaryRow {
  /** First day of the week, `YYYY-MM-DD` in `timeZone`. */
  startDay: string;
  /** The settings the week was cut with: a row made with other settings is replaced. */
  weekStart: number;
  timeZone: string;
  /** What the summary was computed from (lib/db/summaries.ts `weekFingerprint`). */
  fingerprint: string;
  computedAt: number;
  /** When the browser notification announced it (null: not announced). */
  notifiedAt: number | null;
  summary: WeeklySummary;
}

/**
 * The rollup rows [OPEN_COMMENTS_DAY, platform] are not days: their
 * `commentsReceived` is how many received comments on that platform are still
 * open (waiting for a reply), kept by the same rule as the daily rows
 * (lib/db/rollups.ts interactionContributions). The popup reads these few rows
 * instead of the open comments' index, whose entries Chrome checks one by one
 * against their rows: reading the first 1,001 of 200,000 took 17-78 ms with
 * 1,000,000 interactions, against 1 ms with 1,000. The key sorts after every
 * `YYYY-MM-DD`, so no range of days includes it.
 */
export const OPEN_COMMENTS_DAY = 'open';

export class SocialDeskDB extends Dexie {
  posts!: EntityTable<PostRow, 'key'>;
  metricSnapshots!: EntityTable<MetricSnapshotRow, 'id'>;
  interactions!: EntityTable<InteractionRow, 'id'>;
  templates!: EntityTable<TemplateRow, 'id'>;
  inspirations!: EntityTable<InspirationRow, 'key'>;
  dailyRollups!: Dexie.Table<DailyRollupRow, [string, Platform]>;
  weeklySummaries!: EntityTable<WeeklySummaryRow, 'startDay'>;
  libraryIndex!: Dexie.Table<LibraryIndexRow, [string, number]>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      posts: 'key, platform, isOwn, lastSeenAt, [platform+publishedAt]',
      metricSnapshots: '++id, postKey, [postKey+capturedAt], capturedAt, [platform+capturedAt]',
      interactions:
        'id, kind, postKey, platformItemId, [platform+occurredAt], [status+occurredAt], [kind+occurredAt], occurredAt, capturedAt, actorUrl, templateId',
      templates: 'id, shortCode, category, updatedAt, lastUsedAt',
      inspirations: 'key, platform, savedAt, authorName, *tags, *searchTerms, engagement, growth',
      dailyRollups: '[day+platform], day',
      weeklySummaries: 'startDay',
    });
    // Version 2: the interactions indexes no query uses (kind, platformItemId, occurredAt, actorUrl) are
    // dropped. Every capture writes each of a row's index entries, so these cost on every comment stored
    // (BENCHMARKS.md, capture). Dropping indexes needs no upgrade of the rows.
    // Saved posts' search terms are made again: a word now ends where Latin letters run into Chinese
    // ("iPhone手機殼" is found by "iphone"), lib/search/terms.ts.
    this.version(2)
      .stores({
        interactions: 'id, postKey, [platform+occurredAt], [status+occurredAt], [kind+occurredAt], capturedAt, templateId',
      })
      .upgrade((tx) =>
        tx
          .table<InspirationRow>('inspirations')
          .toCollection()
          .modify((row) => {
            row.searchTerms = inspirationSearchTerms(row);
          }),
      );
    // Version 3: the library's search index (lib/db/library-index.ts), built from every saved post. The
    // `*searchTerms` index answered a common word by reading one entry per post (30-40 ms for 6,000 in
    // Chromium), then walked `savedAt` for all of them to sort (BENCHMARKS.md, library search).
    this.version(3)
      .stores({ libraryIndex: '[term+shard]' })
      .upgrade(async (tx) => {
        const saved: IndexedRow[] = [];
        await tx
          .table<InspirationRow>('inspirations')
          .toCollection()
          .each(({ key, savedAt, text, note, authorName, site, tags }) => void saved.push({ key, savedAt, text, note, authorName, site, tags }));
        await reindexInspirations(
          tx.table('libraryIndex'),
          saved.map((after) => ({ before: undefined, after })),
        );
      });
    // Version 4: the rollups get their open-comments rows (OPEN_COMMENTS_DAY), counted once from the log.
    this.version(4)
      .stores({})
      .upgrade(async (tx) => {
        const open = new Map<Platform, number>();
        await tx
          .table<InteractionRow>('interactions')
          .where('[status+occurredAt]')
          .between(['open', Dexie.minKey], ['open', Dexie.maxKey])
          .each((row) => {
            if (row.kind === 'comment_received') open.set(row.platform, (open.get(row.platform) ?? 0) + 1);
          });
        await tx
          .table<DailyRollupRow>('dailyRollups')
          .bulkPut([...open].map(([platform, count]) => ({ ...emptyRollup(OPEN_COMMENTS_DAY, platform), commentsReceived: count })));
      });
    // Version 5: `[platform+occurredAt]` on interactions is dropped: no query uses it (the dashboard's figures by
    // platform come from the daily rollups), and every comment stored wrote an entry of it (BENCHMARKS.md, capture).
    this.version(5).stores({
      interactions: 'id, postKey, [status+occurredAt], [kind+occurredAt], capturedAt, templateId',
    });
    // Version 6: `[kind+occurredAt]` and `capturedAt` on interactions are dropped. A received comment is always open,
    // replied or dismissed (COMMENT_STATUSES), so the weekly summaries find a week's comments through
    // `[status+occurredAt]`, and the settings page's log lists the newest interactions by the time it shows
    // (`occurredAt`) through the same index. Each stored comment wrote an entry of both: a capture now writes two
    // index entries a comment instead of four (`templateId` is null on captured rows, so not indexed), which put
    // 5,000 capture-like rows into IndexedDB about a third faster (BENCHMARKS.md, eighteenth session).
    this.version(6).stores({
      interactions: 'id, postKey, [status+occurredAt], templateId',
    });
  }
}

export function postKey(platform: Platform, postId: string): PostKey {
  return `${platform}:${postId}`;
}

/**
 * Two string keys in IndexedDB's order (by UTF-16 code unit, not `localeCompare`), for sorting rows read from
 * several index ranges into the order one index would give.
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function emptyRollup(day: string, platform: Platform): DailyRollupRow {
  return {
    day,
    platform,
    commentsReceived: 0,
    repliesSent: 0,
    mentions: 0,
    commentsAnswered: 0,
    commentsOpen: 0,
    commentsDismissed: 0,
    responseTimesMs: [],
    reactionsGained: 0,
    commentsGained: 0,
    sharesGained: 0,
    viewsGained: 0,
    postsPublished: 0,
    postGains: {},
  };
}
