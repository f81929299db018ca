/**
 * Where things are in TikTok's web markup. Each entry is a list of variants,
 * tried in order (first match wins unless the reader says otherwise).
 *
 * TikTok marks most things it tests with `data-e2e` hooks; those come first.
 * Its class names are emotion-generated (`css-1p28ksf-5e6d46e3--DivCommentItemWrapper
 * e1395o4f0`): the hash prefix changes every release, the component name inside
 * (`DivCommentItemWrapper`) changes less often, so class variants match on that
 * name with `[class*=…]` and are always the last resort. Nothing here matches on
 * visible (localised) text.
 *
 * Page families:
 * - "one-column" (2025–): the video page (`#main-content-video_detail`) and the
 *   For You feed show each video as `article[data-e2e="recommend-list-item-container"]`
 *   (the current one and the next ones); on the video page the comments are in a
 *   side panel outside the article (`DivCommentListContainer`, `comment-level-1`,
 *   replies under `DivReplyContainer` with `comment-level-2`).
 * - "browse" (2022–2024, legacy): the video page printed the post in the page
 *   itself (`browse-video-desc`, `browser-nickname`, `browse-video-link`) beside
 *   the comment list. TODO(2026-12): drop the browse-only variants if not seen.
 *
 * When a variant stops being seen, mark it legacy with a dated TODO before removing it.
 */

import type { SelectorVariants } from '../selectors';

export { anyOf, type SelectorVariants } from '../selectors';

/** One post's card: feed articles and the video page's current/next videos. */
export const POST_CARD: SelectorVariants = [
  // one-column feed and video page, 2024–2025.
  '[data-e2e="recommend-list-item-container"]',
  // a profile's video grid, 2022–2025 (link, cover, view count only).
  '[data-e2e="user-post-item"]',
];

/**
 * The video page as a whole: it holds the current video's comment panel, which
 * is outside the video's card. Comments found here belong to the video the page
 * address names (the page changes its address as the user scrolls to the next video).
 */
export const VIDEO_PAGE: SelectorVariants = [
  // TikTok names its main areas `main-content-<page>`, 2022–2025.
  '#main-content-video_detail',
  // legacy "browse" overlay opened over the feed (2022–2023). TODO(2026-12): drop if not seen.
  '[class*="DivBrowserModeContainer"]',
];

/** A link to a video or photo post (`/@handle/video/<id>`, `/@handle/photo/<id>`), absolute or relative. */
export const POST_LINK: SelectorVariants = ['a[href*="/video/"]', 'a[href*="/photo/"]'];

/** Elements whose text is the post's own address (legacy browse page "copy link" box). */
export const POST_LINK_TEXT: SelectorVariants = [
  // legacy browse page, 2022–2024. TODO(2026-12): drop if not seen.
  '[data-e2e="browse-video-link"]',
];

/** The video player wrapper, whose id ends in the video id (`xgwrapper-0-<id>`). */
export const PLAYER_WITH_ID: SelectorVariants = ['[id^="xgwrapper-"]'];

/** Media of a post, by kind; the first kind found wins. */
export const POST_MEDIA: ReadonlyArray<readonly [kind: 'video' | 'image', variants: SelectorVariants]> = [
  ['video', ['[id^="xgwrapper-"]', 'video', '[data-e2e="feed-video"]', '[data-e2e="browse-video"]']],
  // photo ("carousel") posts: a swiper of images instead of a player.
  ['image', ['[data-e2e="photo-swiper"]', '[class*="DivPhotoSwiper"]', '[class*="SwiperPhoto"]']],
];

/** The author's link (the reader also accepts the first profile link outside the text). */
export const POST_AUTHOR_LINK: SelectorVariants = [
  // feed, 2023–2024.
  'a[data-e2e="video-author-uniqueid"]',
  // legacy browse page. TODO(2026-12): drop if not seen.
  'a[data-e2e="browse-user-avatar"]',
  // one-column, 2025: the name link beside the date, then the avatar in the action bar.
  '[class*="DivCreatorInfoContainer"] a[href*="/@"]',
  'a[data-e2e="video-author-avatar"]',
];

/** The author's shown name (nickname or handle, whatever the page prints). */
export const POST_AUTHOR_NAME: SelectorVariants = [
  // feed, 2023–2024.
  '[data-e2e="video-author-nickname"]',
  '[data-e2e="video-author-uniqueid"]',
  // legacy browse page. TODO(2026-12): drop if not seen.
  '[data-e2e="browser-nickname"] > span:first-child',
  '[data-e2e="browse-username"]',
  // one-column, 2025.
  '[class*="DivCreatorInfoContainer"] a[href*="/@"]',
];

/** The post's caption. TikTok keeps the whole caption in the DOM ("more" only unclips it). */
export const POST_TEXT: SelectorVariants = [
  // feed and one-column, 2023–2025.
  '[data-e2e="video-desc"]',
  // legacy browse page. TODO(2026-12): drop if not seen.
  '[data-e2e="browse-video-desc"]',
  // profile grid, 2022–2024.
  '[data-e2e="user-post-item-desc"]',
];

/** The post's date label ("· 5-23", "· 2d ago"). TikTok prints no <time> element. */
export const POST_TIME: SelectorVariants = [
  'time[datetime]',
  // one-column, 2025: the span after the name link.
  '[class*="DivCreatorInfoContainer"] > span',
  // legacy browse page: the last span of the nickname line ("name · 2023-5-1"). TODO(2026-12): drop if not seen.
  '[data-e2e="browser-nickname"] > span:last-child',
];

/** Count elements of a post's action bar. Each prints the number alone; its button's aria-label repeats it. */
export const LIKE_COUNT: SelectorVariants = ['[data-e2e="like-count"]', '[data-e2e="browse-like-count"]'];
export const COMMENT_COUNT: SelectorVariants = ['[data-e2e="comment-count"]', '[data-e2e="browse-comment-count"]'];
export const SHARE_COUNT: SelectorVariants = ['[data-e2e="share-count"]'];
/** Saves ("undefined-count" is TikTok's own hook name for the favourites counter). Read only to tell a counts bar is there. */
export const SAVE_COUNT: SelectorVariants = ['[data-e2e="undefined-count"]'];
/** View counts: profile grid tiles. */
export const VIEW_COUNT: SelectorVariants = ['[data-e2e="video-views"]'];

/** The comment panel's own total ("242 comments", "242 則留言"). Class only: it has no hook. */
export const PANEL_COMMENT_COUNT: SelectorVariants = [
  // one-column video page, 2024–2025.
  '[class*="DivCommentCountContainer"]',
];

/** A loaded comments list. With it present and a count above zero, no comment read means broken markup. */
export const COMMENT_LIST: SelectorVariants = [
  '[data-e2e="comment-list"]',
  // video page, 2022–2025.
  '[class*="DivCommentListContainer"]',
];

/** A comment's text, per level: 1 = top-level, 2 = reply. The comment item is its nearest ancestor holding the author too. */
export const COMMENT_TEXT: Readonly<Record<1 | 2, SelectorVariants>> = {
  1: ['[data-e2e="comment-level-1"]'],
  2: ['[data-e2e="comment-level-2"]'],
};

/** A comment's author block (name link, badges). */
export const COMMENT_AUTHOR: Readonly<Record<1 | 2, SelectorVariants>> = {
  1: ['[data-e2e="comment-username-1"]'],
  2: ['[data-e2e="comment-username-2"]'],
};

/** A comment's own Reply control (a role=button span, found by hook, never by its label). */
export const COMMENT_REPLY: Readonly<Record<1 | 2, SelectorVariants>> = {
  1: ['[data-e2e="comment-reply-1"]'],
  2: ['[data-e2e="comment-reply-2"]'],
};

/**
 * A comment's time label ("5-26", "2h ago", "3 天前"). The 2025 markup has no hook:
 * the reader then takes the label printed beside the comment's Reply control.
 */
export const COMMENT_TIME: Readonly<Record<1 | 2, SelectorVariants>> = {
  // 2022–2024 hooks, then the class of the same era. TODO(2026-12): drop if not seen.
  1: ['time[datetime]', '[data-e2e="comment-time-1"]', 'span[class*="SpanCreatedTime"]'],
  2: ['time[datetime]', '[data-e2e="comment-time-2"]', 'span[class*="SpanCreatedTime"]'],
};

/** The comment composer (logged in only): a Draft.js editor inside the `comment-input` hook. */
export const COMMENT_INPUT: SelectorVariants = ['[data-e2e="comment-input"]', '[data-e2e="browse-comment-input"]'];
export const COMMENT_EDITOR: SelectorVariants = [
  '[contenteditable="true"].public-DraftEditor-content',
  '[contenteditable="true"][role="textbox"]',
  '[contenteditable="true"]',
];

/** The signed-in user's profile link: the side nav's Profile item (`href="/@"` when logged out). */
export const OWN_PROFILE_LINK: SelectorVariants = [
  // side nav, 2024–2025.
  'a[data-e2e="nav-profile"]',
  // header avatar menu, 2022–2024. TODO(2026-12): drop if not seen.
  'a[data-e2e="profile-info"]',
];

/** The signed-in user's avatar, whose alt is their name. */
export const OWN_AVATAR: SelectorVariants = [
  '[data-e2e="profile-icon"] img[alt]',
  'a[data-e2e="nav-profile"] img[alt]',
];
