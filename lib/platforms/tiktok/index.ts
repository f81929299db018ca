/**
 * The TikTok adapter: reads videos (and photo posts), their counts, the video
 * page's comments and replies, and the signed-in user from www.tiktok.com, and
 * finds a comment's reply editor for reply drafting.
 */
import { ownedByContainer, rowOf, safeAnchor } from '../actions';
import type { ContainerReading, OwnIdentity, PlatformAdapter, ReadContext } from '../types';
import { CONTAINER_SELECTOR, findReplyEditor, postRefOfPage, readContainerDetailed, readOwnIdentity } from './extract';
import { COMMENT_COUNT, LIKE_COUNT, SHARE_COUNT, anyOf } from './selectors';

/** Bump whenever selectors.ts or the reading rules change (shown in the health notice). */
export const TIKTOK_ADAPTER_VERSION = '2026.11.1';

/**
 * Elements whose changes never matter: the video player and its progress bar
 * (its "00:05 / 00:10" label changes many times a second).
 */
/** The post's own count elements (built once: anyOf remembers a list by its identity). */
const COUNT_SELECTOR = anyOf([...LIKE_COUNT, ...COMMENT_COUNT, ...SHARE_COUNT]);
const IGNORE_SELECTOR = ['[id^="xgwrapper-"]', '[class*="DivVideoProgressContainer"]', '[role="slider"]'].join(', ');

export const tiktokAdapter: PlatformAdapter = {
  platform: 'tiktok',
  version: TIKTOK_ADAPTER_VERSION,
  matches(url: URL): boolean {
    return url.protocol === 'https:' && url.hostname === 'www.tiktok.com';
  },
  containerSelector: CONTAINER_SELECTOR,
  ignoreSelector: IGNORE_SELECTOR,
  readContainer(el: Element, ctx: ReadContext): ContainerReading {
    return readContainerDetailed(el, ctx).reading;
  },
  readOwnIdentity(doc: Document): OwnIdentity | null {
    return readOwnIdentity(doc);
  },
  expectsPost(url: URL): boolean {
    return postRefOfPage(url) !== null;
  },
  findReplyBox(doc: Document, commentId: string): HTMLElement | null {
    try {
      return findReplyEditor(doc, commentId);
    } catch {
      return null;
    }
  },
  // The like / comment / save / share bar: the row holding the post's own count elements.
  anchorMeansPost: true,
  actionAnchor(container: Element): Element | null {
    return safeAnchor(() => {
      const owned = ownedByContainer(container, CONTAINER_SELECTOR);
      const counts = Array.from(container.querySelectorAll(COUNT_SELECTOR)).filter(owned);
      return rowOf(counts, container, 2);
    });
  },
};
