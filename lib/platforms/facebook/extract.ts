/**
 * Facebook page -> typed records. Pure DOM readers: every function takes the
 * `Document`/`Element` (and the read context) as parameters and never touches
 * browser APIs, so tests feed them any DOM.
 *
 * Rules kept throughout:
 * - ids come from urls (`/posts/<id>`, `story_fbid=`, `comment_id=`…), ARIA relations and
 *   structure, never from visible (localised) words;
 * - a count that cannot be read is null, never 0 (0 only where Facebook hides a zero
 *   count and the post's action bar shows it would be there);
 * - a comment belongs to the post container that holds it; nothing is attached across
 *   containers, and a nested container (a reshared post) is read on its own.
 */
import { tidyText } from '../text';
import { parseCount } from '../../parse/counts';
import { stableHash } from '../../parse/hash';
import { parseRelativeTime } from '../../parse/time';
import type {
  ContainerReading,
  ExtractedComment,
  ExtractedPost,
  MediaKind,
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
import { memoizeLinks } from '../../parse/memo';

export const FACEBOOK_ORIGIN = 'https://www.facebook.com';

/** Hosts whose links we read (and fold into www). `l.facebook.com` (outbound redirects) is not one. */
const FACEBOOK_HOSTS = new Set([
  'facebook.com',
  'www.facebook.com',
  'web.facebook.com',
  'm.facebook.com',
  'mbasic.facebook.com',
  'touch.facebook.com',
  'mobile.facebook.com',
  'free.facebook.com',
]);

const CONTAINER_SELECTOR = anyOf(S.POST_CONTAINER);
const COMMENT_SELECTOR = anyOf(S.COMMENT);
const EDITOR_SELECTOR = anyOf(S.COMPOSER_EDITOR);

// ---------------------------------------------------------------------------
// Urls

/**
 * The urls parsed during the current read of a container (see inScope), by href, for links
 * on the default base: a comment's links are asked about as comment links, post links and
 * profile links, by the post's identity and by the comment's own read, and each is parsed
 * once. Dropped when the read ends, so it holds nothing between reads. The urls are never
 * changed by their readers.
 */
let readUrls: Map<string, URL | null> | null = null;

function facebookUrl(href: string | null, base: string | URL = FACEBOOK_ORIGIN): URL | null {
  if (href === null) return null;
  if (readUrls !== null && base === FACEBOOK_ORIGIN) {
    const known = readUrls.get(href);
    if (known !== undefined) return known;
    const url = parseFacebookUrl(href, base);
    readUrls.set(href, url);
    return url;
  }
  return parseFacebookUrl(href, base);
}

function parseFacebookUrl(href: string, base: string | URL): URL | null {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return FACEBOOK_HOSTS.has(url.hostname.toLowerCase()) ? url : null;
}

function segmentsOf(url: URL): string[] {
  return url.pathname.split('/').filter((part) => part !== '');
}

/** First-level paths that are Facebook features, not profiles. */
const RESERVED_PATHS = new Set([
  'about', 'ads', 'allactivity', 'bookmarks', 'business', 'careers', 'checkpoint', 'comment', 'commerce', 'composer',
  'dialog', 'directory', 'events', 'find-friends', 'friends', 'fundraisers', 'gaming', 'groups', 'hashtag', 'help',
  'home', 'instantgames', 'jobs', 'legal', 'lite', 'live', 'login', 'marketplace', 'me', 'media', 'memories', 'messages',
  'mobile', 'notes', 'notifications', 'offers', 'page', 'pages', 'people', 'permalink', 'photo', 'photos', 'places',
  'plugins', 'policies', 'posts', 'privacy', 'privacy_sandbox', 'public', 'recover', 'reel', 'reels', 'reg', 'saved',
  'search', 'settings', 'share', 'sharer', 'stories', 'story', 'terms', 'ufi', 'watch', 'videos',
]);

/**
 * Canonical profile/page url: `https://www.facebook.com/<username>` (lowercase, no
 * trailing slash) or `https://www.facebook.com/profile.php?id=<n>` for numeric profiles
 * (also for `/people/<name>/<n>/` and a group's `/groups/<g>/user/<n>/`). Query strings
 * (`?comment_id=…&__cft__…`) and hashes are dropped. Null for anything that is not a
 * profile link.
 */
export function canonicalProfileUrl(href: string | null, base: string | URL = FACEBOOK_ORIGIN): string | null {
  return canonicalProfileUrlOf(href, base);
}

/** canonicalProfileUrl, remembered per link and base (the same links repeat in every post of a feed). */
const canonicalProfileUrlOf = memoizeLinks((href: string, base: string) => parseProfileUrl(href, base));

function parseProfileUrl(href: string, base: string): string | null {
  const url = facebookUrl(href, base);
  if (url === null) return null;
  const segments = segmentsOf(url);
  const [first, second, third, fourth] = segments;
  if (first === undefined) return null;
  const numericProfile = (id: string | null | undefined) => (id && /^\d+$/.test(id) ? `${FACEBOOK_ORIGIN}/profile.php?id=${id}` : null);
  if (first === 'profile.php') return numericProfile(url.searchParams.get('id'));
  if (first === 'people' && segments.length >= 3) return numericProfile(third);
  if (first === 'groups' && third === 'user') return numericProfile(fourth);
  if (second !== undefined) return null;
  const lower = first.toLowerCase();
  if (/^\d+$/.test(lower)) return numericProfile(lower);
  if (lower.includes('.php') || RESERVED_PATHS.has(lower)) return null;
  if (!/^[a-z0-9][a-z0-9.-]{1,}$/.test(lower)) return null;
  return `${FACEBOOK_ORIGIN}/${lower}`;
}

export type PostLinkKind = 'posts' | 'permalink' | 'group' | 'photo' | 'reel' | 'video';

/** What a post link names: the id, and what is needed to rebuild a canonical url. */
export interface PostLink {
  kind: PostLinkKind;
  /** A numeric FBID or a `pfbid0…` token. */
  id: string;
  /** The profile/page the url hangs under (username or numeric id), if it names one. */
  owner: string | null;
  /** The group id or slug for group posts. */
  group: string | null;
}

const POST_ID = /^(?:\d+|pfbid0[0-9A-Za-z]+)$/;
const NUMERIC = /^\d+$/;

function idParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  return value !== null && POST_ID.test(value) ? value : null;
}

/**
 * Reads a post address: `/<owner>/posts/<id|pfbid>` (also the canonical
 * `/<owner>/posts/<slug>/<id>/`), `permalink.php` / `story.php?story_fbid=…&id=…`,
 * `/groups/<g>/posts|permalink/<id>`, `/photo/?fbid=`, `photo.php?fbid=`,
 * `/<owner>/photos/<album>/<id>`, `/reel/<id>`, `/<owner>/videos/[<slug>/]<id>`,
 * `/watch/?v=`. Null for anything else (profiles, share links, outbound links).
 */
export function parsePostLink(href: string | null, base: string | URL = FACEBOOK_ORIGIN): Readonly<PostLink> | null {
  return parsePostLinkOf(href, base);
}

/** parsePostLink, remembered per link and base (the answers are shared: never change one). */
// A post's own links are mostly its alone: enough to hold one post's, which its read asks for several times.
const parsePostLinkOf = memoizeLinks((href: string, base: string) => readPostLink(href, base), 200);

function readPostLink(href: string, base: string): PostLink | null {
  const url = facebookUrl(href, base);
  if (url === null) return null;
  const segments = segmentsOf(url);
  const [first, second, third, fourth] = segments;
  if (first === undefined) return null;
  const lastId = (from: number) => [...segments.slice(from)].reverse().find((s) => POST_ID.test(s)) ?? null;

  if (first === 'groups' && second !== undefined && (third === 'posts' || third === 'permalink') && fourth !== undefined && POST_ID.test(fourth)) {
    return { kind: 'group', id: fourth, owner: null, group: second };
  }
  if (first === 'permalink.php' || first === 'story.php') {
    const id = idParam(url, 'story_fbid');
    const owner = url.searchParams.get('id');
    return id === null ? null : { kind: 'permalink', id, owner: owner !== null && NUMERIC.test(owner) ? owner : null, group: null };
  }
  if (first === 'photo' || first === 'photo.php') {
    const id = idParam(url, 'fbid');
    return id === null ? null : { kind: 'photo', id, owner: null, group: null };
  }
  if ((first === 'reel' || first === 'reels') && second !== undefined && NUMERIC.test(second)) {
    return { kind: 'reel', id: second, owner: null, group: null };
  }
  if (first === 'watch') {
    const id = idParam(url, 'v');
    return id === null ? null : { kind: 'video', id, owner: null, group: null };
  }
  if (second === 'posts' && segments.length >= 3) {
    const id = lastId(2);
    return id === null ? null : { kind: 'posts', id, owner: first, group: null };
  }
  if (second === 'photos' && segments.length >= 3) {
    const id = lastId(2);
    return id !== null && NUMERIC.test(id) ? { kind: 'photo', id, owner: first, group: null } : null;
  }
  if (second === 'videos' && segments.length >= 3) {
    const id = lastId(2);
    return id !== null && NUMERIC.test(id) ? { kind: 'video', id, owner: first, group: null } : null;
  }
  return null;
}

/** The canonical address of a post, rebuilt from what its link names. */
export function canonicalPostUrl(link: PostLink): string {
  const owner = link.owner;
  switch (link.kind) {
    case 'group':
      return `${FACEBOOK_ORIGIN}/groups/${link.group ?? ''}/posts/${link.id}`;
    case 'photo':
      return `${FACEBOOK_ORIGIN}/photo/?fbid=${link.id}`;
    case 'reel':
      return `${FACEBOOK_ORIGIN}/reel/${link.id}`;
    case 'video':
      return owner !== null && !NUMERIC.test(owner) ? `${FACEBOOK_ORIGIN}/${owner.toLowerCase()}/videos/${link.id}` : `${FACEBOOK_ORIGIN}/watch/?v=${link.id}`;
    case 'posts':
    case 'permalink':
      if (owner !== null && NUMERIC.test(owner)) return `${FACEBOOK_ORIGIN}/permalink.php?story_fbid=${link.id}&id=${owner}`;
      if (owner !== null) return `${FACEBOOK_ORIGIN}/${owner.toLowerCase()}/posts/${link.id}`;
      return `${FACEBOOK_ORIGIN}/${link.id}`;
  }
}

/** Whether an address is a single post, photo, reel or video page. */
export function isPostPageUrl(url: URL): boolean {
  if (parsePostLink(url.href) !== null) return true;
  // Share links (`/share/p/…`, `/share/v/…`, `/share/r/…`) open one post.
  return /^\/share\/[pvr]\//.test(url.pathname);
}

export interface CommentRef {
  commentId: string;
  /** For replies (`reply_comment_id=`): the comment replied under. */
  parentId: string | null;
  /** The post id the comment id names (from `comment:<post>_<comment>`), when it names one. */
  postId: string | null;
}

/**
 * A `comment_id` value: a plain id, `<post>_<comment>`, or base64 of
 * `comment:<post>_<comment>` (how profile links under comments carry it).
 */
function decodeCommentParam(value: string): { id: string; postId: string | null } | null {
  const plain = value.trim();
  if (NUMERIC.test(plain)) return { id: plain, postId: null };
  const pair = /^(\d+)_(\d+)$/.exec(plain);
  if (pair && pair[1] !== undefined && pair[2] !== undefined) return { id: pair[2], postId: pair[1] };
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(plain)) return null;
  let decoded: string;
  try {
    decoded = atob(plain.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const match = /^comment:(\d+)_(\d+)$/.exec(decoded);
  if (!match || match[1] === undefined || match[2] === undefined) return null;
  return { id: match[2], postId: match[1] };
}

/** Reads `comment_id` (and `reply_comment_id`) from a link. Null when the link names no comment. */
export function parseCommentLink(href: string | null, base: string | URL = FACEBOOK_ORIGIN): Readonly<CommentRef> | null {
  return parseCommentLinkOf(href, base);
}

/** parseCommentLink, remembered per link and base (the answers are shared: never change one). */
const parseCommentLinkOf = memoizeLinks((href: string, base: string) => readCommentLink(href, base), 200);

/** Whether a link can hold a `comment_id` parameter at all (its name possibly percent-encoded). */
const MAY_NAME_COMMENT = /comment(?:_|%5f)id/i;

function readCommentLink(href: string, base: string): CommentRef | null {
  // Most links of a post (profiles, hashtags, photos) name no comment: they are not parsed as urls.
  if (!MAY_NAME_COMMENT.test(href)) return null;
  const url = facebookUrl(href, base);
  if (url === null) return null;
  const commentParam = url.searchParams.get('comment_id');
  if (commentParam === null) return null;
  const comment = decodeCommentParam(commentParam);
  if (comment === null) return null;
  const replyParam = url.searchParams.get('reply_comment_id');
  const reply = replyParam === null ? null : decodeCommentParam(replyParam);
  if (reply !== null) return { commentId: reply.id, parentId: comment.id, postId: reply.postId ?? comment.postId };
  return { commentId: comment.id, parentId: null, postId: comment.postId };
}

// ---------------------------------------------------------------------------
// Text

// By localName: lower case for HTML and SVG elements alike (tagName is upper case for HTML only).
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'input', 'textarea', 'select']);
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'ul', 'ol', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'pre', 'table', 'tr']);
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/**
 * Reads an element's text as a reader sees it: `<br>` and block boundaries become "\n",
 * emoji drawn as images (`<img alt="🎟️">`) become their character, controls inside the
 * text ("See more" is a `role="button"`) are skipped, runs of spaces collapse but line
 * breaks stay. Facebook prints no literal newlines in text nodes, so those are spaces.
 */
export function readText(root: Element): string {
  const out: string[] = [];
  const newline = () => {
    const last = out[out.length - 1];
    if (out.length > 0 && last !== undefined && !last.endsWith('\n')) out.push('\n');
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out.push((node.nodeValue ?? '').replace(/[\r\n\t\f]+/g, ' ')); // a text node always has a value; ?? only satisfies the type
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.localName;
    if (tag === 'br') {
      out.push('\n');
      return;
    }
    if (tag === 'img') {
      const alt = el.getAttribute('alt') ?? '';
      if (EMOJI.test(alt)) out.push(alt);
      return;
    }
    // The root itself is read whatever it is (count buttons are read as a whole).
    if (el !== root && (SKIPPED_TAGS.has(tag) || el.getAttribute('role') === 'button' || el.hasAttribute('hidden'))) return;
    const block = BLOCK_TAGS.has(tag) && el !== root;
    if (block) newline();
    for (let child = el.firstChild; child !== null; child = child.nextSibling) walk(child);
    if (block) newline();
  };
  walk(root);
  return tidyText(out.join(''), { oneBlankLine: true, dropZeroWidth: true });
}

/** readText on one line (names, labels, counts). */
export function readLine(el: Element): string {
  return readText(el).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// Times

const MINUTE = 60_000;
const DAY = 86_400_000;

const monthNameCache = new Map<string, Array<[name: string, month: number]>>();

/** The page language's month names (long and short, lowercase, no dots), longest first. */
function monthNames(lang: string): Array<[string, number]> {
  const cached = monthNameCache.get(lang);
  if (cached) return cached;
  const names: Array<[string, number]> = [];
  for (const month of ['long', 'short'] as const) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(lang, { month, timeZone: 'UTC' });
    } catch {
      continue; // an unknown language tag: no names in that form
    }
    for (let m = 0; m < 12; m++) {
      const name = format.format(Date.UTC(2021, m, 15)).normalize('NFKC').toLowerCase().replace(/\./g, '').trim();
      // Numeric forms ("5月") are read by the CJK pattern instead.
      if (name !== '' && !/\d/.test(name) && !names.some(([n]) => n === name)) names.push([name, m]);
    }
  }
  names.sort((a, b) => b[0].length - a[0].length);
  monthNameCache.set(lang, names);
  return names;
}

/** The page language's word for "yesterday" ("yesterday", "昨天", "ontem"). */
const yesterdayWords = new Map<string, string | null>();
function yesterdayWord(lang: string): string | null {
  let word = yesterdayWords.get(lang);
  if (word === undefined) {
    try {
      word = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-1, 'day').normalize('NFKC').toLowerCase();
    } catch {
      word = null; // an unknown language tag
    }
    yesterdayWords.set(lang, word);
  }
  return word;
}

function findWord(text: string, word: string): number {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + word.length);
    if (!/\p{L}/u.test(before) && !/\p{L}/u.test(after)) return at;
  }
  return -1;
}

/**
 * Reads the date labels Facebook prints for older posts ("30 May at 11:02",
 * "May 30, 2024", "5月30日 上午11:02", "2024年5月30日", "Yesterday at 18:20"). Month
 * names and "yesterday" come from `Intl` in the page's language, so no language is
 * hard-coded. The label is in the viewer's local time zone (Facebook renders it so);
 * without a year it is the latest such date not after `now`. Minute precision with a
 * time of day, else day precision. Null for anything else.
 */
export function parseDateLabel(label: string, lang: string, now: number): PageTime | null {
  let text = label.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  let hour: number | null = null;
  let minute = 0;
  const clock = /(\d{1,2})[:：.](\d{2})(?!\d)/.exec(text);
  if (clock && clock[1] !== undefined && clock[2] !== undefined) {
    hour = Number(clock[1]);
    minute = Number(clock[2]);
    const pm = /(?<![a-z])p\.? ?m\.?(?![a-z])|下午|晚上|中午/.test(text);
    const am = /(?<![a-z])a\.? ?m\.?(?![a-z])|上午|早上|凌晨/.test(text);
    if (pm && hour < 12) hour += 12;
    if (am && hour === 12) hour = 0;
    if (hour > 23 || minute > 59) return null;
    text = text.replace(clock[0], ' ');
  }

  const today = new Date(now);
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  const cjk = /(?:(\d{4}) ?年 ?)?(\d{1,2}) ?月 ?(\d{1,2}) ?日/.exec(text);
  const yesterday = yesterdayWord(lang);
  if (cjk && cjk[2] !== undefined && cjk[3] !== undefined) {
    year = cjk[1] === undefined ? null : Number(cjk[1]);
    month = Number(cjk[2]) - 1;
    day = Number(cjk[3]);
  } else if (yesterday !== null && yesterday !== '' && text.includes(yesterday)) {
    const y = new Date(now - DAY);
    year = y.getFullYear();
    month = y.getMonth();
    day = y.getDate();
  } else {
    for (const [name, m] of monthNames(lang || 'en')) {
      const at = findWord(text, name);
      if (at < 0) continue;
      month = m;
      const rest = `${text.slice(0, at)} ${text.slice(at + name.length)}`;
      for (const number of rest.match(/\d+/g) ?? []) {
        if (number.length === 4 && year === null) year = Number(number);
        else if (number.length <= 2 && day === null) day = Number(number);
      }
      break;
    }
  }
  if (month === null || day === null || month < 0 || month > 11 || day < 1 || day > 31) return null;

  const build = (y: number) => new Date(y, month, day, hour ?? 0, minute);
  let date = build(year ?? today.getFullYear());
  if (year === null && date.getTime() > now + DAY) date = build(today.getFullYear() - 1);
  if (date.getMonth() !== month || date.getDate() !== day) return null; // 31 June and the like
  return hour !== null ? { at: Math.floor(date.getTime() / MINUTE) * MINUTE, precision: 'minute' } : { at: date.getTime(), precision: 'day' };
}

/** A time label from the page: relative ("3h", "2 小時") or a date label. */
export function parseTimeLabel(label: string, lang: string, now: number): PageTime | null {
  return parseRelativeTime(label, now) ?? parseDateLabel(label, lang, now);
}

function pageLanguage(el: Element): string {
  const lang = el.ownerDocument.documentElement.getAttribute('lang');
  return lang !== null && lang.trim() !== '' ? lang.trim() : 'en';
}

// ---------------------------------------------------------------------------
// Scoped queries

function all(root: Element | Document, variants: SelectorVariants): Element[] {
  return Array.from(root.querySelectorAll(anyOf(variants)));
}

/** First element under `root`, in variant order, that `accept` allows. */
function firstMatch(root: Element | Document, variants: SelectorVariants, accept?: (el: Element) => boolean): Element | null {
  return firstMatching(root, variants, accept);
}

function isContainer(el: Element): boolean {
  return el.matches(CONTAINER_SELECTOR);
}

/** The nearest post container at or above `el`. */
function closestContainer(el: Element): Element | null {
  return el.closest(CONTAINER_SELECTOR);
}

/** What one search of a container finds: its own test of belonging and its own comments. */
interface ContainerScope {
  /** inContainer's test. */
  mine: (el: Element) => boolean;
  /** commentElementsOf: the container's comments in page order, not those of a nested container. */
  comments: readonly Element[];
}

/** The scope of each container being read (readFacebookContainer), for the length of its read. */
const readScopes = new Map<Element, ContainerScope>();
const SCOPE_SELECTOR = anyOf(S.POST_CONTAINER_OR_COMMENT);

/**
 * Finds the containers nested in `container` and its comments with one search of
 * its subtree (each is its own search otherwise, and a read asks for both).
 * Nested containers are rare: when the container holds none, a `contains` tells
 * whether an element belongs to it, instead of a selector match on every ancestor
 * of every element the read looks at.
 */
function scopeOf(container: Element): ContainerScope {
  const known = readScopes.get(container);
  if (known) return known;
  const nested: Element[] = [];
  const articles: Element[] = [];
  for (const el of container.querySelectorAll(SCOPE_SELECTOR)) (isContainer(el) ? nested : articles).push(el);
  const mine = nested.length === 0 ? (el: Element) => container.contains(el) : (el: Element) => closestContainer(el) === container;
  return { mine, comments: nested.length === 0 ? articles : articles.filter(mine) };
}

/** Whether `el` belongs to `container` and to no container nested in it (`closestContainer(el) === container`). */
function inContainer(container: Element): (el: Element) => boolean {
  return scopeOf(container).mine;
}

/**
 * The nearest comment (an article that is not a post container) at or above `el`, below `container`
 * (`el` is inside it). Asked for nearly every element a read looks at: the nearest article above
 * `el` comes from a native closest(); only a nested container's article sends the search higher.
 */
function closestComment(el: Element, container: Element): Element | null {
  for (let node = el.closest(COMMENT_SELECTOR); node !== null && node !== container; node = node.parentElement?.closest(COMMENT_SELECTOR) ?? null) {
    if (!container.contains(node)) return null;
    if (!isContainer(node)) return node;
  }
  return null;
}

/** Whether `el` is inside a comment (an article that is not a post container). */
function insideComment(el: Element): boolean {
  const article = el.closest(COMMENT_SELECTOR);
  return article !== null && !isContainer(article);
}

/** Whether `el` is part of the post itself: in this container, not in a nested one, not in a comment. */
function ownedByPost(container: Element): (el: Element) => boolean {
  const { mine, comments } = scopeOf(container);
  // Most feed posts show no comment: then nothing of the container's own is in one, and no element's ancestors
  // need a selector match (a feed post's container is no article: closest() would go on to the document's root).
  if (comments.length === 0) return mine;
  return (el) => mine(el) && closestComment(el, container) === null;
}

/** Whether `el` belongs to `comment` itself (not to a nested container or another comment). */
function ownedByComment(comment: Element, container: Element): (el: Element) => boolean {
  const mine = inContainer(container);
  return (el) => mine(el) && closestComment(el, container) === comment;
}

/** Whether `a` comes before `b` in document order. */
function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0; // Node.DOCUMENT_POSITION_FOLLOWING
}

const hasDigit = (text: string) => /\d/.test(text.normalize('NFKC'));

/** The comments of a container, in page order (not those of a nested container). */
export function commentElementsOf(container: Element): readonly Element[] {
  return scopeOf(container).comments;
}

// ---------------------------------------------------------------------------
// Own identity

function nameOfLink(link: Element): string | null {
  const text = readLine(link);
  if (text !== '') return text;
  const labelled = link.getAttribute('aria-label') ?? link.querySelector('[aria-label]')?.getAttribute('aria-label') ?? null; // an avatar may carry the name on its svg
  if (labelled !== null && labelled.trim() !== '') return labelled.trim();
  return null;
}

/** Whether the page chrome is the logged-out one (login form in the top bar). */
export function isLoggedOutPage(doc: Document): boolean {
  // One search per marker: a selector list searches a whole page in Chromium's slow path (14-20 us against
  // 2-6 on the fixtures' pages of 400-550 elements; a signed-in page matches neither, so both are searched).
  return firstMatching(doc, S.LOGGED_OUT_MARKERS) !== null;
}



/**
 * The signed-in profile: the left navigation's own entry, the top bar's profile
 * shortcut, or the avatar link beside a comment composer (only signed-in viewers get
 * one). Null when logged out or when the page shows none of these.
 */
export function readOwnIdentity(doc: Document): OwnIdentity | null {
  if (isLoggedOutPage(doc)) return null;
  for (const selector of S.OWN_PROFILE_LINK) {
    for (const link of Array.from(doc.querySelectorAll(selector))) {
      const profileUrl = canonicalProfileUrl(link.getAttribute('href'));
      if (profileUrl !== null) return { name: nameOfLink(link), profileUrl };
    }
  }
  // A composer's own avatar: the nearest profile link around the composer's form that is
  // not part of a comment (a reply box sits next to the comment it answers).
  for (const editor of all(doc, S.COMPOSER_EDITOR)) {
    const form = editor.closest('form');
    if (form === null) continue;
    let scope: Element | null = form.parentElement;
    for (let level = 0; scope !== null && level < 4; level++, scope = scope.parentElement) {
      const link = Array.from(scope.querySelectorAll('a[href]')).find(
        (a) => !insideComment(a) && canonicalProfileUrl(a.getAttribute('href')) !== null && !form.contains(a),
      );
      if (link) {
        const profileUrl = canonicalProfileUrl(link.getAttribute('href'));
        if (profileUrl !== null) return { name: nameOfLink(link), profileUrl };
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Posts

/** The first profile link at or under `block`. */
function profileLinkIn(block: Element): Element | null {
  if (block.matches('a[href]') && canonicalProfileUrl(block.getAttribute('href')) !== null) return block;
  return Array.from(block.querySelectorAll('a[href]')).find((a) => canonicalProfileUrl(a.getAttribute('href')) !== null) ?? null;
}

/** The author link: the heading `aria-labelledby` names, else the author block variants. */
function findAuthorLink(container: Element, owned: (el: Element) => boolean): Element | null {
  const ids = (container.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter((id) => id !== '');
  for (const id of ids) {
    const target = container.ownerDocument.getElementById(id);
    if (target === null || !container.contains(target) || !owned(target)) continue;
    const link = profileLinkIn(target);
    if (link !== null) return link;
  }
  for (const selector of S.POST_AUTHOR_BLOCK) {
    for (const block of Array.from(container.querySelectorAll(selector))) {
      if (!owned(block)) continue;
      const link = profileLinkIn(block);
      if (link !== null && owned(link)) return link;
    }
  }
  return null;
}

interface PostIdentity {
  postId: string | null;
  url: string | null;
  /** The post's own permalink element (its time link), if any. */
  permalink: Element | null;
  notes: string[];
}

/**
 * Whether this container is the post a post page is about: the one in the post dialog,
 * or (no dialog) the first top-level container of the page.
 */
function isMainPost(container: Element, ctx: ReadContext): boolean {
  if (!isPostPageUrl(ctx.pageUrl)) return false;
  const doc = container.ownerDocument;
  const inDialog = Array.from(doc.querySelectorAll(CONTAINER_SELECTOR)).filter((el) => el.closest('[role="dialog"]') !== null);
  if (inDialog.length > 0) return inDialog[0] === container;
  const topLevel = Array.from(doc.querySelectorAll(CONTAINER_SELECTOR)).find((el) => el.parentElement === null || el.parentElement.closest(CONTAINER_SELECTOR) === null);
  return topLevel === container;
}

/**
 * The post id and url. Numeric ids are preferred to `pfbid0…` tokens: Facebook mints a
 * new pfbid for the same post per session, while the numeric id is stable. In order:
 * the permalink's numeric id; the numeric post id comment links name
 * (`comment:<post>_<comment>`, or `/posts/<n>?comment_id=`); a photo set's post
 * (`set=pcb.<n>`); the page address (for the page's main post); then pfbid tokens.
 */
function readPostIdentity(container: Element, owned: (el: Element) => boolean, author: Person, ctx: ReadContext): PostIdentity {
  const notes: string[] = [];
  let permalink: Element | null = null;
  let permalinkLink: PostLink | null = null;
  for (const a of Array.from(container.querySelectorAll('a[href]'))) {
    if (!owned(a)) continue;
    const href = a.getAttribute('href');
    if (href === null || parseCommentLink(href) !== null) continue;
    const link = parsePostLink(href);
    if (link !== null) {
      permalink = a;
      permalinkLink = link;
      break;
    }
  }

  // Comment links name the post too (`comment:<post>_<comment>`, `/posts/<n>?comment_id=`): the first numeric id they
  // give, and the first of them that is a post link (to shape the url). Once both are known, or the permalink's own
  // numeric id is (it comes first), the rest are not looked at: a busy post has hundreds, and its comments' own read
  // notes any that name another post (readComments).
  let commentNumeric: string | null = null;
  let commentPostLink: PostLink | null = null;
  if (permalinkLink === null || !NUMERIC.test(permalinkLink.id)) {
    const mine = inContainer(container);
    for (const a of container.querySelectorAll(anyOf(S.COMMENT_LINK))) {
      if (!mine(a)) continue;
      const href = a.getAttribute('href');
      const ref = parseCommentLink(href);
      if (ref !== null && ref.postId !== null) commentNumeric ??= ref.postId;
      const link = parsePostLink(href);
      if (link !== null) {
        if (NUMERIC.test(link.id)) commentNumeric ??= link.id;
        commentPostLink ??= link;
      }
      if (commentNumeric !== null && (permalinkLink !== null || commentPostLink !== null)) break;
    }
  }

  let photoSetPost: string | null = null;
  for (const a of Array.from(container.querySelectorAll('a[href*="set="]'))) {
    if (!owned(a)) continue;
    const url = facebookUrl(a.getAttribute('href'));
    const set = url === null ? null : /^(?:pcb|gm)\.(\d+)$/.exec(url.searchParams.get('set') ?? '');
    if (set && set[1] !== undefined) {
      photoSetPost = set[1];
      break;
    }
  }

  const pageLink = isMainPost(container, ctx) ? parsePostLink(ctx.pageUrl.href) : null;

  const candidates: Array<[id: string | null, via: PostLink | null]> = [
    [permalinkLink !== null && NUMERIC.test(permalinkLink.id) ? permalinkLink.id : null, permalinkLink],
    [commentNumeric, permalinkLink ?? commentPostLink ?? pageLink],
    // A photo permalink names the photo, not the post (?.: there may be no permalink at all).
    [photoSetPost, permalinkLink?.kind === 'photo' ? null : (permalinkLink ?? commentPostLink ?? pageLink)],
    [pageLink !== null && NUMERIC.test(pageLink.id) ? pageLink.id : null, pageLink],
    // pfbid tokens last. The links are optional (null when none was found), hence ?.
    [permalinkLink?.id ?? null, permalinkLink],
    [commentPostLink?.id ?? null, commentPostLink],
    [pageLink?.id ?? null, pageLink],
  ];
  for (const [id, via] of candidates) {
    if (id === null) continue;
    return { postId: id, url: postUrlFor(id, via, author), permalink, notes };
  }
  return { postId: null, url: null, permalink, notes };
}

/** The canonical url for `id`, shaped like the link it came with (or hung under the author). */
function postUrlFor(id: string, via: PostLink | null, author: Person): string {
  if (via !== null) {
    // A numeric id found elsewhere replaces a photo/reel link's id only when it is that link's own.
    if (via.id === id || via.kind === 'posts' || via.kind === 'permalink' || via.kind === 'group') return canonicalPostUrl({ ...via, id });
  }
  const profile = author.profileUrl;
  if (profile !== null) {
    const numeric = /profile\.php\?id=(\d+)$/.exec(profile);
    const owner = numeric ? (numeric[1] ?? null) : profile.slice(FACEBOOK_ORIGIN.length + 1);
    return canonicalPostUrl({ kind: 'posts', id, owner, group: null });
  }
  return canonicalPostUrl({ kind: 'posts', id, owner: null, group: null });
}

function readPostTime(permalink: Element | null, container: Element, owned: (el: Element) => boolean, now: number): PageTime | null {
  const utime = firstMatch(container, S.POST_UTIME, owned);
  if (utime !== null) {
    const seconds = Number(utime.getAttribute('data-utime'));
    if (Number.isFinite(seconds) && seconds > 0) return { at: seconds * 1000, precision: 'exact' };
  }
  if (permalink === null) return null;
  const lang = pageLanguage(container);
  for (const label of [permalink.getAttribute('aria-label'), readLine(permalink)]) {
    if (label === null || label.trim() === '') continue;
    const time = parseTimeLabel(label, lang, now);
    if (time !== null) return time;
  }
  return null;
}

/** The media of a post: from its permalink kind, else what its body links to. */
function readMediaKind(container: Element, owned: (el: Element) => boolean, message: Element | null, permalink: Element | null, footerStart: Element | null, text: string): MediaKind {
  const link = permalink === null ? null : parsePostLink(permalink.getAttribute('href'));
  if (link !== null && (link.kind === 'reel' || link.kind === 'video')) return 'video';
  if (link !== null && link.kind === 'photo') return 'image';
  const inBody = (el: Element) => owned(el) && (message === null || !message.contains(el)) && (footerStart === null || precedes(el, footerStart));
  if (Array.from(container.querySelectorAll('video')).some(inBody)) return 'video';
  let kind: MediaKind | null = null;
  for (const a of container.querySelectorAll('a[href]')) {
    // Links come in document order: once one is not before the footer, none after it is (a busy post's
    // hundreds of comment links are not looked at one by one).
    if (footerStart !== null && !precedes(a, footerStart)) break;
    if (!inBody(a) || a === permalink) continue;
    const href = a.getAttribute('href');
    const target = parsePostLink(href);
    if (target !== null && (target.kind === 'reel' || target.kind === 'video')) return 'video';
    if (target !== null && target.kind === 'photo') kind = 'image';
    else if (kind === null && href !== null && /^https?:\/\/l[m]?\.facebook\.com\/l\.php/.test(href)) kind = 'link';
  }
  if (kind !== null) return kind;
  return text !== '' ? 'text' : 'unknown';
}

// ---------------------------------------------------------------------------
// Counts

/** Text that is a count and nothing else ("369", "1.2K", "1,2 mil", "1.2萬"). */
function isBareCount(text: string): boolean {
  return /^[\d\s.,'’\u00a0\u202f]+(?:\p{L}{1,3}\.?)?\+?$/u.test(text.normalize('NFKC').trim());
}

interface CountsRead {
  counts: PostCounts;
  health: PartHealth;
  notes: string[];
  /** The comments-count button, when identified (its aria-expanded says whether comments are shown). */
  commentsButton: Element | null;
  /** Where the post's footer begins (action bar or first comment): the body ends there. */
  footerStart: Element | null;
}

/**
 * Reactions, comments, shares and views of a post, from its summary row:
 * - reactions: the number beside the reactions toolbar (an aria-hidden element after it);
 *   when that shows social proof ("Ann and 23 others") the per-reaction labels are summed
 *   if all kinds are shown (Facebook shows three at most), else the total is unknown;
 * - comments / shares / views: the row's count buttons. The comments one toggles the
 *   comment list (`aria-expanded`) and is named in the post's `aria-describedby`; the
 *   others follow it in a fixed order (shares, then views). Without either hint, two or
 *   more buttons are read by position; a lone one is unknown unless comments are shown.
 * Facebook hides zero counts: with the action bar present, a missing count is 0.
 */
export function readCounts(container: Element, owned: (el: Element) => boolean, exclude: readonly (Element | null)[], commentEls: readonly Element[], postLabel: string): CountsRead {
  const notes: string[] = [];
  const counts: PostCounts = { reactions: null, comments: null, shares: null, views: null };
  const outside = (el: Element) => exclude.every((ex) => ex === null || !ex.contains(el));
  const firstComment = commentEls[0] ?? null;

  // Each button's text is asked for up to three times below: read once.
  const lines = new Map<Element, string>();
  const lineOf = (b: Element) => {
    let line = lines.get(b);
    if (line === undefined) lines.set(b, (line = readLine(b)));
    return line;
  };
  // readLine reads a part of the button's text nodes and the emoji of its images: without a digit in all of its
  // text and without an image, it has none, and the button is not read (most of a post's controls: menus, Like, Comment).
  const showsDigit = (b: Element) => (hasDigit(b.textContent ?? '') || b.querySelector('img[alt]') !== null) && hasDigit(lineOf(b));
  const actionIcon = anyOf(S.ACTION_BUTTON_ICON);
  // Controls of the post itself (not of a comment, a composer or the excluded blocks), in page order, up to its
  // first action button (Like): the counts are before it, so the buttons after it (every comment's Like and Reply
  // on a busy post) are not looked at. Without an action bar, every control is.
  const buttons: Element[] = [];
  let firstAction: Element | null = null;
  for (const b of container.querySelectorAll('[role="button"]')) {
    if (!owned(b) || !outside(b) || b.closest('form') !== null) continue;
    if (b.querySelector(actionIcon) !== null && !b.hasAttribute('aria-haspopup') && !showsDigit(b)) {
      firstAction = b;
      break;
    }
    buttons.push(b);
  }
  const footerStart = firstAction ?? firstComment;
  const beforeFooter = (el: Element) => footerStart === null || precedes(el, footerStart);

  const toolbar = firstMatch(container, S.REACTIONS_TOOLBAR, (el) => owned(el) && outside(el) && beforeFooter(el));
  // The buttons gathered before the first action button all precede it.
  const candidates = buttons.filter(
    (b) => (footerStart === firstAction || beforeFooter(b)) && (toolbar === null || !toolbar.contains(b)) && showsDigit(b) && parseCount(lineOf(b)) !== null,
  );
  const present = firstAction !== null || toolbar !== null || candidates.length > 0;
  if (!present) return { counts, health: 'absent', notes, commentsButton: null, footerStart };

  let broken = false;

  // Reactions.
  if (toolbar !== null) {
    const kinds = all(toolbar, S.REACTION_KIND_BUTTON).map((b) => parseCount(b.getAttribute('aria-label') ?? ''));
    const kindsSum = kinds.length > 0 && kinds.length < 3 && kinds.every((n) => n !== null) ? kinds.reduce<number>((sum, n) => sum + (n ?? 0), 0) : null;
    const total = reactionsTotalElement(toolbar);
    const totalText = total === null ? '' : readLine(total);
    if (total !== null && isBareCount(totalText) && parseCount(totalText) !== null) {
      counts.reactions = parseCount(totalText);
    } else if (total !== null && hasDigit(totalText)) {
      // Social proof ("Ann and 23 others"): the number is not the total.
      counts.reactions = kindsSum;
      if (kindsSum === null) notes.push(`post ${postLabel}: reactions shown as social proof; total unknown`);
    } else {
      counts.reactions = kindsSum;
      if (kindsSum === null) {
        broken = true;
        notes.push(`post ${postLabel}: reactions toolbar present but its total is unreadable`);
      }
    }
  } else {
    counts.reactions = 0;
  }

  // Comments, shares, views.
  const describedBy = new Set((container.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id !== ''));
  let commentsButton = candidates.find((b) => b.hasAttribute('aria-expanded')) ?? candidates.find((b) => b.id !== '' && describedBy.has(b.id)) ?? null;
  let rest: Element[];
  if (commentsButton !== null) {
    const at = candidates.indexOf(commentsButton);
    rest = candidates.slice(at + 1);
  } else if (candidates.length >= 2 || (candidates.length === 1 && commentEls.length > 0)) {
    commentsButton = candidates[0] ?? null;
    rest = candidates.slice(1);
  } else {
    rest = [];
  }

  if (commentsButton !== null) {
    counts.comments = parseCount(lineOf(commentsButton));
  } else if (candidates.length === 1) {
    counts.comments = null;
    counts.shares = null;
    notes.push(`post ${postLabel}: one count shown and nothing tells whether it counts comments or shares`);
  } else {
    counts.comments = commentEls.length > 0 ? null : 0;
    if (commentEls.length > 0) notes.push(`post ${postLabel}: comments shown but no comments count found`);
  }
  if (candidates.length !== 1 || commentsButton !== null) {
    const [shares, views] = rest;
    counts.shares = shares === undefined ? 0 : parseCount(lineOf(shares));
    counts.views = views === undefined ? null : parseCount(lineOf(views));
  }
  return { counts, health: broken ? 'broken' : 'ok', notes, commentsButton, footerStart };
}

/** The reactions total: the first aria-hidden element after the toolbar, at its level or its parent's. */
function reactionsTotalElement(toolbar: Element): Element | null {
  for (let node: Element | null = toolbar, level = 0; node !== null && level < 2; node = node.parentElement, level++) {
    for (let sibling = node.nextElementSibling; sibling !== null; sibling = sibling.nextElementSibling) {
      if (sibling.getAttribute('aria-hidden') === 'true') return sibling;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Comments

interface CommentParts {
  ref: CommentRef | null;
  author: Person;
  text: string;
  time: PageTime | null;
  timeLink: Element | null;
}

/** The comment's time link: a comment link in its action row, else any comment link to a post. */
function commentTimeLink(comment: Element, owned: (el: Element) => boolean): Element | null {
  const links = all(comment, S.COMMENT_LINK).filter(owned);
  return links.find((a) => a.closest('li') !== null) ?? links.find((a) => parsePostLink(a.getAttribute('href')) !== null) ?? null;
}

/** The comment's body: the language-tagged span, else the block holding its text lines. */
function commentBody(comment: Element, owned: (el: Element) => boolean): Element | null {
  const tagged = firstMatch(comment, S.COMMENT_BODY, owned);
  if (tagged !== null) return tagged;
  const lines = all(comment, S.COMMENT_BODY_LINE).filter(owned);
  const first = lines[0];
  if (first === undefined) return null;
  let body: Element | null = first.parentElement;
  while (body !== null && body !== comment && !lines.every((line) => body !== null && body.contains(line))) body = body.parentElement;
  return body;
}

function readCommentParts(comment: Element, container: Element, now: number): CommentParts {
  const owned = ownedByComment(comment, container);
  const body = commentBody(comment, owned);
  const text = body === null ? '' : readText(body);

  const links = Array.from(comment.querySelectorAll('a[href]')).filter((a) => owned(a) && (body === null || !body.contains(a)));
  const profileLinks = links.filter((a) => canonicalProfileUrl(a.getAttribute('href')) !== null);
  // The name link is the visible one (the avatar link is aria-hidden and has no text).
  const nameLink = profileLinks.find((a) => a.getAttribute('aria-hidden') !== 'true' && readLine(a) !== '') ?? null;
  const urlLink = nameLink ?? profileLinks[0] ?? null;
  const author: Person = {
    name: nameLink === null ? '' : readLine(nameLink),
    profileUrl: urlLink === null ? null : canonicalProfileUrl(urlLink.getAttribute('href')),
  };

  const timeLink = commentTimeLink(comment, owned);
  let ref = timeLink === null ? null : parseCommentLink(timeLink.getAttribute('href'));
  if (ref === null) {
    for (const a of links) {
      ref = parseCommentLink(a.getAttribute('href'));
      if (ref !== null) break;
    }
  }
  let time: PageTime | null = null;
  if (timeLink !== null) {
    const lang = pageLanguage(comment);
    for (const label of [readLine(timeLink), timeLink.getAttribute('aria-label')]) {
      if (label === null || label.trim() === '') continue;
      time = parseTimeLabel(label, lang, now);
      if (time !== null) break;
    }
  }
  return { ref, author, text, time, timeLink };
}

export interface CommentEntry {
  element: Element;
  comment: ExtractedComment;
}

interface CommentsRead {
  entries: CommentEntry[];
  health: PartHealth;
  notes: string[];
}

/**
 * The comments loaded in a container, all attached to `postId`. Comment ids come from
 * `comment_id` / `reply_comment_id`; without one, a hash of what identifies the comment
 * (never its relative time label, which drifts). Parents: `reply_comment_id` links name
 * them; else an enclosing comment.
 */
export function readComments(container: Element, commentEls: readonly Element[], postId: string, now: number): CommentsRead {
  const notes: string[] = [];
  const entries: CommentEntry[] = [];
  const idByElement = new Map<Element, string>();
  const used = new Set<string>();
  /** Numeric post ids the comments' links name other than `postId` (looked for when `postId` is numeric). */
  const otherPosts = new Set<string>();
  const numericPost = NUMERIC.test(postId);
  let unreadable = 0;
  for (const el of commentEls) {
    const parts = readCommentParts(el, container, now);
    if (parts.author.name === '' && parts.text === '') {
      unreadable++;
      continue;
    }
    let commentId: string;
    if (parts.ref !== null) {
      commentId = parts.ref.commentId;
    } else {
      const base = `hash:${stableHash([postId, parts.author.profileUrl ?? parts.author.name, parts.text, ''])}`;
      commentId = base;
      for (let n = 2; used.has(commentId); n++) commentId = `${base}~${n}`;
    }
    if (used.has(commentId)) continue; // the same comment rendered twice
    used.add(commentId);
    if (numericPost && parts.ref !== null && parts.ref.postId !== null && parts.ref.postId !== postId) otherPosts.add(parts.ref.postId);
    idByElement.set(el, commentId);

    let parentId = parts.ref !== null ? parts.ref.parentId : null;
    if (parentId === null && el.parentElement !== null) {
      const enclosing = closestComment(el.parentElement, container);
      if (enclosing !== null) parentId = idByElement.get(enclosing) ?? null;
    }
    entries.push({ element: el, comment: { platform: 'facebook', commentId, postId, parentId, author: parts.author, text: parts.text, time: parts.time } });
  }
  if (unreadable > 0) notes.push(`post ${postId}: ${unreadable} comment(s) with neither author nor text (COMMENT_BODY, author links)`);
  if (otherPosts.size > 0) notes.push(`post ${postId}: comment links name other posts too (${[...otherPosts].join(', ')}); their comments are kept on this one`);
  let health: PartHealth = entries.length > 0 ? 'ok' : 'absent';
  if (entries.length === 0 && unreadable > 0) health = 'broken';
  return { entries, health, notes };
}

// ---------------------------------------------------------------------------
// Reply box

/** The comment's own Reply control: in its action row, the control after the reaction (Like) one. */
export function findReplyControl(comment: Element, container: Element): HTMLElement | null {
  const owned = ownedByComment(comment, container);
  for (const row of all(comment, S.COMMENT_ACTION_ROW)) {
    if (!owned(row) || row.querySelector('li') === null) continue;
    const controls = Array.from(row.querySelectorAll('li [role="button"]')).filter(
      // Menu triggers aside; a control nested in another control is part of it.
      (b) => owned(b) && !b.hasAttribute('aria-haspopup') && (b.parentElement === null || b.parentElement.closest('[role="button"]') === null),
    );
    const reply = controls[1];
    if (reply !== undefined) return reply as HTMLElement;
  }
  return null;
}

/** The top comment of a comment's thread: its parent for a reply (`reply_comment_id`), else itself. */
function threadTopOf(comment: Element, container: Element): Element {
  const ref = readCommentParts(comment, container, 0).ref;
  if (ref === null || ref.parentId === null) return comment;
  const parent = commentElementsOf(container).find((el) => readCommentParts(el, container, 0).ref?.commentId === ref.parentId); // ?. : a comment without a link has no id to compare
  return parent ?? comment;
}

/**
 * The open reply editor of a comment's thread: a composer editor inside a form, after the
 * thread's top comment, within the nearest ancestor that holds no other thread and none of
 * the post's own parts (so the post's main composer is never taken for a reply box).
 */
export function findOpenReplyEditor(comment: Element, container: Element): HTMLElement | null {
  const top = threadTopOf(comment, container);
  const topRef = readCommentParts(top, container, 0).ref;
  const owned = ownedByPost(container);
  const postParts = [
    ...all(container, S.POST_MESSAGE),
    ...all(container, S.POST_AUTHOR_BLOCK),
    ...all(container, S.REACTIONS_TOOLBAR),
    // The action bar's buttons; a composer's own icon buttons (emoji, photo, send) are not post parts.
    ...Array.from(container.querySelectorAll('[role="button"]')).filter((b) => b.querySelector(anyOf(S.ACTION_BUTTON_ICON)) !== null && b.closest('form') === null),
  ].filter(owned);
  const others = commentElementsOf(container).filter((el) => {
    if (el === top) return false;
    const ref = readCommentParts(el, container, 0).ref;
    return !(ref !== null && topRef !== null && ref.parentId === topRef.commentId);
  });
  for (let scope: Element | null = top.parentElement; scope !== null && scope !== container; scope = scope.parentElement) {
    if (others.some((el) => scope !== null && scope.contains(el))) break;
    if (postParts.some((el) => scope !== null && scope.contains(el))) break;
    const editor = Array.from(scope.querySelectorAll(EDITOR_SELECTOR)).find(
      (e) => e.closest('form') !== null && closestComment(e, container) === null && precedes(top, e),
    );
    if (editor) return editor as HTMLElement;
  }
  return null;
}

/** Finds the comment element with this id (as readComments ids it) in any container of the page. */
export function findCommentElement(doc: Document, commentId: string): { comment: Element; container: Element } | null {
  for (const container of Array.from(doc.querySelectorAll(CONTAINER_SELECTOR))) {
    const comment = inScope(container, () => findCommentIn(container, doc, commentId));
    if (comment !== null) return { comment, container };
  }
  return null;
}

function findCommentIn(container: Element, doc: Document, commentId: string): Element | null {
  // Hashed ids need the post id they were made with (read again with the container's comments).
  if (commentId.startsWith('hash:')) return elementWithId(commentsWithIds(container, doc), commentId);
  return commentElementsOf(container).find((c) => readCommentParts(c, container, 0).ref?.commentId === commentId) ?? null; // ?. : a comment without a link has no id
}

/**
 * Every comment in the page with its id as readComments gives it, container by
 * container (a post's comments are read once for all of them; findCommentElement
 * reads them for one). Lazy: the caller stops when it has what it wants.
 */
export function* pageComments(doc: Document): Generator<[string, Element]> {
  for (const container of Array.from(doc.querySelectorAll(CONTAINER_SELECTOR))) yield* inScope(container, () => commentsWithIds(container, doc));
}

function commentsWithIds(container: Element, doc: Document): Array<[string, Element]> {
  const els = commentElementsOf(container);
  const postId = readPostIdentity(container, ownedByPost(container), { name: '', profileUrl: null }, { pageUrl: new URL(doc.URL), now: 0 }).postId;
  if (postId !== null) return readComments(container, els, postId, 0).entries.map((entry) => [entry.comment.commentId, entry.element]);
  // Without the post's id only comments with a link of their own have an id.
  return els.flatMap((el): Array<[string, Element]> => {
    const id = readCommentParts(el, container, 0).ref?.commentId; // ?. : a comment without a link has no id
    return id === undefined ? [] : [[id, el]];
  });
}

/**
 * Whether replies can be drafted here: 'absent' when logged out or there is nothing to
 * reply to; 'ok' when a comment has an open reply editor or an identifiable Reply control;
 * 'broken' when a signed-in viewer sees comments but none has either.
 */
function readReplyBoxHealth(container: Element, commentEls: readonly Element[], notes: string[], ctx: ReadContext): PartHealth {
  const doc = container.ownerDocument;
  if (commentEls.length === 0 || oncePerRead(ctx, 'facebook:logged-out', () => isLoggedOutPage(doc))) return 'absent';
  if (commentEls.some((el) => findReplyControl(el, container) !== null)) return 'ok';
  if (commentEls.some((el) => findOpenReplyEditor(el, container) !== null)) return 'ok';
  const signedIn = readOwnIdentity(doc) !== null || doc.querySelector(EDITOR_SELECTOR) !== null;
  if (!signedIn) return 'absent';
  notes.push('signed in and comments shown, but no comment has a Reply control in its action row (COMMENT_ACTION_ROW)');
  return 'broken';
}

// ---------------------------------------------------------------------------
// One container

const ABSENT: ContainerReading['health'] = { post: 'absent', counts: 'absent', comments: 'absent', replyBox: 'absent', notes: [] };

/** Reads one post container: its post, counts, comments and whether replies can be drafted. */
export function readFacebookContainer(container: Element, ctx: ReadContext): ContainerReading {
  return inScope(container, () => readContainerInScope(container, ctx));
}

/** Runs a read of `container` with its scope found once (not once per element it asks about). */
function inScope<T>(container: Element, read: () => T): T {
  if (readScopes.has(container)) return read();
  readScopes.set(container, scopeOf(container));
  const outermost = readUrls === null;
  if (outermost) readUrls = new Map();
  try {
    return read();
  } finally {
    readScopes.delete(container);
    if (outermost) readUrls = null;
  }
}

function readContainerInScope(container: Element, ctx: ReadContext): ContainerReading {
  const owned = ownedByPost(container);
  const notes: string[] = [];
  const authorLink = findAuthorLink(container, owned);
  const message = firstMatch(container, S.POST_MESSAGE, owned);
  const commentEls = commentElementsOf(container);

  const author: Person = {
    name: authorLink === null ? '' : (nameOfLink(authorLink) ?? ''),
    profileUrl: authorLink === null ? null : canonicalProfileUrl(authorLink.getAttribute('href')),
  };
  const identity = readPostIdentity(container, owned, author, ctx);
  notes.push(...identity.notes);

  if (authorLink === null && message === null && identity.permalink === null && commentEls.length === 0) {
    // A placeholder (not yet rendered) or a wrapper whose content is a nested container.
    return { posts: [], comments: [], health: { ...ABSENT, notes: [] } };
  }

  const label = identity.postId ?? '(no id)';
  const text = message === null ? '' : readText(message);
  const countsRead = readCounts(container, owned, [message, authorLink], commentEls, label);
  notes.push(...countsRead.notes);

  let postHealth: PartHealth = 'ok';
  if (identity.postId === null) {
    postHealth = 'broken';
    notes.push('post without an id: no permalink, comment link or post address names it');
  }
  if (author.name === '') {
    postHealth = 'broken';
    notes.push(`post ${label}: author not found (aria-labelledby, POST_AUTHOR_BLOCK)`);
  }

  const posts: ExtractedPost[] = [];
  let comments: ExtractedComment[] = [];
  let commentsHealth: PartHealth = 'absent';
  if (identity.postId !== null && identity.url !== null) {
    posts.push({
      platform: 'facebook',
      postId: identity.postId,
      url: identity.url,
      author,
      text,
      mediaKind: readMediaKind(container, owned, message, identity.permalink, countsRead.footerStart, text),
      publishedAt: readPostTime(identity.permalink, container, owned, ctx.now),
      counts: countsRead.counts,
    });
    const read = readComments(container, commentEls, identity.postId, ctx.now);
    comments = read.entries.map((e) => e.comment);
    commentsHealth = read.health;
    notes.push(...read.notes);
  } else if (commentEls.length > 0) {
    commentsHealth = 'broken';
    notes.push(`${commentEls.length} comment(s) not read: their post has no id`);
  }

  if (commentsHealth === 'absent') {
    // Comment markup that no COMMENT variant matched: links to comments outside any comment.
    const stray = all(container, S.COMMENT_LINK).filter(owned);
    const expanded = countsRead.commentsButton !== null && countsRead.commentsButton.getAttribute('aria-expanded') === 'true';
    const loading = Array.from(container.querySelectorAll('[role="status"]')).some(owned);
    if (stray.length > 0) {
      commentsHealth = 'broken';
      notes.push(`post ${label}: ${stray.length} comment link(s) outside any COMMENT element`);
    } else if (expanded && !loading && (countsRead.counts.comments ?? 0) > 0) {
      commentsHealth = 'broken';
      notes.push(`post ${label}: comments shown (count ${countsRead.counts.comments}) but no COMMENT element matched`);
    }
  }

  return {
    posts,
    comments,
    health: {
      post: postHealth,
      counts: countsRead.health,
      comments: commentsHealth,
      replyBox: readReplyBoxHealth(container, commentEls, notes, ctx),
      notes,
    },
  };
}
