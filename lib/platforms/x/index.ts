/**
 * The X adapter: reads tweets, counts, replies on status pages and the signed-in
 * user from x.com (and twitter.com) pages, and finds a reply's editor for reply
 * drafting. The container is one tweet; on a status page the tweets after the
 * focal one are read as its comments (see extract.ts).
 */
import { safeAnchor } from '../actions';
import type { PlatformAdapter } from '../types';
import { findReplyEditor, isXHost, ownedBy, readOwnIdentity, readTweetContainer, statusIdFromPageUrl } from './extract';
import { ACTION_BAR, TWEET, anyOf } from './selectors';

/** Bump whenever selectors.ts or the reading rules change (shown in the health notice). */
export const X_ADAPTER_VERSION = '2026.11.1';

export const xAdapter: PlatformAdapter = {
  platform: 'x',
  version: X_ADAPTER_VERSION,
  matches(url: URL): boolean {
    return url.protocol === 'https:' && isXHost(url.hostname);
  },
  containerSelector: anyOf(TWEET),
  // Video players re-render on every frame; nothing in them is read.
  ignoreSelector: '[data-testid="videoPlayer"]',
  readContainer: readTweetContainer,
  readOwnIdentity(doc: Document): ReturnType<PlatformAdapter['readOwnIdentity']> {
    return readOwnIdentity(doc);
  },
  expectsPost(url: URL): boolean {
    return statusIdFromPageUrl(url) !== null;
  },
  findReplyBox(doc: Document, commentId: string): HTMLElement | null {
    try {
      return findReplyEditor(doc, commentId);
    } catch {
      return null;
    }
  },
  // The tweet's own reply / repost / like / views bar (not a quoted tweet's).
  actionAnchor(tweet: Element): Element | null {
    return safeAnchor(() => {
      const owned = ownedBy(tweet);
      return Array.from(tweet.querySelectorAll(anyOf(ACTION_BAR))).find(owned) ?? null;
    });
  },
};
