/**
 * Where things are in Facebook's markup ("Comet", the React app of www/web.facebook.com).
 * Each entry is a list of variants, tried in order. Facebook's class names are generated
 * (`x1n2onr6`) and change with every build, so nothing here uses them: only ARIA roles and
 * relations, `data-*` hooks Facebook keeps for its own tooling (`data-ad-rendering-role`,
 * `data-ad-preview`, `data-pagelet`, `data-visualcompletion`), link shapes (ids in urls) and
 * structure. Nothing matches visible (localised) text: the UI comes in every language.
 *
 * Page families seen:
 * - feed (home, profile/page timelines, groups), 2023–2026: each post is
 *   `div[aria-posinset][aria-labelledby][aria-describedby]` (the `role="article"` it had in
 *   2021–2022 was dropped from feed units);
 * - post dialog and permalink pages, 2024–2026: the post is `div[role="article"]` with
 *   `aria-posinset`/`aria-labelledby` and holds its comments;
 * - comments, 2021–2026: `div[role="article"]` labelled with `aria-label` ("Comment by …",
 *   "Reply by …", localised, never read), nested inside the post. Replies sit in a block after
 *   their parent (not inside it); their time link names both ids
 *   (`?comment_id=<parent>&reply_comment_id=<reply>`).
 *
 * When a variant stops being seen, mark it legacy with a dated TODO before removing it.
 */

import type { SelectorVariants } from '../selectors';

export { anyOf, type SelectorVariants } from '../selectors';

/** One post and the comments loaded under it: the adapter's unit of work. */
export const POST_CONTAINER: SelectorVariants = [
  // dialog/permalink 2024–2026, feed 2021–2022: the article carries its position in the list.
  '[role="article"][aria-posinset]',
  // feed, 2023–2026: the feed unit without a role, labelled by its author heading.
  'div[aria-posinset][aria-labelledby]',
  // single post without a list position: labelled by the author heading (comments use aria-label instead).
  '[role="article"][aria-labelledby]',
];

/** A comment or reply: any other article inside a post container (the reader checks it is not a container). */
export const COMMENT: SelectorVariants = [
  // 2021–2026: labelled with a localised "Comment by …" / "Reply by …".
  '[role="article"][aria-label]',
  // any article without a label (the label is not needed to read it).
  '[role="article"]',
];

/**
 * POST_CONTAINER and COMMENT in one short list: a read searches each post once for both (its nested containers and
 * its comments), and a shorter list is matched faster against each of the post's elements. It must match exactly what
 * either matches (extract.test.ts checks it): a variant added to one of them is added here too.
 */
export const POST_CONTAINER_OR_COMMENT: SelectorVariants = ['[role="article"]', 'div[aria-posinset][aria-labelledby]'];

/**
 * The post's author block. `aria-labelledby` of the container names the heading first
 * (read before these); these are the fallbacks.
 */
export const POST_AUTHOR_BLOCK: SelectorVariants = [
  // 2024–2026: Facebook's own rendering hook around the author heading.
  '[data-ad-rendering-role="profile_name"]',
  // 2021–2026: the author heading itself (h2 on permalink pages, h3 in dialogs, h4 in the feed).
  'h2',
  'h3',
  'h4',
];

/** The post's own text. Holds the expanded text once "See more" was clicked. */
export const POST_MESSAGE: SelectorVariants = [
  // 2024–2026.
  '[data-ad-rendering-role="story_message"]',
  // 2021–2026: the message block's preview hooks.
  '[data-ad-preview="message"]',
  '[data-ad-comet-preview="message"]',
];

/** Legacy (before 2020) absolute time attribute on the post's time element. TODO(2026-12): drop if not seen. */
export const POST_UTIME: SelectorVariants = ['abbr[data-utime]'];

/** The reactions summary ("See who reacted to this"): the per-reaction buttons sit inside it. */
export const REACTIONS_TOOLBAR: SelectorVariants = ['[role="toolbar"]'];

/** One reaction kind inside the toolbar; its aria-label carries that kind's count ("Love: 181 people", "大心：181 人"). */
export const REACTION_KIND_BUTTON: SelectorVariants = ['[role="button"][aria-label]'];

/**
 * The post's action bar buttons (Like / Comment / Share): role=button with a sprite icon
 * (`i[data-visualcompletion="css-img"]`) and a localised label, no number.
 */
export const ACTION_BUTTON_ICON: SelectorVariants = ['i[data-visualcompletion="css-img"]'];

/** Count buttons of the summary row ("782 comments", "114 shares", "12 則留言"): role=button with a number. */
export const COUNT_BUTTON: SelectorVariants = ['[role="button"]'];

/** Links that point to a comment: the comment's time link and its author links. */
export const COMMENT_LINK: SelectorVariants = ['a[href*="comment_id="]'];

/** The comment's body text. */
export const COMMENT_BODY: SelectorVariants = [
  // 2023–2026: the body span carries the detected language of the text.
  'span[dir="auto"][lang]',
];

/** Lines of a comment body, for the fallback when the body span has no `lang`. */
export const COMMENT_BODY_LINE: SelectorVariants = ['div[dir="auto"][style*="text-align"]'];

/** The comment's action row (time link, Like, Reply…): a list of items. */
export const COMMENT_ACTION_ROW: SelectorVariants = ['ul'];

/** The editable field of a comment composer (main box or reply box). */
export const COMPOSER_EDITOR: SelectorVariants = [
  // 2022–2026: Lexical.
  'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  // 2020–2022 (Draft.js) and anything else with the textbox role. TODO(2026-12): drop the Draft.js case if not seen.
  '[contenteditable="true"][role="textbox"]',
];

/**
 * Where the signed-in profile is linked from the page chrome. The reader takes the first
 * link that is a profile url.
 */
export const OWN_PROFILE_LINK: SelectorVariants = [
  // home and other feeds, 2021–2026: the left navigation's first entry is the signed-in profile.
  '[data-pagelet="LeftRail"] a[role="link"][href]',
  // top bar, 2020–2022 (and the account menu once opened): a profile shortcut with the name.
  '[role="banner"] [role="navigation"] a[role="link"][href]',
  '[role="banner"] [role="dialog"] a[role="link"][href]',
];

/** Page chrome that only logged-out pages show: the login form in the top bar. */
export const LOGGED_OUT_MARKERS: SelectorVariants = ['form[action*="/login/"]', 'input[name="pass"]'];

/** Emoji are images whose `alt` is the emoji itself (`<img alt="🎟️">`). */
export const EMOJI_IMAGE = 'img[alt]';
