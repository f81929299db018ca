/**
 * Where things are in Threads' markup (www.threads.com, formerly threads.net).
 * Each entry is a list of variants, tried in order. Threads' class names are
 * generated atomic CSS (`x1a6qonq …`) that changes with every deploy, so the
 * reader works from data-* hooks, ARIA roles, link shapes (`/@handle`,
 * `/@handle/post/<code>`), `<time datetime>` and structure. Nothing here matches
 * visible (localised) text or aria-label words.
 *
 * Page shape (2024–2026, seen in the 2025-12 profile capture):
 * - Every post is a `div[data-pressable-container="true"]`: an avatar column, a
 *   header row (author link `a[href="/@handle"]`, time link
 *   `a[href="/@handle/post/<code>"] > time[datetime]`, a menu button), then the
 *   body: the text (`span[dir="auto"]`), media, and the action row of four
 *   svg-icon buttons in a fixed order: like, reply, repost, share. A count is
 *   printed next to the icon; zero is printed as nothing.
 * - On a single-post page (`/@handle/post/<code>`) the post is followed by its
 *   replies, each a pressable container of its own with its own post code (a
 *   Threads reply is a post). A reply to a reply sits right after its parent,
 *   as the next item of the same chain (consecutive item wrappers).
 * - Reply composer: a dialog (`role="dialog"`) opened by a post's reply button,
 *   showing the post replied to and a Lexical editor
 *   (`div[contenteditable="true"][role="textbox"]`).
 *
 * When a variant stops being seen, mark it legacy with a dated TODO before removing it.
 */

import type { SelectorVariants } from '../selectors';

export { anyOf, type SelectorVariants } from '../selectors';

/** One post (or one reply on a post page). Nested matches (a quoted post) are read on their own. */
export const POST_CONTAINER: SelectorVariants = [
  // 2023–2026: Threads' Pressable component marks every post it renders.
  'div[data-pressable-container="true"]',
];

/**
 * Places whose containers are not posts of the page and whose changes never
 * matter: the reply composer and other dialogs (they show a copy of the post
 * replied to), video players (their overlays re-render while playing).
 */
export const IGNORED: SelectorVariants = ['[role="dialog"]', '[data-instancekey]', 'video'];

/** A link to a post: `/@handle/post/<code>` (any host form); `/t/<code>` is the 2023 short form. */
export const POST_LINK: SelectorVariants = ['a[href*="/post/"]', 'a[href^="/t/"]', 'a[href*="threads.net/t/"]', 'a[href*="threads.com/t/"]'];

/** The time inside a post's own link. */
export const POST_TIME: SelectorVariants = ['time[datetime]', 'time'];

/** A link to a profile: `/@handle` (relative on the site, absolute in a few places). */
export const PROFILE_LINK: SelectorVariants = ['a[href^="/@"]', 'a[href*="threads.com/@"]', 'a[href*="threads.net/@"]'];

/** Anything clickable that is not text: skipped when reading a post's text and when looking for the text block. */
export const CONTROL: SelectorVariants = ['[role="button"]', 'button'];

/**
 * The post's text: the outermost `dir="auto"` element of the body that is not
 * inside a link or control (usernames and counts are `dir="auto"` too, but inside
 * links and buttons, and the header is excluded by the reader).
 */
export const POST_TEXT: SelectorVariants = [
  'span[dir="auto"]',
  'div[dir="auto"]',
];

/** An action-row button: a control holding an svg icon (its aria-label is the action in the UI language: never read). */
export const ACTION_BUTTON: SelectorVariants = ['[role="button"]', 'button'];
/** A button that opens a menu (the "…" menu in the header): never an action of the row. */
export const MENU_BUTTON: SelectorVariants = ['[aria-haspopup]'];
/** The icon inside an action button. */
export const ACTION_ICON: SelectorVariants = ['svg'];
/** Order of the action row, 2023–2026. A fifth button, if Threads adds one, is ignored (and noted). */
export const ACTION_ORDER = ['like', 'reply', 'repost', 'share'] as const;

/** Media of a post (read after the header; avatars sit before it, inside profile links). */
export const POST_VIDEO: SelectorVariants = ['video'];
export const POST_IMAGE: SelectorVariants = ['picture img', 'img'];

/** The reply composer and its editor. */
export const DIALOG: SelectorVariants = ['[role="dialog"]'];
export const EDITOR: SelectorVariants = [
  // 2024–2026: Lexical editor.
  'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  'div[contenteditable="true"][role="textbox"]',
  // Any editable field if the role is ever dropped.
  '[contenteditable="true"]',
];

/** The page column a post page's post and replies sit in (several columns can be pinned side by side). */
export const COLUMN: SelectorVariants = [
  // 2024–2026: each column body is a region (its aria-label is UI text and is not read).
  '[role="region"]',
  // The page layout root, if the region role is ever dropped.
  '#barcelona-page-layout',
];

/** The page layout root: everything outside it is app chrome (navigation rail, top bar). */
export const PAGE_LAYOUT: SelectorVariants = ['#barcelona-page-layout'];

/**
 * Navigation links that only the app chrome carries; the signed-in user's own
 * profile link (`a[href="/@handle"]`) sits beside them. Logged out, the profile
 * item is a button that opens the log-in dialog, so there is no link.
 */
export const NAV_ANCHOR_LINK: SelectorVariants = ['a[href="/search"]', 'a[href^="/search?"]', 'a[href="/activity"]'];
