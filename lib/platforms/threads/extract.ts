/**
 * Threads page -> typed records. Pure DOM readers: every function takes the
 * element/document (and the page url and "now") as parameters and never touches
 * browser APIs, so tests feed them any DOM.
 *
 * Rules kept throughout:
 * - ids come from links (`/@handle/post/<code>`), never from visible words;
 * - the four action buttons are told apart by their order, never by their labels;
 * - a count that cannot be read is null; an action button that prints no number is 0
 *   (Threads omits zeros);
 * - a reply belongs to the post of the post page it follows in the same column;
 *   when that post is not on the page the reply is dropped (and noted), never guessed.
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
import { elementWithId, oncePerRead, onceThisTurn } from '../read';
import * as S from './selectors';
import { anyOf, type SelectorVariants } from './selectors';
import { allMatching, firstMatching } from '../selectors';

export const THREADS_ORIGIN = 'https://www.threads.com';

/** Hosts Threads serves from; threads.net is the pre-2025 name and still answers. */
const THREADS_HOSTS = new Set(['www.threads.com', 'threads.com', 'www.threads.net', 'threads.net']);

/** Links and controls, whose text is not the post's (built once: anyOf remembers a list by its identity). */
const NOT_TEXT_SELECTOR = anyOf(['a', '[role="link"]', ...S.CONTROL]);

export function isThreadsHost(hostname: string): boolean {
  return THREADS_HOSTS.has(hostname.toLowerCase());
}

// ---------------------------------------------------------------------------
// Urls

const HANDLE = /^@([A-Za-z0-9._]{1,30})$/;
const CODE = /^[A-Za-z0-9_-]{5,40}$/;

export interface ThreadsPath {
  /** The handle without "@", lowercased (Threads handles are case-insensitive), or null. */
  handle: string | null;
  /** The post code (`DSVRshjkbtK`), or null when the url is not a post. */
  code: string | null;
}

/**
 * Reads a Threads href: `/@handle`, `/@handle/post/<code>[/…]`, `/t/<code>` (2023
 * short links), relative or absolute on threads.com / threads.net. Null for
 * anything else (other hosts, the `l.threads.com` link shim, `/search`…).
 */
export function parseThreadsHref(href: string | null, base: string | URL = THREADS_ORIGIN): Readonly<ThreadsPath> | null {
  if (href === null || href.trim() === '') return null;
  return parseThreadsHrefOf(href, base);
}

/**
 * parseThreadsHref, remembered per link and base: a read asks about the same links as post, author and
 * profile links, and `new URL` for each was a tenth of reading a busy post's replies. The answers are
 * shared: never change one.
 */
const parseThreadsHrefOf = memoizeLinks((href: string, base: string): Readonly<ThreadsPath> | null => {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (!isThreadsHost(url.hostname)) return null;
  const [first, second, third] = url.pathname.split('/').filter((part) => part !== '');
  if (first === undefined) return null;
  if (first === 't' && second !== undefined && CODE.test(second)) return { handle: null, code: second };
  const handle = HANDLE.exec(first);
  if (!handle || handle[1] === undefined) return null;
  const code = second === 'post' && third !== undefined && CODE.test(third) ? third : null;
  return { handle: handle[1].toLowerCase(), code };
});

/** https://www.threads.com/@handle — the one form used for authors and the signed-in user. */
export function canonicalProfileUrl(href: string | null, base: string | URL = THREADS_ORIGIN): string | null {
  const path = parseThreadsHref(href, base);
  return path !== null && path.handle !== null ? profileUrlOf(path.handle) : null;
}

function profileUrlOf(handle: string): string {
  return `${THREADS_ORIGIN}/@${handle}`;
}

/** https://www.threads.com/@handle/post/<code> (or /t/<code> when the handle is unknown). */
export function canonicalPostUrl(handle: string | null, code: string): string {
  return handle === null ? `${THREADS_ORIGIN}/t/${code}` : `${THREADS_ORIGIN}/@${handle}/post/${code}`;
}

/** The post code of a single-post page url, or null for any other page. */
export function postCodeOfPage(url: URL): string | null {
  if (!isThreadsHost(url.hostname)) return null;
  const path = parseThreadsHref(url.href);
  return path === null ? null : path.code;
}

// ---------------------------------------------------------------------------
// Text

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'IMG', 'VIDEO', 'PICTURE']);
const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'PRE']);

/**
 * Reads an element's text as a reader sees it: `<br>` and block boundaries become
 * "\n", icons (svg titles) and controls inside the text ("Translate") are skipped.
 * Threads prints a post's line breaks as newlines inside the text (the text span
 * keeps whitespace), so newlines in text nodes are kept; runs of spaces collapse.
 * Emoji are ordinary text and are kept.
 */
export function readText(root: Element): string {
  const control = anyOf(S.CONTROL);
  const out: string[] = [];
  const newline = () => {
    const last = out[out.length - 1];
    if (last !== undefined && !last.endsWith('\n')) out.push('\n');
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
    // The root itself is read whatever it is (count buttons are read as a whole).
    if (el !== root && (SKIPPED_TAGS.has(tag) || el.matches(control))) return;
    const block = BLOCK_TAGS.has(tag) && el !== root;
    if (block) newline();
    for (let child = el.firstChild; child !== null; child = child.nextSibling) walk(child);
    if (block) newline();
  };
  walk(root);
  return tidyText(out.join(''), { oneBlankLine: true });
}

/** readText on one line (names, counts). */
export function readLine(el: Element): string {
  return readText(el).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// Structure helpers

const CONTAINER = anyOf(S.POST_CONTAINER);
const IGNORED = anyOf(S.IGNORED);
const DIALOG = anyOf(S.DIALOG);

/** Whether `a` comes before `b` in document order. */
function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0; // Node.DOCUMENT_POSITION_FOLLOWING
}

/** The container `el` belongs to (the innermost one), or null. */
function containerOf(el: Element): Element | null {
  return el.closest(CONTAINER);
}

/** Whether a container sits inside another one (a quoted post). */
function isNested(container: Element): boolean {
  return container.parentElement !== null && container.parentElement.closest(CONTAINER) !== null;
}

/** Whether a container is one the page reads (not a copy inside a dialog or player). */
function isReadable(container: Element): boolean {
  return container.closest(IGNORED) === null;
}

/** Elements under `root` matching any variant, in document order, that `accept` allows. */
function all(root: Element | Document, variants: SelectorVariants, accept: (el: Element) => boolean = () => true): Element[] {
  return allMatching(root, variants).filter(accept);
}

/** The outermost of `els` (drops those inside another of them). */
function outermost(els: readonly Element[]): Element[] {
  return els.filter((el) => !els.some((other) => other !== el && other.contains(el)));
}

// ---------------------------------------------------------------------------
// One post container

export interface ActionRow {
  /** The row's buttons in order: like, reply, repost, share (see ACTION_ORDER). */
  buttons: HTMLElement[];
}

export interface PostParts {
  code: string | null;
  /** Handle from the post's own link (the author's, as the url names it). */
  linkHandle: string | null;
  /** The author's handle (from the author link, else the post link). */
  authorHandle: string | null;
  postLink: Element | null;
  author: Person;
  authorFound: boolean;
  text: string;
  mediaKind: MediaKind;
  publishedAt: PageTime | null;
  /** The `datetime` value when there is one (hash input: never a relative label). */
  absoluteTime: string;
  actions: ActionRow | null;
}

const POST_LINK_SELECTOR = anyOf(S.POST_LINK);
const IMAGE_SELECTOR = anyOf(S.POST_IMAGE);
const PROFILE_LINK_SELECTOR = anyOf(S.PROFILE_LINK);

/**
 * Every link under `root`, in page order: POST_LINK's and PROFILE_LINK's variants all select links
 * (`a[href…]`), so a read searches its container for links once and tests them with matches(), instead of
 * one search of the container (and of each ancestor of the post link) per list.
 */
function linksIn(root: Element): Element[] {
  return Array.from(root.querySelectorAll('a[href]'));
}

/** The post's own link: the first link to a post (owned by the container) that holds a time. */
function findPostLink(container: Element, owned: (el: Element) => boolean, links: readonly Element[] = linksIn(container)): Element | null {
  const timeSelector = anyOf(S.POST_TIME);
  return (
    links.find((a) => a.matches(POST_LINK_SELECTOR) && owned(a) && parseThreadsHref(a.getAttribute('href')) !== null && a.querySelector(timeSelector) !== null) ??
    null
  );
}

/**
 * The header row: the nearest ancestor of the post link that also holds a profile
 * link (the author's name). The author link is the profile link of that row nearest
 * before the time (a "reposted by" banner sits further up, outside the row).
 */
function findAuthor(
  container: Element,
  postLink: Element,
  owned: (el: Element) => boolean,
  containerLinks: readonly Element[],
): { header: Element | null; link: Element | null } {
  const isProfileLink = (a: Element) => {
    if (!a.matches(PROFILE_LINK_SELECTOR) || !owned(a) || postLink.contains(a)) return false;
    const path = parseThreadsHref(a.getAttribute('href'));
    return path !== null && path.handle !== null && path.code === null;
  };
  const profileLinks = containerLinks.filter(isProfileLink);
  for (let node = postLink.parentElement; node !== null; node = node.parentElement) {
    // The container's profile links under this ancestor (the ancestors up to the container are all inside it).
    const links = node === container ? profileLinks : profileLinks.filter((a) => a !== node && node.contains(a));
    if (links.length > 0) {
      const before = links.filter((a) => precedes(a, postLink));
      const named = (before.length > 0 ? before : links).filter((a) => readLine(a) !== '');
      const link = named[named.length - 1] ?? links[0] ?? null;
      return { header: node === container ? null : node, link };
    }
    if (node === container) break;
  }
  return { header: null, link: null };
}

/**
 * The action row: svg-icon buttons of the body (after the header), not menus, not
 * media controls (those hold images or sit inside another control). The row is the
 * nearest ancestor of the last such button that holds at least three of them.
 */
export function findActionRow(container: Element, after: Element | null, owned: (el: Element) => boolean): ActionRow | null {
  const control = anyOf(S.CONTROL);
  const menu = anyOf(S.MENU_BUTTON);
  const icon = anyOf(S.ACTION_ICON);
  const candidates = all(container, S.ACTION_BUTTON, (b) => {
    if (!owned(b) || b.matches(menu)) return false;
    if (after !== null && (after.contains(b) || !precedes(after, b))) return false;
    if (b.querySelector(icon) === null || b.querySelector('img, video') !== null) return false;
    const outer = b.parentElement === null ? null : b.parentElement.closest(control);
    return outer === null || !container.contains(outer);
  });
  const last = candidates[candidates.length - 1];
  if (last === undefined) return null;
  for (let node = last.parentElement; node !== null; node = node.parentElement) {
    const inRow = candidates.filter((b) => node.contains(b));
    if (inRow.length >= 3) return { buttons: inRow as HTMLElement[] };
    if (node === container) break;
  }
  return null;
}

/** A count printed in an action button: nothing printed is 0 (Threads omits zeros); unreadable is null. */
export function readActionCount(button: Element): Count {
  const text = readLine(button);
  if (text === '') return 0;
  return parseCount(text);
}

function readMediaKind(container: Element, after: Element | null, owned: (el: Element) => boolean, text: string): MediaKind {
  const profileLink = anyOf(S.PROFILE_LINK);
  const inBody = (el: Element) =>
    owned(el) && (after === null || (precedes(after, el) && !after.contains(el))) && el.closest(profileLink) === null;
  if (all(container, S.POST_VIDEO, inBody).length > 0) return 'video';
  // POST_IMAGE's variants all select an img: the container's images are found by tag, then tested.
  const images = Array.from(container.querySelectorAll('img')).filter((img) => img.matches(IMAGE_SELECTOR) && inBody(img));
  for (const img of images) {
    const link = img.closest('a[href]');
    if (link !== null && parseThreadsHref(link.getAttribute('href')) === null) return 'link';
  }
  if (images.length > 0) return 'image';
  return text !== '' ? 'text' : 'unknown';
}

/** Reads the parts every Threads post (and reply) has. */
export function readPostParts(container: Element, now: number): PostParts {
  const owned = (el: Element) => containerOf(el) === container;
  const links = linksIn(container);
  const postLink = findPostLink(container, owned, links);
  const path = postLink === null ? null : parseThreadsHref(postLink.getAttribute('href'));
  const code = path === null ? null : path.code;
  const linkHandle = path === null ? null : path.handle;

  const { header, link } = postLink === null ? { header: null, link: null } : findAuthor(container, postLink, owned, links);
  const authorPath = link === null ? null : parseThreadsHref(link.getAttribute('href'));
  const authorHandle = authorPath !== null && authorPath.handle !== null ? authorPath.handle : linkHandle;
  const name = link === null ? '' : readLine(link);
  const author: Person = { name: name !== '' ? name : (authorHandle ?? ''), profileUrl: authorHandle === null ? null : profileUrlOf(authorHandle) };

  const timeEl = postLink === null ? null : postLink.querySelector(anyOf(S.POST_TIME));
  const datetime = timeEl === null ? null : timeEl.getAttribute('datetime');
  const absolute = parseAbsoluteTime(datetime);
  const publishedAt = absolute ?? (timeEl === null ? null : parseRelativeTime(readLine(timeEl), now));

  // Everything after the post link and outside the header row is the body.
  const actions = findActionRow(container, header ?? postLink, owned);
  const bar = actions === null ? null : commonAncestor(actions.buttons);
  const textEls = outermost(
    all(container, S.POST_TEXT, (el) => {
      if (!owned(el) || postLink === null || !precedes(postLink, el)) return false;
      if (header !== null && header.contains(el)) return false;
      if (bar !== null && bar.contains(el)) return false;
      const blocker = el.closest(NOT_TEXT_SELECTOR);
      return blocker === null || !container.contains(blocker);
    }),
  );
  const text = textEls.map(readText).filter((t) => t !== '').join('\n');

  return {
    code,
    linkHandle,
    authorHandle,
    postLink,
    author,
    authorFound: authorHandle !== null,
    text,
    mediaKind: readMediaKind(container, header ?? postLink, owned, text),
    publishedAt,
    absoluteTime: absolute === null ? '' : String(absolute.at),
    actions,
  };
}

function commonAncestor(els: readonly Element[]): Element | null {
  const first = els[0];
  if (first === undefined) return null;
  for (let node: Element | null = first; node !== null; node = node.parentElement) {
    if (els.every((el) => node.contains(el))) return node;
  }
  return null;
}

/** Likes, replies, reposts (as `shares`) from the action row. Views are not shown on posts. */
export function readCounts(parts: PostParts, label: string): { counts: PostCounts; health: PartHealth; notes: string[] } {
  const counts: PostCounts = { reactions: null, comments: null, shares: null, views: null };
  const notes: string[] = [];
  if (parts.actions === null) {
    notes.push(`post ${label}: no action row found (ACTION_BUTTON with an svg icon, three or more in a row)`);
    return { counts, health: 'broken', notes };
  }
  const [like, reply, repost] = parts.actions.buttons;
  if (parts.actions.buttons.length < 4 || like === undefined || reply === undefined || repost === undefined) {
    notes.push(`post ${label}: action row has ${parts.actions.buttons.length} buttons, expected 4 (like, reply, repost, share)`);
    return { counts, health: 'broken', notes };
  }
  if (parts.actions.buttons.length > 4) notes.push(`post ${label}: action row has ${parts.actions.buttons.length} buttons; read the first four`);
  counts.reactions = readActionCount(like);
  counts.comments = readActionCount(reply);
  counts.shares = readActionCount(repost);
  const unreadable = (['reactions', 'comments', 'shares'] as const).filter((k) => counts[k] === null);
  if (unreadable.length > 0) notes.push(`post ${label}: ${unreadable.join(', ')} count printed but unreadable`);
  return { counts, health: unreadable.length > 0 ? 'broken' : 'ok', notes };
}

// ---------------------------------------------------------------------------
// Where a container stands on the page

/** Containers the page reads: not nested (a quoted post is read on its own but is never a reply), not in a dialog. */
function pageLevelContainers(root: Element | Document): Element[] {
  return Array.from(root.querySelectorAll(CONTAINER)).filter((c) => isReadable(c) && !isNested(c));
}

/** The code of a container's own post link, or null. */
export function containerCode(container: Element): string | null {
  const owned = (el: Element) => containerOf(el) === container;
  const link = findPostLink(container, owned);
  const path = link === null ? null : parseThreadsHref(link.getAttribute('href'));
  return path === null ? null : path.code;
}

/**
 * The page-level container whose own post link has this code (codes are
 * `[A-Za-z0-9_-]`, safe inside a selector). Looked up through the links, so
 * reading every reply of a long page does not rescan every container.
 */
export function findContainerByCode(root: Document | Element, code: string): Element | null {
  if (!CODE.test(code)) return null;
  const links = root.querySelectorAll(`a[href*="/post/${code}"], a[href*="/t/${code}"]`);
  for (const link of Array.from(links)) {
    const container = containerOf(link);
    if (container !== null && isReadable(container) && !isNested(container) && containerCode(container) === code) return container;
  }
  return null;
}

/** The post of a post page: the page-level container whose own link has the page's code. */
export function findMainPost(doc: Document, pageCode: string): Element | null {
  return findContainerByCode(doc, pageCode);
}

/**
 * findMainPost, found once per run of reads: every reply of a post page asks for
 * it, and each search looks through every link of the page (70 of 137 ms reading a
 * post with 155 replies).
 */
function mainPostOf(doc: Document, pageCode: string): Element | null {
  return onceThisTurn(`threads:main-post:${pageCode}`, doc, () => findMainPost(doc, pageCode));
}

/** The containers of the page's replies whose ids are hashed (each container read again to recompute them). */
function* hashedReplies(doc: Document, pageUrl: URL): Generator<[string, Element]> {
  for (const container of pageLevelContainers(doc)) {
    for (const comment of readThreadsContainer(container, pageUrl, 0).comments) {
      if (comment.commentId.startsWith('hash:')) yield [comment.commentId, container];
    }
  }
}

/**
 * Every reply and post in the page with its id, as findCommentContainer finds one:
 * page-level containers by the code of their own link, then (for hashed ids) each
 * container read once. Lazy: the caller stops when it has what it wants.
 */
export function* pageComments(doc: Document, pageUrl: URL | null): Generator<[string, Element]> {
  for (const container of pageLevelContainers(doc)) {
    const code = containerCode(container);
    if (code !== null) yield [code, container];
  }
  if (pageUrl !== null) yield* hashedReplies(doc, pageUrl);
}

function columnOf(el: Element): Element | null {
  return el.closest(anyOf(S.COLUMN));
}

type Standing =
  | { kind: 'post' }
  | { kind: 'reply'; postId: string; main: Element }
  | { kind: 'orphan'; pageCode: string };

/**
 * On a post page, a page-level container after the page's post in the same column
 * is a reply to it; containers before it (the thread it replies to) are posts.
 * Elsewhere every container is a post.
 */
function standingOf(container: Element, code: string | null, pageUrl: URL): Standing {
  const pageCode = postCodeOfPage(pageUrl);
  if (pageCode === null || isNested(container) || code === pageCode) return { kind: 'post' };
  const main = mainPostOf(container.ownerDocument, pageCode);
  if (main === null) return { kind: 'orphan', pageCode };
  if (precedes(main, container) && columnOf(main) === columnOf(container)) return { kind: 'reply', postId: pageCode, main };
  return { kind: 'post' };
}

/**
 * The reply a reply answers: the container of the previous item of its chain (the
 * item wrappers of a chain are consecutive siblings). Null for a reply to the post
 * itself (first of its chain, or following the post).
 */
function parentContainerOf(container: Element, main: Element): Element | null {
  const wrapper = container.parentElement;
  if (wrapper === null) return null;
  for (let prev = wrapper.previousElementSibling; prev !== null; prev = prev.previousElementSibling) {
    const items = pageLevelContainers(prev);
    const item = prev.matches(CONTAINER) ? prev : items[items.length - 1];
    if (item !== undefined) return item === main || precedes(item, main) ? null : item;
    // UI between chain items ("show more replies") has no post link; anything else ends the chain.
    if (prev.querySelector(anyOf(S.POST_LINK)) !== null) return null;
  }
  return null;
}

/**
 * How the replies of the page's post read: 'ok' when reply containers follow it,
 * 'broken' when reply-like markup (a post link with a time) follows it outside any
 * container, 'absent' when nothing follows (not loaded, or none).
 */
function repliesHealth(main: Element, code: string, notes: string[]): PartHealth {
  const scope = columnOf(main) ?? main.ownerDocument.body;
  const after = (el: Element) => precedes(main, el) && !main.contains(el) && el.closest(IGNORED) === null;
  const replies = pageLevelContainers(scope).filter(after);
  const timeSelector = anyOf(S.POST_TIME);
  const unread = all(scope, S.POST_LINK, (a) => after(a) && containerOf(a) === null && a.querySelector(timeSelector) !== null);
  if (unread.length > 0) {
    notes.push(`post ${code}: ${unread.length} reply link(s) with a time outside any POST_CONTAINER (replies renamed?)`);
    return 'broken';
  }
  return replies.length > 0 ? 'ok' : 'absent';
}

/** The open reply composer that shows this post (a dialog linking to it), if any. */
export function dialogFor(doc: Document, code: string): Element | null {
  return (
    Array.from(doc.querySelectorAll(DIALOG)).find((dialog) =>
      all(dialog, S.POST_LINK).some((a) => {
        const path = parseThreadsHref(a.getAttribute('href'));
        return path !== null && path.code === code;
      }),
    ) ?? null
  );
}

/**
 * dialogFor in a run of reads: the page's open dialogs and the post codes each
 * links to are found once per run (every reply's reply-box health asks; each
 * search looked through the whole page).
 */
function openDialogFor(doc: Document, code: string): Element | null {
  const dialogs = onceThisTurn('threads:dialogs', doc, () =>
    Array.from(doc.querySelectorAll(DIALOG)).map((dialog) => ({
      dialog,
      codes: new Set(all(dialog, S.POST_LINK).flatMap((a) => parseThreadsHref(a.getAttribute('href'))?.code ?? [])),
    })),
  );
  return dialogs.find((d) => d.codes.has(code))?.dialog ?? null;
}

export function editorIn(root: Element): HTMLElement | null {
  return firstMatching(root, S.EDITOR) as HTMLElement | null;
}

// ---------------------------------------------------------------------------
// The container reading

function reading(posts: ExtractedPost[], comments: ExtractedComment[], health: Partial<Omit<PageHealth, 'notes'>>, notes: string[]): ContainerReading {
  return {
    posts,
    comments,
    health: { post: 'absent', counts: 'absent', comments: 'absent', replyBox: 'absent', ...health, notes },
  };
}

/** Reads one pressable container: a post, or (on a post page) one reply to the page's post. */
/** `ctx`: the read this container is part of (document-wide facts are found once per read). */
export function readThreadsContainer(container: Element, pageUrl: URL, now: number, ctx?: ReadContext): ContainerReading {
  const parts = readPostParts(container, now);
  const notes: string[] = [];
  const standing = standingOf(container, parts.code, pageUrl);

  if (parts.code === null && standing.kind !== 'reply') {
    // Profile cards, the "What's new?" prompt…: pressable, but no post.
    if (parts.actions === null) return reading([], [], {}, []);
    return reading([], [], { post: 'broken' }, ['a container with an action row but no post link with a time (POST_LINK, POST_TIME): not read']);
  }

  if (standing.kind === 'orphan') {
    const label = parts.code ?? '(no code)';
    return reading([], [], { post: 'broken' }, [`post page ${standing.pageCode}: its post was not found, so ${label} is not attached to anything`]);
  }

  const loggedIn = oncePerRead(ctx, 'threads:identity', () => readOwnIdentity(container.ownerDocument)) !== null;

  if (standing.kind === 'reply') {
    const parent = parentContainerOf(container, standing.main);
    const parentId = parent === null ? null : containerCode(parent);
    if (parent !== null && parentId === null) notes.push(`reply ${parts.code ?? '(no code)'}: its parent in the chain has no post link`);
    const commentId =
      parts.code ?? `hash:${stableHash([standing.postId, parts.author.profileUrl ?? parts.author.name, parts.text, parts.absoluteTime])}`;
    const commentHealth: PartHealth = parts.authorFound ? 'ok' : 'broken';
    if (!parts.authorFound) notes.push(`reply ${commentId}: author link not found (PROFILE_LINK near the time)`);
    return reading(
      [],
      [{ platform: 'threads', commentId, postId: standing.postId, parentId, author: parts.author, text: parts.text, time: parts.publishedAt }],
      { comments: commentHealth, replyBox: replyBoxHealth(container, parts, commentId, loggedIn, notes) },
      notes,
    );
  }

  const code = parts.code;
  if (code === null) return reading([], [], { post: 'broken' }, ['post without a code']); // unreachable: handled above
  if (!parts.authorFound) notes.push(`post ${code}: author link not found (PROFILE_LINK near the time)`);
  // A quoted post (nested) is shown without its action row: its counts are not on the page.
  const quotedWithoutRow = parts.actions === null && isNested(container);
  const { counts, health: countsHealth, notes: countNotes } = quotedWithoutRow
    ? { counts: { reactions: null, comments: null, shares: null, views: null }, health: 'absent' as const, notes: [] }
    : readCounts(parts, code);
  notes.push(...countNotes);
  const isPagePost = postCodeOfPage(pageUrl) === code && !isNested(container);
  const post: ExtractedPost = {
    platform: 'threads',
    postId: code,
    url: canonicalPostUrl(parts.linkHandle ?? parts.authorHandle, code),
    author: parts.author,
    text: parts.text,
    mediaKind: parts.mediaKind,
    publishedAt: parts.publishedAt,
    counts,
  };
  return reading(
    [post],
    [],
    {
      post: parts.authorFound ? 'ok' : 'broken',
      counts: countsHealth,
      comments: isPagePost ? repliesHealth(container, code, notes) : 'absent',
    },
    notes,
  );
}

/**
 * Whether a reply to this reply can be drafted: its reply button (the second of
 * the action row) is there, and any composer open on it has an editor. Logged out
 * there is no composer: 'absent'.
 */
function replyBoxHealth(container: Element, parts: PostParts, commentId: string, loggedIn: boolean, notes: string[]): PartHealth {
  if (!loggedIn) return 'absent';
  if (parts.code !== null) {
    const dialog = openDialogFor(container.ownerDocument, parts.code);
    if (dialog !== null && editorIn(dialog) === null) {
      notes.push(`reply ${commentId}: its reply composer is open but has no EDITOR match`);
      return 'broken';
    }
  }
  if (parts.actions === null || parts.actions.buttons[1] === undefined) {
    notes.push(`reply ${commentId}: no reply button (second of the action row)`);
    return 'broken';
  }
  return 'ok';
}

// ---------------------------------------------------------------------------
// Own identity

/**
 * The signed-in user: the profile link of the navigation rail (outside the page
 * layout, beside the search/activity links). Logged out the rail's profile item is
 * a button, so there is none. Threads shows no display name there; the handle is
 * the name (as on posts).
 */
export function readOwnIdentity(doc: Document): OwnIdentity | null {
  const layout = doc.querySelector(anyOf(S.PAGE_LAYOUT));
  const outsidePage = (el: Element) =>
    (layout === null || !layout.contains(el)) && containerOf(el) === null && el.closest(DIALOG) === null;
  const isOwnLink = (a: Element) => {
    const path = parseThreadsHref(a.getAttribute('href'));
    return outsidePage(a) && path !== null && path.handle !== null && path.code === null;
  };
  for (const anchor of all(doc, S.NAV_ANCHOR_LINK, outsidePage)) {
    for (let node = anchor.parentElement; node !== null; node = node.parentElement) {
      if (layout !== null && node.contains(layout)) break;
      const link = all(node, S.PROFILE_LINK, isOwnLink)[0];
      if (link !== undefined) {
        const path = parseThreadsHref(link.getAttribute('href'));
        if (path === null || path.handle === null) continue; // isOwnLink checked both; this only narrows the type
        return { name: path.handle, profileUrl: profileUrlOf(path.handle) };
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Reply box

/** The page-level container of a reply by its comment id (a post code, or a hash id). */
export function findCommentContainer(doc: Document, commentId: string, pageUrl: URL | null = null): Element | null {
  const byCode = findContainerByCode(doc, commentId);
  if (byCode !== null) return byCode;
  if (!commentId.startsWith('hash:') || pageUrl === null) return null;
  return elementWithId(hashedReplies(doc, pageUrl), commentId);
}

/**
 * The reply editor of a comment: the open composer showing it, else clicks the
 * comment's reply button (second of its action row) and returns the composer that
 * opened. React renders the dialog in the click's task, so the caller may have to
 * ask again once the page settles; asking again finds the open composer and does
 * not click twice.
 */
export function findThreadsReplyBox(doc: Document, commentId: string): HTMLElement | null {
  const pageUrl = doc.location === null ? null : new URL(doc.location.href);
  const container = findCommentContainer(doc, commentId, pageUrl);
  if (container === null) return null;
  const code = containerCode(container);
  const openEditor = () => {
    const dialog = code === null ? null : dialogFor(doc, code);
    return dialog === null ? null : editorIn(dialog);
  };
  const open = openEditor();
  if (open !== null) return open;

  const before = new Set(Array.from(doc.querySelectorAll(DIALOG)));
  const owned = (el: Element) => containerOf(el) === container;
  const postLink = findPostLink(container, owned);
  const row = findActionRow(container, postLink, owned);
  const button = row === null ? undefined : row.buttons[1];
  if (button === undefined) return null;
  button.click();

  const opened = openEditor();
  if (opened !== null) return opened;
  // A composer that opened with the click, even if it does not link back to the reply.
  for (const dialog of Array.from(doc.querySelectorAll(DIALOG))) {
    if (before.has(dialog)) continue;
    const editor = editorIn(dialog);
    if (editor !== null) return editor;
  }
  return null;
}
