/**
 * YouTube page -> typed records. Pure DOM readers: every function takes the
 * `Element`/`Document` (and the page url / current time) as parameters and never
 * touches browser APIs, so tests feed them any DOM.
 *
 * Rules kept throughout:
 * - ids come from links (`/watch?v=`, `/shorts/<id>`, `&lc=<comment id>`), custom
 *   element names and element ids, never from visible (localised) words;
 * - a count that cannot be read is null, never 0;
 * - a comment belongs to the video of the container holding it; one whose own
 *   link names another video (a stale panel left from the previous video) is
 *   dropped and noted, never re-attached.
 */
import { tidyText } from '../text';
import { parseCount } from '../../parse/counts';
import { memoizeLinks } from '../../parse/memo';
import { stableHash } from '../../parse/hash';
import { parseAbsoluteTime, parseRelativeTime } from '../../parse/time';
import type {
  ContainerReading,
  Count,
  ExtractedComment,
  OwnIdentity,
  PageTime,
  PartHealth,
  Person,
  PostCounts,
  ReadContext,
} from '../types';
import { elementWithId, oncePerRead } from '../read';
import * as S from './selectors';
import { anyOf, type SelectorVariants } from './selectors';
import { firstMatching } from '../selectors';

export const YOUTUBE_ORIGIN = 'https://www.youtube.com';

// ---------------------------------------------------------------------------
// Urls and ids

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
/** Comment ids: `Ugw…` for threads, `Ugw….9x…` for replies (parent id, dot, reply id). */
const COMMENT_ID = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?$/;
const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;

export type VideoKind = 'watch' | 'shorts';

export interface VideoRef {
  videoId: string;
  kind: VideoKind;
}

function toUrl(href: string | null, base: string | URL): URL | null {
  if (href === null || href.trim() === '') return null;
  try {
    return new URL(href.trim(), base);
  } catch {
    return null;
  }
}

/** youtube.com and its subdomains (www, m), but not Studio (its /channel/ urls are dashboards). */
function isYouTubeHost(hostname: string): boolean {
  return (hostname === 'youtube.com' || hostname.endsWith('.youtube.com')) && hostname !== 'studio.youtube.com';
}

function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((part) => part !== '');
}

/**
 * The video a link points to: `/watch?v=<id>`, `/shorts/<id>`, `/live/<id>`,
 * `/embed/<id>` or `youtu.be/<id>`. Null for anything else.
 */
export function parseVideoUrl(href: string | null, base: string | URL = YOUTUBE_ORIGIN): Readonly<VideoRef> | null {
  return parseVideoUrlOf(href, base);
}

/**
 * The link parsers below are remembered per link and base (the memo of lib/parse/memo.ts): a read asks
 * about the same links as video, channel and comment links, and `new URL` for each was a large part of
 * reading a busy video's comments. The answers are shared: never change one.
 */
const parseVideoUrlOf = memoizeLinks((href: string, base: string) => readVideoUrl(href, base));

function readVideoUrl(href: string, base: string): VideoRef | null {
  const url = toUrl(href, base);
  if (url === null) return null;
  const [first, second] = pathSegments(url);
  let ref: VideoRef | null = null;
  if (url.hostname === 'youtu.be' && first !== undefined) ref = { videoId: first, kind: 'watch' };
  else if (!isYouTubeHost(url.hostname)) return null;
  else if (first === 'watch') ref = { videoId: url.searchParams.get('v') ?? '', kind: 'watch' };
  else if (first === 'shorts' && second !== undefined) ref = { videoId: second, kind: 'shorts' };
  else if ((first === 'live' || first === 'embed') && second !== undefined) ref = { videoId: second, kind: 'watch' };
  return ref !== null && VIDEO_ID.test(ref.videoId) ? ref : null;
}

/** https://www.youtube.com/watch?v=<id>, or /shorts/<id> for Shorts. */
export function canonicalVideoUrl(ref: VideoRef): string {
  return ref.kind === 'shorts' ? `${YOUTUBE_ORIGIN}/shorts/${ref.videoId}` : `${YOUTUBE_ORIGIN}/watch?v=${ref.videoId}`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Canonical channel url: https://www.youtube.com/@handle (or /channel/UC…, /c/…,
 * /user/… for channels shown without a handle), no sub-page ("/videos"), query or
 * hash. Handles are case-insensitive on YouTube and are lower-cased here, and
 * non-ASCII handles are percent-encoded the way `URL` does, so one channel has one
 * url whichever place printed it (a link, or the account menu's "@handle" text).
 */
export function canonicalChannelUrl(href: string | null, base: string | URL = YOUTUBE_ORIGIN): string | null {
  return canonicalChannelUrlOf(href, base);
}

const canonicalChannelUrlOf = memoizeLinks((href: string, base: string) => readChannelUrl(href, base));

function readChannelUrl(href: string, base: string): string | null {
  const url = toUrl(href, base);
  if (url === null || !isYouTubeHost(url.hostname)) return null;
  const [first, second] = pathSegments(url);
  if (first === undefined) return null;
  const decoded = decodeSegment(first);
  if (decoded.startsWith('@') && decoded.length > 1 && !/[\s/?#]/.test(decoded)) {
    return new URL(`/${decoded.toLowerCase()}`, YOUTUBE_ORIGIN).href;
  }
  if (first === 'channel' && second !== undefined && CHANNEL_ID.test(second)) return `${YOUTUBE_ORIGIN}/channel/${second}`;
  if ((first === 'c' || first === 'user') && second !== undefined) return new URL(`/${first}/${decodeSegment(second)}`, YOUTUBE_ORIGIN).href;
  return null;
}

/** The channel url of a printed handle ("@LinsBakeryTPE"), or null if the text is not one. */
export function channelUrlFromHandle(text: string): string | null {
  const handle = text.trim();
  if (!/^@[^\s/?#@]+$/u.test(handle)) return null;
  return canonicalChannelUrl(`/${handle}`);
}

export interface CommentLink {
  /** YouTube's comment id: `lc=` of the comment's time link (`<parent>.<reply>` for replies). */
  commentId: string;
  /** For replies: the thread's top comment id. */
  parentId: string | null;
  /** The video the link names, if it names one. */
  videoId: string | null;
}

/** Reads a comment's time link (`/watch?v=<video>&lc=<comment>`). Null when it carries no comment id. */
export function parseCommentLink(href: string | null, base: string | URL = YOUTUBE_ORIGIN): Readonly<CommentLink> | null {
  return parseCommentLinkOf(href, base);
}

const parseCommentLinkOf = memoizeLinks((href: string, base: string) => readCommentLink(href, base));

function readCommentLink(href: string, base: string): CommentLink | null {
  const url = toUrl(href, base);
  if (url === null) return null;
  const lc = url.searchParams.get('lc');
  if (lc === null || !COMMENT_ID.test(lc)) return null;
  const dot = lc.indexOf('.');
  const video = parseVideoUrl(url.href);
  return { commentId: lc, parentId: dot > 0 ? lc.slice(0, dot) : null, videoId: video === null ? null : video.videoId };
}

// ---------------------------------------------------------------------------
// Text

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);
const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'PRE']);

/**
 * Reads an element's text as a reader sees it: `<br>` and block boundaries become
 * "\n", an emoji drawn as an image counts as its alt text, controls ("…more") and
 * hidden parts are skipped, runs of spaces collapse but line breaks stay. Newlines
 * inside text nodes count only where the markup says whitespace is literal
 * (YouTube prints user text in pre-wrap spans); elsewhere they are template
 * indentation.
 */
export function readText(root: Element): string {
  const skipped = anyOf(S.TEXT_CONTROLS);
  const preserved = anyOf(S.PRESERVED_WHITESPACE);
  const out: string[] = [];
  const newline = () => {
    const last = out[out.length - 1];
    if (out.length > 0 && last !== undefined && !last.endsWith('\n')) out.push('\n');
  };
  const walk = (node: Node, keepNewlines: boolean) => {
    if (node.nodeType === 3) {
      const data = node.nodeValue ?? ''; // a text node always has a value; ?? only satisfies the type
      out.push(keepNewlines ? data.replace(/\r\n?/g, '\n') : data.replace(/[\r\n\t\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    if (tag === 'IMG') {
      out.push(el.getAttribute('alt') ?? '');
      return;
    }
    // The root itself is read whatever it is (a hidden `#author-text` still names the author).
    if (el !== root && (SKIPPED_TAGS.has(tag) || el.matches(skipped))) return;
    const keep = keepNewlines || el.matches(preserved) || /white-space:\s*pre/.test(el.getAttribute('style') ?? '');
    const block = BLOCK_TAGS.has(tag) && el !== root;
    if (block) newline();
    for (let child = el.firstChild; child !== null; child = child.nextSibling) walk(child, keep);
    if (block) newline();
  };
  walk(root, false);
  return tidyText(out.join(''));
}

/** readText on one line (names, labels). */
export function readLine(el: Element): string {
  return readText(el).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// Times and counts

/**
 * A date printed with numbers only: "2025年2月13日" (zh/ja), "2025. 2. 13." (ko),
 * "2025/02/13", "2025-02-13". Day precision (UTC midnight, like a bare
 * `<time datetime>`). Month names ("Feb 13, 2025") are words and are not read.
 */
export function parseNumericDate(label: string): PageTime | null {
  const text = label.normalize('NFKC');
  const match = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text) ?? /(?<![\d.,])(\d{4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,2})(?![\d,])/.exec(text);
  if (match === null) return null;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 2005 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return parseAbsoluteTime(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/**
 * A time label as YouTube prints it: "3 days ago", "2 hours ago (edited)",
 * "3 天前（已編輯）", "Streamed 2 days ago", "首播日期：2025年2月13日". A numeric date
 * wins; else the relative label, with a trailing parenthesised note dropped and,
 * failing that, one word before the number ("Streamed", "直播時間："). Longer
 * prefixes are not skipped: "Premieres in 3 hours" is in the future, not 3 hours ago.
 */
export function parseTimeLabel(label: string, now: number): PageTime | null {
  const text = label.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  const date = parseNumericDate(text);
  if (date !== null) return date;
  const bare = text.replace(/\s*\([^()]*\)\s*/g, ' ').trim();
  const relative = parseRelativeTime(bare, now);
  if (relative !== null) return relative;
  const firstDigit = bare.search(/\d/);
  if (firstDigit <= 0 || /\s/.test(bare.slice(0, firstDigit).trim())) return null;
  return parseRelativeTime(bare.slice(firstDigit), now);
}

/**
 * A button's count: its aria-label's number (exact: "along with 18,849,958 other people"),
 * else its visible number ("18M"), inside the button or, for the Shorts action bar,
 * in the `<label>` that wraps the round button and the text under it.
 */
export function countOfButton(button: Element): Count {
  const label = button.getAttribute('aria-label');
  const fromLabel = label === null ? null : parseCount(label);
  if (fromLabel !== null) return fromLabel;
  const parent = button.parentElement;
  const scope = parent !== null && parent.tagName.toUpperCase() === 'LABEL' ? parent : button;
  const textEl = firstMatch(scope, S.BUTTON_TEXT);
  if (textEl !== null) {
    const fromText = parseCount(readLine(textEl));
    if (fromText !== null) return fromText;
  }
  return parseCount(readLine(button));
}

/** An element's count: its aria-label if that holds a number, else its text. */
function countOfElement(el: Element): Count {
  const label = el.getAttribute('aria-label');
  const fromLabel = label === null ? null : parseCount(label);
  return fromLabel ?? parseCount(readLine(el));
}

// ---------------------------------------------------------------------------
// Scoped queries

/** First element under `root` (or `root` itself) matching a variant, in variant order, that `accept` allows. */
function firstMatch(root: Element | Document, variants: SelectorVariants, accept?: (el: Element) => boolean): Element | null {
  // By subject: these selectors' outer parts are ids, attributes and tags (see firstMatching).
  return firstMatching(root, variants, accept, { includeRoot: true, bySubject: true });
}

/** First match whose text is not empty. */
function firstText(root: Element, variants: SelectorVariants, accept: (el: Element) => boolean = () => true): string {
  const el = firstMatch(root, variants, (e) => accept(e) && readLine(e) !== '');
  return el === null ? '' : readLine(el);
}

const CONTAINER_SELECTOR = anyOf(S.CONTAINER);
const COMMENT_SELECTOR = anyOf(S.COMMENT);

/** Whether `el` belongs to `container` itself and not to a container nested in it. */
function ownedByContainer(container: Element): (el: Element) => boolean {
  return (el) => el.closest(CONTAINER_SELECTOR) === container;
}

/** Whether `el` belongs to `comment` itself (replies are never nested in their parent's element, but be safe). */
function ownedByComment(comment: Element): (el: Element) => boolean {
  return (el) => el.closest(COMMENT_SELECTOR) === comment;
}

/** Whether `el` sits in a page of the app that YouTube has hidden (navigated away from). */
function inHiddenPage(el: Element): boolean {
  const page = el.closest(anyOf(S.APP_PAGE));
  return page !== null && page.hasAttribute('hidden');
}

// ---------------------------------------------------------------------------
// Own identity

/**
 * The signed-in channel. YouTube's chrome shows only an avatar, so this reads
 * structural hooks that name the channel: the account menu's header (once the
 * menu has been opened), or a Studio link that only the owner of the video or
 * channel being shown is given. Null when none is there (logged out, or the menu
 * never opened on a page that is not the user's own).
 */
export function readOwnIdentity(doc: Document, pageUrl: URL): OwnIdentity | null {
  const header = firstMatch(doc, S.ACCOUNT_HEADER);
  if (header !== null) {
    const handle = firstText(header, S.ACCOUNT_HANDLE);
    // The "View your channel" link may print the /channel/UC… form; the handle matches authors' links.
    const link = firstMatch(header, S.ACCOUNT_CHANNEL_LINK, (a) => canonicalChannelUrl(a.getAttribute('href'), pageUrl) !== null);
    const profileUrl = channelUrlFromHandle(handle) ?? (link === null ? null : canonicalChannelUrl(link.getAttribute('href'), pageUrl));
    if (profileUrl !== null) {
      const name = firstText(header, S.ACCOUNT_NAME);
      return { name: name === '' ? null : name, profileUrl };
    }
  }

  const watchRef = parseVideoUrl(pageUrl.href);
  if (watchRef !== null && watchRef.kind === 'watch') {
    const flexy = firstMatch(doc, S.WATCH_PAGE, (el) => !el.hasAttribute('hidden'));
    const studio = flexy === null ? null : firstMatch(flexy, S.OWNER_STUDIO_LINK, (a) => (a.getAttribute('href') ?? '').includes(`/video/${watchRef.videoId}/`));
    if (flexy !== null && studio !== null) {
      const owner = readVideoOwner(flexy, ownedByContainer(flexy), pageUrl);
      if (owner.profileUrl !== null) return { name: owner.name === '' ? null : owner.name, profileUrl: owner.profileUrl };
    }
  }

  const channelPage = firstMatch(doc, S.CHANNEL_PAGE, (el) => !el.hasAttribute('hidden'));
  if (channelPage !== null) {
    const channelHeader = firstMatch(channelPage, S.CHANNEL_HEADER);
    const profileUrl = canonicalChannelUrl(pageUrl.href);
    if (channelHeader !== null && profileUrl !== null && firstMatch(channelHeader, S.CHANNEL_HEADER_STUDIO_LINK) !== null) {
      const name = firstText(channelHeader, S.CHANNEL_HEADER_NAME);
      return { name: name === '' ? null : name, profileUrl };
    }
  }
  return null;
}

/** Whether someone is signed in (the masthead avatar button, or any identity hook). */
export function isSignedIn(doc: Document, pageUrl: URL): boolean {
  return firstMatch(doc, S.SIGNED_IN_MARKER) !== null || readOwnIdentity(doc, pageUrl) !== null;
}

// ---------------------------------------------------------------------------
// Page kinds

/** Whether the url is a single-video page (where a post must be found). */
export function isVideoPageUrl(url: URL): boolean {
  if (url.hostname !== 'www.youtube.com') return false;
  return parseVideoUrl(url.href) !== null && /^\/(watch|shorts\/|live\/)/.test(url.pathname);
}

const NOTHING: ContainerReading = {
  posts: [],
  comments: [],
  health: { post: 'absent', counts: 'absent', comments: 'absent', replyBox: 'absent', notes: [] },
};

function nothing(): ContainerReading {
  return { posts: [], comments: [], health: { ...NOTHING.health, notes: [] } };
}

function combine(states: readonly PartHealth[]): PartHealth {
  if (states.includes('broken')) return 'broken';
  if (states.includes('ok')) return 'ok';
  return 'absent';
}

/** Reads one container: the watch page, the Shorts page or a grid card. */
export function readYouTubeContainer(el: Element, ctx: ReadContext): ContainerReading {
  if (el.matches(anyOf(S.WATCH_PAGE))) return readWatchPage(el, ctx);
  if (el.matches(anyOf(S.SHORTS_PAGE))) return readShortsPage(el, ctx);
  if (el.matches(anyOf(S.GRID_ITEM))) return readGridItem(el, ctx);
  return nothing();
}

// ---------------------------------------------------------------------------
// Watch page

function readVideoOwner(scope: Element, owned: (el: Element) => boolean, pageUrl: URL): Person {
  const owner = firstMatch(scope, S.VIDEO_OWNER, owned);
  if (owner === null) return { name: '', profileUrl: null };
  const name = firstText(owner, S.VIDEO_OWNER_NAME);
  const link = firstMatch(owner, S.VIDEO_OWNER_LINK, (a) => canonicalChannelUrl(a.getAttribute('href'), pageUrl) !== null);
  return { name, profileUrl: link === null ? null : canonicalChannelUrl(link.getAttribute('href'), pageUrl) };
}

/** The text segments of the info line (views, date, …), links (hashtags, "#4 on Trending") left out. */
function infoSegments(info: Element): string[] {
  const spans = Array.from(info.children).filter((child) => child.tagName.toUpperCase() !== 'A');
  const texts = (spans.length > 0 ? spans : [info]).map((span) => readLine(span)).filter((text) => text !== '');
  return texts;
}

/**
 * The video's publication time: a numeric date from the info line or its tooltip
 * (day precision), else the relative label ("3 days ago") of the info line or the
 * date's aria-label.
 */
function readWatchPublished(scope: Element, owned: (el: Element) => boolean, now: number): PageTime | null {
  const info = firstMatch(scope, S.INFO_LINE, owned);
  const dateText = firstMatch(scope, S.DATE_TEXT, owned);
  const tooltip = firstMatch(scope, S.INFO_TOOLTIP, owned);
  const segments = [
    ...(info === null ? [] : infoSegments(info)),
    ...(dateText === null ? [] : [dateText.getAttribute('aria-label') ?? '']),
    ...(tooltip === null ? [] : readLine(tooltip).split(/[•·]/)),
  ];
  for (const segment of segments) {
    const date = parseNumericDate(segment);
    if (date !== null) return date;
  }
  for (const segment of segments) {
    const relative = parseTimeLabel(segment, now);
    if (relative !== null) return relative;
  }
  return null;
}

interface CountsRead {
  counts: PostCounts;
  health: PartHealth;
  notes: string[];
}

function readWatchCounts(scope: Element, owned: (el: Element) => boolean, postId: string, now: number): CountsRead {
  const counts: PostCounts = { reactions: null, comments: null, shares: null, views: null };
  const notes: string[] = [];
  const states: PartHealth[] = [];

  const likeButton = firstMatch(scope, S.VIDEO_LIKE_BUTTON, owned);
  if (likeButton === null) {
    states.push('broken');
    notes.push(`video ${postId}: no like button matched VIDEO_LIKE_BUTTON`);
  } else {
    counts.reactions = countOfButton(likeButton);
    // The owner may hide the count: the button then says only "Like". Unknown, not broken.
    if (counts.reactions === null) notes.push(`video ${postId}: like button shows no number (count hidden by the owner?)`);
    else states.push('ok');
  }

  // Exact forms first (the accessible label, the tooltip's "8,437 views • …"), then the
  // visible, rounded info line ("8.4K views"): in each, the first segment with a number
  // that is not the date.
  const viewEl = firstMatch(scope, S.VIEW_COUNT, owned);
  const tooltip = firstMatch(scope, S.INFO_TOOLTIP, owned);
  const info = firstMatch(scope, S.INFO_LINE, owned);
  const isViews = (text: string) => parseTimeLabel(text, now) === null && parseNumericDate(text) === null && parseCount(text) !== null;
  const candidates = [
    ...(viewEl === null ? [] : [viewEl.getAttribute('aria-label') ?? '', readLine(viewEl)]),
    ...(tooltip === null ? [] : readLine(tooltip).split(/[•·]/)),
    ...(info === null ? [] : infoSegments(info)),
  ];
  const viewsText = candidates.find(isViews);
  if (viewsText !== undefined) counts.views = parseCount(viewsText);
  if (counts.views !== null) states.push('ok');
  else {
    states.push('broken');
    notes.push(`video ${postId}: ${viewEl === null && info === null ? 'no VIEW_COUNT or INFO_LINE matched' : 'view count present but unreadable'}`);
  }

  const commentsEl = firstMatch(scope, S.COMMENTS_COUNT, owned);
  if (commentsEl !== null) {
    counts.comments = countOfElement(commentsEl);
    if (counts.comments === null) {
      states.push('broken');
      notes.push(`video ${postId}: comments count present but unreadable (COMMENTS_COUNT)`);
    } else states.push('ok');
  }
  return { counts, health: combine(states), notes };
}

function readWatchPage(el: Element, ctx: ReadContext): ContainerReading {
  const ref = parseVideoUrl(ctx.pageUrl.href);
  // A watch page kept hidden after navigating elsewhere shows an old video: not this page's.
  if (ref === null || ref.kind !== 'watch' || el.hasAttribute('hidden')) return nothing();
  const postId = ref.videoId;
  const reading = nothing();
  const notes = reading.health.notes;

  const rendered = el.getAttribute('video-id');
  if (rendered !== null && rendered !== '' && rendered !== postId) {
    // Mid-navigation: the url already names the next video, the page still shows the last one.
    reading.health.post = 'broken';
    notes.push(`watch page renders video ${rendered} but the url names ${postId}; nothing read`);
    return reading;
  }

  const owned = ownedByContainer(el);
  if (firstMatch(el, S.WATCH_METADATA, owned) === null) {
    reading.health.post = 'broken';
    notes.push(`video ${postId}: no WATCH_METADATA matched`);
    skipCommentsWithoutPost(reading, el, postId);
    return reading;
  }

  const title = firstText(el, S.VIDEO_TITLE, owned);
  const descriptionEl = firstMatch(el, S.DESCRIPTION, (d) => owned(d) && readText(d) !== '');
  const description = descriptionEl === null ? '' : readText(descriptionEl);
  const author = readVideoOwner(el, owned, ctx.pageUrl);
  if (title === '') notes.push(`video ${postId}: title not found (VIDEO_TITLE)`);
  if (author.name === '' || author.profileUrl === null) notes.push(`video ${postId}: owner not fully read (VIDEO_OWNER_NAME/LINK)`);

  const countsRead = readWatchCounts(el, owned, postId, ctx.now);
  notes.push(...countsRead.notes);
  reading.health.counts = countsRead.health;

  reading.posts.push({
    platform: 'youtube',
    postId,
    url: canonicalVideoUrl(ref),
    author,
    text: [title, description].filter((part) => part !== '').join('\n\n'),
    mediaKind: 'video',
    publishedAt: readWatchPublished(el, owned, ctx.now),
    counts: countsRead.counts,
  });
  reading.health.post = title !== '' && author.name !== '' && author.profileUrl !== null ? 'ok' : 'broken';

  const section = firstMatch(el, [...S.COMMENTS_SECTION, ...S.COMMENTS_PANEL], owned);
  readCommentsInto(reading, el, section, postId, countsRead.counts.comments, ctx);
  return reading;
}

/** Comments are only attached to a post that was read; without one they are left (and noted if present). */
function skipCommentsWithoutPost(reading: ContainerReading, container: Element, postId: string): void {
  const present = Array.from(container.querySelectorAll(COMMENT_SELECTOR)).some(ownedByContainer(container));
  if (!present) return;
  reading.health.comments = 'broken';
  reading.health.notes.push(`video ${postId}: comments present but the video itself was not read; comments left unread`);
}

// ---------------------------------------------------------------------------
// Shorts page

function readShortsPage(el: Element, ctx: ReadContext): ContainerReading {
  const ref = parseVideoUrl(ctx.pageUrl.href);
  if (ref === null || ref.kind !== 'shorts' || el.hasAttribute('hidden')) return nothing();
  const postId = ref.videoId;
  const reading = nothing();
  const notes = reading.health.notes;
  const owned = ownedByContainer(el);

  const reel = firstMatch(el, S.SHORTS_ACTIVE_REEL, owned);
  if (reel === null) {
    reading.health.post = 'broken';
    notes.push(`short ${postId}: no active reel matched SHORTS_ACTIVE_REEL`);
    skipCommentsWithoutPost(reading, el, postId);
    return reading;
  }

  const title = firstText(reel, S.SHORTS_TITLE);
  const link = firstMatch(reel, S.SHORTS_CHANNEL_LINK, (a) => canonicalChannelUrl(a.getAttribute('href'), ctx.pageUrl) !== null);
  const author: Person = {
    name: link === null ? '' : readLine(link),
    profileUrl: link === null ? null : canonicalChannelUrl(link.getAttribute('href'), ctx.pageUrl),
  };
  if (author.profileUrl === null) notes.push(`short ${postId}: channel link not found (SHORTS_CHANNEL_LINK)`);

  const counts: PostCounts = { reactions: null, comments: null, shares: null, views: null };
  const states: PartHealth[] = [];
  const like = firstMatch(reel, S.SHORTS_LIKE_BUTTON);
  if (like === null) {
    states.push('broken');
    notes.push(`short ${postId}: no like button matched SHORTS_LIKE_BUTTON`);
  } else {
    counts.reactions = countOfButton(like);
    if (counts.reactions === null) notes.push(`short ${postId}: like button shows no number (count hidden?)`);
    else states.push('ok');
  }
  const commentsButton = firstMatch(reel, S.SHORTS_COMMENTS_BUTTON);
  if (commentsButton === null) {
    states.push('broken');
    notes.push(`short ${postId}: no comments button matched SHORTS_COMMENTS_BUTTON`);
  } else {
    counts.comments = countOfButton(commentsButton);
    if (counts.comments === null) notes.push(`short ${postId}: comments button shows no number`);
    else states.push('ok');
  }
  reading.health.counts = combine(states);

  reading.posts.push({
    platform: 'youtube',
    postId,
    url: canonicalVideoUrl(ref),
    author,
    text: title,
    mediaKind: 'video',
    // The Shorts player prints no date.
    publishedAt: null,
    counts,
  });
  reading.health.post = author.profileUrl !== null ? 'ok' : 'broken';

  const panel = firstMatch(el, S.COMMENTS_PANEL, owned);
  const panelCount = panel === null ? null : firstMatch(panel, S.COMMENTS_COUNT);
  readCommentsInto(reading, el, panel, postId, counts.comments ?? (panelCount === null ? null : countOfElement(panelCount)), ctx);
  return reading;
}

// ---------------------------------------------------------------------------
// Grid cards

/** The tab of a channel page (`/@x/videos` -> "videos"), or null when not a channel url. */
function channelTab(pageUrl: URL): string | null {
  if (canonicalChannelUrl(pageUrl.href) === null) return null;
  const segments = pathSegments(pageUrl);
  const tabAt = segments[0] !== undefined && segments[0].startsWith('@') ? 1 : 2;
  return segments[tabAt] ?? 'home';
}

/**
 * On a channel's Videos/Shorts/Live tab the cards print no channel: every card is
 * the channel's own, named by the page url and the header. Other tabs (Home) may
 * feature other channels' videos, so nothing is inferred there.
 */
function channelOfPage(card: Element, pageUrl: URL): Person | null {
  const page = card.closest(anyOf(S.CHANNEL_PAGE));
  const tab = channelTab(pageUrl);
  if (page === null || tab === null || !['videos', 'shorts', 'streams'].includes(tab)) return null;
  const header = firstMatch(page, S.CHANNEL_HEADER);
  const name = header === null ? '' : firstText(header, S.CHANNEL_HEADER_NAME);
  return { name, profileUrl: canonicalChannelUrl(pageUrl.href) };
}

/** A watch or Shorts page (built once: anyOf remembers a list by its identity). */
const VIDEO_PAGE_SELECTOR = anyOf([...S.WATCH_PAGE, ...S.SHORTS_PAGE]);

function readGridItem(el: Element, ctx: ReadContext): ContainerReading {
  // Recommendations beside a video and cards of pages navigated away from are not this page's posts.
  if (inHiddenPage(el) || (el.parentElement !== null && el.parentElement.closest(VIDEO_PAGE_SELECTOR) !== null)) return nothing();
  if (firstMatch(el, S.GRID_NON_VIDEO) !== null) return nothing();
  const reading = nothing();
  const notes = reading.health.notes;

  let ref: VideoRef | null = null;
  for (const a of Array.from(el.querySelectorAll('a[href]'))) {
    ref = parseVideoUrl(a.getAttribute('href'), ctx.pageUrl);
    if (ref !== null) break;
  }
  if (ref === null) {
    // Placeholders (no links yet) are quiet; a card with links but no video is worth a note.
    if (el.querySelector('a[href]') !== null) notes.push('grid card with links but no /watch or /shorts link; skipped');
    return reading;
  }
  const postId = ref.videoId;

  const titleEl = firstMatch(el, S.GRID_TITLE, (t) => readLine(t) !== '' || (t.getAttribute('title') ?? '') !== '');
  const title = titleEl === null ? '' : readLine(titleEl) || (titleEl.getAttribute('title') ?? '').trim();

  const link = firstMatch(el, S.GRID_CHANNEL_LINK, (a) => canonicalChannelUrl(a.getAttribute('href'), ctx.pageUrl) !== null);
  let author: Person;
  if (link !== null) {
    const name = firstText(el, S.GRID_CHANNEL_NAME) || readLine(link) || (link.getAttribute('title') ?? '').trim();
    author = { name, profileUrl: canonicalChannelUrl(link.getAttribute('href'), ctx.pageUrl) };
  } else {
    author = channelOfPage(el, ctx.pageUrl) ?? { name: '', profileUrl: null };
  }

  // Metadata items: the one that reads as a time is the date; a number elsewhere is views.
  // Items holding a link are the channel's name (a "Studio 54" channel is not 54 views).
  const items = Array.from(el.querySelectorAll(anyOf(S.GRID_METADATA_ITEM)))
    .filter((item) => item.querySelector('a') === null && item.closest('a[href^="/@"], a[href^="/channel/"]') === null)
    .map((item) => readLine(item))
    .filter((text) => text !== '' && text !== author.name);
  let publishedAt: PageTime | null = null;
  let views: Count = null;
  for (const text of items) {
    const time = parseTimeLabel(text, ctx.now);
    if (time !== null) {
      if (publishedAt === null) publishedAt = time;
      continue;
    }
    if (views === null) views = parseCount(text);
  }

  const counts: PostCounts = { reactions: null, comments: null, shares: null, views };
  if (views !== null) reading.health.counts = 'ok';
  else if (items.length === 0) {
    reading.health.counts = 'broken';
    notes.push(`card ${postId}: no metadata item matched GRID_METADATA_ITEM`);
  } else notes.push(`card ${postId}: metadata holds no view count (${items.length} items)`);

  // Shorts cards print a title and views only: no channel is not a failure there.
  const channelExpected = ref.kind !== 'shorts';
  if (title === '') notes.push(`card ${postId}: title not found (GRID_TITLE)`);
  if (author.profileUrl === null && channelExpected) notes.push(`card ${postId}: channel not found (GRID_CHANNEL_LINK, channel page header)`);
  reading.health.post = title !== '' && (author.profileUrl !== null || !channelExpected) ? 'ok' : 'broken';
  reading.posts.push({
    platform: 'youtube',
    postId,
    url: canonicalVideoUrl(ref),
    author,
    text: title,
    mediaKind: 'video',
    publishedAt,
    counts,
  });
  return reading;
}

// ---------------------------------------------------------------------------
// Comments

export interface CommentEntry {
  element: Element;
  comment: ExtractedComment;
}

export interface CommentPass {
  entries: CommentEntry[];
  notes: string[];
  /** Comments whose own link names another video (left from a previous page). */
  dropped: number;
}

/**
 * Every comment in `scope` that belongs to `postId`, parents before their replies.
 * Ids are YouTube's (`lc=` of the time link); a comment without one gets a hash of
 * the post id, author and text (no relative time: it drifts).
 */
export function collectComments(scope: Element, postId: string, ctx: ReadContext): CommentPass {
  const owned = ownedByContainer(scope);
  const entries: CommentEntry[] = [];
  const notes: string[] = [];
  const usedIds = new Set<string>();
  const idByElement = new Map<Element, string>();
  let dropped = 0;

  for (const el of Array.from(scope.querySelectorAll(COMMENT_SELECTOR))) {
    if (scope.matches(CONTAINER_SELECTOR) && !owned(el)) continue;
    const mine = ownedByComment(el);
    const timeLink = firstMatch(el, S.COMMENT_TIME_LINK, mine);
    const link = timeLink === null ? null : parseCommentLink(timeLink.getAttribute('href'), ctx.pageUrl);
    if (link !== null && link.videoId !== null && link.videoId !== postId) {
      dropped++;
      notes.push(`comment ${link.commentId} names video ${link.videoId}, not ${postId}; dropped`);
      continue;
    }

    const textEl = firstMatch(el, S.COMMENT_TEXT, mine);
    const text = textEl === null ? '' : readText(textEl);
    const authorLink = firstMatch(el, S.COMMENT_AUTHOR_LINK, (a) => mine(a) && canonicalChannelUrl(a.getAttribute('href'), ctx.pageUrl) !== null);
    const author: Person = {
      name: firstText(el, S.COMMENT_AUTHOR_NAME, mine),
      profileUrl: authorLink === null ? null : canonicalChannelUrl(authorLink.getAttribute('href'), ctx.pageUrl),
    };
    if (author.name === '' && author.profileUrl !== null) author.name = (authorLink === null ? '' : readLine(authorLink)) || author.profileUrl;
    if (author.name === '' && text === '') {
      notes.push(`comment in video ${postId}: neither author nor text found (COMMENT_AUTHOR_NAME, COMMENT_TEXT)`);
      continue;
    }

    let commentId: string;
    if (link !== null) commentId = link.commentId;
    else {
      const base = `hash:${stableHash([postId, author.profileUrl ?? author.name, text, ''])}`;
      commentId = base;
      for (let n = 2; usedIds.has(commentId); n++) commentId = `${base}~${n}`;
    }
    if (usedIds.has(commentId)) continue; // the same comment rendered twice (teaser and expanded replies)
    usedIds.add(commentId);
    idByElement.set(el, commentId);

    let parentId = link === null ? null : link.parentId;
    if (parentId === null && el.closest(anyOf(S.COMMENT_REPLIES)) !== null) {
      // Structural fallback: a reply's parent is its thread's top comment.
      const thread = el.closest(anyOf(S.COMMENT_THREAD));
      const top = thread === null ? null : firstMatch(thread, S.COMMENT, (c) => c.closest(anyOf(S.COMMENT_REPLIES)) === null);
      parentId = top === null ? null : (idByElement.get(top) ?? null);
    }

    entries.push({
      element: el,
      comment: {
        platform: 'youtube',
        commentId,
        postId,
        parentId,
        author,
        text,
        time: timeLink === null ? null : parseTimeLabel(readLine(timeLink), ctx.now),
      },
    });
  }
  return { entries, notes, dropped };
}

/** Whether a comments list has rendered items (threads or anything else; not only a loading spinner). */
function listHasItems(section: Element): boolean {
  const list = firstMatch(section, S.COMMENTS_LIST);
  if (list === null) return false;
  return Array.from(list.children).some((child) => child.tagName.toLowerCase() !== 'ytd-continuation-item-renderer');
}

/** Reads the comments of `container` into `reading` with their health and the reply box's. */
function readCommentsInto(reading: ContainerReading, container: Element, section: Element | null, postId: string, count: Count, ctx: ReadContext): void {
  const notes = reading.health.notes;
  const pass = collectComments(container, postId, ctx);
  notes.push(...pass.notes);
  reading.comments.push(...pass.entries.map((e) => e.comment));

  if (pass.entries.length > 0) reading.health.comments = 'ok';
  else if (section === null || firstMatch(section, S.COMMENTS_MESSAGE) !== null) reading.health.comments = 'absent';
  else if (count !== null && count > 0 && listHasItems(section)) {
    reading.health.comments = 'broken';
    notes.push(`video ${postId}: comments list rendered and count is ${count}, but no COMMENT of this video matched`);
  } else reading.health.comments = 'absent';

  reading.health.replyBox = readReplyBoxHealth(container, pass.entries, oncePerRead(ctx, 'youtube:signed-in', () => isSignedIn(container.ownerDocument, ctx.pageUrl)), notes);
}

// ---------------------------------------------------------------------------
// Reply box

/** The open reply editor of this comment: in a composer inside the comment's own reply dialog. */
export function findOwnReplyEditor(commentEl: Element): HTMLElement | null {
  const mine = ownedByComment(commentEl);
  for (const dialog of Array.from(commentEl.querySelectorAll(anyOf(S.REPLY_DIALOG)))) {
    if (!mine(dialog)) continue;
    const editor = firstMatch(dialog, S.COMMENT_EDITOR, mine);
    if (editor !== null) return editor as HTMLElement;
  }
  return null;
}

/** The comment's own Reply button (`#reply-button-end`'s button), never a reply's. */
export function findReplyButton(commentEl: Element): HTMLElement | null {
  const button = firstMatch(commentEl, S.COMMENT_REPLY_BUTTON, ownedByComment(commentEl));
  return button === null ? null : (button as HTMLElement);
}

/** The comments of pages that are not hidden, with the id their time link gives. */
function* linkedComments(doc: Document): Generator<[string, Element]> {
  for (const el of Array.from(doc.querySelectorAll(COMMENT_SELECTOR))) {
    if (inHiddenPage(el)) continue;
    const timeLink = firstMatch(el, S.COMMENT_TIME_LINK, ownedByComment(el));
    const link = timeLink === null ? null : parseCommentLink(timeLink.getAttribute('href'));
    if (link !== null) yield [link.commentId, el];
  }
}

/** The comments with hashed ids, recomputed by reading the page's visible watch and Shorts pages (the page url comes from the document). */
function* hashedComments(doc: Document): Generator<[string, Element]> {
  const pageUrl = toUrl(doc.location === null ? null : doc.location.href, YOUTUBE_ORIGIN);
  const ref = pageUrl === null ? null : parseVideoUrl(pageUrl.href);
  if (pageUrl === null || ref === null) return;
  for (const container of Array.from(doc.querySelectorAll(VIDEO_PAGE_SELECTOR))) {
    if (container.hasAttribute('hidden')) continue;
    for (const entry of collectComments(container, ref.videoId, { pageUrl, now: 0 }).entries) {
      if (entry.comment.commentId.startsWith('hash:')) yield [entry.comment.commentId, entry.element];
    }
  }
}

/**
 * Every comment in the page with its id, as findCommentElement finds one. Lazy:
 * the caller stops when it has what it wants (the hashed ones are read last).
 */
export function* pageComments(doc: Document): Generator<[string, Element]> {
  yield* linkedComments(doc);
  yield* hashedComments(doc);
}

/**
 * The element of the comment with this id, in a page that is not hidden. YouTube
 * ids are read from the time link; hash ids are recomputed by reading the page's
 * video containers.
 */
export function findCommentElement(doc: Document, commentId: string): Element | null {
  return elementWithId(commentId.startsWith('hash:') ? hashedComments(doc) : linkedComments(doc), commentId);
}

/**
 * Whether replies can be drafted here: 'ok' when a reply editor is open or the
 * visible comments have Reply buttons we can identify; 'broken' when a composer
 * has no editor we know, or comments are shown to a signed-in user but none has
 * an identifiable Reply button; 'absent' when signed out or nothing to reply to.
 */
function readReplyBoxHealth(scope: Element, entries: readonly CommentEntry[], signedIn: boolean, notes: string[]): PartHealth {
  if (!signedIn) return 'absent';
  const owned = ownedByContainer(scope);
  const boxes = Array.from(scope.querySelectorAll(anyOf(S.COMMENT_BOX))).filter(owned);
  const withEditor = boxes.filter((box) => firstMatch(box, S.COMMENT_EDITOR) !== null);
  if (boxes.length > withEditor.length) notes.push(`${boxes.length - withEditor.length} comment box(es) without a COMMENT_EDITOR match`);
  if (entries.length > 0) {
    const replyable = entries.filter((e) => findReplyButton(e.element) !== null || findOwnReplyEditor(e.element) !== null).length;
    if (replyable === 0) {
      notes.push('comments shown to a signed-in user but no Reply button matched COMMENT_REPLY_BUTTON');
      return 'broken';
    }
  }
  if (boxes.length > withEditor.length) return 'broken';
  return withEditor.length > 0 || entries.length > 0 ? 'ok' : 'absent';
}
