/**
 * X (twitter.com / x.com) page -> typed records. Pure DOM readers: every function
 * takes the `Document`/`Element` (and the page url / current time) as parameters and
 * never touches browser APIs, so tests feed them any DOM.
 *
 * Rules kept throughout:
 * - ids come from link shapes (`/<handle>/status/<id>`) and test ids, never from
 *   visible (localised) words; counts come from aria-labels via parseCount;
 * - a count that cannot be read is null, never 0 (0 only where X prints no number
 *   at all on a control that is there: it omits zeros);
 * - on a status page the focal tweet is the post and the tweets after it, up to
 *   the next section heading, are its comments; anything that cannot be placed is
 *   dropped with a note, never attached to a post by guess.
 */
import { tidyText } from '../text';
import { parseCount } from '../../parse/counts';
import { parseAbsoluteTime, parseRelativeTime } from '../../parse/time';
import type {
  ContainerReading,
  Count,
  ExtractedComment,
  ExtractedPost,
  MediaKind,
  OwnIdentity,
  PageHealth,
  PageTime,
  PartHealth,
  Person,
  PostCounts,
  ReadContext,
} from '../types';
import * as S from './selectors';
import { anyOf, type SelectorVariants } from './selectors';
import { firstMatching } from '../selectors';
import { onceThisTurn } from '../read';

export const X_ORIGIN = 'https://x.com';

/** Hosts the same app is served from; all map to https://x.com. */
const X_HOSTS: ReadonlySet<string> = new Set(['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);

export function isXHost(hostname: string): boolean {
  return X_HOSTS.has(hostname.toLowerCase());
}

// ---------------------------------------------------------------------------
// Urls and ids

/** Screen names: letters, digits, underscore; 15 today, up to 20 for a few legacy accounts. */
const HANDLE = /^[A-Za-z0-9_]{1,20}$/;
const STATUS_ID = /^\d{1,20}$/;

function parseXUrl(href: string | null, base: string | URL): URL | null {
  if (href === null || href.trim() === '') return null;
  try {
    const url = new URL(href.trim(), base);
    return isXHost(url.hostname) ? url : null;
  } catch {
    return null;
  }
}

function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((part) => part !== '');
}

/** The handle a profile-ish link points at (`/skiinfomation`, `/skiinfomation/with_replies`), or null. */
export function handleFromHref(href: string | null, base: string | URL = X_ORIGIN): string | null {
  const url = parseXUrl(href, base);
  if (url === null) return null;
  const [first] = pathSegments(url);
  if (first === undefined || !HANDLE.test(first) || S.RESERVED_PATHS.has(first.toLowerCase())) return null;
  return first;
}

/**
 * Canonical profile url: https://x.com/<handle>, no query, hash or trailing
 * slash; twitter.com and mobile hosts fold into x.com. The handle keeps the case
 * X prints in its own links (they all use the account's screen name spelling).
 */
export function canonicalProfileUrl(href: string | null, base: string | URL = X_ORIGIN): string | null {
  const handle = handleFromHref(href, base);
  return handle === null ? null : profileUrlOfHandle(handle);
}

export function profileUrlOfHandle(handle: string): string {
  return `${X_ORIGIN}/${handle}`;
}

export interface StatusRef {
  /** The author's handle as the link spells it; null for `/i/web/status/<id>` links. */
  handle: string | null;
  id: string;
}

/** `/<handle>/status/<id>[/…]`, `/i/web/status/<id>` or `/i/status/<id>` -> its parts; null for anything else. */
export function parseStatusHref(href: string | null, base: string | URL = X_ORIGIN): StatusRef | null {
  const url = parseXUrl(href, base);
  if (url === null) return null;
  const parts = pathSegments(url);
  const [a, b, c, d] = parts;
  if (a === 'i' && b === 'web' && (c === 'status' || c === 'statuses') && d !== undefined && STATUS_ID.test(d)) return { handle: null, id: d };
  if (a === 'i' && (b === 'status' || b === 'statuses') && c !== undefined && STATUS_ID.test(c)) return { handle: null, id: c };
  if (a !== undefined && HANDLE.test(a) && !S.RESERVED_PATHS.has(a.toLowerCase()) && (b === 'status' || b === 'statuses') && c !== undefined && STATUS_ID.test(c)) {
    return { handle: a, id: c };
  }
  return null;
}

/**
 * The focal status id of a status page url, or null for any other page.
 * Media viewers over a status (`…/photo/1`, `…/video/1`) are the same page; lists
 * about a status (`…/quotes`, `…/retweets`, `…/likes`) are not.
 */
export function statusIdFromPageUrl(url: URL): string | null {
  if (!isXHost(url.hostname)) return null;
  const match = /^\/(?:[A-Za-z0-9_]{1,20}|i\/web|i)\/status(?:es)?\/(\d{1,20})(?:\/(?:photo|video)\/\d+)?\/?$/.exec(url.pathname);
  if (match === null) return null;
  const [, id] = match;
  if (id === undefined) return null;
  const first = pathSegments(url)[0] ?? '';
  if (first !== 'i' && S.RESERVED_PATHS.has(first.toLowerCase())) return null;
  return id;
}

/** https://x.com/<handle>/status/<id> (or /i/web/status/<id> when the handle is unknown). */
export function canonicalStatusUrl(handle: string | null, id: string): string {
  return handle === null ? `${X_ORIGIN}/i/web/status/${id}` : `${X_ORIGIN}/${handle}/status/${id}`;
}

// ---------------------------------------------------------------------------
// Text

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'INPUT', 'TEXTAREA']);
const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'PRE', 'FIGURE']);

/** An `<img alt>` that stands for emoji (X draws every emoji as an image). Media alts are descriptions, not text. */
const EMOJI_ALT = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3|[#*0-9])+$/u;
const EMOJI_CORE = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

function isBlock(node: Node | null): boolean {
  return node !== null && node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName.toUpperCase());
}

export function isEmojiAlt(alt: string): boolean {
  return EMOJI_ALT.test(alt) && EMOJI_CORE.test(alt);
}

export interface ReadTextOptions {
  /** Newlines inside text nodes are line breaks (tweet text is rendered `white-space: pre-wrap`). */
  literalNewlines?: boolean;
  /**
   * Whether block elements start new lines (default true). Tweet text is one run
   * whose line breaks are characters; X wraps @mentions in inline-flex `<div>`s,
   * which must not split the line.
   */
  blocks?: boolean;
}

/**
 * Reads an element's text as a reader sees it: `<br>` and block boundaries become
 * "\n", emoji images become their alt text, buttons and icons are skipped, runs of
 * spaces collapse but line breaks stay. Newlines inside text nodes count where the
 * caller says so or the markup says whitespace is literal (`white-space: pre…`);
 * elsewhere they are template indentation. In X Article code blocks only the code
 * itself is read (not the language label or the copy button).
 */
export function readText(root: Element, options: ReadTextOptions = {}): string {
  const codeBlock = anyOf(S.ARTICLE_CODE_BLOCK);
  const blocks = options.blocks !== false;
  const out: string[] = [];
  const newline = () => {
    const last = out[out.length - 1];
    if (out.length > 0 && last !== undefined && !last.endsWith('\n')) out.push('\n');
  };
  const walk = (node: Node, keepNewlines: boolean) => {
    if (node.nodeType === 3) {
      const data = node.nodeValue ?? ''; // a text node always has a value; ?? only satisfies the type
      // Whitespace between blocks is layout, even where whitespace is literal.
      if (blocks && data.trim() === '' && (isBlock(node.previousSibling) || isBlock(node.nextSibling))) return;
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
      const alt = (el.getAttribute('alt') ?? '').trim();
      if (isEmojiAlt(alt)) out.push(alt);
      return;
    }
    // The root itself is read whatever it is (a count button is read as a whole).
    if (el !== root && SKIPPED_TAGS.has(tag)) return;
    const keep = keepNewlines || /white-space:\s*pre/.test(el.getAttribute('style') ?? '');
    const block = blocks && BLOCK_TAGS.has(tag) && el !== root;
    if (block) newline();
    if (el !== root && el.matches(codeBlock)) {
      for (const pre of Array.from(el.querySelectorAll('pre'))) {
        newline();
        for (const child of Array.from(pre.childNodes)) walk(child, true);
        newline();
      }
    } else {
      for (let child = el.firstChild; child !== null; child = child.nextSibling) walk(child, keep);
    }
    if (block) newline();
  };
  walk(root, options.literalNewlines === true);
  return tidyText(out.join(''));
}

/** readText on one line (names, labels). */
export function readLine(el: Element): string {
  return readText(el).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// Scoped queries

/** First element under `root` (or `root` itself) matching a variant, in variant order, that `accept` allows. */
function firstMatch(root: Element | Document, variants: SelectorVariants, accept?: (el: Element) => boolean): Element | null {
  return firstMatching(root, variants, accept, { includeRoot: true });
}

function allMatches(root: Element | Document, variants: SelectorVariants, accept: (el: Element) => boolean = () => true): Element[] {
  return Array.from(root.querySelectorAll(anyOf(variants))).filter(accept);
}

const TWEET_SELECTOR = anyOf(S.TWEET);
const QUOTE_SELECTOR = anyOf(S.QUOTED_TWEET);
const QUOTE_MARKER_SELECTOR = anyOf(S.QUOTED_TWEET_MARKER);
const CELL_SELECTOR = anyOf(S.TIMELINE_CELL);

/** Whether `el` is a quoted tweet's block (a clickable block that holds a tweet's author/time). */
function isQuoteBlock(el: Element): boolean {
  return el.matches(QUOTE_SELECTOR) && el.querySelector(QUOTE_MARKER_SELECTOR) !== null;
}

/** Whether `el` is part of `tweet` itself: not of a nested tweet, not of a quoted tweet inside it. */
export function ownedBy(tweet: Element): (el: Element) => boolean {
  return (el) => {
    if (el.closest(TWEET_SELECTOR) !== tweet) return false;
    for (let node: Element | null = el; node !== null && node !== tweet; node = node.parentElement) {
      if (isQuoteBlock(node)) return false;
    }
    return true;
  };
}

/** The timeline row holding `el`, or null when the page has no rows we know. */
export function cellOf(el: Element): Element | null {
  return el.closest(CELL_SELECTOR);
}

// ---------------------------------------------------------------------------
// One tweet

export interface TweetRef extends StatusRef {
  /** The `<time>` of the tweet, when it has one. */
  time: Element | null;
}

/**
 * The tweet's own id: from the status link around its `<time>` (the link that
 * opens the tweet), else from its views link. Quoted tweets' links are not its own.
 */
export function readTweetRef(tweet: Element): TweetRef | null {
  const owned = ownedBy(tweet);
  const times = allMatches(tweet, S.TWEET_TIME, owned);
  for (const time of times) {
    const link = time.closest('a[href]');
    if (link === null || !tweet.contains(link)) continue;
    const ref = parseStatusHref(link.getAttribute('href'));
    if (ref !== null) return { ...ref, time };
  }
  const fallback = firstMatch(tweet, S.STATUS_ID_FALLBACK_LINK, owned);
  if (fallback !== null) {
    const ref = parseStatusHref(fallback.getAttribute('href'));
    if (ref !== null) return { ...ref, time: times[0] ?? null };
  }
  return null;
}

/** The element of the tweet with this status id, or null. */
export function findTweetArticle(root: Document | Element, id: string): Element | null {
  if (!STATUS_ID.test(id)) return null;
  // Only tweets with a link naming the id can be it (readTweetRef decides which link is the tweet's own).
  const candidates = new Set<Element>();
  for (const link of Array.from(root.querySelectorAll(`a[href*="/${id}"]`))) {
    const tweet = link.closest(TWEET_SELECTOR);
    if (tweet !== null) candidates.add(tweet);
  }
  for (const tweet of candidates) {
    const ref = readTweetRef(tweet);
    if (ref !== null && ref.id === id) return tweet;
  }
  return null;
}

/** A time label: the absolute `datetime` when there is one, else the relative label ("5h", "3小時"). */
export function readTimeElement(el: Element | null, now: number): PageTime | null {
  if (el === null) return null;
  return parseAbsoluteTime(el.getAttribute('datetime')) ?? parseRelativeTime(readLine(el), now);
}

/**
 * The author from the User-Name block: the first profile link whose text is not
 * the "@handle" is the display name. The status link's handle is the fallback.
 */
export function readAuthor(tweet: Element, ref: StatusRef | null): Person {
  const owned = ownedBy(tweet);
  const block = firstMatch(tweet, S.USER_NAME, owned);
  let name = '';
  let profileUrl: string | null = null;
  if (block !== null) {
    const links = Array.from(block.querySelectorAll('a[href]')).filter(
      (a) => owned(a) && parseStatusHref(a.getAttribute('href')) === null && canonicalProfileUrl(a.getAttribute('href')) !== null,
    );
    const nameLink = links.find((a) => {
      const text = readLine(a);
      return text !== '' && !text.startsWith('@');
    });
    if (nameLink !== undefined) {
      name = readLine(nameLink);
      profileUrl = canonicalProfileUrl(nameLink.getAttribute('href'));
    } else if (links[0] !== undefined) {
      profileUrl = canonicalProfileUrl(links[0].getAttribute('href'));
    }
  }
  if (profileUrl === null && ref !== null && ref.handle !== null) profileUrl = profileUrlOfHandle(ref.handle);
  return { name, profileUrl };
}

/** The tweet's text; for an X Article, its title and body. */
export function readTweetText(tweet: Element): string {
  const owned = ownedBy(tweet);
  const title = firstMatch(tweet, S.ARTICLE_TITLE, owned);
  const body = firstMatch(tweet, S.ARTICLE_BODY, owned);
  if (title !== null || body !== null) {
    return [title === null ? '' : readLine(title), body === null ? '' : readText(body)].filter((part) => part !== '').join('\n');
  }
  const text = firstMatch(tweet, S.TWEET_TEXT, owned);
  return text === null ? '' : readText(text, { literalNewlines: true, blocks: false });
}

export function readMediaKind(tweet: Element, text: string): MediaKind {
  const owned = ownedBy(tweet);
  for (const [kind, variants] of S.TWEET_MEDIA) {
    if (firstMatch(tweet, variants, owned) !== null) return kind;
  }
  return text !== '' ? 'text' : 'unknown';
}

interface ControlCount {
  count: Count;
  readable: boolean;
}

/**
 * A control's count: the number in its aria-label (exact, in the UI language),
 * else its visible rounded text. X prints no number for zero: a control with no
 * number anywhere is 0. A number-like text we cannot read is unknown (null).
 */
export function controlCount(control: Element): ControlCount {
  const label = control.getAttribute('aria-label') ?? '';
  if (/\d/.test(label)) {
    const fromLabel = parseCount(label);
    if (fromLabel !== null) return { count: fromLabel, readable: true };
  }
  const textEl = firstMatch(control, S.COUNT_TEXT) ?? control;
  const text = readLine(textEl);
  if (text === '') return /\d/.test(label) ? { count: null, readable: false } : { count: 0, readable: true };
  const fromText = parseCount(text);
  return fromText === null ? { count: null, readable: false } : { count: fromText, readable: true };
}

/** Views: the first analytics link whose label or text holds a number; null if none is shown. */
function readViews(tweet: Element, owned: (el: Element) => boolean): Count {
  const links = allMatches(tweet, S.VIEWS_LINK, owned);
  for (const link of links) {
    const label = link.getAttribute('aria-label') ?? '';
    const fromLabel = /\d/.test(label) ? parseCount(label) : null;
    if (fromLabel !== null) return fromLabel;
  }
  for (const link of links) {
    const fromText = parseCount(readLine(link));
    if (fromText !== null) return fromText;
  }
  return null;
}

/**
 * Replies, reposts, likes and views of a tweet. 'absent' when the tweet has no
 * action bar (a tombstone); 'broken' when a bar is there but a control is missing
 * or prints a count we cannot read.
 */
export function readCounts(tweet: Element, label: string): { counts: PostCounts; health: PartHealth; notes: string[] } {
  const owned = ownedBy(tweet);
  const counts: PostCounts = { reactions: null, comments: null, shares: null, views: null };
  const notes: string[] = [];
  const reply = firstMatch(tweet, S.REPLY_BUTTON, owned);
  const repost = firstMatch(tweet, S.REPOST_BUTTON, owned);
  const like = firstMatch(tweet, S.LIKE_BUTTON, owned);
  if (reply === null && repost === null && like === null) {
    if (firstMatch(tweet, S.ACTION_BAR, owned) !== null) {
      notes.push(`${label}: action bar present but no REPLY/REPOST/LIKE_BUTTON variant matched`);
      return { counts, health: 'broken', notes };
    }
    return { counts, health: 'absent', notes };
  }
  let broken = false;
  const read = (control: Element | null, name: string, required: boolean): Count => {
    if (control === null) {
      if (required) {
        broken = true;
        notes.push(`${label}: ${name} control not found`);
      }
      return null;
    }
    const { count, readable } = controlCount(control);
    if (!readable) {
      broken = true;
      notes.push(`${label}: ${name} count unreadable`);
    }
    return count;
  };
  counts.comments = read(reply, 'reply', true);
  counts.reactions = read(like, 'like', true);
  // Reposts can be switched off (protected accounts): a missing control is unknown, not a fault.
  counts.shares = read(repost, 'repost', false);
  counts.views = readViews(tweet, owned);
  return { counts, health: broken ? 'broken' : 'ok', notes };
}

export interface TweetRead {
  ref: TweetRef;
  post: ExtractedPost;
  countsHealth: PartHealth;
  /** False when a part every tweet has (the author) could not be read. */
  complete: boolean;
  notes: string[];
}

/** Reads one tweet as a post; null when it has no id we can read. */
export function readTweet(tweet: Element, now: number): TweetRead | null {
  const ref = readTweetRef(tweet);
  if (ref === null) return null;
  const label = `tweet ${ref.id}`;
  const notes: string[] = [];
  const author = readAuthor(tweet, ref);
  const complete = author.name !== '' && author.profileUrl !== null;
  if (!complete) notes.push(`${label}: author not read (USER_NAME)`);
  const text = readTweetText(tweet);
  const { counts, health: countsHealth, notes: countNotes } = readCounts(tweet, label);
  notes.push(...countNotes);
  const handle = ref.handle ?? (author.profileUrl === null ? null : handleFromHref(author.profileUrl));
  return {
    ref,
    post: {
      platform: 'x',
      postId: ref.id,
      url: canonicalStatusUrl(handle, ref.id),
      author,
      text,
      mediaKind: readMediaKind(tweet, text),
      publishedAt: readTimeElement(ref.time, now),
      counts,
    },
    countsHealth,
    complete,
    notes,
  };
}

// ---------------------------------------------------------------------------
// Conversations (status pages)

/** Whether a row is a section heading ("Discover more"…): what follows is not the conversation. */
function isSectionBreak(cell: Element): boolean {
  return Array.from(cell.querySelectorAll(anyOf(S.SECTION_HEADING))).some((h) => h.closest(TWEET_SELECTOR) === null);
}

export type ConversationRole = 'focal' | 'reply' | 'ancestor' | 'other' | 'unplaced';

/**
 * Where a tweet sits relative to the focal tweet of a status page: before it
 * (an ancestor the focal tweet replies to), after it in the same list and before
 * any section heading (a reply), after a heading (another post), or — when the
 * page has no rows we know — unplaced.
 */
export function conversationRole(tweet: Element, focal: Element): ConversationRole {
  if (tweet === focal) return 'focal';
  // Node.DOCUMENT_POSITION_PRECEDING = 2 (the constant is not on Element in every DOM).
  if ((focal.compareDocumentPosition(tweet) & 2) !== 0) return 'ancestor';
  const focalCell = cellOf(focal);
  const cell = cellOf(tweet);
  if (focalCell === null || cell === null) return 'unplaced';
  if (cell === focalCell) return 'reply';
  if (cell.parentElement !== focalCell.parentElement) return 'unplaced';
  // The rows between the focal tweet and this one hold a heading exactly when the first heading after
  // the focal tweet comes at or before this row.
  const heading = firstSectionBreakAfter(focalCell);
  return heading !== null && (heading === cell || (heading.compareDocumentPosition(cell) & 4) !== 0) ? 'other' : 'reply';
}

/** The first section heading row after the focal tweet's row (null: none), found once per run of reads. */
function firstSectionBreakAfter(focalCell: Element): Element | null {
  return onceThisTurn('x:first-break', focalCell, () => {
    for (let row = focalCell.nextElementSibling; row !== null; row = row.nextElementSibling) {
      if (isSectionBreak(row)) return row;
    }
    return null;
  });
}

/** The focal tweet of a status page, found once per run of reads of this document (each reply's read asks for it). */
function focalTweet(doc: Document, focalId: string): Element | null {
  return onceThisTurn(`x:focal:${focalId}`, doc, () => findTweetArticle(doc, focalId));
}

/** Every tweet in the page with its id, as findTweetArticle finds one. Lazy: the caller stops when it has what it wants. */
export function* pageTweets(doc: Document): Generator<[string, Element]> {
  for (const tweet of Array.from(doc.querySelectorAll(TWEET_SELECTOR))) {
    const ref = readTweetRef(tweet);
    if (ref !== null) yield [ref.id, tweet];
  }
}

/** What the conversation under the focal tweet holds: rows with replies we read, rows that look like tweets but are not. */
export function conversationRows(focal: Element): { replies: number; unreadable: number } {
  const focalCell = cellOf(focal);
  if (focalCell === null) return { replies: 0, unreadable: 0 };
  let replies = 0;
  let unreadable = 0;
  for (let row = focalCell.nextElementSibling; row !== null; row = row.nextElementSibling) {
    if (isSectionBreak(row)) break;
    if (row.querySelector(TWEET_SELECTOR) !== null) replies++;
    else if (row.querySelector(anyOf(S.TWEET_LIKE_CONTENT)) !== null) unreadable++;
  }
  return { replies, unreadable };
}

/**
 * The reply a tweet answers, from X's thread lines: this tweet has a line above
 * its avatar and the previous row's tweet a line below its own. Null when there is
 * no such line (a direct reply to the focal tweet, or markup we do not know), and
 * when the parent is the focal tweet itself.
 */
export function threadParentId(tweet: Element, focalId: string): string | null {
  if (firstMatch(tweet, S.THREAD_LINE_ABOVE, ownedBy(tweet)) === null) return null;
  const cell = cellOf(tweet);
  if (cell === null) return null;
  for (let row = cell.previousElementSibling; row !== null; row = row.previousElementSibling) {
    const previous = row.querySelector(TWEET_SELECTOR);
    if (previous === null) {
      // An empty spacer row can sit between joined tweets; anything with content breaks the chain.
      if ((row.textContent ?? '').trim() === '' && row.querySelector(anyOf(S.TWEET_LIKE_CONTENT)) === null) continue;
      return null;
    }
    if (firstMatch(previous, S.THREAD_LINE_BELOW, ownedBy(previous)) === null) return null;
    const ref = readTweetRef(previous);
    if (ref === null || ref.id === focalId) return null;
    return ref.id;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Own identity

/** The handle an account switcher names: its avatar container's test id, else an "@handle" line. */
function handleInSwitcher(switcher: Element): string | null {
  for (const el of Array.from(switcher.querySelectorAll(`[data-testid^="${S.AVATAR_CONTAINER_PREFIX}"]`))) {
    const handle = (el.getAttribute('data-testid') ?? '').slice(S.AVATAR_CONTAINER_PREFIX.length);
    if (HANDLE.test(handle) && handle !== 'unknown') return handle;
  }
  for (const el of Array.from(switcher.querySelectorAll('[dir]'))) {
    const text = readLine(el);
    const match = /^@([A-Za-z0-9_]{1,20})$/.exec(text);
    if (match !== null && match[1] !== undefined) return match[1];
  }
  return null;
}

/** The display name in an account switcher: the first innermost text line that is not the "@handle". */
function nameInSwitcher(switcher: Element): string | null {
  for (const el of Array.from(switcher.querySelectorAll('[dir]'))) {
    if (el.querySelector('[dir]') !== null) continue;
    const text = readLine(el);
    if (text !== '' && !text.startsWith('@')) return text;
  }
  return null;
}

/**
 * The signed-in user, from the side navigation's profile link and account menu.
 * Null when the page shows neither (logged out).
 */
export function readOwnIdentity(doc: Document): OwnIdentity | null {
  const switcher = firstMatch(doc, S.ACCOUNT_SWITCHER);
  let profileUrl: string | null = null;
  const link = firstMatch(doc, S.OWN_PROFILE_LINK, (a) => canonicalProfileUrl(a.getAttribute('href')) !== null);
  if (link !== null) profileUrl = canonicalProfileUrl(link.getAttribute('href'));
  if (profileUrl === null && switcher !== null) {
    const handle = handleInSwitcher(switcher);
    if (handle !== null) profileUrl = profileUrlOfHandle(handle);
  }
  if (profileUrl === null) return null;
  return { name: switcher === null ? null : nameInSwitcher(switcher), profileUrl };
}

/** Whether the page is the signed-in app (side navigation present), even if no profile url can be read. */
export function isLoggedInPage(doc: Document): boolean {
  return firstMatch(doc, S.LOGGED_IN_CHROME) !== null;
}

// ---------------------------------------------------------------------------
// Reply boxes

/** Whether `el` is outside every tweet (composers are never inside one). */
function outsideTweets(el: Element): boolean {
  return el.closest(TWEET_SELECTOR) === null;
}

/** The tweet's own reply control. */
export function findReplyControl(tweet: Element): HTMLElement | null {
  return firstMatch(tweet, S.REPLY_BUTTON, ownedBy(tweet)) as HTMLElement | null;
}

/** The inline composer's editor in the tweet's own row (status pages: the focal tweet's box). */
export function findInlineEditor(tweet: Element): HTMLElement | null {
  const cell = cellOf(tweet);
  if (cell === null) return null;
  return firstMatch(cell, S.COMPOSER_EDITOR, outsideTweets) as HTMLElement | null;
}

/**
 * An open reply dialog that shows this tweet: it links to the status, or it
 * shows the tweet's exact time by the same author (X's reply dialog repeats the
 * tweet being answered above the editor).
 */
export function findDialogEditor(doc: Document, tweet: Element): HTMLElement | null {
  const ref = readTweetRef(tweet);
  if (ref === null) return null;
  const datetime = ref.time === null ? null : ref.time.getAttribute('datetime');
  const author = readAuthor(tweet, ref).profileUrl;
  for (const dialog of allMatches(doc, S.DIALOG)) {
    const editor = firstMatch(dialog, S.COMPOSER_EDITOR);
    if (editor === null) continue;
    const links = Array.from(dialog.querySelectorAll('a[href]'));
    const linksStatus = links.some((a) => {
      const status = parseStatusHref(a.getAttribute('href'));
      return status !== null && status.id === ref.id;
    });
    const showsTime = datetime !== null && Array.from(dialog.querySelectorAll('time[datetime]')).some((t) => t.getAttribute('datetime') === datetime);
    const showsAuthor = author !== null && links.some((a) => canonicalProfileUrl(a.getAttribute('href')) === author);
    if (linksStatus || (showsTime && showsAuthor)) return editor as HTMLElement;
  }
  return null;
}

/** Every composer editor on the page. */
export function allEditors(doc: Document): HTMLElement[] {
  return allMatches(doc, S.COMPOSER_EDITOR, outsideTweets) as HTMLElement[];
}

/**
 * Finds the reply editor for the tweet (a reply on a status page, or the focal
 * tweet) with this status id, clicking its reply control when no editor for it is
 * open. X renders the reply dialog when the control is clicked; if it renders
 * later than the click returns, null is returned and a later call finds the open
 * dialog. Returns null for unknown ids.
 */
export function findReplyEditor(doc: Document, statusId: string): HTMLElement | null {
  if (!STATUS_ID.test(statusId)) return null;
  const tweet = findTweetArticle(doc, statusId);
  if (tweet === null) return null;
  const inline = findInlineEditor(tweet);
  if (inline !== null) return inline;
  const open = findDialogEditor(doc, tweet);
  if (open !== null) return open;

  const control = findReplyControl(tweet);
  if (control === null) return null;
  const before = new Set(allEditors(doc));
  control.click();
  const shown = findDialogEditor(doc, tweet);
  if (shown !== null) return shown;
  // A dialog that opened because of this click but does not repeat the tweet.
  const fresh = allEditors(doc).filter((editor) => !before.has(editor));
  return fresh.length === 1 && fresh[0] !== undefined ? fresh[0] : null;
}

// ---------------------------------------------------------------------------
// One container

function health(parts: Omit<PageHealth, 'notes'>, notes: string[]): PageHealth {
  return { ...parts, notes };
}

/** A timeline tweet, an ancestor or an unrelated tweet on a status page: a post, no comments. */
function postReading(read: TweetRead, extraNotes: string[] = []): ContainerReading {
  return {
    posts: [read.post],
    comments: [],
    health: health(
      { post: read.complete ? 'ok' : 'broken', counts: read.countsHealth, comments: 'absent', replyBox: 'absent' },
      [...extraNotes, ...read.notes],
    ),
  };
}

/**
 * Reads one tweet container. On a status page (the url names a status) the
 * focal tweet is the post; tweets after it in the conversation are its comments
 * (postId = the focal id), with parentId from thread lines. Everywhere else each
 * tweet is a post of its own.
 */
export function readTweetContainer(tweet: Element, ctx: ReadContext): ContainerReading {
  const doc = tweet.ownerDocument;
  const read = readTweet(tweet, ctx.now);
  if (read === null) {
    // Promoted tweets print a label instead of a time and link nowhere: not a post we can id.
    if (firstMatch(tweet, ['time']) === null) {
      return { posts: [], comments: [], health: health({ post: 'absent', counts: 'absent', comments: 'absent', replyBox: 'absent' }, []) };
    }
    return {
      posts: [],
      comments: [],
      health: health({ post: 'broken', counts: 'absent', comments: 'absent', replyBox: 'absent' }, ['tweet with a time but no readable status link (TWEET_TIME)']),
    };
  }

  const focalId = statusIdFromPageUrl(ctx.pageUrl);
  if (focalId === null) return postReading(read);
  if (read.ref.id === focalId) return focalReading(tweet, read, doc);

  const focal = focalTweet(doc, focalId);
  if (focal === null) {
    return {
      posts: [],
      comments: [],
      health: health({ post: 'broken', counts: 'absent', comments: 'broken', replyBox: 'absent' }, [
        `status page ${focalId}: focal tweet not found; tweet ${read.ref.id} not attributed`,
      ]),
    };
  }
  const role = conversationRole(tweet, focal);
  if (role === 'ancestor' || role === 'other') return postReading(read);
  if (role !== 'reply') {
    return {
      posts: [],
      comments: [],
      health: health({ post: 'absent', counts: 'absent', comments: 'broken', replyBox: 'absent' }, [
        `tweet ${read.ref.id}: cannot place it in the conversation of ${focalId} (TIMELINE_CELL); not attributed`,
      ]),
    };
  }

  const comment: ExtractedComment = {
    platform: 'x',
    commentId: read.ref.id,
    postId: focalId,
    parentId: threadParentId(tweet, focalId),
    author: read.post.author,
    text: read.post.text,
    time: read.post.publishedAt,
  };
  const notes = read.complete ? [] : read.notes.filter((note) => note.includes('author'));
  let replyBox: PartHealth = 'absent';
  if (isLoggedInPage(doc)) {
    replyBox = findReplyControl(tweet) !== null ? 'ok' : 'broken';
    if (replyBox === 'broken') notes.push(`reply ${read.ref.id}: no REPLY_BUTTON variant matched`);
  }
  return {
    posts: [],
    comments: [comment],
    health: health({ post: 'absent', counts: 'absent', comments: read.complete ? 'ok' : 'broken', replyBox }, notes),
  };
}

/** The focal tweet: the post, whether its replies could be read, and its inline reply box. */
function focalReading(tweet: Element, read: TweetRead, doc: Document): ContainerReading {
  const notes = [...read.notes];
  const id = read.ref.id;

  let comments: PartHealth = 'absent';
  const rows = conversationRows(tweet);
  if (rows.replies > 0) comments = 'ok';
  else if (rows.unreadable > 0) {
    comments = 'broken';
    notes.push(`post ${id}: ${rows.unreadable} conversation row(s) look like replies but none matched TWEET (reply count ${String(read.post.counts.comments)})`);
  }

  let replyBox: PartHealth = 'absent';
  const cell = cellOf(tweet);
  if (cell !== null && firstMatch(cell, S.COMPOSER, outsideTweets) !== null) {
    if (findInlineEditor(tweet) !== null) replyBox = 'ok';
    else {
      replyBox = 'broken';
      notes.push(`post ${id}: inline reply composer present but no COMPOSER_EDITOR variant matched`);
    }
  } else if (isLoggedInPage(doc)) {
    // Logged in, but X has not rendered the inline box (it does so lazily): the reply control still opens one.
    replyBox = findReplyControl(tweet) !== null ? 'ok' : 'absent';
  }

  return {
    posts: [read.post],
    comments: [],
    health: health({ post: read.complete ? 'ok' : 'broken', counts: read.countsHealth, comments, replyBox }, notes),
  };
}
