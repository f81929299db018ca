/**
 * TikTok page -> typed records. Pure DOM readers: every function takes the
 * element (and the read context) as parameters and never touches browser APIs,
 * so tests feed them any DOM.
 *
 * Rules kept throughout:
 * - identity comes from ids in links, element ids and `data-e2e` hooks, never
 *   from visible (localised) words; class names only as a last resort;
 * - a count that cannot be read is null, never 0;
 * - a container reads only what it owns: elements inside a nested container are
 *   that container's business;
 * - a comment belongs to the post whose container holds it. On the video page
 *   the comment panel sits outside the video's card: it belongs to the video the
 *   page address names, and only if that video is on the page and the panel's
 *   total agrees with it. Otherwise the comments are dropped (and noted).
 */
import { tidyText } from '../text';
import { parseCount } from '../../parse/counts';
import { stableHash } from '../../parse/hash';
import { parseAbsoluteTime, parseNumericDate, parseRelativeTime } from '../../parse/time';
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

export const TIKTOK_ORIGIN = 'https://www.tiktok.com';

/** Every element that is a container of its own (a post card or the video page). */
export const CONTAINER_SELECTOR = anyOf([...S.POST_CARD, ...S.VIDEO_PAGE]);
/** What the legacy layout prints of a post in the page itself. */
const LEGACY_POST_PARTS = anyOf([...S.POST_TEXT, ...S.LIKE_COUNT, ...S.COMMENT_COUNT]);

// ---------------------------------------------------------------------------
// Urls and ids

function parseUrl(href: string | null, base: string | URL): URL | null {
  if (href === null || href.trim() === '') return null;
  try {
    return new URL(href.trim(), base);
  } catch {
    return null;
  }
}

function isTikTokHost(hostname: string): boolean {
  return hostname === 'tiktok.com' || hostname.endsWith('.tiktok.com');
}

/** `@Handle` path segment -> `handle`, or null. Handles are case-insensitive on TikTok; we store them lowercase. */
function handleFromSegment(segment: string | undefined): string | null {
  if (segment === undefined || !segment.startsWith('@')) return null;
  let handle: string;
  try {
    handle = decodeURIComponent(segment.slice(1));
  } catch {
    return null;
  }
  handle = handle.trim().toLowerCase();
  return handle === '' ? null : handle;
}

/**
 * Canonical profile url: `https://www.tiktok.com/@handle` (lowercase, no
 * trailing slash, no query or hash). Null for links that are not a profile
 * (including the logged-out nav's bare `/@`).
 */
export function canonicalProfileUrl(href: string | null, base: string | URL = TIKTOK_ORIGIN): string | null {
  const url = parseUrl(href, base);
  if (url === null || !isTikTokHost(url.hostname)) return null;
  const handle = handleFromSegment(url.pathname.split('/').filter((part) => part !== '')[0]);
  return handle === null ? null : profileUrlOf(handle);
}

function profileUrlOf(handle: string): string {
  return `${TIKTOK_ORIGIN}/@${encodeURIComponent(handle).replace(/%2E/gi, '.')}`;
}

export interface PostRef {
  /** The author's handle, when the address names it. */
  handle: string | null;
  kind: 'video' | 'photo';
  /** TikTok's item id (19 digits). */
  id: string;
}

/** `/@handle/video/<id>` or `/@handle/photo/<id>` (absolute or relative) -> its parts; null for anything else. */
export function parsePostUrl(href: string | null, base: string | URL = TIKTOK_ORIGIN): PostRef | null {
  const url = parseUrl(href, base);
  if (url === null || !isTikTokHost(url.hostname)) return null;
  const parts = url.pathname.split('/').filter((part) => part !== '');
  const [first, kind, id] = parts;
  if ((kind === 'video' || kind === 'photo') && id !== undefined && /^\d{6,25}$/.test(id)) {
    const handle = handleFromSegment(first);
    if (handle === null) return null;
    return { handle, kind, id };
  }
  return null;
}

/** https://www.tiktok.com/@handle/video/<id> (TikTok redirects a handle-less or wrong-kind address; ours is the canonical one). */
export function canonicalPostUrl(ref: PostRef): string {
  const handle = ref.handle ?? '';
  return `${TIKTOK_ORIGIN}/@${handle}/${ref.kind}/${ref.id}`;
}

/**
 * TikTok item ids carry their creation time: the top 32 bits are Unix seconds.
 * Dividing by 2^32 in floating point is exact to the second for 19-digit ids.
 */
export function timeFromTikTokId(id: string): number | null {
  if (!/^\d{17,20}$/.test(id)) return null;
  const ms = Math.floor(Number(id) / 4294967296) * 1000;
  // Before TikTok existed, or absurd: not an item id.
  return ms >= Date.UTC(2016, 0, 1) ? ms : null;
}

// ---------------------------------------------------------------------------
// Times

const UNIT_MS: Readonly<Record<PageTime['precision'], number>> = {
  exact: 0,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};

/** A time label as TikTok prints it: relative ("2h ago", "3 天前") or a date ("5-26", "2024-5-26"). */
export function parseTimeLabel(label: string, now: number): PageTime | null {
  return parseRelativeTime(label, now) ?? parseNumericDate(label, now);
}

/**
 * The best time we can state: an absolute time on the page; else the id's
 * embedded time when it agrees with the label (or there is no label); else the
 * label. The agreement check guards against an id that is not the item's own.
 */
function bestTime(absolute: PageTime | null, label: PageTime | null, idTime: number | null, now: number): PageTime | null {
  if (absolute) return absolute;
  const idPlausible = idTime !== null && idTime <= now + 60_000;
  if (idPlausible && label === null) return { at: idTime, precision: 'exact' };
  if (idPlausible && label !== null) {
    // Date labels are local days read as UTC: allow two units either way.
    const tolerance = 2 * UNIT_MS[label.precision];
    if (Math.abs(idTime - label.at) <= tolerance) return { at: idTime, precision: 'exact' };
  }
  return label;
}

// ---------------------------------------------------------------------------
// Text

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'IMG', 'VIDEO', 'CANVAS']);
const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'PRE']);
const INLINE_PARENTS = new Set(['A', 'SPAN', 'STRONG', 'EM', 'B', 'I']);

/**
 * Whether a block tag is rendered inline: TikTok writes hashtags and mentions as
 * `<a><p style="display: inline">#tag</p></a>` (read from the markup, never from layout).
 */
function rendersInline(el: Element): boolean {
  if (/display:\s*inline/.test(el.getAttribute('style') ?? '')) return true;
  const parent = el.parentElement;
  return parent !== null && INLINE_PARENTS.has(parent.tagName.toUpperCase());
}

/**
 * Reads an element's text as a reader sees it: `<br>` and block boundaries
 * become "\n", runs of spaces collapse, line breaks stay, emoji are ordinary
 * text. Newlines inside text nodes are kept: TikTok's markup is rendered by
 * React (no template indentation) and captions and comments print their line
 * breaks as they were typed.
 */
export function readText(root: Element): string {
  const out: string[] = [];
  const newline = () => {
    const last = out[out.length - 1];
    if (out.length > 0 && last !== undefined && !last.endsWith('\n')) out.push('\n');
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out.push((node.nodeValue ?? '').replace(/\r\n?/g, '\n')); // a text node always has a value; ?? only satisfies the type
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    if (el !== root && (SKIPPED_TAGS.has(tag) || el.getAttribute('aria-hidden') === 'true')) return;
    const block = el !== root && BLOCK_TAGS.has(tag) && !rendersInline(el);
    if (block) newline();
    for (let child = el.firstChild; child !== null; child = child.nextSibling) walk(child);
    if (block) newline();
  };
  walk(root);
  return tidyText(out.join(''), { oneBlankLine: true });
}

/** readText on one line (names, labels). */
export function readLine(el: Element): string {
  return readText(el).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// Scoped queries

type Accept = (el: Element) => boolean;

/** First element under `root` (or `root` itself) matching a variant, in variant order, that `accept` allows. */
function firstMatch(root: Element | Document, variants: SelectorVariants, accept?: (el: Element) => boolean): Element | null {
  // By subject: these selectors' outer parts are ids, attributes and tags (see firstMatching).
  return firstMatching(root, variants, accept, { includeRoot: true, bySubject: true });
}

function allMatches(root: Element, variants: SelectorVariants, accept: Accept): Element[] {
  return Array.from(root.querySelectorAll(anyOf(variants))).filter(accept);
}

/** Whether `el` belongs to `container` itself and not to a container nested in it. */
function ownedBy(container: Element): Accept {
  return (el) => el.closest(CONTAINER_SELECTOR) === container;
}

function documentOrder(a: Element, b: Element): number {
  return a.compareDocumentPosition(b) & 4 /* DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1;
}

// ---------------------------------------------------------------------------
// Own identity

/**
 * The signed-in user, from the side nav's Profile link (`/@handle`; a bare `/@`
 * when logged out) and their avatar's alt for the name. Null when logged out.
 */
export function readOwnIdentity(doc: Document): OwnIdentity | null {
  const link = firstMatch(doc, S.OWN_PROFILE_LINK, (a) => canonicalProfileUrl(a.getAttribute('href')) !== null);
  const profileUrl = link === null ? null : canonicalProfileUrl(link.getAttribute('href'));
  if (profileUrl === null) return null;
  // The link's own text is the nav label ("Profile", "個人檔案"), never the name.
  const avatar = firstMatch(doc, S.OWN_AVATAR, (img) => (img.getAttribute('alt') ?? '').trim() !== '');
  const alt = avatar === null ? '' : (avatar.getAttribute('alt') ?? '').trim();
  return { name: alt !== '' ? alt : null, profileUrl };
}

// ---------------------------------------------------------------------------
// Posts

interface PostRead {
  post: ExtractedPost | null;
  postHealth: PartHealth;
  countsHealth: PartHealth;
  notes: string[];
}

/** The post a card shows: its own link, else the player's element id, else the legacy "copy link" text. */
function findPostRef(scope: Element, owned: Accept, fallbackHandle: string | null): PostRef | null {
  const textEl = firstMatch(scope, S.POST_TEXT, owned);
  const link = firstMatch(scope, S.POST_LINK, (a) => owned(a) && (textEl === null || !textEl.contains(a)) && parsePostUrl(a.getAttribute('href')) !== null);
  if (link !== null) return parsePostUrl(link.getAttribute('href'));
  const player = firstMatch(scope, S.PLAYER_WITH_ID, owned);
  const fromPlayer = player === null ? null : /(\d{15,25})$/.exec(player.id);
  if (fromPlayer && fromPlayer[1] !== undefined) return { handle: fallbackHandle, kind: 'video', id: fromPlayer[1] };
  const linkText = firstMatch(scope, S.POST_LINK_TEXT, owned);
  return linkText === null ? null : parsePostUrl(readLine(linkText));
}

function readAuthor(scope: Element, owned: Accept, textEl: Element | null): Person & { handle: string | null } {
  const notInText = (el: Element) => owned(el) && (textEl === null || !textEl.contains(el));
  const isProfileLink = (a: Element) => notInText(a) && canonicalProfileUrl(a.getAttribute('href')) !== null && parsePostUrl(a.getAttribute('href')) === null;
  const linkEl = firstMatch(scope, S.POST_AUTHOR_LINK, isProfileLink) ?? firstMatch(scope, ['a[href]'], isProfileLink);
  const profileUrl = linkEl === null ? null : canonicalProfileUrl(linkEl.getAttribute('href'));
  const handle = profileUrl === null ? null : handleFromSegment(new URL(profileUrl).pathname.slice(1));
  const nameEl = firstMatch(scope, S.POST_AUTHOR_NAME, (el) => notInText(el) && readLine(el) !== '');
  let name = nameEl === null ? '' : readLine(nameEl);
  if (name === '' && linkEl !== null) {
    // The avatar link has no text; its image's alt is the author's name.
    const img = linkEl.querySelector('img[alt]');
    name = img === null ? '' : (img.getAttribute('alt') ?? '').trim();
  }
  return { name, profileUrl, handle };
}

/** A count element's number: its text, else the aria-label of it or its button ("Like video\n36.2K likes"). */
function countFrom(el: Element): Count {
  const fromText = parseCount(readLine(el));
  if (fromText !== null) return fromText;
  // Only the count's own control: an outer labelled region ("Watch in full screen") is not about this count.
  const labelled = el.closest('[aria-label]:is(button, [role="button"]), [data-e2e][aria-label]');
  const label = labelled === null ? null : labelled.getAttribute('aria-label');
  return label === null ? null : parseCount(label);
}

const COUNT_PARTS: ReadonlyArray<readonly [key: keyof PostCounts, variants: SelectorVariants]> = [
  ['reactions', S.LIKE_COUNT],
  ['comments', S.COMMENT_COUNT],
  ['shares', S.SHARE_COUNT],
  ['views', S.VIEW_COUNT],
];

/**
 * Likes, comments, shares and views of a post. A count TikTok does not show
 * here is null. A count element that is present but unreadable makes the
 * counts 'broken'; so does a post with no count element at all.
 */
export function readCounts(scope: Element, owned: Accept, postId: string): { counts: PostCounts; health: PartHealth; notes: string[] } {
  const counts: PostCounts = { reactions: null, comments: null, shares: null, views: null };
  const notes: string[] = [];
  let found = false;
  let unreadable = false;
  for (const [key, variants] of COUNT_PARTS) {
    const el = firstMatch(scope, variants, owned);
    if (el === null) continue;
    found = true;
    counts[key] = countFrom(el);
    if (counts[key] === null) {
      unreadable = true;
      notes.push(`post ${postId}: ${key} count element present but unreadable (${JSON.stringify(readLine(el).slice(0, 20))})`);
    }
  }
  if (!found) {
    if (firstMatch(scope, S.SAVE_COUNT, owned) !== null) found = true;
    else {
      notes.push(`post ${postId}: no count element matched (LIKE_COUNT, COMMENT_COUNT, SHARE_COUNT, VIEW_COUNT)`);
      return { counts, health: 'broken', notes };
    }
  }
  return { counts, health: unreadable ? 'broken' : 'ok', notes };
}

function readMediaKind(scope: Element, owned: Accept, ref: PostRef, text: string): MediaKind {
  if (ref.kind === 'photo') return 'image';
  for (const [kind, variants] of S.POST_MEDIA) {
    if (firstMatch(scope, variants, owned) !== null) return kind;
  }
  // Every TikTok post is a video or photos; an address saying /video/ is a video.
  return ref.kind === 'video' ? 'video' : text !== '' ? 'text' : 'unknown';
}

/** Whether an element holds anything at all (feed cards are empty placeholders until scrolled to). */
function isPlaceholder(el: Element): boolean {
  return el.children.length === 0 && readLine(el) === '';
}

/**
 * Reads the post printed in `scope` (a card, or the legacy video page itself).
 * `knownRef` is the post the page address names, for scopes that print no id.
 */
function readPost(scope: Element, ownedByScope: Accept, ctx: ReadContext, knownRef: PostRef | null): PostRead {
  const notes: string[] = [];
  // The legacy video page holds its comment list too: commenters' links and counts are not the post's.
  const commentList = anyOf(S.COMMENT_LIST);
  const owned: Accept = (el) => ownedByScope(el) && el.closest(commentList) === null;
  const textEl = firstMatch(scope, S.POST_TEXT, owned);
  const author = readAuthor(scope, owned, textEl);
  // The page address names the video page's post; other video links there are related videos.
  const ref = knownRef ?? findPostRef(scope, owned, author.handle);
  if (ref === null) {
    notes.push('post card without an id: no POST_LINK, PLAYER_WITH_ID or POST_LINK_TEXT matched');
    return { post: null, postHealth: 'broken', countsHealth: 'absent', notes };
  }
  const handle = ref.handle ?? author.handle;
  const profileUrl = author.profileUrl ?? (handle === null ? null : profileUrlOf(handle));
  // Profile grid tiles print no name: the handle from the address stands in.
  const name = author.name !== '' ? author.name : (handle ?? '');
  let complete = true;
  if (name === '' || profileUrl === null) {
    complete = false;
    notes.push(`post ${ref.id}: author not found (POST_AUTHOR_LINK, POST_AUTHOR_NAME)`);
  }
  const text = textEl === null ? '' : readText(textEl);

  const timeEl = firstMatch(scope, S.POST_TIME, (el) => owned(el) && (textEl === null || !textEl.contains(el)));
  const absolute = timeEl === null ? null : parseAbsoluteTime(timeEl.getAttribute('datetime'));
  const label = timeEl === null ? null : parseTimeLabel(readLine(timeEl), ctx.now);
  const publishedAt = bestTime(absolute, label, timeFromTikTokId(ref.id), ctx.now);

  const { counts, health: countsHealth, notes: countNotes } = readCounts(scope, owned, ref.id);
  notes.push(...countNotes);

  const post: ExtractedPost = {
    platform: 'tiktok',
    postId: ref.id,
    url: canonicalPostUrl({ ...ref, handle }),
    author: { name, profileUrl },
    text,
    mediaKind: readMediaKind(scope, owned, ref, text),
    publishedAt,
    counts,
  };
  return { post, postHealth: complete ? 'ok' : 'broken', countsHealth, notes };
}

// ---------------------------------------------------------------------------
// Comments

export interface CommentEntry {
  element: Element;
  level: 1 | 2;
  comment: ExtractedComment;
}

interface CommentNode {
  /** The comment item: the nearest ancestor of its text that holds its author block too. */
  element: Element;
  textEl: Element;
  level: 1 | 2;
}

/** The comment items of `scope` (owned by it), parents before their replies, in page order. */
function findCommentNodes(scope: Element, owned: Accept): { nodes: CommentNode[]; orphans: number } {
  const nodes: CommentNode[] = [];
  let orphans = 0;
  for (const level of [1, 2] as const) {
    const authorSelector = anyOf(S.COMMENT_AUTHOR[level]);
    for (const textEl of allMatches(scope, S.COMMENT_TEXT[level], owned)) {
      let item: Element | null = null;
      for (let node = textEl.parentElement; node !== null && scope.contains(node); node = node.parentElement) {
        if (node.querySelector(authorSelector) !== null) {
          item = node;
          break;
        }
      }
      if (item === null) {
        orphans++;
        continue;
      }
      nodes.push({ element: item, textEl, level });
    }
  }
  nodes.sort((a, b) => documentOrder(a.element, b.element));
  return { nodes, orphans };
}

/** The top-level comment a reply answers: the one its thread holds (the last one before it if the thread is not told apart). */
function parentNodeOf(reply: CommentNode, topLevel: readonly CommentNode[]): CommentNode | null {
  for (let node = reply.element.parentElement; node !== null; node = node.parentElement) {
    const inside = topLevel.filter((c) => node.contains(c.element) && !c.element.contains(reply.element));
    if (inside.length === 0) continue;
    const before = inside.filter((c) => documentOrder(c.element, reply.element) < 0);
    return before[before.length - 1] ?? null;
  }
  return null;
}

function readCommentTime(node: CommentNode, authorEl: Element | null, now: number): { time: PageTime | null; exact: string } {
  const { element, textEl, level } = node;
  const mine = (el: Element) => !textEl.contains(el) && (authorEl === null || !authorEl.contains(el));
  let timeEl = firstMatch(element, S.COMMENT_TIME[level], mine);
  if (timeEl === null) {
    // 2025 markup: the label is printed beside the comment's own Reply control.
    const reply = firstMatch(element, S.COMMENT_REPLY[level], mine);
    const siblings = reply === null || reply.parentElement === null ? [] : Array.from(reply.parentElement.children);
    timeEl = siblings.find((el) => el !== reply && parseTimeLabel(readLine(el), now) !== null) ?? null;
  }
  if (timeEl === null) {
    // Any short label of the item (outside text and author) that reads as a time.
    timeEl = Array.from(element.querySelectorAll('span')).find((el) => mine(el) && el.children.length === 0 && parseTimeLabel(readLine(el), now) !== null) ?? null;
  }
  if (timeEl === null) return { time: null, exact: '' };
  const absolute = parseAbsoluteTime(timeEl.getAttribute('datetime'));
  if (absolute !== null) return { time: absolute, exact: absolute.precision === 'exact' ? String(absolute.at) : '' };
  return { time: parseTimeLabel(readLine(timeEl), now), exact: '' };
}

function readCommentAuthor(node: CommentNode): { author: Person; authorEl: Element | null } {
  const { element, textEl, level } = node;
  const authorEl = firstMatch(element, S.COMMENT_AUTHOR[level], (el) => !textEl.contains(el));
  const isProfileLink = (a: Element) => !textEl.contains(a) && canonicalProfileUrl(a.getAttribute('href')) !== null;
  const linkEl = (authorEl === null ? null : firstMatch(authorEl, ['a[href]'], isProfileLink)) ?? firstMatch(element, ['a[href]'], isProfileLink);
  const profileUrl = linkEl === null ? null : canonicalProfileUrl(linkEl.getAttribute('href'));
  // The name is the link's text: the author block also holds badges ("Creator", "Friends").
  let name = linkEl === null ? '' : readLine(linkEl);
  if (name === '' && authorEl !== null) name = readLine(authorEl);
  return { author: { name, profileUrl }, authorEl };
}

/**
 * Reads the comments `scope` owns, all for `postId`. TikTok puts no comment id
 * in the page, so ids are hashes of what identifies a comment: post, parent,
 * author and text, plus the time only when it is exact. TikTok's labels are
 * never exact ("2h ago" turns into "5-26" as days pass), so they are left out,
 * or the same comment would get a new id.
 */
export function readComments(scope: Element, owned: Accept, postId: string, now: number): { entries: CommentEntry[]; found: number; notes: string[] } {
  const notes: string[] = [];
  const { nodes, orphans } = findCommentNodes(scope, owned);
  if (orphans > 0) notes.push(`${orphans} comment text(s) without an author block (COMMENT_AUTHOR) in post ${postId}`);
  const topLevel = nodes.filter((n) => n.level === 1);
  const idByElement = new Map<Element, string>();
  const usedIds = new Set<string>();
  const entries: CommentEntry[] = [];
  for (const node of nodes) {
    const { author, authorEl } = readCommentAuthor(node);
    const text = readText(node.textEl);
    if (author.profileUrl === null && author.name === '') {
      notes.push(`comment in post ${postId}: author not found (COMMENT_AUTHOR); skipped`);
      continue;
    }
    const { time, exact } = readCommentTime(node, authorEl, now);
    let parentId: string | null = null;
    if (node.level === 2) {
      const parent = parentNodeOf(node, topLevel);
      parentId = parent === null ? null : (idByElement.get(parent.element) ?? null);
      if (parentId === null) notes.push(`reply in post ${postId}: its top-level comment was not found`);
    }
    const base = `hash:${stableHash([postId, parentId ?? '', author.profileUrl ?? author.name, text, exact])}`;
    let commentId = base;
    // The same person posting the same words twice under one parent: number them in page order.
    for (let n = 2; usedIds.has(commentId); n++) commentId = `${base}~${n}`;
    usedIds.add(commentId);
    idByElement.set(node.element, commentId);
    entries.push({
      element: node.element,
      level: node.level,
      comment: { platform: 'tiktok', commentId, postId, parentId, author, text, time },
    });
  }
  return { entries, found: nodes.length + orphans, notes };
}

// ---------------------------------------------------------------------------
// Containers

export interface DetailedReading {
  reading: ContainerReading;
  entries: CommentEntry[];
}

function emptyHealth(): PageHealth {
  return { post: 'absent', counts: 'absent', comments: 'absent', replyBox: 'absent', notes: [] };
}

/** Reads one container: a post card, or the video page (its comment panel and, in the legacy layout, its post). */
export function readContainerDetailed(el: Element, ctx: ReadContext): DetailedReading {
  if (el.matches(anyOf(S.VIDEO_PAGE))) return readVideoPage(el, ctx);
  return readCard(el, ctx);
}

function readCard(card: Element, ctx: ReadContext): DetailedReading {
  const health = emptyHealth();
  if (isPlaceholder(card)) return { reading: { posts: [], comments: [], health }, entries: [] };
  const owned = ownedBy(card);
  const read = readPost(card, owned, ctx, null);
  health.post = read.postHealth;
  health.counts = read.countsHealth;
  health.notes.push(...read.notes);
  const posts = read.post === null ? [] : [read.post];
  let entries: CommentEntry[] = [];
  if (read.post !== null) {
    // Cards hold no comments today; if a layout puts them inside the card, they are this post's.
    const pass = readComments(card, owned, read.post.postId, ctx.now);
    entries = pass.entries;
    health.notes.push(...pass.notes);
    if (entries.length > 0) health.comments = 'ok';
    else if (pass.found > 0) health.comments = 'broken';
  }
  return { reading: { posts, comments: entries.map((e) => e.comment), health }, entries };
}

/** The post the page address names (`/@handle/video/<id>`), if any. */
export function postRefOfPage(pageUrl: URL): PostRef | null {
  return parsePostUrl(pageUrl.href);
}

function readVideoPage(page: Element, ctx: ReadContext): DetailedReading {
  const health = emptyHealth();
  const owned = ownedBy(page);
  const notes = health.notes;
  const pageRef = postRefOfPage(ctx.pageUrl) ?? findPostRef(page, owned, null);

  // Legacy layout: the post is printed in the page itself, not in a card.
  const posts: ExtractedPost[] = [];
  const hasOwnPost = Array.from(page.querySelectorAll(LEGACY_POST_PARTS)).some(owned);
  let postCommentCount: Count = null;
  let postOnPage = false;
  if (hasOwnPost) {
    const read = readPost(page, owned, ctx, pageRef);
    health.post = read.postHealth;
    health.counts = read.countsHealth;
    notes.push(...read.notes);
    if (read.post !== null) {
      posts.push(read.post);
      postOnPage = true;
      postCommentCount = read.post.counts.comments;
    }
  }
  if (!postOnPage && pageRef !== null) {
    // One-column layout: the page's video is one of the cards inside the page.
    const card = Array.from(page.querySelectorAll(anyOf(S.POST_CARD))).find((c) => {
      const cardOwned = ownedBy(c);
      return findPostRef(c, cardOwned, null)?.id === pageRef.id; // ?. : a card without an id is simply not this one
    });
    if (card !== undefined) {
      postOnPage = true;
      const countEl = firstMatch(card, S.COMMENT_COUNT, ownedBy(card));
      postCommentCount = countEl === null ? null : countFrom(countEl);
    }
  }

  // The comment panel.
  const panelCountEl = firstMatch(page, S.PANEL_COMMENT_COUNT, owned);
  const panelCount = panelCountEl === null ? null : parseCount(readLine(panelCountEl));
  const listPresent = firstMatch(page, S.COMMENT_LIST, owned) !== null || panelCountEl !== null;
  const expected = panelCount ?? postCommentCount;

  let entries: CommentEntry[] = [];
  const { nodes } = findCommentNodes(page, owned);
  if (nodes.length > 0 || listPresent) {
    if (pageRef === null) {
      notes.push('comment panel on a page whose address names no video; comments not attached');
      health.comments = nodes.length > 0 ? 'broken' : 'absent';
    } else if (!postOnPage) {
      notes.push(`comment panel for video ${pageRef.id}, which is not on the page; comments not attached`);
      health.comments = nodes.length > 0 ? 'broken' : 'absent';
    } else if (panelCount !== null && postCommentCount !== null && !countsAgree(panelCount, postCommentCount)) {
      notes.push(`comment panel says ${panelCount} comments but video ${pageRef.id} says ${postCommentCount}: the panel is another video's; comments not attached`);
      health.comments = 'broken';
    } else {
      const pass = readComments(page, owned, pageRef.id, ctx.now);
      entries = pass.entries;
      notes.push(...pass.notes);
      if (entries.length > 0) health.comments = pass.entries.length < pass.found ? 'broken' : 'ok';
      else if (pass.found > 0) health.comments = 'broken';
      else if (listPresent && expected !== null && expected > 0) {
        notes.push(`video ${pageRef.id}: comment panel loaded and the count is ${expected}, but no comment matched COMMENT_TEXT/COMMENT_AUTHOR`);
        health.comments = 'broken';
      }
    }
  }

  health.replyBox = readReplyBoxHealth(page, owned, entries, notes);
  return { reading: { posts, comments: entries.map((e) => e.comment), health }, entries };
}

/** Whether two printed totals can be the same video's ("1.2K" next to "1,234"). */
function countsAgree(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(2, 0.1 * Math.max(a, b));
}

/** The comment composers' editors inside `scope`, and how many composers have no editor we know. */
function composerEditors(scope: Element, accept: Accept): { editors: HTMLElement[]; withoutEditor: number } {
  const editors: HTMLElement[] = [];
  let withoutEditor = 0;
  for (const input of allMatches(scope, S.COMMENT_INPUT, accept)) {
    // The hook sits on the editor's wrapper (or, in some builds, on the editor itself).
    if (input.parentElement !== null && input.parentElement.closest(anyOf(S.COMMENT_INPUT)) !== null) continue;
    const editor = firstMatch(input, S.COMMENT_EDITOR);
    if (editor === null) withoutEditor++;
    else editors.push(editor as HTMLElement);
  }
  return { editors, withoutEditor };
}

/**
 * Whether replies can be drafted here: 'ok' when the composer's editor is there
 * and the comments have Reply controls; 'broken' when a composer has no editor
 * we know, or a signed-in page shows comments without any way to reply;
 * 'absent' when logged out (no composer) or nothing to reply to.
 */
function readReplyBoxHealth(page: Element, owned: Accept, entries: readonly CommentEntry[], notes: string[]): PartHealth {
  const { editors, withoutEditor } = composerEditors(page, owned);
  if (withoutEditor > 0) {
    notes.push(`${withoutEditor} comment composer(s) (COMMENT_INPUT) without a COMMENT_EDITOR match`);
    return 'broken';
  }
  const withReply = entries.filter((e) => findReplyControl(e.element, e.level) !== null).length;
  if (editors.length > 0) {
    if (entries.length > 0 && withReply === 0) {
      notes.push('comment composer present but no comment has a Reply control (COMMENT_REPLY)');
      return 'broken';
    }
    return 'ok';
  }
  if (entries.length > 0 && readOwnIdentity(page.ownerDocument) !== null) {
    notes.push('signed in and comments shown, but no comment composer (COMMENT_INPUT) matched');
    return 'broken';
  }
  return 'absent';
}

// ---------------------------------------------------------------------------
// Reply box

/** The comment's own Reply control (not a reply's). */
export function findReplyControl(commentEl: Element, level: 1 | 2): HTMLElement | null {
  const control = firstMatch(commentEl, S.COMMENT_REPLY[level]);
  return control as HTMLElement | null;
}

/** The address(es) the document may be showing: its own url, then its canonical link and og:url. */
function candidatePageUrls(doc: Document): URL[] {
  const out: URL[] = [];
  const add = (href: string | null | undefined) => {
    const url = href === null || href === undefined ? null : parseUrl(href, TIKTOK_ORIGIN);
    if (url !== null && isTikTokHost(url.hostname) && !out.some((u) => u.href === url.href)) out.push(url);
  };
  add(doc.URL);
  const canonical = doc.querySelector('link[rel="canonical"][href]');
  add(canonical === null ? null : canonical.getAttribute('href'));
  const ogUrl = doc.querySelector('meta[property="og:url"][content]');
  add(ogUrl === null ? null : ogUrl.getAttribute('content'));
  if (out.length === 0) out.push(new URL(`${TIKTOK_ORIGIN}/`));
  return out;
}

/** Every comment entry in the page: each container read once per address the page may have. Lazy. */
function* pageEntries(doc: Document): Generator<CommentEntry> {
  for (const pageUrl of candidatePageUrls(doc)) {
    const ctx: ReadContext = { pageUrl, now: 0 };
    for (const container of Array.from(doc.querySelectorAll(CONTAINER_SELECTOR))) yield* readContainerDetailed(container, ctx).entries;
  }
}

/** Every comment in the page with its id and element, as findCommentEntry finds one. Lazy. */
export function* pageComments(doc: Document): Generator<[string, Element]> {
  for (const entry of pageEntries(doc)) yield [entry.comment.commentId, entry.element];
}

/** The comment with this id (as `readComments` ids it) and its level, or null. */
export function findCommentEntry(doc: Document, commentId: string): CommentEntry | null {
  for (const entry of pageEntries(doc)) if (entry.comment.commentId === commentId) return entry;
  return null;
}

/**
 * The thread of a comment: its highest ancestor that holds no other top-level
 * comment (for a reply, whose thread holds its parent, that is the reply itself).
 */
function threadOf(commentEl: Element): Element {
  let thread = commentEl;
  const topLevelText = anyOf(S.COMMENT_TEXT[1]);
  for (let node = commentEl.parentElement; node !== null; node = node.parentElement) {
    const others = Array.from(node.querySelectorAll(topLevelText)).filter((t) => !commentEl.contains(t));
    if (others.length > 0 || node.matches(CONTAINER_SELECTOR)) break;
    thread = node;
  }
  return thread;
}

/**
 * Finds the editor of a comment's reply box. TikTok has one composer per
 * comment panel: a comment's Reply control (`comment-reply-1`/`-2`) focuses it
 * with a "Reply to @name" context. Some builds open an editor inside the
 * thread instead; that one is preferred. Returns null when logged out (the
 * control would open the login dialog, so it is not clicked) or nothing is found.
 */
export function findReplyEditor(doc: Document, commentId: string): HTMLElement | null {
  const entry = findCommentEntry(doc, commentId);
  if (entry === null) return null;
  const inThread = (): HTMLElement | null => composerEditors(threadOf(entry.element), () => true).editors[0] ?? null;
  const inPanel = (): HTMLElement | null => {
    for (let node = entry.element.parentElement; node !== null; node = node.parentElement) {
      const editor = composerEditors(node, () => true).editors[0];
      if (editor !== undefined) return editor;
    }
    return null;
  };

  const open = inThread();
  if (open !== null) return open;
  const panelEditor = inPanel();
  if (panelEditor === null && readOwnIdentity(doc) === null) return null; // logged out: never click into the login dialog

  const control = findReplyControl(entry.element, entry.level);
  if (control === null) return null;
  // Clicking again is harmless: it only (re)sets the composer's reply context to this comment.
  control.click();
  return inThread() ?? inPanel();
}
