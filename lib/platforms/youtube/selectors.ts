/**
 * Where things are in YouTube's desktop markup (www.youtube.com, the Polymer
 * `ytd-*` app). Each entry is a list of variants, tried in order (first match
 * wins unless the reader says otherwise). Custom element names and element ids
 * come first: YouTube's ids (`#content-text`, `#author-text`, `#reply-button-end`)
 * have been stable for years, while its class names are build artefacts (the
 * 2025 "wiz" -> camelCase rename changed most of them). Nothing here matches on
 * visible (localised) text.
 *
 * Page families:
 * - watch page (/watch?v=…): one `ytd-watch-flexy` holding the video's metadata
 *   (`ytd-watch-metadata`, 2022–2026; `ytd-video-primary-info-renderer` before) and
 *   the comments (`ytd-comments`). Comments are `ytd-comment-view-model` (2024–2026)
 *   or `ytd-comment-renderer` (2015–2024) inside `ytd-comment-thread-renderer`.
 * - Shorts (/shorts/<id>): one `ytd-shorts` holding a list of `ytd-reel-video-renderer`
 *   (the playing one has `is-active`) and the comments engagement panel.
 * - grids (home feed, a channel's Videos tab): `ytd-rich-item-renderer` cards with
 *   `ytd-rich-grid-media` (2020–2025) or the newer `yt-lockup-view-model` (2025–2026),
 *   Shorts shelves with `ytm-shorts-lockup-view-model`; `ytd-grid-video-renderer` on
 *   legacy channel grids.
 *
 * YouTube keeps pages it navigated away from in the DOM with a `hidden` attribute
 * (a `ytd-watch-flexy[hidden]` on the home feed, a `ytd-browse[hidden]` on a watch
 * page); the reader checks the page url and `hidden` before trusting a container.
 *
 * When a variant stops being seen, mark it legacy with a dated TODO before removing it.
 */

import type { SelectorVariants } from '../selectors';

export { anyOf, type SelectorVariants } from '../selectors';

// ---------------------------------------------------------------------------
// Containers

/** The watch page: metadata and comments of the one video. */
export const WATCH_PAGE: SelectorVariants = ['ytd-watch-flexy'];

/** The Shorts page: the reels and the (shared) comments panel. */
export const SHORTS_PAGE: SelectorVariants = ['ytd-shorts'];

/** One video card in a grid or shelf. */
export const GRID_ITEM: SelectorVariants = [
  // home feed, channel Videos/Shorts tabs, subscriptions, 2020–2026.
  'ytd-rich-item-renderer',
  // legacy channel grid (2017–2022). TODO(2026-12): drop if not seen.
  'ytd-grid-video-renderer',
];

/** Everything the watcher treats as a unit of work. */
export const CONTAINER: SelectorVariants = [...WATCH_PAGE, ...SHORTS_PAGE, ...GRID_ITEM];

/** Elements whose changes never matter: the players (time, buffering, captions). */
export const IGNORED: SelectorVariants = ['#movie_player', 'ytd-player', 'video', '#shorts-player'];

/** A page of the single-page app that YouTube hides, instead of removing, when navigating away. */
export const APP_PAGE: SelectorVariants = ['ytd-browse', 'ytd-search', 'ytd-watch-flexy', 'ytd-shorts'];

// ---------------------------------------------------------------------------
// Watch page: the video

/** The metadata block under the player (title, owner, actions, description). */
export const WATCH_METADATA: SelectorVariants = [
  // 2022–2026.
  'ytd-watch-metadata',
  // legacy (2019–2022): primary info (title, counts) and secondary info (owner, description). TODO(2026-12): drop if not seen.
  '#info-contents ytd-video-primary-info-renderer',
];

/** The video's title. */
export const VIDEO_TITLE: SelectorVariants = [
  // 2022–2026.
  'ytd-watch-metadata #title h1 yt-formatted-string',
  'ytd-watch-metadata h1',
  // legacy. TODO(2026-12): drop if not seen.
  'ytd-video-primary-info-renderer h1.title yt-formatted-string',
];

/** The owner block (avatar, channel name, subscriber count). */
export const VIDEO_OWNER: SelectorVariants = [
  // 2022–2026.
  'ytd-watch-metadata ytd-video-owner-renderer',
  // legacy. TODO(2026-12): drop if not seen.
  'ytd-video-secondary-info-renderer ytd-video-owner-renderer',
];

/** The channel name inside the owner block (the reader takes the first non-empty one). */
export const VIDEO_OWNER_NAME: SelectorVariants = ['#channel-name #text a', '#channel-name #text', '#channel-name a'];

/** The channel link inside the owner block (the reader also accepts any channel link there). */
export const VIDEO_OWNER_LINK: SelectorVariants = ['#channel-name a[href]', 'a[href]'];

/**
 * A YouTube Studio link for this very video ("Edit video", "Analytics"): only the
 * video's owner is shown these in place of the Subscribe button.
 */
export const OWNER_STUDIO_LINK: SelectorVariants = [
  'ytd-watch-metadata #owner a[href^="https://studio.youtube.com/video/"]',
  'ytd-video-owner-renderer a[href^="https://studio.youtube.com/video/"]',
];

/** The video's like button (its aria-label carries the exact count). */
export const VIDEO_LIKE_BUTTON: SelectorVariants = [
  // 2023–2026: view-model buttons.
  'segmented-like-dislike-button-view-model like-button-view-model button',
  'like-button-view-model button',
  // 2022–2023. TODO(2026-12): drop if not seen.
  'ytd-segmented-like-dislike-button-renderer #segmented-like-button button',
  // legacy (2019–2022): first toggle of the menu. TODO(2026-12): drop if not seen.
  'ytd-menu-renderer #top-level-buttons-computed > ytd-toggle-button-renderer:first-child button',
];

/** The visible number on a button ("18M", "1.2萬"), when its label has none. */
export const BUTTON_TEXT: SelectorVariants = [
  // 2022–2025.
  '.yt-spec-button-shape-next__button-text-content',
  // 2025–2026 (class rename).
  '.ytSpecButtonShapeNextButtonTextContent',
  // Shorts action bar: the label under the round button.
  '.yt-spec-button-shape-with-label__label',
  '.ytSpecButtonShapeWithLabelLabel',
  // legacy toggle renderer. TODO(2026-12): drop if not seen.
  '#text',
];

/** The view count: `aria-label` holds the exact number ("12,840,948 views"). */
export const VIEW_COUNT: SelectorVariants = [
  // 2023–2026.
  'ytd-watch-info-text #view-count[aria-label]',
  // legacy. TODO(2026-12): drop if not seen.
  'ytd-video-view-count-renderer .view-count',
];

/** The visible info line: views, date ("3 days ago" collapsed, a date expanded), then hashtags. */
export const INFO_LINE: SelectorVariants = [
  // 2022–2026.
  'ytd-watch-info-text #info',
  // legacy: the date string. TODO(2026-12): drop if not seen.
  'ytd-video-primary-info-renderer #info-strings yt-formatted-string',
];

/** The date's accessible twin (used when the info line shows none). */
export const DATE_TEXT: SelectorVariants = ['ytd-watch-info-text #date-text[aria-label]'];

/** The info line's tooltip: "views • full date • …" (a full date even while collapsed). */
export const INFO_TOOLTIP: SelectorVariants = ['ytd-watch-info-text tp-yt-paper-tooltip #tooltip'];

/**
 * The description. The expander keeps the full text in `#attributed-snippet-text`
 * (clipped by CSS) and, once expanded, in `#expanded`.
 */
export const DESCRIPTION: SelectorVariants = [
  // 2023–2026.
  'ytd-text-inline-expander #expanded yt-attributed-string',
  'ytd-text-inline-expander #attributed-snippet-text',
  'ytd-text-inline-expander #plain-snippet-text',
  // legacy. TODO(2026-12): drop if not seen.
  'ytd-video-secondary-info-renderer #description yt-formatted-string',
];

// ---------------------------------------------------------------------------
// Comments (watch page and Shorts panel)

/** The comments section of a watch page. */
export const COMMENTS_SECTION: SelectorVariants = ['ytd-comments#comments', 'ytd-comments'];

/** The Shorts (and watch-page side panel) comments panel. */
export const COMMENTS_PANEL: SelectorVariants = [
  'ytd-engagement-panel-section-list-renderer[target-id="engagement-panel-comments-section"]',
  'ytd-engagement-panel-section-list-renderer[target-id="shorts-engagement-panel-comments-section"]',
];

/** The comments total ("1,234 Comments", "356 則留言"). */
export const COMMENTS_COUNT: SelectorVariants = [
  // watch page, 2020–2026.
  'ytd-comments-header-renderer #count .count-text',
  'ytd-comments-header-renderer #count',
  // Shorts / side panel header: the number beside the title.
  'ytd-engagement-panel-title-header-renderer #contextual-info',
];

/** The list that comment threads are rendered into (present before any thread loads). */
export const COMMENTS_LIST: SelectorVariants = [
  'ytd-item-section-renderer#sections > #contents',
  'ytd-item-section-renderer > #contents',
];

/** "Comments are turned off" and similar notices in place of the list. */
export const COMMENTS_MESSAGE: SelectorVariants = ['ytd-message-renderer'];

/** One comment or reply. */
export const COMMENT: SelectorVariants = [
  // 2024–2026.
  'ytd-comment-view-model',
  // 2015–2024. TODO(2026-12): drop if not seen.
  'ytd-comment-renderer',
];

/** A thread: the top comment and its replies. */
export const COMMENT_THREAD: SelectorVariants = ['ytd-comment-thread-renderer'];

/** The replies block of a thread. */
export const COMMENT_REPLIES: SelectorVariants = ['ytd-comment-replies-renderer'];

/**
 * The commenter's channel link. `#author-text` stays in the DOM (with `hidden`)
 * when the video's owner comments and the name is drawn as a badge instead.
 */
export const COMMENT_AUTHOR_LINK: SelectorVariants = ['a#author-text[href]', '#author-comment-badge a[href]', '#author-thumbnail a[href]'];

/** The commenter's name ("@handle" since 2023). */
export const COMMENT_AUTHOR_NAME: SelectorVariants = ['#author-text', '#author-comment-badge #text[title]'];

/** The comment's text. */
export const COMMENT_TEXT: SelectorVariants = ['#content-text'];

/** The comment's time link: its text is the relative time, its href carries `lc=<comment id>`. */
export const COMMENT_TIME_LINK: SelectorVariants = [
  // 2023–2026.
  '#published-time-text a[href]',
  // 2015–2023. TODO(2026-12): drop if not seen.
  '.published-time-text a[href]',
];

/** The comment's own Reply button (structural: the button of `#reply-button-end`). */
export const COMMENT_REPLY_BUTTON: SelectorVariants = [
  // 2023–2026.
  'ytd-comment-engagement-bar ytd-button-renderer#reply-button-end button',
  // 2015–2023. TODO(2026-12): drop if not seen.
  'ytd-comment-action-buttons-renderer #reply-button-end button',
  '#reply-button-end button',
];

/** Where the reply composer is rendered once Reply is clicked. */
export const REPLY_DIALOG: SelectorVariants = ['#reply-dialog'];

/** A comment composer (the reply box; `ytd-comment-simplebox-renderer` is only the placeholder). */
export const COMMENT_BOX: SelectorVariants = ['ytd-commentbox'];

/** The editable field of a composer. */
export const COMMENT_EDITOR: SelectorVariants = [
  'yt-formatted-string#contenteditable-textarea #contenteditable-root[contenteditable="true"]',
  '#contenteditable-root[contenteditable="true"]',
];

// ---------------------------------------------------------------------------
// Shorts page

/** The playing reel (prefetched neighbours are rendered too, without `is-active`). */
export const SHORTS_ACTIVE_REEL: SelectorVariants = ['ytd-reel-video-renderer[is-active]'];

/** The Short's title. */
export const SHORTS_TITLE: SelectorVariants = [
  // 2025–2026.
  'h1.ytShortsVideoTitleViewModelShortsVideoTitle',
  // 2023–2025.
  'yt-shorts-video-title-view-model h2',
  'yt-shorts-video-title-view-model',
  // legacy (2021–2023). TODO(2026-12): drop if not seen.
  'ytd-reel-player-header-renderer #video-title',
];

/** The Short's channel link. */
export const SHORTS_CHANNEL_LINK: SelectorVariants = [
  // 2023–2026.
  'yt-reel-channel-bar-view-model a[href]',
  // legacy. TODO(2026-12): drop if not seen.
  'ytd-reel-player-header-renderer #channel-name a[href]',
  'ytd-channel-name a[href]',
];

/** The Short's like button. */
export const SHORTS_LIKE_BUTTON: SelectorVariants = [
  // 2024–2026.
  'reel-action-bar-view-model like-button-view-model button',
  // 2021–2024. TODO(2026-12): drop if not seen.
  'ytd-reel-player-overlay-renderer #like-button button',
];

/**
 * The Short's comments button. The 2024–2026 action bar gives it no id: it is the
 * first plain `button-view-model` of the bar (then share, remix).
 */
export const SHORTS_COMMENTS_BUTTON: SelectorVariants = [
  'reel-action-bar-view-model > button-view-model button',
  // 2021–2024. TODO(2026-12): drop if not seen.
  'ytd-reel-player-overlay-renderer #comments-button button',
];

// ---------------------------------------------------------------------------
// Grid cards

/** The card's title. */
export const GRID_TITLE: SelectorVariants = [
  // rich grid media, 2020–2025; legacy grid renderer.
  '#video-title',
  // lockup, 2025–2026 (class names before and after the rename).
  '.yt-lockup-metadata-view-model-wiz__title',
  '.yt-lockup-metadata-view-model__title',
  // Shorts lockup, 2024–2026.
  '.shortsLockupViewModelHostMetadataTitle',
  '.shortsLockupViewModelHostOutsideMetadataTitle',
  'h3 a[title]',
];

/** The card's channel link (absent on a channel's own Videos tab). */
export const GRID_CHANNEL_LINK: SelectorVariants = [
  // rich grid media.
  '#channel-name a[href]',
  'a#avatar-link[href]',
  // lockup, 2025–2026.
  'yt-content-metadata-view-model a[href]',
  'yt-decorated-avatar-view-model a[href]',
];

/** The card's channel name. */
export const GRID_CHANNEL_NAME: SelectorVariants = ['#channel-name #text', '#channel-name a', 'yt-content-metadata-view-model a'];

/** The card's metadata items ("12K views", "3 days ago"). */
export const GRID_METADATA_ITEM: SelectorVariants = [
  // rich grid media / legacy grid, 2019–2025.
  '#metadata-line span.inline-metadata-item',
  '#metadata-line > span',
  // lockup, 2025–2026 (before and after the class rename).
  '.yt-content-metadata-view-model-wiz__metadata-text',
  '.yt-content-metadata-view-model__metadata-text',
  // Shorts lockup subhead ("1.2M views").
  '.shortsLockupViewModelHostMetadataSubhead span',
  '.shortsLockupViewModelHostOutsideMetadataSubhead span',
];

/** Cards that are not videos (ads, posts, playlists): skipped quietly. */
export const GRID_NON_VIDEO: SelectorVariants = ['ytd-ad-slot-renderer', 'ytd-in-feed-ad-layout-renderer', 'ytd-post-renderer', 'ytd-display-ad-renderer'];

// ---------------------------------------------------------------------------
// Channel pages

/** A channel page (its tabs: Home, Videos, Shorts…). */
export const CHANNEL_PAGE: SelectorVariants = ['ytd-browse[page-subtype="channels"]'];

/** The channel page header. */
export const CHANNEL_HEADER: SelectorVariants = [
  // 2024–2026.
  'yt-page-header-renderer',
  '#page-header',
  // legacy (2013–2024). TODO(2026-12): drop if not seen.
  'ytd-c4-tabbed-header-renderer',
];

/** The channel's name in its header. */
export const CHANNEL_HEADER_NAME: SelectorVariants = [
  'yt-page-header-view-model h1',
  'yt-dynamic-text-view-model h1',
  'h1',
  // legacy. TODO(2026-12): drop if not seen.
  '#channel-name #text',
];

/** A YouTube Studio link in a channel header ("Customize channel"): only the owner sees it. */
export const CHANNEL_HEADER_STUDIO_LINK: SelectorVariants = ['a[href^="https://studio.youtube.com/channel/"]'];

// ---------------------------------------------------------------------------
// The signed-in account

/**
 * The account menu's header. Rendered into `ytd-popup-container` the first time
 * the avatar menu opens and kept (hidden) afterwards.
 */
export const ACCOUNT_HEADER: SelectorVariants = ['ytd-active-account-header-renderer'];

/** The account's channel name in that header. */
export const ACCOUNT_NAME: SelectorVariants = ['#account-name'];

/** The account's handle ("@linsbakerytpe") in that header. */
export const ACCOUNT_HANDLE: SelectorVariants = ['#channel-handle'];

/** The "View your channel" link in that header. */
export const ACCOUNT_CHANNEL_LINK: SelectorVariants = ['#manage-account a[href]', 'a[href]'];

/** The masthead avatar button: present only when signed in. */
export const SIGNED_IN_MARKER: SelectorVariants = ['ytd-masthead button#avatar-btn', 'ytd-topbar-menu-button-renderer button#avatar-btn', 'button#avatar-btn'];

// ---------------------------------------------------------------------------
// Text

/** Elements whose text nodes keep their newlines (YouTube prints user text with pre-wrap). */
export const PRESERVED_WHITESPACE: SelectorVariants = [
  '.yt-core-attributed-string--white-space-pre-wrap',
  '.ytAttributedStringWhiteSpacePreWrap',
  'yt-formatted-string[split-lines]',
];

/** Controls inside text blocks ("…more", "Show less"), skipped when reading text. */
export const TEXT_CONTROLS: SelectorVariants = ['tp-yt-paper-button', 'button', 'yt-button-shape', '[hidden]'];
