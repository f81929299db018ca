/**
 * Instagram page -> typed records. Pure DOM readers: every function takes the
 * `Document`/`Element` (and the page url / current time) as parameters and never
 * touches browser APIs, so tests feed them any DOM.
 *
 * Instagram gives almost nothing to hold on to (generated class atoms, no data
 * hooks), so everything is read from structure:
 * - a post is named by its permalink, `<a href="/p/<code>/"><time datetime>`;
 * - a comment is found by its permalink, `<a href="/p/<code>/c/<id>/"><time>`
 *   (the link carries the comment's real id), and its row is the smallest
 *   block around that link holding the commenter's avatar;
 * - people are `<a href="/<username>/">` links;
 * - counts are the numbers printed right after the like/comment/share icons.
 * Visible words and aria-label words are never compared (the UI is localised);
 * numbers are taken out of them with parseCount. A count that cannot be read is
 * null, never 0. A comment whose permalink names another post is dropped, never
 * attached to the post whose container holds it.
 */
import { tidyText } from '../text';
import { parseCount } from '../../parse/counts';
import { stableHash } from '../../parse/hash';
import { memoizeStrings } from '../../parse/memo';
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
import { oncePerRead } from '../read';
import { firstMatching } from '../selectors';
import * as S from './selectors';
import { anyOf } from './selectors';

export const INSTAGRAM_ORIGIN = 'https://www.instagram.com';

const CONTAINER_SELECTOR = anyOf(S.POST_CONTAINER);
const CLICKABLE_SELECTOR = anyOf(S.CLICKABLE);
const NOT_TEXT_SELECTOR = anyOf(S.NOT_TEXT);

// ---------------------------------------------------------------------------
// Urls

/** The path of an Instagram link (relative or on an instagram.com host), or null for other sites. */
function instagramPath(href: string | null): string | null {
  if (href === null || href.trim() === '') return null;
  return instagramPathOf(href, '');
}

/**
 * instagramPath, remembered per link: a post's links are asked about several times in a read (as a
 * profile, a post and a comment link), and `new URL` was the largest single cost of reading a busy post.
 */
const instagramPathOf = memoizeStrings((href: string) => {
  let url: URL;
  try {
    url = new URL(href.trim(), INSTAGRAM_ORIGIN);
  } catch {
    return null;
  }
  if (url.hostname !== 'instagram.com' && url.hostname !== 'www.instagram.com') return null;
  return url.pathname;
});

/**
 * Canonical profile url: https://www.instagram.com/<username>/ (lower case, as
 * Instagram treats usernames case-insensitively). Null for links that are not a
 * profile (posts, explore, settings, other sites, profile sub-pages).
 */
export function canonicalProfileUrl(href: string | null): string | null {
  const path = instagramPath(href);
  if (path === null) return null;
  const parts = path.split('/').filter((part) => part !== '');
  const [username] = parts;
  if (parts.length !== 1 || username === undefined) return null;
  if (!S.USERNAME_PATTERN.test(username) || S.RESERVED_PATHS.has(username.toLowerCase())) return null;
  return `${INSTAGRAM_ORIGIN}/${username.toLowerCase()}/`;
}

/** The username in a canonical profile url. */
export function usernameOf(profileUrl: string): string {
  return profileUrl.replace(`${INSTAGRAM_ORIGIN}/`, '').replace(/\/$/, '');
}

export type PostKind = 'p' | 'reel' | 'tv';

export interface PostRef {
  code: string;
  kind: PostKind;
}

/** `/p/<code>/`, `/<user>/reel/<code>/`, absolute or relative -> { code, kind }; null otherwise. */
export function postRefFromHref(href: string | null): PostRef | null {
  const path = instagramPath(href);
  if (path === null) return null;
  const match = S.POST_PATH.exec(path);
  if (!match) return null;
  const [, user, kind, code] = match;
  if (code === undefined || kind === undefined) return null;
  if (user !== undefined && S.RESERVED_PATHS.has(user.toLowerCase())) return null;
  return { code, kind: kind === 'reels' ? 'reel' : (kind as PostKind) };
}

/** The post's canonical url, as Instagram's own `<link rel=canonical>` gives it: /p/<code>/ or /reel/<code>/. */
export function canonicalPostUrl(ref: PostRef): string {
  return `${INSTAGRAM_ORIGIN}/${ref.kind}/${ref.code}/`;
}

export interface CommentRef {
  /** The post's shortcode the link names. */
  code: string;
  commentId: string;
  /** For `/c/<parent>/r/<reply>/` links: the parent's id. */
  parentId: string | null;
}

/** `/p/<code>/c/<id>/` or `/p/<code>/c/<parent>/r/<id>/` -> ids; null otherwise. */
export function commentRefFromHref(href: string | null): CommentRef | null {
  const path = instagramPath(href);
  if (path === null) return null;
  const match = S.COMMENT_PATH.exec(path);
  if (!match) return null;
  const [, code, first, reply] = match;
  if (code === undefined || first === undefined) return null;
  return reply === undefined ? { code, commentId: first, parentId: null } : { code, commentId: reply, parentId: first };
}

/** Whether the page at this url shows one post (a post, reel or IGTV page). */
export function isPostPageUrl(url: URL): boolean {
  if (url.hostname !== 'www.instagram.com' && url.hostname !== 'instagram.com') return false;
  return postRefFromHref(url.pathname) !== null || commentRefFromHref(url.pathname) !== null;
}

/** The post a post page's url names (also a comment permalink page's). */
export function postRefFromPageUrl(url: URL): PostRef | null {
  const direct = postRefFromHref(url.pathname);
  if (direct !== null) return direct;
  const comment = commentRefFromHref(url.pathname);
  if (comment === null) return null;
  const kind = /\/(reel|reels)\//.test(url.pathname) ? 'reel' : /\/tv\//.test(url.pathname) ? 'tv' : 'p';
  return { code: comment.code, kind };
}

// ---------------------------------------------------------------------------
// Text

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'PRE']);

/**
 * Reads an element's text as a reader sees it: `<br>` and block boundaries become
 * "\n", controls ("… more", "See translation"), icons and times are skipped, runs
 * of spaces collapse but line breaks stay. Newlines inside text nodes are
 * template whitespace (Instagram prints line breaks as `<br>`). Emoji are kept.
 */
export function readText(root: Element): string {
  const out: string[] = [];
  const newline = () => {
    const last = out[out.length - 1];
    if (out.length > 0 && last !== undefined && !last.endsWith('\n')) out.push('\n');
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const data = node.nodeValue ?? ''; // a text node always has a value; ?? only satisfies the type
      out.push(data.replace(/[\r\n\t\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    // The root itself is read whatever it is (a count button is read as a whole).
    if (el !== root && el.matches(NOT_TEXT_SELECTOR)) return;
    const block = BLOCK_TAGS.has(tag) && el !== root;
    if (block) newline();
    for (let child = el.firstChild; child !== null; child = child.nextSibling) walk(child);
    if (block) newline();
  };
  walk(root);
  return tidyText(out.join(''));
}

/** readText on one line (names, labels). */
function readLine(el: Element): string {
  return readText(el).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// Structure helpers

/** The container an element belongs to (the innermost one). */
function containerOf(el: Element): Element | null {
  return el.closest(CONTAINER_SELECTOR);
}

/** Whether `el` belongs to `container` itself and not to a container nested in it. */
function ownedBy(container: Element): (el: Element) => boolean {
  return (el) => containerOf(el) === container;
}

/** `a` precedes `b` in document order. */
function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0; // Node.DOCUMENT_POSITION_FOLLOWING
}

/** Number of steps from `el` up to `ancestor`. */
function depthBelow(el: Element, ancestor: Element): number {
  let depth = 0;
  for (let node: Element | null = el; node !== null && node !== ancestor; node = node.parentElement) depth++;
  return depth;
}

/** An `a` whose href is a profile, and its canonical url. */
function profileLinkUrl(el: Element): string | null {
  return el.tagName.toUpperCase() === 'A' ? canonicalProfileUrl(el.getAttribute('href')) : null;
}

/** Profile links under `root` that show text (a username), in document order. */
function nameLinks(root: Element, accept: (el: Element) => boolean): Element[] {
  return Array.from(root.querySelectorAll('a[href]')).filter((a) => accept(a) && profileLinkUrl(a) !== null && readLine(a) !== '');
}

/** An avatar image's link: its nearest link or `[role=link]`, when that is a profile link or an `[role=link]` (Instagram's avatar wrappers). */
function avatarLinkOf(img: Element): Element | null {
  const link = img.closest('a[href], [role="link"]');
  return link !== null && (link.getAttribute('role') === 'link' || profileLinkUrl(link) !== null) ? link : null;
}

/** An avatar: an image inside `el` whose avatar link is `el` or inside it. */
function hasAvatar(el: Element): boolean {
  for (const img of el.querySelectorAll('img')) {
    const link = avatarLinkOf(img);
    if (link !== null && el.contains(link)) return true;
  }
  return false;
}

/** Whether the container is only a wrapper around feed cards (a home-feed `main`). */
export function isWrapper(container: Element): boolean {
  return !container.matches(anyOf(S.FEED_CARD)) && container.querySelector(anyOf(S.FEED_CARD)) !== null;
}

// ---------------------------------------------------------------------------
// Own identity

/**
 * The signed-in user, from the navigation's "Profile" link (a profile link with
 * the user's avatar, outside any post). Links in the same block as the
 * navigation's marker links (explore, reels, inbox) are preferred. Instagram's
 * chrome shows no display name, so the name is the username (as post and
 * comment authors are named). Null when logged out.
 */
export function readOwnIdentity(doc: Document): OwnIdentity | null {
  const markers = anyOf(S.NAV_MARKERS);
  const candidates: Array<{ url: string; inNav: boolean }> = [];
  for (const link of Array.from(doc.querySelectorAll('a[href]'))) {
    const url = profileLinkUrl(link);
    if (url === null || link.querySelector('img') === null) continue;
    if (containerOf(link) !== null) continue;
    let inNav = false;
    for (let node = link.parentElement; node !== null; node = node.parentElement) {
      if (node.querySelector(markers) !== null) {
        inNav = node.querySelector(CONTAINER_SELECTOR) === null;
        break;
      }
    }
    candidates.push({ url, inNav });
  }
  const best = candidates.find((c) => c.inNav) ?? candidates[0];
  if (best === undefined) return null;
  return { name: usernameOf(best.url), profileUrl: best.url };
}

// ---------------------------------------------------------------------------
// Time

/** A `<time>`'s moment: its datetime attribute, else its (relative) label. */
export function readTime(el: Element | null, now: number): PageTime | null {
  if (el === null) return null;
  const absolute = parseAbsoluteTime(el.getAttribute('datetime'));
  if (absolute !== null) return absolute;
  return parseRelativeTime(readLine(el), now);
}

// ---------------------------------------------------------------------------
// Comment rows

export interface CommentRow {
  /** The block holding the comment (avatar, header, text, its controls); replies are not inside it. */
  row: Element;
  /** The comment's permalink (or, without one, its `<time>`). */
  anchor: Element;
  ref: CommentRef | null;
}

/** Whether `el` or one of its ancestors below `stop` is in `set`. */
function insideAny(el: Element, set: ReadonlySet<Element>, stop: Element): boolean {
  for (let node: Element | null = el; node !== null && node !== stop; node = node.parentElement) {
    if (set.has(node)) return true;
  }
  return false;
}

/**
 * What rowOf asks of the blocks above a comment's anchor, for one container and one set of landmarks (another
 * comment's anchor, the post's permalink or caption time), answered from one pass over the container: which
 * blocks hold a form, text field or section, which hold an avatar (hasAvatar), and how many landmarks each block
 * holds. Asking each block's subtree again for every comment was most of a busy post's read: the blocks above
 * 155 comments, each searched for every link and time in it.
 */
interface Blocks {
  /** Whether `node` (an ancestor of `anchor`) holds a landmark other than `anchor` (and those inside it), or a form/bar. */
  holdsOther(node: Element, anchor: Element): boolean;
  hasAvatar(node: Element): boolean;
}

const LANDMARK_TAGS = 'a[href], time';

/** The blocks of `container` that hold a form, text field or section below them, and those that hold an avatar. */
function blockFacts(container: Element): { bars: ReadonlySet<Element>; avatars: ReadonlySet<Element> } {
  const bars = new Set<Element>();
  for (const el of container.querySelectorAll('form, textarea, section')) {
    for (let node = el.parentElement; node !== null && !bars.has(node); node = node.parentElement) {
      bars.add(node);
      if (node === container) break;
    }
  }
  // hasAvatar(node): an image in node whose link (its nearest profile link or [role=link]) is node or inside it.
  const avatars = new Set<Element>();
  for (const img of container.querySelectorAll('img')) {
    const link = avatarLinkOf(img);
    if (link === null || !container.contains(link)) continue;
    for (let node: Element | null = link; node !== null && !avatars.has(node); node = node.parentElement) {
      avatars.add(node);
      if (node === container) break;
    }
  }
  return { bars, avatars };
}

function blocksOf(container: Element, landmarks: ReadonlySet<Element>, facts: ReturnType<typeof blockFacts>): Blocks {
  // Landmarks strictly inside each block (only links and times count, as a block's own search found them).
  const below = new Map<Element, number>();
  const counted = new Set<Element>();
  for (const landmark of landmarks) {
    if (!container.contains(landmark) || !landmark.matches(LANDMARK_TAGS)) continue;
    counted.add(landmark);
    for (let node = landmark.parentElement; node !== null; node = node.parentElement) {
      below.set(node, (below.get(node) ?? 0) + 1);
      if (node === container) break;
    }
  }
  return {
    holdsOther: (node, anchor) => facts.bars.has(node) || (below.get(node) ?? 0) - (below.get(anchor) ?? 0) - (counted.has(anchor) ? 1 : 0) > 0,
    hasAvatar: (node) => facts.avatars.has(node),
  };
}

/**
 * The block of a comment: from its anchor up to the smallest ancestor holding
 * the commenter's avatar, never as far as an ancestor holding another comment
 * or a post landmark (the post's permalink, the action bar, the form).
 */
function rowOf(anchor: Element, container: Element, blocks: Blocks): Element {
  let row = anchor;
  for (let node = anchor.parentElement; node !== null && node !== container; node = node.parentElement) {
    if (blocks.holdsOther(node, anchor)) break;
    row = node;
    if (blocks.hasAvatar(node)) break;
  }
  return row;
}

/**
 * The anchors of the comments in a container, in page order: comment
 * permalinks, then (without a permalink, e.g. a comment still being posted)
 * `<time datetime>` elements outside any link (the caption's among them: the read leaves it out).
 */
function findCommentAnchors(container: Element, owned: (el: Element) => boolean): Array<{ anchor: Element; ref: CommentRef | null }> {
  const out: Array<{ anchor: Element; ref: CommentRef | null }> = [];
  for (const el of Array.from(container.querySelectorAll('a[href], time[datetime]'))) {
    if (!owned(el)) continue;
    if (el.tagName.toUpperCase() === 'A') {
      const ref = commentRefFromHref(el.getAttribute('href'));
      if (ref !== null) out.push({ anchor: el, ref });
      continue;
    }
    if (el.closest('a[href]') !== null) continue;
    out.push({ anchor: el, ref: null });
  }
  return out;
}

/**
 * The header of a comment or caption row: the smallest block around the anchor
 * that also holds a name link, no larger than `tooBig` allows.
 */
function headerOf(anchor: Element, tooBig: (node: Element) => boolean): { header: Element; nameLink: Element } | null {
  for (let node = anchor.parentElement; node !== null && !tooBig(node); node = node.parentElement) {
    // nameLinks(node) without the anchor's own, stopping at the first (its text is read only for links that are profiles).
    for (const a of node.querySelectorAll('a[href]')) {
      if (!a.contains(anchor) && profileLinkUrl(a) !== null && readLine(a) !== '') return { header: node, nameLink: a };
    }
  }
  return null;
}

/** The text after a header block: its following siblings (the header itself holds name and time). */
function textAfter(header: Element): string {
  const parts: string[] = [];
  for (let sibling = header.nextElementSibling; sibling !== null; sibling = sibling.nextElementSibling) {
    if (sibling.matches(NOT_TEXT_SELECTOR)) continue;
    const text = readText(sibling);
    if (text !== '') parts.push(text);
  }
  return parts.join('\n');
}

/**
 * A comment's own Reply control: a text button of its row (no icon: the heart is
 * an icon) whose label has no digits (the likes button prints a number), not in
 * a reply nested in the row. The label's words are never compared.
 */
export function findReplyButton(row: Element, isInOtherRow: (el: Element) => boolean = () => false): HTMLElement | null {
  for (const el of Array.from(row.querySelectorAll(CLICKABLE_SELECTOR))) {
    if (isInOtherRow(el)) continue;
    if (el.querySelector('svg, img') !== null) continue;
    if (el.querySelector(CLICKABLE_SELECTOR) !== null) continue; // the innermost control
    if (el.closest('a[href]') !== null) continue;
    const label = readLine(el);
    if (label === '' || /\p{Nd}/u.test(label)) continue;
    return el as HTMLElement;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Counts

interface CountsRead {
  counts: PostCounts;
  health: PartHealth;
  notes: string[];
}

/** A count element's number: its text, else its aria-label (numbers only; the words are localised). */
function countFrom(el: Element): Count {
  const fromText = parseCount(readLine(el));
  if (fromText !== null) return fromText;
  const label = el.getAttribute('aria-label');
  return label === null ? null : parseCount(label);
}

/** The action bar: a `section` of the post with at least two icons and no text field. */
function findActionBar(container: Element, owned: (el: Element) => boolean, inComment: (el: Element) => boolean): Element | null {
  for (const section of Array.from(container.querySelectorAll(anyOf(S.ACTION_BAR)))) {
    if (!owned(section) || inComment(section)) continue;
    if (section.querySelector('textarea, form, [contenteditable="true"]') !== null) continue;
    if (section.querySelectorAll(anyOf(S.ICON)).length >= 2) return section;
  }
  return null;
}

/**
 * Reads likes, comments and shares. 2025–2026 markup prints each count as a
 * control right after its icon (like, comment, share/repost, save, in that
 * order); 2019–2024 feed cards print likes in a `/liked_by/` link and comments in
 * a "view all" `/comments/` link. An icon without a number means the count is
 * hidden (likes can be hidden by the author): null, except comments, where
 * Instagram omits a zero, so no number and no comment loaded is 0.
 */
export function readCounts(
  container: Element,
  owned: (el: Element) => boolean,
  inComment: (el: Element) => boolean,
  loadedComments: number,
  postId: string,
): CountsRead {
  const counts: PostCounts = { reactions: null, comments: null, shares: null, views: null };
  const notes: string[] = [];
  let unreadable = false;
  let found = false;

  const bar = findActionBar(container, owned, inComment);
  let besideIcons = false;
  let icons = 0;
  if (bar !== null) {
    const slots = new Map<number, Element>();
    let index = -1;
    for (const el of Array.from(bar.querySelectorAll(`${anyOf(S.ICON)}, ${CLICKABLE_SELECTOR}, a[href]`))) {
      if (el.matches(anyOf(S.ICON))) {
        if (el.parentElement !== null && el.parentElement.closest('svg') !== null) continue;
        index++;
        continue;
      }
      if (el.querySelector(anyOf(S.ICON)) !== null) continue; // an icon's button
      if (el.querySelector(`${CLICKABLE_SELECTOR}, a[href]`) !== null) continue; // only innermost controls
      if (readLine(el) === '' && el.getAttribute('aria-label') === null) continue;
      if (index < 0 || slots.has(index)) continue;
      slots.set(index, el);
    }
    icons = index + 1;
    besideIcons = slots.size > 0;
    for (const [slot, el] of slots) {
      found = true;
      const value = countFrom(el);
      if (value === null) {
        unreadable = true;
        notes.push(`post ${postId}: count beside icon ${slot + 1} of the action bar is unreadable`);
        continue;
      }
      if (slot === 0) counts.reactions = value;
      else if (slot === 1) counts.comments = value;
      else if (counts.shares === null) counts.shares = value;
    }
  }

  // 2019–2024 feed cards: "1,234 likes" in the likes-list link; "View all 56 comments".
  if (counts.reactions === null) {
    const likedBy = Array.from(container.querySelectorAll('a[href]')).find((a) => owned(a) && S.LIKED_BY_PATH.test(instagramPath(a.getAttribute('href')) ?? ''));
    if (likedBy !== undefined) {
      found = true;
      counts.reactions = countFrom(likedBy);
      // "Liked by X and others" carries no number: hidden, not unreadable.
    }
  }
  if (counts.comments === null) {
    const viewAll = Array.from(container.querySelectorAll('a[href]')).find((a) => owned(a) && !inComment(a) && S.COMMENTS_PATH.test(instagramPath(a.getAttribute('href')) ?? ''));
    if (viewAll !== undefined) {
      const value = countFrom(viewAll);
      if (value !== null) {
        found = true;
        counts.comments = value;
      }
    }
  }

  // Beside-icon markup omits a zero comment count; the comment icon (2nd) is there.
  if (counts.comments === null && besideIcons && icons >= 2 && loadedComments === 0 && !unreadable) counts.comments = 0;

  if (bar === null && !found) {
    notes.push(`post ${postId}: no action bar (a section with the like/comment icons) found`);
    return { counts, health: 'broken', notes };
  }
  if (unreadable) return { counts, health: 'broken', notes };
  return { counts, health: found || besideIcons ? 'ok' : 'absent', notes };
}

// ---------------------------------------------------------------------------
// One container

function emptyHealth(): PageHealth {
  return { post: 'absent', counts: 'absent', comments: 'absent', replyBox: 'absent', notes: [] };
}

interface PostLandmarks {
  ref: PostRef;
  /** The post's permalink (around its `<time>`), if any. */
  permalink: Element | null;
}

/**
 * The post a container shows: its permalink (a post link around a `<time>`);
 * else, for feed cards, any link to the post or its sub-pages; else, for the
 * post page's `main` with an action bar, the post its comments name or the
 * page's url names. Dialogs need a permalink (likes lists and menus are dialogs too).
 */
function findPost(container: Element, owned: (el: Element) => boolean, pageUrl: URL, commentRefs: readonly CommentRef[]): PostLandmarks | null {
  const links = Array.from(container.querySelectorAll('a[href]')).filter(owned);
  for (const a of links) {
    const ref = postRefFromHref(a.getAttribute('href'));
    if (ref !== null && a.querySelector('time') !== null) return { ref, permalink: a };
  }
  if (container.matches(anyOf(S.FEED_CARD))) {
    for (const a of links) {
      const path = instagramPath(a.getAttribute('href')) ?? '';
      const ref = postRefFromHref(path);
      if (ref !== null && a.querySelector('img') === null) return { ref, permalink: null };
      const sub = S.LIKED_BY_PATH.exec(path) ?? S.COMMENTS_PATH.exec(path);
      if (sub !== null && sub[1] !== undefined) return { ref: { code: sub[1], kind: 'p' }, permalink: null };
    }
    return null;
  }
  if (!container.matches('main') || findActionBar(container, owned, () => false) === null) return null;
  const fromUrl = postRefFromPageUrl(pageUrl);
  const named = commentRefs[0];
  if (named !== undefined) return { ref: fromUrl !== null && fromUrl.code === named.code ? fromUrl : { code: named.code, kind: 'p' }, permalink: null };
  return fromUrl === null ? null : { ref: fromUrl, permalink: null };
}

/**
 * The caption of a post view: the first `<time>` outside any link and any
 * comment, in a row whose name link is the post's author; its text follows the
 * row's header.
 */
function findViewCaption(container: Element, owned: (el: Element) => boolean, authorUrl: string | null, outside: (el: Element) => boolean, blocks: Blocks): { time: Element; text: string } | null {
  for (const time of Array.from(container.querySelectorAll('time'))) {
    if (!owned(time) || time.closest('a[href]') !== null || !outside(time)) continue;
    const head = headerOf(time, (node) => node === container || blocks.holdsOther(node, time));
    if (head === null || authorUrl === null || profileLinkUrl(head.nameLink) !== authorUrl) return null;
    return { time, text: textAfter(head.header) };
  }
  return null;
}

/** The caption of a feed card: the author's name link after the action bar, then the text beside it. */
function findCardCaption(container: Element, owned: (el: Element) => boolean, authorUrl: string | null, bar: Element | null): string {
  if (authorUrl === null || bar === null) return '';
  const link = nameLinks(container, (a) => owned(a) && precedes(bar, a) && !bar.contains(a)).find((a) => profileLinkUrl(a) === authorUrl);
  if (link === undefined) return '';
  // The name's own block: climb while nothing but the name is in it.
  const name = readLine(link);
  let header: Element = link;
  for (let node = link.parentElement; node !== null && node !== container; node = node.parentElement) {
    if (readLine(node) !== name) break;
    header = node;
  }
  return textAfter(header);
}

function readMediaKind(container: Element, owned: (el: Element) => boolean, ref: PostRef, inComment: (el: Element) => boolean, text: string): MediaKind {
  if (ref.kind === 'reel' || ref.kind === 'tv') return 'video';
  if (Array.from(container.querySelectorAll(anyOf(S.VIDEO))).some(owned)) return 'video';
  // The post's image is in no link (avatars and grid thumbnails are), no form and no action bar.
  const media = Array.from(container.querySelectorAll('img')).find((img) => {
    if (!owned(img) || inComment(img)) return false;
    const wrapper = img.closest('a[href], [role="link"], form, section');
    return wrapper === null || !container.contains(wrapper);
  });
  if (media !== undefined) return 'image';
  return text !== '' ? 'text' : 'unknown';
}

export interface ReadComment {
  row: CommentRow;
  comment: ExtractedComment;
}

export interface ContainerParts {
  reading: ContainerReading;
  comments: ReadComment[];
}

/**
 * Reads one container (a feed card, a post view or a post modal): the post, its
 * counts and the comments loaded in it, with a health report.
 */
/** `ctx`: the read this container is part of (document-wide facts are found once per read). */
export function readInstagramContainer(container: Element, pageUrl: URL, now: number, ctx?: ReadContext): ContainerParts {
  const health = emptyHealth();
  const notes = health.notes;
  const nothing = (): ContainerParts => ({ reading: { posts: [], comments: [], health }, comments: [] });
  if (isWrapper(container)) return nothing();
  const owned = ownedBy(container);
  const isCard = container.matches(anyOf(S.FEED_CARD));

  // Every comment anchor, found once: the linked ones find the post, and all but the caption's time are the comments.
  const everyAnchor = findCommentAnchors(container, owned);
  const linked = everyAnchor.filter((a) => a.ref !== null);
  const landmarks = findPost(
    container,
    owned,
    pageUrl,
    linked.flatMap((a) => (a.ref === null ? [] : [a.ref])),
  );
  if (landmarks === null) {
    if (linked.length > 0) {
      health.comments = 'broken';
      notes.push(`${linked.length} comment permalinks, but no post (permalink with a <time>) in this container`);
    }
    return nothing();
  }
  const { ref, permalink } = landmarks;
  const postId = ref.code;
  const permalinkTime = permalink === null ? null : permalink.querySelector('time');

  // Author: the post's first name link outside the comments (the header).
  const linkLandmarks = new Set<Element>(linked.map((a) => a.anchor));
  if (permalink !== null) linkLandmarks.add(permalink);
  const facts = blockFacts(container);
  const linkBlocks = blocksOf(container, linkLandmarks, facts);
  const linkedRows = new Set(linked.map((a) => rowOf(a.anchor, container, linkBlocks)));
  const outsideLinked = (el: Element) => !insideAny(el, linkedRows, container);
  const authorLink = nameLinks(container, (a) => owned(a) && outsideLinked(a) && (permalink === null || !permalink.contains(a)))[0];
  const author: Person = authorLink === undefined ? { name: '', profileUrl: null } : { name: readLine(authorLink), profileUrl: profileLinkUrl(authorLink) };
  if (authorLink === undefined) notes.push(`post ${postId}: author not found (no profile link with a name outside the comments)`);

  // The caption's <time> is not a comment's.
  const caption = isCard ? null : findViewCaption(container, owned, author.profileUrl, outsideLinked, linkBlocks);
  const anchors = caption === null ? everyAnchor : everyAnchor.filter((a) => a.anchor !== caption.time);
  const allLandmarks = new Set<Element>([...linkLandmarks, ...anchors.map((a) => a.anchor)]);
  if (caption !== null) allLandmarks.add(caption.time);
  const allBlocks = blocksOf(container, allLandmarks, facts);
  const rows: CommentRow[] = anchors.map(({ anchor, ref: commentRef }) => ({ anchor, ref: commentRef, row: rowOf(anchor, container, allBlocks) }));
  const rowSet = new Set(rows.map((r) => r.row));
  const inComment = (el: Element) => insideAny(el, rowSet, container);

  const bar = findActionBar(container, owned, inComment);
  const text = caption !== null ? caption.text : isCard ? findCardCaption(container, owned, author.profileUrl, bar) : '';
  const publishedAt = readTime(permalinkTime, now) ?? readTime(caption === null ? null : caption.time, now);

  const { comments, dropped } = readComments(rows, postId, now, notes);

  const countsRead = readCounts(container, owned, inComment, comments.length, postId);
  notes.push(...countsRead.notes);

  const post: ExtractedPost = {
    platform: 'instagram',
    postId,
    url: canonicalPostUrl(ref),
    author,
    text,
    mediaKind: readMediaKind(container, owned, ref, inComment, text),
    publishedAt,
    counts: countsRead.counts,
  };

  health.post = author.profileUrl === null ? 'broken' : 'ok';
  health.counts = countsRead.health;
  health.comments = commentsHealth(container, owned, isCard, post, comments.length, dropped, notes);
  health.replyBox = replyBoxHealth(container, comments, notes, ctx);
  return { reading: { posts: [post], comments: comments.map((c) => c.comment), health }, comments };
}

/** Reads the comment rows of one post; rows naming another post are dropped, never attached here. */
function readComments(rows: readonly CommentRow[], postId: string, now: number, notes: string[]): { comments: ReadComment[]; dropped: number } {
  const out: ReadComment[] = [];
  const idByRow = new Map<Element, string>();
  const seen = new Set<string>();
  let dropped = 0;
  for (const row of rows) {
    if (row.ref !== null && row.ref.code !== postId) {
      notes.push(`comment ${row.ref.commentId} names post ${row.ref.code}, not ${postId} whose container holds it; dropped`);
      continue;
    }
    const head = headerOf(row.anchor, (node) => !row.row.contains(node));
    let profileUrl = head === null ? null : profileLinkUrl(head.nameLink);
    if (profileUrl === null) {
      // No name link: the avatar's link still names the commenter.
      const avatar = Array.from(row.row.querySelectorAll('a[href]')).find((a) => profileLinkUrl(a) !== null);
      profileUrl = avatar === undefined ? null : profileLinkUrl(avatar);
    }
    if (profileUrl === null) {
      dropped++;
      notes.push(`comment ${row.ref === null ? '(no permalink)' : row.ref.commentId} in post ${postId}: author not found; dropped`);
      continue;
    }
    const name = head !== null ? readLine(head.nameLink) : usernameOf(profileUrl);
    const text = head === null ? '' : textAfter(head.header);
    const timeEl = row.anchor.tagName.toUpperCase() === 'TIME' ? row.anchor : row.anchor.querySelector('time');
    let commentId: string;
    if (row.ref !== null) commentId = row.ref.commentId;
    else {
      // No permalink: hash what identifies the comment; only an absolute time, never a label that drifts.
      const absolute = timeEl === null ? null : parseAbsoluteTime(timeEl.getAttribute('datetime'));
      commentId = `hash:${stableHash([postId, profileUrl, text, absolute === null ? '' : String(absolute.at)])}`;
    }
    if (seen.has(commentId)) continue; // the same comment rendered twice
    seen.add(commentId);
    idByRow.set(row.row, commentId);
    out.push({
      row,
      comment: { platform: 'instagram', commentId, postId, parentId: null, author: { name, profileUrl }, text, time: readTime(timeEl, now) },
    });
  }
  setParents(out, idByRow);
  return { comments: out, dropped };
}

/**
 * Sets each comment's parent: the id its permalink names (`/c/<parent>/r/<id>/`),
 * else structurally the nearest earlier comment whose row sits less deep in the
 * nearest block that holds both (replies are nested under their thread).
 */
function setParents(comments: readonly ReadComment[], idByRow: ReadonlyMap<Element, string>) {
  // In page order, the comments inside any block are one run of neighbours: a
  // block's earlier comments are found by walking back from a comment, not by
  // testing every comment of the post at every level above it.
  const ordered = [...comments].sort((a, b) => (a === b ? 0 : precedes(a.row.row, b.row.row) ? -1 : 1));
  ordered.forEach((entry, index) => {
    entry.comment.parentId = parentIdOf(entry, index, ordered, idByRow);
  });
}

function parentIdOf(entry: ReadComment, index: number, ordered: readonly ReadComment[], idByRow: ReadonlyMap<Element, string>): string | null {
  if (entry.row.ref !== null && entry.row.ref.parentId !== null) return entry.row.ref.parentId;
  const row = entry.row.row;
  const rowAt = (i: number) => ordered[i]?.row.row ?? null;
  const first = rowAt(0) as Element;
  const last = rowAt(ordered.length - 1) as Element;
  for (let block = row.parentElement; block !== null; block = block.parentElement) {
    const previous = rowAt(index - 1);
    const next = rowAt(index + 1);
    const earlier = previous !== null && block.contains(previous);
    if (!earlier && (next === null || !block.contains(next))) continue; // no other comment in this block
    if (earlier) {
      const depth = depthBelow(row, block);
      for (let i = index - 1; i >= 0; i--) {
        const other = rowAt(i) as Element;
        if (!block.contains(other)) break;
        if (depthBelow(other, block) < depth) return idByRow.get(other) ?? null;
      }
    }
    if (block.contains(first) && block.contains(last)) break; // the block holds every comment: nothing above can be a parent
  }
  return null;
}

/**
 * 'ok' when comments were read; 'absent' when the container loads none (feed
 * cards, a post without comments, comments still loading); 'broken' when a post
 * view says it has comments (or shows other people's avatars) but no comment
 * could be read, or a comment's author could not be read.
 */
function commentsHealth(container: Element, owned: (el: Element) => boolean, isCard: boolean, post: ExtractedPost, read: number, dropped: number, notes: string[]): PartHealth {
  if (dropped > 0) return 'broken';
  if (read > 0) return 'ok';
  if (isCard) return 'absent';
  if (Array.from(container.querySelectorAll(anyOf(S.LOADING))).some(owned)) {
    notes.push(`post ${post.postId}: comments still loading`);
    return 'absent';
  }
  const others = new Set(
    Array.from(container.querySelectorAll('a[href]'))
      .filter((a) => owned(a) && hasAvatar(a))
      .map(profileLinkUrl)
      .filter((url): url is string => url !== null && url !== post.author.profileUrl),
  );
  if ((post.counts.comments ?? 0) > 0 || others.size > 0) {
    notes.push(
      `post ${post.postId}: count says ${post.counts.comments ?? 'unknown'} comments and ${others.size} other people's avatars are shown, ` +
        'but no comment permalink (/p/<code>/c/<id>/) or comment <time> matched',
    );
    return 'broken';
  }
  return 'absent';
}

/**
 * Whether replies can be drafted: 'ok' when the comment box is there (and, with
 * comments shown, they have a Reply control we can identify); 'broken' when
 * comments are shown to a signed-in user but none has an identifiable Reply
 * control, or the form's field is not a textarea; 'absent' when logged out or
 * there is no box (comments off or limited).
 */
function replyBoxHealth(container: Element, comments: readonly ReadComment[], notes: string[], ctx: ReadContext | undefined): PartHealth {
  const owned = ownedBy(container);
  const editor = findEditor(container);
  const loggedIn = editor !== null || oncePerRead(ctx, 'instagram:identity', () => readOwnIdentity(container.ownerDocument)) !== null;
  if (!loggedIn) return 'absent';
  // The fields are searched for, then closest() finds their form: `form X` searched from a post costs more as the
  // page grows (firstMatching's bySubject).
  const fields = editor === null ? container.querySelectorAll('[contenteditable="true"], [role="textbox"], input[type="text"]') : [];
  if (Array.from(fields).some((el) => owned(el) && el.closest('form') !== null)) {
    notes.push('comment form found, but its field is not a textarea (COMMENT_EDITOR)');
    return 'broken';
  }
  if (comments.length > 0) {
    const rows = comments.map((c) => c.row.row);
    const withButton = rows.filter((row) => findReplyButton(row, nestedRowTest(row, rows)) !== null).length;
    if (withButton === 0) {
      notes.push('comments shown but no Reply control identified (a text button without digits in the comment row)');
      return 'broken';
    }
  }
  if (editor === null) {
    if (comments.length > 0) notes.push('comments shown to a signed-in user, but no comment box (comments may be limited)');
    return 'absent';
  }
  return 'ok';
}

/** Tests whether an element of `row` belongs to another comment row nested inside it. */
function nestedRowTest(row: Element, rows: readonly Element[]): (el: Element) => boolean {
  const nested = rows.filter((r) => r !== row && row.contains(r));
  return (el) => nested.some((r) => r.contains(el));
}

/** The container's comment box textarea (the same box takes replies). */
export function findEditor(container: Element): HTMLElement | null {
  // By subject: querySelector('form textarea') from a post cost more as the document grew (firstMatching).
  return firstMatching(container, S.COMMENT_EDITOR, ownedBy(container), { bySubject: true }) as HTMLElement | null;
}

// ---------------------------------------------------------------------------
// Reply box

/** Every post container of the document that is not a wrapper. */
export function findContainers(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(CONTAINER_SELECTOR)).filter((el) => !isWrapper(el));
}

export interface FoundComment {
  container: Element;
  row: Element;
  author: Person;
  /** Tests whether an element of the row belongs to a reply nested in it. */
  inNestedRow: (el: Element) => boolean;
}

/** The page's address for reading its containers again (findComment, pageComments). */
function readingUrl(doc: Document): URL {
  try {
    const docUrl = new URL(doc.URL);
    if (docUrl.hostname === 'www.instagram.com') return docUrl;
  } catch {
    // about:blank and the like: the origin will do (only post pages without a permalink need the url).
  }
  return new URL(INSTAGRAM_ORIGIN);
}

/** Every comment in the page with its id and row, as findComment finds one: each container read once. Lazy. */
export function* pageComments(doc: Document): Generator<[string, Element]> {
  const pageUrl = readingUrl(doc);
  for (const container of findContainers(doc)) {
    for (const entry of readInstagramContainer(container, pageUrl, 0).comments) yield [entry.comment.commentId, entry.row.row];
  }
}

/** The comment with this id (as readInstagramContainer ids it) and its container, or null. */
export function findComment(doc: Document, commentId: string): FoundComment | null {
  const pageUrl = readingUrl(doc);
  for (const container of findContainers(doc)) {
    const { comments } = readInstagramContainer(container, pageUrl, 0);
    const entry = comments.find((c) => c.comment.commentId === commentId);
    if (entry === undefined) continue;
    const rows = comments.map((c) => c.row.row);
    return { container, row: entry.row.row, author: entry.comment.author, inNestedRow: nestedRowTest(entry.row.row, rows) };
  }
  return null;
}
