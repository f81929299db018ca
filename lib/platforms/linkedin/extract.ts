/**
 * LinkedIn page -> typed records. Pure DOM readers: every function takes the
 * `Document`/`Element` (and the page url / current time) as parameters and never
 * touches browser APIs, so tests feed them any DOM.
 *
 * Rules kept throughout:
 * - identity comes from urns in attributes, links and ARIA structure, never from
 *   visible (localised) words;
 * - a count that cannot be read is null, never 0;
 * - a comment belongs to the post whose card holds it, or else to the post its
 *   urn names; otherwise it is dropped (and noted), never guessed.
 */
import { tidyText } from '../text';
import { parseCount } from '../../parse/counts';
import { stableHash } from '../../parse/hash';
import { parseAbsoluteTime, parseRelativeTime } from '../../parse/time';
import type {
  Count,
  ExtractedComment,
  ExtractedPost,
  MediaKind,
  OwnIdentity,
  PageHealth,
  ContainerReading,
  PageTime,
  PartHealth,
  Person,
  PostCounts,
  ReadContext,
} from '../types';
import { elementWithId, oncePerRead } from '../read';
import * as S from './selectors';
import { anyOf, type SelectorVariants } from './selectors';
import { allMatching, firstMatching } from '../selectors';
import { memoizeLinks } from '../../parse/memo';

export const LINKEDIN_ORIGIN = 'https://www.linkedin.com';

// ---------------------------------------------------------------------------
// Urns and urls

export type PostUrnKind = 'activity' | 'ugcPost' | 'share';

/** `urn:li:activity:123` -> { kind: 'activity', id: '123' }; null for anything else. */
export function parsePostUrn(urn: string): { kind: PostUrnKind; id: string } | null {
  const match = /^urn:li:(activity|ugcPost|share):(\d+)$/.exec(urn.trim());
  if (!match) return null;
  const [, kind, id] = match;
  if (kind === undefined || id === undefined) return null;
  return { kind: kind as PostUrnKind, id };
}

/**
 * The post id we store: the bare number for activities (LinkedIn's own post id),
 * `ugcPost:<n>` / `share:<n>` for the rarer urn kinds so the namespaces never collide.
 */
export function postIdFromUrn(urn: string): string | null {
  const parsed = parsePostUrn(urn);
  if (!parsed) return null;
  return parsed.kind === 'activity' ? parsed.id : `${parsed.kind}:${parsed.id}`;
}

/** https://www.linkedin.com/feed/update/urn:li:activity:<id>/ (or the ugcPost/share urn). */
export function canonicalPostUrl(postId: string): string {
  const urn = /^\d+$/.test(postId) ? `urn:li:activity:${postId}` : `urn:li:${postId}`;
  return `${LINKEDIN_ORIGIN}/feed/update/${urn}/`;
}

export interface CommentUrn {
  /** The urn in one spelling: `urn:li:comment:(activity:<post>,<n>)`, nested for replies. */
  commentId: string;
  /** The post id the urn names (as `postIdFromUrn` gives it), or null if it names none. */
  postId: string | null;
  /** For reply urns that name their parent: the parent's `commentId`. */
  parentId: string | null;
  /** The comment's own number (a LinkedIn snowflake id). */
  number: string;
}

/**
 * Parses a comment urn. LinkedIn spells the thread both `activity:<n>` (logged-in
 * pages) and `urn:li:activity:<n>` (guest pages); replies may nest their parent:
 * `urn:li:comment:(urn:li:comment:(activity:X,P),R)`. The result always uses the
 * short spelling, so one comment has one id whichever page family showed it.
 */
export function parseCommentUrn(urn: string): CommentUrn | null {
  const text = urn.trim();
  const prefix = 'urn:li:comment:(';
  if (!text.startsWith(prefix) || !text.endsWith(')')) return null;
  const inner = text.slice(prefix.length, -1);
  const comma = inner.lastIndexOf(',');
  if (comma < 0) return null;
  const thread = inner.slice(0, comma).trim();
  const number = inner.slice(comma + 1).trim();
  if (!/^\d+$/.test(number)) return null;

  if (thread.startsWith(prefix)) {
    const parent = parseCommentUrn(thread);
    if (!parent) return null;
    return { commentId: `${prefix}${parent.commentId},${number})`, postId: parent.postId, parentId: parent.commentId, number };
  }
  const threadMatch = /^(?:urn:li:)?(activity|ugcPost|share):(\d+)$/.exec(thread);
  if (!threadMatch) return null;
  const [, kind, id] = threadMatch;
  if (kind === undefined || id === undefined) return null;
  return {
    commentId: `${prefix}${kind}:${id},${number})`,
    postId: kind === 'activity' ? id : `${kind}:${id}`,
    parentId: null,
    number,
  };
}

/**
 * Canonical profile/company url: absolute, https://www.linkedin.com, no query or
 * hash, no sub-page, trailing slash. Country hosts (sg.linkedin.com) are folded
 * into www. Returns null for links that are not a member/company/school page.
 */
export function canonicalProfileUrl(href: string | null, base: string | URL = LINKEDIN_ORIGIN): string | null {
  return canonicalProfileUrlOf(href, base);
}

/** canonicalProfileUrl, remembered per link and base (the same links repeat in every post of a feed). */
const canonicalProfileUrlOf = memoizeLinks((href: string, base: string) => parseProfileUrl(href, base));

function parseProfileUrl(href: string, base: string): string | null {
  if (href.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (url.hostname !== 'linkedin.com' && !url.hostname.endsWith('.linkedin.com')) return null;
  const [kind, slug] = url.pathname.split('/').filter((part) => part !== '');
  if (kind === undefined || slug === undefined) return null;
  if (!['in', 'company', 'school', 'showcase'].includes(kind)) return null;
  return `${LINKEDIN_ORIGIN}/${kind}/${slug}/`;
}

/**
 * LinkedIn ids (activities, comments) are snowflakes: the top 41 bits are the
 * creation time in epoch ms. Dividing by 2^22 in floating point is exact to
 * within a millisecond for 19-digit ids, so no BigInt is needed.
 */
export function timeFromLinkedInId(id: string): number | null {
  if (!/^\d{15,20}$/.test(id)) return null;
  const ms = Math.floor(Number(id) / 4194304);
  // Before LinkedIn existed, or absurd: not a snowflake.
  return ms >= Date.UTC(2003, 0, 1) ? ms : null;
}

const RELATIVE_UNIT_MS: Readonly<Record<PageTime['precision'], number>> = {
  exact: 0,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};

/**
 * The best time we can state: the page's absolute time if any; else the id's
 * embedded time when it agrees with the page's relative label (or there is no
 * label); else the label. The agreement check guards against ids that are not
 * the thing's own (e.g. an aggregated update's urn).
 */
function bestTime(absolute: PageTime | null, relative: PageTime | null, idTime: number | null, now: number): PageTime | null {
  if (absolute) return absolute;
  const idPlausible = idTime !== null && idTime <= now + 60_000;
  if (idPlausible && relative === null) return { at: idTime, precision: 'exact' };
  if (idPlausible && relative !== null) {
    const tolerance = 2 * RELATIVE_UNIT_MS[relative.precision];
    if (Math.abs(idTime - relative.at) <= tolerance) return { at: idTime, precision: 'exact' };
  }
  return relative;
}

// ---------------------------------------------------------------------------
// Text

// By localName: lower case for HTML and SVG elements alike (tagName is upper case for HTML only).
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button']);
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'ul', 'ol', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'pre']);

/**
 * Reads an element's text as a reader sees it: `<br>` and block boundaries become
 * "\n", screen-reader-only duplicates are skipped, runs of spaces collapse but line
 * breaks stay. Newlines inside text nodes count only where the markup says
 * whitespace is literal (guest pages print the post with `whitespace-pre-wrap`);
 * elsewhere they are template indentation. Emoji are ordinary text and are kept.
 */
const STYLED_WHITESPACE = '[style*="white-space"]';

export function readText(root: Element): string {
  const screenReaderOnly = anyOf(S.SCREEN_READER_ONLY);
  const preserved = anyOf(S.PRESERVED_WHITESPACE);
  // Most text has neither: one query of the subtree each spares a selector match per element.
  const mayHide = root.querySelector(screenReaderOnly) !== null;
  const literal = `${preserved},${STYLED_WHITESPACE}`;
  const mayPreserve = root.matches(literal) || root.querySelector(literal) !== null;
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
    const tag = el.localName;
    if (tag === 'br') {
      out.push('\n');
      return;
    }
    // The root itself is read whatever it is (count buttons are read as a whole).
    if (el !== root && (SKIPPED_TAGS.has(tag) || (mayHide && el.matches(screenReaderOnly)))) return;
    const keep = keepNewlines || (mayPreserve && (el.matches(preserved) || /white-space:\s*pre/.test(el.getAttribute('style') ?? '')));
    const block = BLOCK_TAGS.has(tag) && el !== root;
    if (block) newline();
    for (let child = el.firstChild; child !== null; child = child.nextSibling) walk(child, keep);
    if (block) newline();
  };
  walk(root, false);
  return tidyText(out.join(''));
}

/** readText on one line (names, labels). */
function readLine(el: Element): string {
  return readText(el).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// Scoped queries

/** First element under `root` (or `root` itself) matching a variant, in variant order, that `accept` allows. */
function firstMatch(root: Element | Document, variants: SelectorVariants, accept?: (el: Element) => boolean): Element | null {
  return firstMatching(root, variants, accept, { includeRoot: true });
}

const COMMENT_SELECTOR = anyOf(S.COMMENT);
/** What a rendered card has (a placeholder has none of it). */
const CARD_CONTENT_SELECTOR = anyOf([...S.POST_ACTOR, ...S.POST_TEXT, ...S.COUNTS_BAR]);

/** The nearest comment element at or above `el`, or null. */
function closestComment(el: Element): Element | null {
  return el.closest(COMMENT_SELECTOR);
}

/**
 * The post card being read (readLinkedInContainer) when it holds no comment and is in none, for the length of
 * its read: then nothing of it is in a comment, and no element's ancestors need a selector match (closest()
 * would go on to the document's root for every element of the post the read looks at).
 */
let commentFreeCard: Element | null = null;

/** Whether `el` is part of the post card itself and not of a comment under it. */
function ownedByPost(post: Element, posts: ReadonlySet<Element>): (el: Element) => boolean {
  if (post === commentFreeCard) return (el) => owningPost(el, posts) === post;
  return (el) => closestComment(el) === null && owningPost(el, posts) === post;
}

/** Whether `el` belongs to `comment` itself and not to a reply nested in it. */
function ownedByComment(comment: Element): (el: Element) => boolean {
  return (el) => closestComment(el) === comment;
}

/** The innermost post card among `posts` that contains `el`. */
function owningPost(el: Element, posts: ReadonlySet<Element>): Element | null {
  for (let node: Element | null = el; node !== null; node = node.parentElement) {
    if (posts.has(node)) return node;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Own identity

/**
 * The signed-in member, from the top bar's "Me" menu, the feed's identity card,
 * the share box or the comment composer. Null when the page shows no own
 * profile link (logged out, or a page without any of these).
 */
export function readOwnIdentity(doc: Document, pageUrl: URL | string = LINKEDIN_ORIGIN): OwnIdentity | null {
  let profileUrl: string | null = null;
  for (const selector of S.OWN_PROFILE_LINK) {
    for (const link of Array.from(doc.querySelectorAll(selector))) {
      const url = canonicalProfileUrl(link.getAttribute('href'), pageUrl);
      if (url !== null && url.startsWith(`${LINKEDIN_ORIGIN}/in/`)) {
        profileUrl = url;
        break;
      }
    }
    if (profileUrl !== null) break;
  }
  if (profileUrl === null) return null;

  let name: string | null = null;
  const nameEl = firstMatch(doc, S.OWN_NAME_TEXT, (el) => readLine(el) !== '');
  if (nameEl) name = readLine(nameEl);
  if (name === null) {
    const image = firstMatch(doc, S.OWN_NAME_IMAGE, (el) => (el.getAttribute('alt') ?? '').trim() !== '');
    if (image) name = (image.getAttribute('alt') ?? '').trim();
  }
  return { name, profileUrl };
}

/** Whether the page is the logged-in app (top bar "Me" menu present), even if no profile link is shown. */
export function isLoggedInPage(doc: Document): boolean {
  return doc.querySelector('.global-nav__me, img.global-nav__me-photo') !== null || readOwnIdentity(doc) !== null;
}

// ---------------------------------------------------------------------------
// Posts

/** The id a post card carries, from the first urn attribute that holds a post urn. */
export function postIdOf(el: Element): string | null {
  for (const attribute of S.POST_URN_ATTRIBUTES) {
    const value = el.getAttribute(attribute);
    if (value === null) continue;
    const id = postIdFromUrn(value);
    if (id !== null) return id;
  }
  return null;
}

/**
 * The post cards on the page, in page order, one per post. Where a wrapper and
 * the card inside it carry the same urn, the inner card is used; a card nested in
 * another card with a different urn (a reshared original) is part of the outer
 * post. Not-yet-rendered placeholders (a urn and nothing else) are skipped.
 */
export function findPostElements(doc: Document): Element[] {
  const candidates = Array.from(doc.querySelectorAll(anyOf(S.POST_CONTAINER))).filter((el) => postIdOf(el) !== null);
  const seen = new Set<string>();
  const posts: Element[] = [];
  for (const el of candidates) {
    const id = postIdOf(el);
    if (id === null) continue;
    const insideOther = candidates.some((other) => other !== el && other.contains(el) && postIdOf(other) !== id);
    const hasInnerSame = candidates.some((other) => other !== el && el.contains(other) && postIdOf(other) === id);
    if (insideOther || hasInnerSame) continue;
    if (el.querySelector(CARD_CONTENT_SELECTOR) === null) continue;
    if (seen.has(id)) continue;
    seen.add(id);
    posts.push(el);
  }
  return posts;
}

export interface PostRead {
  post: ExtractedPost;
  countsHealth: PartHealth;
  /** False when a part every post has (the author) could not be read. */
  complete: boolean;
  notes: string[];
}

/** Reads one post card. `posts` is the set of all cards on the page (to keep nested cards apart). */
export function readPost(el: Element, posts: ReadonlySet<Element>, pageUrl: URL, now: number): PostRead | null {
  const postId = postIdOf(el);
  if (postId === null) return null;
  const notes: string[] = [];
  const owned = ownedByPost(el, posts);

  const actor = firstMatch(el, S.POST_ACTOR, owned);
  const actorScope = actor ?? el;
  const author = readPostAuthor(actorScope, actor !== null, owned, pageUrl);
  if (author.name === '') notes.push(`post ${postId}: author name not found (POST_ACTOR_NAME)`);

  const textEl = firstMatch(el, S.POST_TEXT, owned);
  const text = textEl ? readText(textEl) : '';

  const publishedAt = readPostTime(el, actorScope, owned, postId, now);

  const { counts, health: countsHealth, notes: countNotes } = readCounts(el, owned, postId);
  notes.push(...countNotes);

  return {
    post: {
      platform: 'linkedin',
      postId,
      url: canonicalPostUrl(postId),
      author,
      text,
      mediaKind: readMediaKind(el, owned, text),
      publishedAt,
      counts,
    },
    countsHealth,
    complete: author.name !== '',
    notes,
  };
}

function readPostAuthor(scope: Element, scopeIsActor: boolean, owned: (el: Element) => boolean, pageUrl: URL): Person {
  const nameEl = firstMatch(scope, S.POST_ACTOR_NAME, owned);
  const name = nameEl ? readLine(nameEl) : '';
  let profileUrl: string | null = null;
  const linkEl = firstMatch(scope, S.POST_ACTOR_LINK, (a) => owned(a) && canonicalProfileUrl(a.getAttribute('href'), pageUrl) !== null);
  if (linkEl) profileUrl = canonicalProfileUrl(linkEl.getAttribute('href'), pageUrl);
  // Structural fallback, only inside the actor block (elsewhere a link may be anyone's).
  if (profileUrl === null && scopeIsActor) {
    const anyLink = firstMatch(scope, ['a[href]'], (a) => owned(a) && canonicalProfileUrl(a.getAttribute('href'), pageUrl) !== null);
    if (anyLink) profileUrl = canonicalProfileUrl(anyLink.getAttribute('href'), pageUrl);
  }
  return { name, profileUrl };
}

function readPostTime(el: Element, actorScope: Element, owned: (el: Element) => boolean, postId: string, now: number): PageTime | null {
  const timeEl = firstMatch(actorScope, S.POST_TIME, owned);
  const absolute = timeEl ? parseAbsoluteTime(timeEl.getAttribute('datetime')) : null;
  const relative = timeEl ? parseRelativeTime(readLine(timeEl), now) : null;
  // With a context header ("X commented on this") the card's urn is X's action, not the post.
  const header = firstMatch(el, S.POST_CONTEXT_HEADER, owned);
  const idTime = header === null && /^\d+$/.test(postId) ? timeFromLinkedInId(postId) : null;
  return bestTime(absolute, relative, idTime, now);
}

function readMediaKind(el: Element, owned: (el: Element) => boolean, text: string): MediaKind {
  for (const [kind, variants] of S.POST_MEDIA) {
    if (firstMatch(el, variants, owned) !== null) return kind;
  }
  return text !== '' ? 'text' : 'unknown';
}

/**
 * A count element's number: a plain-number attribute (guest pages), else its
 * visible text, else its aria-label (which also holds the number).
 */
function countFrom(el: Element): Count {
  for (const attribute of S.COUNT_ATTRIBUTES) {
    const value = el.getAttribute(attribute);
    if (value !== null) return parseCount(value);
  }
  const fromText = parseCount(readLine(el));
  if (fromText !== null) return fromText;
  const label = el.getAttribute('aria-label');
  return label === null ? null : parseCount(label);
}

/**
 * Reactions, comments and reposts of a post. A count LinkedIn does not show is
 * null (it hides zeros, but a missing element may also be changed markup). A
 * count element that is present but unreadable makes the counts 'broken'.
 */
export function readCounts(el: Element, owned: (el: Element) => boolean, postId: string): { counts: PostCounts; health: PartHealth; notes: string[] } {
  const counts: PostCounts = { reactions: null, comments: null, shares: null, views: null };
  const notes: string[] = [];
  const bar = firstMatch(el, S.COUNTS_BAR, owned);
  if (bar === null) return { counts, health: 'absent', notes };

  let unreadable = false;
  let found = false;

  const reactionsEl = firstMatch(bar, S.REACTIONS_COUNT);
  if (reactionsEl) {
    found = true;
    counts.reactions = countFrom(reactionsEl);
    if (counts.reactions === null) {
      unreadable = true;
      notes.push(`post ${postId}: reactions count element unreadable`);
    }
  } else if (firstMatch(bar, S.REACTIONS_ITEM) !== null) {
    found = true;
    unreadable = true;
    notes.push(`post ${postId}: reactions shown but no REACTIONS_COUNT variant matched`);
  }

  const commentsEl = firstMatch(bar, S.COMMENTS_COUNT);
  if (commentsEl) {
    found = true;
    counts.comments = countFrom(commentsEl);
    if (counts.comments === null) {
      unreadable = true;
      notes.push(`post ${postId}: comments count element unreadable`);
    }
  }

  const repostsEl =
    firstMatch(bar, S.REPOSTS_COUNT) ??
    firstMatch(bar, S.COUNT_ITEMS, (item) => !item.matches(S.COUNT_ITEM_REACTIONS) && !item.matches(S.COUNT_ITEM_COMMENTS));
  if (repostsEl) {
    found = true;
    const button = repostsEl.querySelector('button, a');
    counts.shares = countFrom(button ?? repostsEl);
    if (counts.shares === null) {
      unreadable = true;
      notes.push(`post ${postId}: reposts count element unreadable`);
    }
  }

  if (!found) {
    notes.push(`post ${postId}: counts bar present but no count variant matched`);
    return { counts, health: 'broken', notes };
  }
  return { counts, health: unreadable ? 'broken' : 'ok', notes };
}

// ---------------------------------------------------------------------------
// Comments

export interface CommentEntry {
  element: Element;
  comment: ExtractedComment;
}

interface CommentPass {
  entries: CommentEntry[];
  /** Post ids whose card has a loaded comments section. */
  sections: Set<string>;
  notes: string[];
}

/**
 * Every comment on the page, attached to its post: the post card holding it, or
 * else the post its urn names if that post is on the page. Comments that fit
 * neither are dropped with a note. Parents come before their replies.
 * `commentEls`: the comments under `doc` (S.COMMENT, page order) when the caller has them already.
 */
export function collectComments(doc: Element | Document, postEls: readonly Element[], pageUrl: URL, now: number, commentEls?: readonly Element[]): CommentPass {
  const posts = new Set(postEls);
  const postIdByEl = new Map<Element, string>();
  const postElById = new Map<string, Element>();
  for (const el of postEls) {
    const id = postIdOf(el);
    if (id === null) continue;
    postIdByEl.set(el, id);
    postElById.set(id, el);
  }

  const sections = new Set<string>();
  for (const [el, id] of postIdByEl) {
    if (firstMatch(el, S.COMMENTS_SECTION, ownedByPost(el, posts)) !== null) sections.add(id);
  }

  const entries: CommentEntry[] = [];
  const notes: string[] = [];
  const idByElement = new Map<Element, string>();
  const usedIds = new Set<string>();

  for (const el of commentEls ?? allMatching(doc, S.COMMENT)) {
    const urn = readCommentUrn(el);
    const holder = owningPost(el, posts);
    let postId: string | null = holder ? (postIdByEl.get(holder) ?? null) : null;
    if (postId === null && urn !== null && urn.postId !== null && postElById.has(urn.postId)) postId = urn.postId;
    if (postId === null) {
      notes.push(`comment ${urn ? urn.commentId : '(no urn)'}: not inside a post card and names no post on this page; dropped`);
      continue;
    }

    const read = readCommentParts(el, pageUrl, now, urn);
    if (read.author.name === '' && read.text === '') {
      notes.push(`comment in post ${postId}: neither author nor text found (COMMENT_AUTHOR_NAME, COMMENT_TEXT)`);
      continue;
    }

    let commentId: string;
    if (urn !== null) {
      commentId = urn.commentId;
    } else {
      // No urn: hash what identifies the comment. A relative label ("2h") is left out
      // on purpose: it changes as time passes and would give the comment a new id.
      const base = `hash:${stableHash([postId, read.author.profileUrl ?? read.author.name, read.text, read.absoluteTime])}`;
      commentId = base;
      for (let n = 2; usedIds.has(commentId); n++) commentId = `${base}~${n}`;
    }
    if (usedIds.has(commentId)) continue; // the same comment rendered twice
    usedIds.add(commentId);
    idByElement.set(el, commentId);

    let parentId: string | null = urn !== null ? urn.parentId : null;
    if (parentId === null) {
      const parentEl = el.parentElement === null ? null : closestComment(el.parentElement);
      if (parentEl !== null) parentId = idByElement.get(parentEl) ?? null;
    }

    entries.push({
      element: el,
      comment: { platform: 'linkedin', commentId, postId, parentId, author: read.author, text: read.text, time: read.time },
    });
  }
  return { entries, sections, notes };
}

/** The comment's urn: its own `data-id`, or (guest pages) the urn on its report menu item. */
function readCommentUrn(el: Element): CommentUrn | null {
  const own = el.getAttribute('data-id');
  if (own !== null && own.startsWith('urn:li:comment:')) return parseCommentUrn(own);
  const carrier = firstMatch(el, S.COMMENT_URN_CARRIER, ownedByComment(el));
  if (carrier === null) return null;
  const value = carrier.getAttribute('data-semaphore-content-urn');
  return value === null ? null : parseCommentUrn(value);
}

function readCommentParts(el: Element, pageUrl: URL, now: number, urn: CommentUrn | null): { author: Person; text: string; time: PageTime | null; absoluteTime: string } {
  const owned = ownedByComment(el);
  const textEl = firstMatch(el, S.COMMENT_TEXT, owned);
  const text = textEl ? readText(textEl) : '';

  const nameEl = firstMatch(el, S.COMMENT_AUTHOR_NAME, owned);
  const name = nameEl ? readLine(nameEl) : '';
  const isProfileLink = (a: Element) => owned(a) && canonicalProfileUrl(a.getAttribute('href'), pageUrl) !== null;
  // The fallback skips links inside the text: those are people mentioned, not the author.
  const linkEl =
    firstMatch(el, S.COMMENT_AUTHOR_LINK, isProfileLink) ??
    firstMatch(el, ['a[href]'], (a) => isProfileLink(a) && (textEl === null || !textEl.contains(a)));
  const profileUrl = linkEl ? canonicalProfileUrl(linkEl.getAttribute('href'), pageUrl) : null;

  const timeEl = firstMatch(el, S.COMMENT_TIME, owned);
  const datetime = timeEl ? timeEl.getAttribute('datetime') : null;
  const absolute = parseAbsoluteTime(datetime);
  const relative = timeEl ? parseRelativeTime(readLine(timeEl), now) : null;
  const idTime = urn ? timeFromLinkedInId(urn.number) : null;

  return {
    author: { name, profileUrl },
    text,
    time: bestTime(absolute, relative, idTime, now),
    absoluteTime: absolute ? String(absolute.at) : '',
  };
}

// ---------------------------------------------------------------------------
// Reply box

/** The comments with a urn on them (in either spelling: compared in parsed form). */
function* urnComments(doc: Document): Generator<[string, Element]> {
  for (const el of allMatching(doc, S.COMMENT)) {
    const urn = readCommentUrn(el);
    if (urn !== null) yield [urn.commentId, el];
  }
}

/** The comments with hashed ids, recomputed by reading the page's comments. */
function* hashedComments(doc: Document): Generator<[string, Element]> {
  for (const entry of collectComments(doc, findPostElements(doc), new URL(LINKEDIN_ORIGIN), 0).entries) {
    if (entry.comment.commentId.startsWith('hash:')) yield [entry.comment.commentId, entry.element];
  }
}

/**
 * Every comment in the page with its id, as findCommentElement finds one. Lazy:
 * the caller stops when it has what it wants (the hashed ones are read last).
 */
export function* pageComments(doc: Document): Generator<[string, Element]> {
  yield* urnComments(doc);
  yield* hashedComments(doc);
}

/** The element of the comment with this id (as `collectComments` ids it), or null. */
export function findCommentElement(doc: Document, commentId: string): Element | null {
  const wanted = commentId.startsWith('urn:li:comment:') ? (parseCommentUrn(commentId) ?? { commentId }).commentId : commentId;
  // Fast path: urn ids are on the element.
  return elementWithId(urnComments(doc), wanted) ?? (wanted.startsWith('hash:') ? elementWithId(hashedComments(doc), wanted) : null);
}

/**
 * The open reply editor that belongs to this comment: inside a composer whose
 * nearest comment is this one (not the post's main box, not another comment's).
 */
export function findOwnReplyEditor(commentEl: Element): HTMLElement | null {
  const owned = ownedByComment(commentEl);
  for (const box of allMatching(commentEl, S.COMMENT_BOX)) {
    if (!owned(box)) continue;
    const editor = firstMatch(box, S.COMMENT_EDITOR);
    if (editor) return editor as HTMLElement;
  }
  return null;
}

/**
 * The comment's own Reply button: a known class, else the structural fallback —
 * in the comment's social bar, the last button that is neither a toggle
 * (aria-pressed: react), a menu trigger (aria-expanded) nor a count (has an icon image).
 * Links are never returned (on guest pages "Reply" is a sign-up link).
 */
export function findReplyButton(commentEl: Element): HTMLElement | null {
  const owned = ownedByComment(commentEl);
  const known = firstMatch(commentEl, S.COMMENT_REPLY_BUTTON, (b) => owned(b) && b.tagName.toUpperCase() === 'BUTTON');
  if (known) return known as HTMLElement;
  const bar = firstMatch(commentEl, S.COMMENT_SOCIAL_BAR, owned);
  if (bar === null) return null;
  const plain = Array.from(bar.querySelectorAll('button')).filter(
    (b) => owned(b) && !b.hasAttribute('aria-pressed') && !b.hasAttribute('aria-expanded') && b.querySelector('img') === null,
  );
  return (plain[plain.length - 1] as HTMLElement | undefined) ?? null;
}

// ---------------------------------------------------------------------------
// The whole page


/**
 * Whether a matched container is a post card on its own: not a wrapper around a
 * card with the same urn, not a reshared original inside another card (that is
 * part of the outer post), and not an empty not-yet-rendered placeholder.
 */
export function isPostCard(el: Element): boolean {
  const id = postIdOf(el);
  if (id === null) return false;
  const selector = anyOf(S.POST_CONTAINER);
  // The enclosing containers, each found by the browser (closest) rather than testing every ancestor.
  for (let node = el.parentElement?.closest(selector) ?? null; node !== null; node = node.parentElement?.closest(selector) ?? null) {
    const outer = postIdOf(node);
    if (outer !== null && outer !== id) return false;
  }
  // The containers inside, one variant at a time (Chromium matches a selector list against every element: allMatching).
  for (const variant of S.POST_CONTAINER) for (const inner of el.querySelectorAll(variant)) if (postIdOf(inner) === id) return false;
  return el.querySelector(CARD_CONTENT_SELECTOR) !== null;
}

const NOTHING: ContainerReading = {
  posts: [],
  comments: [],
  health: { post: 'absent', counts: 'absent', comments: 'absent', replyBox: 'absent', notes: [] },
};

/**
 * Reads one post card with the comments loaded inside it. `now` (epoch ms)
 * anchors relative time labels.
 */
/** `ctx`: the read this container is part of (document-wide facts are found once per read). */
export function readLinkedInContainer(el: Element, pageUrl: URL, now: number, ctx?: ReadContext): ContainerReading {
  if (!isPostCard(el)) return NOTHING;
  const commentEls = allMatching(el, S.COMMENT);
  const outer = commentFreeCard;
  commentFreeCard = commentEls.length === 0 && el.closest(COMMENT_SELECTOR) === null ? el : null;
  try {
    return readCard(el, commentEls, pageUrl, now, ctx);
  } finally {
    commentFreeCard = outer;
  }
}

function readCard(el: Element, commentEls: readonly Element[], pageUrl: URL, now: number, ctx?: ReadContext): ContainerReading {
  const notes: string[] = [];
  const read = readPost(el, new Set([el]), pageUrl, now);
  if (read === null) return NOTHING;
  notes.push(...read.notes);
  const post = read.post;

  const pass = collectComments(el, [el], pageUrl, now, commentEls);
  notes.push(...pass.notes);
  const comments = pass.entries.map((e) => e.comment);

  let commentsHealth: PartHealth;
  if (comments.length > 0) commentsHealth = 'ok';
  else if (!pass.sections.has(post.postId)) commentsHealth = 'absent';
  // A loaded section that shows nothing is fine only if there is nothing to show.
  else if (post.counts.comments === 0 || post.counts.comments === null) commentsHealth = 'absent';
  else {
    notes.push(`post ${post.postId}: comments section loaded and count is ${post.counts.comments}, but no COMMENT variant matched`);
    commentsHealth = 'broken';
  }

  const doc = el.ownerDocument;
  const health: PageHealth = {
    post: read.complete ? 'ok' : 'broken',
    counts: read.countsHealth,
    comments: commentsHealth,
    replyBox: readReplyBoxHealth(el, pass.entries, oncePerRead(ctx, 'linkedin:logged-in', () => isLoggedInPage(doc)), notes),
    notes,
  };
  return { posts: [post], comments, health };
}

/** Whether the url is a single-post page (where a post must be found). */
export function isPostPageUrl(pageUrl: URL): boolean {
  return /^\/(feed\/update\/urn:li:|posts\/)/.test(pageUrl.pathname);
}

/**
 * Whether replies can be drafted here: 'ok' when an editor is open or every
 * visible comment has a Reply button we can identify; 'broken' when a composer
 * has no editor we know, or comments are shown to a signed-in member but none
 * has an identifiable Reply button; 'absent' when logged out or nothing to reply to.
 */
function readReplyBoxHealth(doc: Element | Document, entries: readonly CommentEntry[], loggedIn: boolean, notes: string[]): PartHealth {
  if (!loggedIn) return 'absent';
  const boxes = allMatching(doc, S.COMMENT_BOX).filter((box) => {
    // Only outermost composer elements (a box and its form both match).
    const parent = box.parentElement;
    return parent === null || parent.closest(anyOf(S.COMMENT_BOX)) === null;
  });
  const withEditor = boxes.filter((box) => firstMatch(box, S.COMMENT_EDITOR) !== null);
  if (boxes.length > withEditor.length) notes.push(`${boxes.length - withEditor.length} comment composer(s) without a COMMENT_EDITOR match`);
  if (entries.length > 0) {
    const withButton = entries.filter((e) => findReplyButton(e.element) !== null || findOwnReplyEditor(e.element) !== null).length;
    if (withButton === 0) {
      notes.push('comments shown but no Reply button matched COMMENT_REPLY_BUTTON or the social-bar fallback');
      return 'broken';
    }
  }
  if (boxes.length > withEditor.length) return 'broken';
  if (withEditor.length > 0 || entries.length > 0) return 'ok';
  return 'absent';
}
