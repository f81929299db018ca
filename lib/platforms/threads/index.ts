/**
 * The Threads adapter: reads posts, counts, replies (as comments of a post page's
 * post) and the signed-in user from www.threads.com (and threads.net) pages, and
 * finds a reply's composer for reply drafting.
 */
import { rowOf, safeAnchor } from '../actions';
import type { ContainerReading, OwnIdentity, PlatformAdapter, ReadContext } from '../types';
import { findThreadsReplyBox, isThreadsHost, postCodeOfPage, readOwnIdentity, readPostParts, readThreadsContainer } from './extract';
import { oncePerRead } from '../read';
import { IGNORED, POST_CONTAINER, anyOf } from './selectors';

/** Bump whenever selectors.ts or the reading rules change (shown in the health notice). */
export const THREADS_ADAPTER_VERSION = '2026.11.1';

export const threadsAdapter: PlatformAdapter = {
  platform: 'threads',
  version: THREADS_ADAPTER_VERSION,
  matches(url: URL): boolean {
    return url.protocol === 'https:' && isThreadsHost(url.hostname);
  },
  containerSelector: anyOf(POST_CONTAINER),
  ignoreSelector: anyOf(IGNORED),
  readContainer(el: Element, ctx: ReadContext): ContainerReading {
    return readThreadsContainer(el, ctx.pageUrl, ctx.now, ctx);
  },
  readOwnIdentity(doc: Document, ctx: ReadContext): OwnIdentity | null {
    // The same search the container reads make for their reply-box health: done once per read.
    return oncePerRead(ctx, 'threads:identity', () => readOwnIdentity(doc));
  },
  expectsPost(url: URL): boolean {
    return postCodeOfPage(url) !== null;
  },
  findReplyBox(doc: Document, commentId: string): HTMLElement | null {
    try {
      return findThreadsReplyBox(doc, commentId);
    } catch {
      return null;
    }
  },
  // The like / reply / repost / share row the reader finds (extract.ts findActionRow).
  actionAnchor(container: Element): Element | null {
    return safeAnchor(() => {
      const row = readPostParts(container, Date.now()).actions;
      return row === null ? null : rowOf(row.buttons, container, row.buttons.length);
    });
  },
};
