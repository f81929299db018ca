/**
 * The Instagram adapter: reads posts, counts, comments and the signed-in user
 * from www.instagram.com pages (feed cards, the post/reel page and the post
 * modal), and finds the comment box for replying to a comment.
 */
import { ownedByContainer, safeAnchor } from '../actions';
import type { PlatformAdapter } from '../types';
import { findComment, findEditor, findReplyButton, isPostPageUrl, readInstagramContainer, readOwnIdentity, usernameOf } from './extract';
import { oncePerRead } from '../read';
import { ACTION_BAR, ICON, IGNORE, POST_CONTAINER, anyOf } from './selectors';

/** Bump whenever selectors.ts or the reading rules change (shown in the health notice). */
export const INSTAGRAM_ADAPTER_VERSION = '2026.11.1';

/** Whether the comment box is already set up to reply to this user ("@username " at its start). */
function repliesTo(editor: HTMLElement, profileUrl: string | null): boolean {
  const value: unknown = (editor as HTMLTextAreaElement).value;
  if (profileUrl === null || typeof value !== 'string') return false;
  return value.toLowerCase().startsWith(`@${usernameOf(profileUrl)} `);
}

/**
 * The editor for replying to a comment. Instagram has one comment box per post
 * (a textarea); a comment's Reply control switches it to reply mode and fills in
 * "@username ". So: find the comment, and unless the box already replies to its
 * author, click the comment's own Reply control; then return the box. Returns
 * null when the comment, its Reply control or the box cannot be found (logged
 * out: no box, and nothing is clicked, since Reply would open a login prompt).
 */
function findReplyBox(doc: Document, commentId: string): HTMLElement | null {
  try {
    const found = findComment(doc, commentId);
    if (found === null) return null;
    const editor = findEditor(found.container);
    if (editor === null) return null;
    if (repliesTo(editor, found.author.profileUrl)) return editor;
    const button = findReplyButton(found.row, found.inNestedRow);
    if (button === null) return null;
    button.click();
    // React may re-render the form: look the box up again.
    return findEditor(found.container) ?? editor;
  } catch {
    return null;
  }
}

/** The like / comment / share / save bar: the post's `section` with icons and no text field (as extract.ts finds it). */
function findActionBar(container: Element): Element | null {
  const owned = ownedByContainer(container, anyOf(POST_CONTAINER));
  for (const section of Array.from(container.querySelectorAll(anyOf(ACTION_BAR)))) {
    if (!owned(section) || section.querySelector('textarea, form, [contenteditable="true"]') !== null) continue;
    if (section.querySelectorAll(anyOf(ICON)).length >= 2) return section;
  }
  return null;
}

export const instagramAdapter: PlatformAdapter = {
  platform: 'instagram',
  version: INSTAGRAM_ADAPTER_VERSION,
  matches(url: URL): boolean {
    return url.protocol === 'https:' && url.hostname === 'www.instagram.com';
  },
  containerSelector: anyOf(POST_CONTAINER),
  ignoreSelector: anyOf(IGNORE),
  readContainer(el, ctx) {
    return readInstagramContainer(el, ctx.pageUrl, ctx.now, ctx).reading;
  },
  readOwnIdentity(doc, ctx) {
    // The same search the container reads make for their reply-box health: done once per read.
    return oncePerRead(ctx, 'instagram:identity', () => readOwnIdentity(doc));
  },
  expectsPost(url) {
    return isPostPageUrl(url);
  },
  findReplyBox,
  actionAnchor: (el) => safeAnchor(() => findActionBar(el)),
  anchorMeansPost: true,
};
