/**
 * The contract every site adapter fulfils: it turns the live page into typed
 * records the rest of the product uses. Adapters are pure DOM readers: they
 * take a `Document`/`Element` as a parameter (so tests feed them any DOM) and
 * never call browser APIs or touch storage.
 */

export const PLATFORMS = ['linkedin', 'facebook', 'instagram', 'x', 'youtube', 'threads', 'tiktok', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** How each platform names itself (the `{platform}` of a reply template, the benchmark's tables); 'other' has no name. */
export const PLATFORM_NAMES: Record<Platform, string> = {
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  youtube: 'YouTube',
  threads: 'Threads',
  tiktok: 'TikTok',
  other: '',
};

/** A count as read from the page. `null` means "unknown" (unreadable), never 0. */
export type Count = number | null;

export interface PostCounts {
  reactions: Count;
  comments: Count;
  shares: Count;
  views: Count;
}

/** A point in time read from the page, with how precise it is. */
export interface PageTime {
  /** Epoch milliseconds. */
  at: number;
  /** `exact` when the page gave an absolute time (e.g. `<time datetime>`), else the unit of the relative label. */
  precision: 'exact' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
}

export const MEDIA_KINDS = ['text', 'image', 'video', 'link', 'document', 'poll', 'article', 'unknown'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export interface Person {
  name: string;
  /** Canonical profile url (absolute, no query string), or null if the page shows none. */
  profileUrl: string | null;
}

export interface ExtractedPost {
  platform: Platform;
  /** The platform's own id (e.g. LinkedIn's `urn:li:activity:…` number). */
  postId: string;
  url: string;
  author: Person;
  text: string;
  mediaKind: MediaKind;
  publishedAt: PageTime | null;
  counts: PostCounts;
  /**
   * The first image's (or video poster's) http(s) url, when the adapter reads it.
   * Only ever kept as a link, never downloaded. Absent: not read (the content script
   * then looks in the container, lib/platforms/media.ts).
   */
  mediaUrl?: string | null;
}

export interface ExtractedComment {
  platform: Platform;
  /** The platform's comment id, or a stable hash when the platform exposes none. */
  commentId: string;
  /** The id of the post this comment was found under (never guessed across posts). */
  postId: string;
  /** For replies: the comment id of the parent; null for top-level comments. */
  parentId: string | null;
  author: Person;
  text: string;
  time: PageTime | null;
}

export interface OwnIdentity {
  name: string | null;
  profileUrl: string;
}

/** Which parts of the page the adapter could read. `absent` = the page has none (not a failure). */
export type PartHealth = 'ok' | 'absent' | 'broken';
export interface PageHealth {
  post: PartHealth;
  counts: PartHealth;
  comments: PartHealth;
  replyBox: PartHealth;
  /** Human-readable notes for maintainers (which selector family failed, …). English, not shown as UI text. */
  notes: string[];
}

export interface PageReading {
  platform: Platform;
  adapterVersion: string;
  posts: ExtractedPost[];
  comments: ExtractedComment[];
  ownIdentity: OwnIdentity | null;
  health: PageHealth;
}

/** What one post container yields: usually one post and the comments loaded inside it. */
export interface ContainerReading {
  posts: ExtractedPost[];
  comments: ExtractedComment[];
  health: PageHealth;
}

export interface ReadContext {
  pageUrl: URL;
  /** "Now" for relative labels ("2h"); fixed in tests and the conformance suite. */
  now: number;
}

/**
 * A site adapter. The feed watcher (lib/content/watcher.ts) finds elements
 * matching `containerSelector` and calls `readContainer` once per container per
 * batch in which it changed; `readPage` (lib/platforms/read.ts) does the same
 * for a whole document. Adapters may throw on markup they do not understand:
 * callers catch and turn it into a 'broken' health report.
 */
export interface PlatformAdapter {
  platform: Platform;
  /** Bumped whenever selectors change, shown in the health notice. */
  version: string;
  /** Whether this adapter reads pages at this url. */
  matches(url: URL): boolean;
  /**
   * CSS selector of the element that holds one post and its loaded comments:
   * the unit of work. On a single-post page whose comments sit outside the
   * post's card, it may be a page-level element (e.g. YouTube's `ytd-watch-flexy`).
   */
  containerSelector: string;
  /** Elements inside which changes never matter (video players, live counters). */
  ignoreSelector?: string;
  /** Reads one container. Nested containers (a reshared post) are read on their own, not as part of this one. */
  readContainer(el: Element, ctx: ReadContext): ContainerReading;
  /** The logged-in user's name and profile url, when the page chrome shows them. */
  readOwnIdentity(doc: Document, ctx: ReadContext): OwnIdentity | null;
  /** Whether a page at this url must show a post (a post/reel/video page): finding none there is 'broken', elsewhere 'absent'. */
  expectsPost(url: URL): boolean;
  /**
   * Finds (opening it if needed) the reply editor of a comment. Returns null when
   * no reply box can be found. Used by reply drafting.
   */
  findReplyBox?(doc: Document, commentId: string): HTMLElement | null;
  /**
   * The post's own action bar (like / comment / share) inside a container, where
   * the in-page "Save" action is appended as the last child. Null when the
   * container shows none: the action then sits at the container's top-right corner.
   * Must only look inside `container` (never a nested container) and never throw.
   */
  actionAnchor?(container: Element): Element | null;
  /**
   * Whether every container with an action bar (`actionAnchor`) holds a post, so the Save action can go in
   * as soon as the container arrives, before it is read, and be rendered with it. Not where comments are
   * containers with the same bar (X's and Threads' replies): there the action waits for the reading.
   */
  anchorMeansPost?: boolean;
}
