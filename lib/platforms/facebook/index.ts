/**
 * The Facebook adapter: reads posts, counts, comments and the signed-in profile from
 * www/web.facebook.com pages (feeds, timelines, groups, post dialogs and permalink pages,
 * logged in or out), and finds a comment's reply editor for reply drafting.
 */
import { ownedByContainer, rowOf, safeAnchor } from '../actions';
import type { PlatformAdapter, ReadContext } from '../types';
import { findCommentElement, findOpenReplyEditor, findReplyControl, isPostPageUrl, readFacebookContainer, readOwnIdentity } from './extract';
import { ACTION_BUTTON_ICON, COMPOSER_EDITOR, POST_CONTAINER, anyOf } from './selectors';

/** Bump whenever selectors.ts or the reading rules change (shown in the health notice). */
export const FACEBOOK_ADAPTER_VERSION = '2026.11.1';

/** Hosts whose pages get the panel. m.facebook.com is another app (other markup): links to it are only canonicalised. */
const PANEL_HOSTS = new Set(['www.facebook.com', 'web.facebook.com']);

/**
 * Opens the reply editor of a comment. Facebook renders a reply box under the comment's
 * thread only after its Reply control is clicked (React renders a click's update before
 * `click()` returns, unless the box's code is still loading: then null is returned and the
 * caller may try again, when the open box is found without a click).
 */
function findReplyBox(doc: Document, commentId: string): HTMLElement | null {
  try {
    const found = findCommentElement(doc, commentId);
    if (found === null) return null;
    const { comment, container } = found;
    const open = findOpenReplyEditor(comment, container);
    if (open !== null) return open;

    const control = findReplyControl(comment, container);
    if (control === null) return null;
    const before = new Set(Array.from(doc.querySelectorAll(anyOf(COMPOSER_EDITOR))));
    control.click();

    const opened = findOpenReplyEditor(comment, container);
    if (opened !== null) return opened;
    // The box may appear elsewhere in the thread: take an editor the click brought, after the comment.
    const fresh = Array.from(doc.querySelectorAll(anyOf(COMPOSER_EDITOR))).filter((e) => !before.has(e) && (comment.compareDocumentPosition(e) & 4) !== 0);
    return (fresh[0] as HTMLElement | undefined) ?? null;
  } catch {
    return null;
  }
}

/**
 * The post's Like / Comment / Share row: the post's own icon buttons without a
 * number (count buttons print one), outside forms and menus, as readCounts
 * tells them apart (extract.ts).
 */
function findActionRow(container: Element): Element | null {
  const owned = ownedByContainer(container, anyOf(POST_CONTAINER));
  const icon = anyOf(ACTION_BUTTON_ICON);
  const buttons = Array.from(container.querySelectorAll('[role="button"]')).filter(
    (b) => owned(b) && b.closest('form') === null && !b.hasAttribute('aria-haspopup') && b.querySelector(icon) !== null && !/\d/.test(b.textContent ?? ''),
  );
  return rowOf(buttons, container, 2);
}

export const facebookAdapter: PlatformAdapter = {
  platform: 'facebook',
  version: FACEBOOK_ADAPTER_VERSION,
  matches(url: URL): boolean {
    return url.protocol === 'https:' && PANEL_HOSTS.has(url.hostname);
  },
  containerSelector: anyOf(POST_CONTAINER),
  readContainer(el: Element, ctx: ReadContext) {
    return readFacebookContainer(el, ctx);
  },
  readOwnIdentity(doc: Document) {
    return readOwnIdentity(doc);
  },
  expectsPost(url: URL): boolean {
    return isPostPageUrl(url);
  },
  findReplyBox,
  actionAnchor: (el) => safeAnchor(() => findActionRow(el)),
  anchorMeansPost: true,
};
