/**
 * The LinkedIn adapter: reads posts, counts, comments and the signed-in member
 * from www.linkedin.com pages (logged-in app and the logged-out guest post page),
 * and finds a comment's reply editor for reply drafting.
 */
import { firstOwned, ownedByContainer, safeAnchor } from '../actions';
import { readPage } from '../read';
import type { PageReading, PlatformAdapter } from '../types';
import { findCommentElement, findOwnReplyEditor, findReplyButton, isPostPageUrl, readLinkedInContainer, readOwnIdentity } from './extract';
import { COMMENT, POST_CONTAINER, anyOf } from './selectors';

/** Bump whenever selectors.ts or the reading rules change (shown in the health notice). */
export const LINKEDIN_ADAPTER_VERSION = '2026.11.1';

/**
 * Opens the reply editor of a comment. LinkedIn renders a reply composer only
 * after the comment's Reply button is clicked; Ember renders in the click's run
 * loop, so the editor is normally there when `click()` returns. For a reply,
 * LinkedIn may open the composer on the thread's top comment instead, so that
 * comment is searched too. Returns null when nothing can be found (the caller may
 * try again after the page settles).
 */
function findReplyBox(doc: Document, commentId: string): HTMLElement | null {
  try {
    const comment = findCommentElement(doc, commentId);
    if (comment === null) return null;
    const open = findOwnReplyEditor(comment);
    if (open !== null) return open;

    const button = findReplyButton(comment);
    if (button !== null) button.click();

    const opened = findOwnReplyEditor(comment);
    if (opened !== null) return opened;
    // Replies to a reply: the composer sits in the enclosing thread's comment.
    for (let node = comment.parentElement; node !== null; node = node.parentElement) {
      if (node.matches(anyOf(COMMENT))) {
        const threadEditor = findOwnReplyEditor(node);
        if (threadEditor !== null) return threadEditor;
      }
    }
    return null;
  } catch {
    return null;
  }
}

/** The post's Like / Comment / Repost / Send bar (where the in-page Save action goes). */
const ACTION_BAR = [
  // logged-in, 2022–2026.
  '.feed-shared-social-action-bar',
  // guest post page, 2024–2026.
  '.social-action-bar',
];

export const linkedinAdapter: PlatformAdapter = {
  platform: 'linkedin',
  version: LINKEDIN_ADAPTER_VERSION,
  matches(url: URL): boolean {
    return url.protocol === 'https:' && url.hostname === 'www.linkedin.com';
  },
  containerSelector: anyOf(POST_CONTAINER),
  readContainer: (el, ctx) => readLinkedInContainer(el, ctx.pageUrl, ctx.now, ctx),
  readOwnIdentity: (doc, ctx) => readOwnIdentity(doc, ctx.pageUrl),
  expectsPost: isPostPageUrl,
  findReplyBox,
  actionAnchor: (el) => safeAnchor(() => firstOwned(el, ACTION_BAR, ownedByContainer(el, anyOf(POST_CONTAINER)))),
  anchorMeansPost: true,
};

/** Reads a whole LinkedIn page (tests, inspect-page). `now` (epoch ms) anchors relative time labels. */
export function readLinkedInPage(doc: Document, pageUrl: URL, now: number): PageReading {
  return readPage(linkedinAdapter, doc, { pageUrl, now });
}
