/**
 * Where things are in Instagram's markup. Instagram's web app has almost no
 * data hooks and its class names are generated atoms that change with every
 * build, so the adapter reads by structure: link shapes (`/<user>/`,
 * `/p/<code>/`, `/p/<code>/c/<id>/`), `<time datetime>`, ARIA roles and the
 * order of controls. Nothing here matches visible (localised) text or the
 * words inside aria-labels; aria-labels are only read for the numbers in them.
 *
 * Page families:
 * - "post view" (2023–2026): a post opened on its own page (`/p/<code>/`,
 *   `/<user>/p/<code>/`, `/reel/<code>/`) inside `main[role=main]`, or as a
 *   modal `div[role=dialog]` over the feed/profile. Media on the left; on the
 *   right the author header, a scrollable list whose first row is the caption
 *   (author, `<time>`, text) followed by comment rows, then the action
 *   `section` (like, comment, share, save, each count a `[role=button]` right
 *   after its icon), the permalink `<a href="/…/p/<code>/"><time datetime>`,
 *   and the comment `form` with its `textarea`.
 * - "feed card" (2019–2026): one `article` per post in the home feed, header
 *   with the permalink `<time>`, action `section`, likes (2024: a `/liked_by/`
 *   link; 2025: a count beside the icon), caption, "view all N comments" link,
 *   comment `form`. Comments are not loaded in the card.
 *
 * When a variant stops being seen, mark it legacy with a dated TODO before removing it.
 */

import type { SelectorVariants } from '../selectors';

export { anyOf, type SelectorVariants } from '../selectors';

/**
 * Elements that hold one post. A `main` that holds feed cards is only a
 * wrapper (its cards are read on their own); a `main`/dialog without cards is
 * a post view.
 */
export const POST_CONTAINER: SelectorVariants = [
  // feed card, 2019–2026 (home feed; the post page too, at phone widths).
  'article',
  // post view on its own page, 2023–2026.
  'main[role="main"]',
  // post view opened as a modal over the feed or a profile grid, 2023–2026.
  'div[role="dialog"]',
];

/** Feed cards, to tell a wrapper `main` from a post view. */
export const FEED_CARD: SelectorVariants = ['article'];

/**
 * Inside these nothing the adapter reads ever changes: the video player's
 * controls and progress, loading spinners, the chat tray.
 */
export const IGNORE: SelectorVariants = [
  // video player overlay (play state, progress, mute), 2024–2026.
  '[data-instancekey]',
  'video',
  // spinners while comments load.
  '[data-visualcompletion="loading-state"]',
  // direct-message tray docked at the bottom, 2025–2026.
  '[data-pagelet="IGDChatTabsRootContent"]',
];

/** First path segments that are Instagram pages, never usernames. */
export const RESERVED_PATHS: ReadonlySet<string> = new Set([
  'p', 'reel', 'reels', 'tv', 'stories', 'explore', 'direct', 'accounts', 'about', 'legal', 'web', 'developer',
  'emails', 'challenge', 'session', 'api', 'graphql', 'static', 'data', 'ar', 'create', 'lite', 'privacy', 'terms',
  'help', 'press', 'locations', 'popular', 'topics', 'nametag', 'qr', 'your_activity', 'archive', 'threads', 'meta',
  'oauth', 'login', 'signup', 'download', 'invites', 'push', 'fxcal', 'business', 'creators', 'ads', 'notifications',
]);

/** A username as Instagram allows it (letters, digits, `.`, `_`; at most 30). */
export const USERNAME_PATTERN = /^[A-Za-z0-9._]{1,30}$/;

/**
 * A post's permalink path: `/p/<code>/`, `/reel/<code>/`, `/tv/<code>/`, optionally
 * after `/<user>/` (2025–2026 post pages link `/<user>/p/<code>/`). Sub-pages
 * (`/liked_by/`, `/comments/`, `/c/<id>/`) are matched by the patterns below.
 */
export const POST_PATH = /^\/(?:([A-Za-z0-9._]{1,30})\/)?(p|reel|reels|tv)\/([A-Za-z0-9_-]{5,})\/?$/;

/**
 * A comment's permalink, the link around its `<time>` (2022–2026):
 * `/p/<code>/c/<commentId>/`; replies may name their parent:
 * `/p/<code>/c/<parentId>/r/<replyId>/`.
 */
export const COMMENT_PATH = /^\/(?:[A-Za-z0-9._]{1,30}\/)?(?:p|reel|reels|tv)\/([A-Za-z0-9_-]{5,})\/c\/(\d+)\/(?:r\/(\d+)\/?)?$/;

/**
 * The likes list of a post (2019–2024 feed cards print "1,234 likes" inside it).
 * Legacy since the 2025 cards print counts beside the icons. TODO(2026-12): drop if not seen.
 */
export const LIKED_BY_PATH = /^\/(?:[A-Za-z0-9._]{1,30}\/)?(?:p|reel|reels|tv)\/([A-Za-z0-9_-]{5,})\/liked_by\/?$/;

/**
 * The comments list of a post (2019–2024 feed cards: "View all 56 comments").
 * Legacy like LIKED_BY_PATH. TODO(2026-12): drop if not seen.
 */
export const COMMENTS_PATH = /^\/(?:[A-Za-z0-9._]{1,30}\/)?(?:p|reel|reels|tv)\/([A-Za-z0-9_-]{5,})\/comments\/?$/;

/** Anything a user clicks that is not a link. Instagram draws most controls as `div[role=button]`. */
export const CLICKABLE: SelectorVariants = ['[role="button"]', 'button'];

/** An icon (drawn as inline SVG; its aria-label is localised and never read). */
export const ICON: SelectorVariants = ['svg'];

/**
 * The bar of post actions: like, comment, share (repost), save, each an icon;
 * counts follow their icon (2025–2026). The reader picks the `section` with
 * icons and no text field (the comment form is a `section` too).
 */
export const ACTION_BAR: SelectorVariants = [
  // post view and feed card, 2019–2026.
  'section',
];

/** The comment composer: a plain textarea in a form (aria-label and placeholder in the UI language). */
export const COMMENT_EDITOR: SelectorVariants = [
  // 2019–2026.
  'form textarea',
  // in case the form wrapper is dropped.
  'textarea[aria-label]',
];

/** Loading indicators: comments still arriving. */
export const LOADING: SelectorVariants = ['[role="progressbar"]', '[data-visualcompletion="loading-state"]'];

/** Media of a post, by kind; images are read structurally (not an avatar, not a link). */
export const VIDEO: SelectorVariants = ['video'];

/**
 * The left navigation's marker links: the signed-in user's "Profile" link sits
 * among them (2023–2026). Only hrefs, never labels.
 */
export const NAV_MARKERS: SelectorVariants = ['a[href="/explore/"]', 'a[href="/reels/"]', 'a[href="/direct/inbox/"]'];

/** Elements whose text is never part of a post's or comment's text. */
export const NOT_TEXT: SelectorVariants = ['[role="button"]', 'button', 'svg', 'script', 'style', 'noscript', 'template', 'textarea', 'time'];
