/**
 * Where things are in LinkedIn's markup. Each entry is a list of variants, tried in
 * order (first match wins unless the reader says otherwise). Ids in attributes
 * (`data-urn`, `data-id`) and ARIA come first; class names only where nothing
 * sturdier exists. Nothing here matches on visible (localised) text.
 *
 * Page families:
 * - "logged-in" — the Ember app: home feed, /feed/update/ post pages, a member's
 *   recent activity. Posts are `.feed-shared-update-v2[data-urn="urn:li:activity:…"]`,
 *   comments `article[data-id="urn:li:comment:(activity:…,…)"]` (2024–2026 markup
 *   `comments-comment-entity`; before that `comments-comment-item`).
 * - "guest" — the logged-out public post page (/posts/…): `article.main-feed-activity-card
 *   [data-activity-urn]`, comments `section.comment` with `comment__*` parts.
 *
 * When a variant stops being seen, mark it legacy with a dated TODO before removing it.
 */

import type { SelectorVariants } from '../selectors';

export { anyOf, type SelectorVariants } from '../selectors';

/** A post (update) card. Nested matches are resolved by the reader. */
export const POST_CONTAINER: SelectorVariants = [
  // logged-in, 2022–2026: the card itself carries its urn.
  '[data-urn^="urn:li:activity:"]',
  // logged-in, some single-post pages and reshares carry the share/ugcPost urn instead.
  '[data-urn^="urn:li:ugcPost:"]',
  '[data-urn^="urn:li:share:"]',
  // guest post page, 2023–2025.
  'article[data-activity-urn^="urn:li:activity:"]',
  // logged-in feed, 2024–2026: the list item around the card. Also used for
  // not-yet-rendered ("occluded") placeholders, which the reader skips as empty.
  '[data-id^="urn:li:activity:"]',
];

/** Attributes holding a post's urn, in order of trust. */
export const POST_URN_ATTRIBUTES = ['data-urn', 'data-activity-urn', 'data-id'] as const;

/**
 * A header above the author ("X commented on this", "X reposted this", "Promoted by").
 * When present the card's urn is the activity of that action, not of the post shown,
 * so the urn's timestamp is not the post's publication time.
 */
export const POST_CONTEXT_HEADER: SelectorVariants = [
  // logged-in, 2023–2026.
  '.update-components-header',
  // logged-in, legacy (2021–2022). TODO(2026-12): drop if not seen.
  '.feed-shared-header',
];

/** The block with the author's avatar, name and time. */
export const POST_ACTOR: SelectorVariants = [
  // logged-in, 2023–2026.
  '.update-components-actor__container',
  '.update-components-actor',
  // logged-in, legacy (2021–2022). TODO(2026-12): drop if not seen.
  '.feed-shared-actor',
  // guest.
  '[data-test-id="main-feed-activity-card__entity-lockup"]',
  '.base-main-feed-card__entity-lockup',
];

/** The author's link inside the actor block (the reader also accepts any profile/company link there). */
export const POST_ACTOR_LINK: SelectorVariants = [
  // logged-in, 2023–2026.
  'a.update-components-actor__meta-link',
  'a.update-components-actor__image',
  // logged-in, legacy. TODO(2026-12): drop if not seen.
  'a.feed-shared-actor__container-link',
  // guest: tracking names are stable identifiers, not UI text.
  'a[data-tracking-control-name="public_post_feed-actor-name"]',
  'a[data-tracking-control-name="public_post_feed-actor-image"]',
];

/** The author's visible name. The first aria-hidden span is the name; the next holds "• 1st". */
export const POST_ACTOR_NAME: SelectorVariants = [
  // logged-in, 2023–2026.
  '.update-components-actor__title span[aria-hidden="true"]',
  '.update-components-actor__name span[aria-hidden="true"]',
  '.update-components-actor__title',
  '.update-components-actor__name',
  // logged-in, legacy. TODO(2026-12): drop if not seen.
  '.feed-shared-actor__name',
  // guest.
  'a[data-tracking-control-name="public_post_feed-actor-name"]',
];

/** Where the post's time is printed ("6h •" beside a globe icon; guest: `<time>1y</time>`). */
export const POST_TIME: SelectorVariants = [
  // any family, if LinkedIn ever prints an absolute time.
  'time[datetime]',
  // logged-in, 2023–2026: visible label (the visually-hidden twin is a long English-like sentence).
  '.update-components-actor__sub-description span[aria-hidden="true"]',
  '.update-components-actor__sub-description',
  // logged-in, legacy. TODO(2026-12): drop if not seen.
  '.feed-shared-actor__sub-description',
  // guest.
  'time',
];

/**
 * The post's own text. LinkedIn keeps the whole text in the DOM and clips it with
 * CSS ("…more" only reveals it), so reading this element gives the expanded text.
 */
export const POST_TEXT: SelectorVariants = [
  // logged-in, 2023–2026.
  '.feed-shared-update-v2__description .update-components-text',
  '.update-components-update-v2__commentary',
  '.feed-shared-inline-show-more-text .update-components-text',
  // logged-in, legacy. TODO(2026-12): drop if not seen.
  '.feed-shared-update-v2__commentary',
  '.feed-shared-text',
  // guest.
  '[data-test-id="main-feed-activity-card__commentary"]',
  '.attributed-text-segment-list__content',
];

/** Media blocks of a post, by kind; the first kind found wins. */
export const POST_MEDIA: ReadonlyArray<readonly [kind: 'image' | 'video' | 'document' | 'poll' | 'link', variants: SelectorVariants]> = [
  // logged-in, 2023–2026 (`update-components-*`); legacy `feed-shared-*` (TODO(2026-12): drop if not seen).
  ['poll', ['.update-components-poll', '.feed-shared-poll']],
  ['document', ['.update-components-document__container', '.feed-shared-document']],
  // logged-in and guest: a <video> element whatever the wrapper is called.
  ['video', ['.update-components-linkedin-video', 'video']],
  // Link previews (LinkedIn calls them "article" components whether or not they are articles).
  ['link', ['.update-components-article', '.feed-shared-article']],
  // logged-in; guest (`feed-images-content`).
  ['image', ['.update-components-image', '.feed-shared-image', '[data-test-id="feed-images-content"]']],
];

/** The bar of counts under a post. */
export const COUNTS_BAR: SelectorVariants = [
  // logged-in, 2022–2026.
  '.social-details-social-counts',
  // guest.
  '.main-feed-activity-card__social-actions',
  '[data-test-id="social-actions"]',
];

/**
 * The reactions total. Only elements that print the number alone: the item's
 * social-proof text ("Kapil Yadav and 1,264 others") is not the total.
 */
export const REACTIONS_COUNT: SelectorVariants = [
  // guest, 2023–2025: the number as an attribute.
  '[data-num-reactions]',
  // logged-in, 2024–2026: shown with social proof; the fallback number is the total.
  '.social-details-social-counts__social-proof-fallback-number',
  // logged-in, 2022–2026.
  '.social-details-social-counts__reactions-count',
  // guest.
  '[data-test-id="social-actions__reaction-count"]',
];

/** The reactions item itself (to tell "no reactions shown" from "reactions shown but unreadable"). */
export const REACTIONS_ITEM: SelectorVariants = [
  '.social-details-social-counts__reactions',
  '[data-test-id="social-actions__reactions"]',
  'a[data-tracking-control-name="public_post_social-actions-reactions"]',
];

/** The comments count: guest pages also give it as `data-num-comments`. */
export const COMMENTS_COUNT: SelectorVariants = [
  // guest, 2023–2025.
  '[data-num-comments]',
  '[data-test-id="social-actions__comments"]',
  // logged-in, 2022–2026.
  '.social-details-social-counts__comments button',
  '.social-details-social-counts__comments',
];

/** Attributes that hold a count as a plain number (guest pages), read before any text. */
export const COUNT_ATTRIBUTES = ['data-num-reactions', 'data-num-comments', 'data-num-reposts'] as const;

/** Count items of the logged-in bar; the one that is neither reactions nor comments is reposts. */
export const COUNT_ITEMS: SelectorVariants = ['li.social-details-social-counts__item'];
export const COUNT_ITEM_REACTIONS = '.social-details-social-counts__reactions';
export const COUNT_ITEM_COMMENTS = '.social-details-social-counts__comments';

/** The reposts count, where it has a marker of its own. */
export const REPOSTS_COUNT: SelectorVariants = [
  // guest (not seen in our pages; the logged-in bar is read structurally).
  '[data-test-id="social-actions__reposts"]',
];

/** The loaded comments section of a post. An empty comments container alone means "not loaded". */
export const COMMENTS_SECTION: SelectorVariants = [
  // logged-in, 2022–2026.
  '.comments-comments-list',
  '.comments-comment-list__container',
  // guest: the card says it carries comments.
  'article.main-feed-activity-card-with-comments',
];

/** One comment or reply. */
export const COMMENT: SelectorVariants = [
  // logged-in, any era: the urn is the sturdiest marker.
  '[data-id^="urn:li:comment:"]',
  // logged-in, 2024–2026.
  'article.comments-comment-entity',
  // logged-in, legacy (2020–2024). TODO(2026-12): drop if not seen.
  'article.comments-comment-item',
  // guest.
  '.main-feed-activity-card section.comment',
];

/** An element inside a guest comment that carries the comment's urn (its report menu item). */
export const COMMENT_URN_CARRIER: SelectorVariants = ['[data-semaphore-content-urn^="urn:li:comment:"]'];

/** The commenter's name. */
export const COMMENT_AUTHOR_NAME: SelectorVariants = [
  // logged-in, 2024–2026.
  '.comments-comment-meta__description-title',
  // logged-in, legacy. TODO(2026-12): drop if not seen.
  '.comments-post-meta__name-text span[aria-hidden="true"]',
  '.comments-post-meta__name-text',
  // guest.
  'a.comment__author',
  'a[data-tracking-control-name="public_post_comment_actor-name"]',
];

/** The commenter's link (the reader falls back to the first profile link outside the text). */
export const COMMENT_AUTHOR_LINK: SelectorVariants = [
  // logged-in, 2024–2026.
  'a.comments-comment-meta__description-container',
  'a.comments-comment-meta__image-link',
  // logged-in, legacy. TODO(2026-12): drop if not seen.
  'a.comments-post-meta__actor-link',
  'a.comments-post-meta__image-link',
  // guest.
  'a.comment__author',
  'a[data-tracking-control-name="public_post_comment_actor-name"]',
];

/** The comment's text. */
export const COMMENT_TEXT: SelectorVariants = [
  // logged-in, 2020–2026 (both comment markups keep this class).
  '.comments-comment-item__main-content',
  '.comments-comment-entity__content .update-components-text',
  // logged-in, legacy. TODO(2026-12): drop if not seen.
  '.comments-comment-item-content-body',
  // guest.
  '.comment__text',
];

/** The comment's time label. */
export const COMMENT_TIME: SelectorVariants = [
  'time[datetime]',
  // logged-in, 2024–2026.
  'time.comments-comment-meta__data',
  // logged-in, legacy. TODO(2026-12): drop if not seen.
  'time.comments-comment-item__timestamp',
  '.comments-comment-item__timestamp',
  'time',
  // guest.
  '.comment__duration-since',
];

/** The comment's own Reply button (identified by class, never by its label). */
export const COMMENT_REPLY_BUTTON: SelectorVariants = [
  // logged-in, 2024–2026.
  'button.comments-comment-social-bar__reply-action-button--cr',
  // logged-in, 2022–2024. TODO(2026-12): drop if not seen.
  'button.comments-comment-social-bar__reply-action-button',
  'button.reply',
  // guest: a sign-up link, never clicked, only counted for health.
  'a.comment__reply',
];

/** The comment's social bar (where the reply button lives), for the structural fallback. */
export const COMMENT_SOCIAL_BAR: SelectorVariants = [
  '.comments-comment-social-bar--cr',
  '.comments-comment-social-bar',
  '.comment__actions',
];

/** A comment composer (the post's main box or a reply box). */
export const COMMENT_BOX: SelectorVariants = [
  // logged-in, 2024–2026: reply composers carry the --reply modifier.
  '.comments-comment-box--reply',
  '.comments-comment-box--cr',
  // logged-in, 2020–2024. TODO(2026-12): drop if not seen.
  '.comments-comment-box',
  '.comments-reply-box',
  'form.comments-comment-box__form',
];

/** The editable field of a composer (Quill in all eras; role=textbox since 2022). */
export const COMMENT_EDITOR: SelectorVariants = [
  '.ql-editor[contenteditable="true"]',
  '[contenteditable="true"][role="textbox"]',
];

/** The signed-in member's profile link. */
export const OWN_PROFILE_LINK: SelectorVariants = [
  // logged-in top bar, "Me" menu (rendered once the menu has been opened).
  '.global-nav__me-content a[href*="/in/"]',
  '.global-nav__me a[href*="/in/"]',
  // logged-in feed, left rail identity card, 2024–2026.
  'a.profile-card-profile-link[href*="/in/"]',
  '.profile-card a[href*="/in/"]',
  // logged-in feed, identity module, legacy (2019–2023). TODO(2026-12): drop if not seen.
  '.feed-identity-module a[href*="/in/"]',
  // logged-in feed, "Start a post" box avatar.
  '.share-box-feed-entry__top-bar a[href*="/in/"]',
  // logged-in, comment composer avatar link.
  'a.comments-comment-box__avatar-link[href*="/in/"]',
];

/** The signed-in member's name as text. */
export const OWN_NAME_TEXT: SelectorVariants = [
  // logged-in top bar, "Me" menu.
  '.global-nav__me-content .t-16.t-bold',
  '.global-nav__me-content .t-16',
  // logged-in feed, left rail identity card.
  '.profile-card-name',
  // legacy identity module. TODO(2026-12): drop if not seen.
  '.feed-identity-module__actor-meta .t-16',
];

/**
 * Images whose alt is exactly the signed-in member's name (in every UI language).
 * Other avatars say "Photo of …" / "Visit profile for …", so they are not used.
 */
export const OWN_NAME_IMAGE: SelectorVariants = [
  'img.global-nav__me-photo',
  // logged-in, comment composer avatar.
  '.comments-comment-box__avatar-image--cr img',
  '.comments-comment-box__avatar-image img',
];

/** Screen-reader-only text, skipped when reading text (it repeats or annotates what is shown). */
export const SCREEN_READER_ONLY: SelectorVariants = ['.visually-hidden', '.a11y-text'];

/** Classes that mean "whitespace here is literal" (newlines in the text are line breaks). */
export const PRESERVED_WHITESPACE: SelectorVariants = ['.whitespace-pre-wrap', '.whitespace-pre-line', '.white-space-pre'];
