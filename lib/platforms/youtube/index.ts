/**
 * The YouTube adapter: reads videos (watch page, Shorts, grid cards), their
 * counts and loaded comments, and the signed-in channel from www.youtube.com,
 * and finds a comment's reply editor for reply drafting.
 */
import { firstOwned, ownedByContainer, safeAnchor } from '../actions';
import { readPage } from '../read';
import type { PageReading, PlatformAdapter } from '../types';
import { findCommentElement, findOwnReplyEditor, findReplyButton, isVideoPageUrl, readOwnIdentity, readYouTubeContainer } from './extract';
import { CONTAINER, IGNORED, SHORTS_ACTIVE_REEL, SHORTS_PAGE, anyOf } from './selectors';

/** Bump whenever selectors.ts or the reading rules change (shown in the health notice). */
export const YOUTUBE_ADAPTER_VERSION = '2026.11.1';

/**
 * Opens the reply editor of a comment. YouTube renders the reply composer
 * (`ytd-comment-reply-dialog-renderer` > `ytd-commentbox`) into the comment's own
 * `#reply-dialog` when its `#reply-button-end` is clicked; Polymer renders
 * synchronously in the click handler, so the editor is normally there when
 * `click()` returns. Returns null when nothing can be found (the caller may try
 * again after the page settles).
 */
function findReplyBox(doc: Document, commentId: string): HTMLElement | null {
  try {
    const comment = findCommentElement(doc, commentId);
    if (comment === null) return null;
    const open = findOwnReplyEditor(comment);
    if (open !== null) return open;
    const button = findReplyButton(comment);
    if (button === null) return null;
    button.click();
    return findOwnReplyEditor(comment);
  } catch {
    return null;
  }
}

/** The watch page's like / share / save row (where the in-page Save action goes). */
const WATCH_ACTIONS = [
  // 2022–2026.
  'ytd-watch-metadata #top-level-buttons-computed',
  // legacy watch info. TODO(2026-12): drop if not seen.
  'ytd-video-primary-info-renderer #top-level-buttons-computed',
];
/** The playing Short's action bar. */
const SHORTS_ACTIONS = [
  // 2024–2026.
  'reel-action-bar-view-model',
  // 2021–2024. TODO(2026-12): drop if not seen.
  'ytd-reel-player-overlay-renderer #actions',
];

/** Grid cards have no action bar: null puts the Save action at the card's corner. */
function findActionRow(container: Element): Element | null {
  const owned = ownedByContainer(container, anyOf(CONTAINER));
  if (container.matches(anyOf(SHORTS_PAGE))) {
    const reel = container.querySelector(anyOf(SHORTS_ACTIVE_REEL));
    return reel === null ? null : firstOwned(reel, SHORTS_ACTIONS, owned, { bySubject: true });
  }
  // By subject, as extract.ts's queries (firstMatching says why).
  return firstOwned(container, WATCH_ACTIONS, owned, { bySubject: true });
}

export const youtubeAdapter: PlatformAdapter = {
  platform: 'youtube',
  version: YOUTUBE_ADAPTER_VERSION,
  matches(url: URL): boolean {
    return url.protocol === 'https:' && url.hostname === 'www.youtube.com';
  },
  containerSelector: anyOf(CONTAINER),
  ignoreSelector: anyOf(IGNORED),
  readContainer: readYouTubeContainer,
  readOwnIdentity: (doc, ctx) => readOwnIdentity(doc, ctx.pageUrl),
  expectsPost: isVideoPageUrl,
  findReplyBox,
  actionAnchor: (el) => safeAnchor(() => findActionRow(el)),
  anchorMeansPost: true,
};

/** Reads a whole YouTube page (tests, inspect-page). `now` (epoch ms) anchors relative time labels. */
export function readYouTubePage(doc: Document, pageUrl: URL, now: number): PageReading {
  return readPage(youtubeAdapter, doc, { pageUrl, now });
}
