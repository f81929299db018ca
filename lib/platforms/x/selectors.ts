/**
 * Where things are in X's (twitter.com / x.com) markup. Each entry is a list of
 * variants, tried in order. X's web app is React Native for Web: class names are
 * generated atomic classes (`css-175oi2r`, `r-18u37iz`) that say nothing about
 * meaning, so the sturdy hooks are `data-testid`, ARIA roles and link shapes
 * (`/<handle>/status/<id>`). Nothing here matches on visible (localised) text:
 * the same page is served in en, zh, pt-BR… with the same test ids.
 *
 * Page families (all the same React app, 2023–2026):
 * - timelines (home, profile, search, lists): one `article[data-testid="tweet"]`
 *   per post inside `[data-testid="cellInnerDiv"]` cells.
 * - status pages (`/<handle>/status/<id>`): the focal tweet's article, then the
 *   replies as further cells of the same list; the focal tweet's inline reply
 *   composer sits in its cell, outside the article. Ancestors (when the focal
 *   tweet is itself a reply) come before it.
 *
 * When a variant stops being seen, mark it legacy with a dated TODO before removing it.
 */

import type { SelectorVariants } from '../selectors';

export { anyOf, type SelectorVariants } from '../selectors';

/** One tweet (post, reply, ancestor) — the adapter's container. */
export const TWEET: SelectorVariants = [
  // 2019–2026: every tweet, in every timeline and on status pages.
  'article[data-testid="tweet"]',
];

/** One row of a timeline or conversation; replies are the rows after the focal tweet's row. */
export const TIMELINE_CELL: SelectorVariants = [
  // 2020–2026: virtualised list rows.
  '[data-testid="cellInnerDiv"]',
];

/**
 * A quoted tweet inside a tweet: a clickable block (`role="link"`) holding its own
 * author block. It carries no status link of its own, so it is not read as a post;
 * the reader only keeps its text, author, media and time out of the outer tweet.
 */
export const QUOTED_TWEET: SelectorVariants = [
  // 2022–2026.
  'div[role="link"][tabindex="0"]',
  'div[role="link"]',
];

/** Inside a quoted-tweet block, what proves it is a tweet (not some other clickable block). */
export const QUOTED_TWEET_MARKER: SelectorVariants = ['[data-testid="User-Name"]', '[data-testid="Tweet-User-Avatar"]', 'time'];

/** The author block: display name link, @handle link, and (on timelines) the time link. */
export const USER_NAME: SelectorVariants = [
  // 2021–2026.
  '[data-testid="User-Name"]',
];

/** The tweet's own time; its enclosing `a[href*="/status/"]` names the tweet. */
export const TWEET_TIME: SelectorVariants = [
  // 2019–2026: on timelines inside User-Name, on the focal tweet / X Articles at the bottom.
  'a[href*="/status/"] time[datetime]',
  'a[href*="/status/"] time',
  // A time without its link (quoted tweets, some embeds): time only, no id.
  'time[datetime]',
  'time',
];

/** Links that carry the tweet's own id when no time link is readable (its view counter). */
export const STATUS_ID_FALLBACK_LINK: SelectorVariants = [
  // 2023–2026: "N views" link.
  'a[href*="/status/"][href$="/analytics"]',
];

/** The tweet's text. Newlines are literal characters (X renders it `white-space: pre-wrap`); emoji are `<img alt>`. */
export const TWEET_TEXT: SelectorVariants = [
  // 2020–2026.
  '[data-testid="tweetText"]',
];

/** Long-form X Articles: title and body (a read-only Draft.js editor). */
export const ARTICLE_TITLE: SelectorVariants = ['[data-testid="twitter-article-title"]'];
export const ARTICLE_BODY: SelectorVariants = [
  // 2024–2026.
  '[data-testid="longformRichTextComponent"]',
  '[data-testid="twitterArticleRichTextView"]',
];

/** A code block inside an X Article: only its `<pre>` is text; the header is a language label and a copy button. */
export const ARTICLE_CODE_BLOCK: SelectorVariants = ['[data-testid="markdown-code-block"]'];

/** Media blocks of a tweet, by kind; the first kind found wins (videos sit inside tweetPhoto). */
export const TWEET_MEDIA: ReadonlyArray<readonly [kind: 'article' | 'poll' | 'video' | 'image' | 'link', variants: SelectorVariants]> = [
  ['article', ['[data-testid="twitterArticleReadView"]', '[data-testid="twitter-article-title"]']],
  ['poll', ['[data-testid="cardPoll"]']],
  ['video', ['[data-testid="videoPlayer"]', '[data-testid="videoComponent"]', 'video']],
  ['image', ['[data-testid="tweetPhoto"]']],
  ['link', ['[data-testid="card.wrapper"]']],
];

/**
 * The action bar. Its buttons' aria-labels carry the exact counts in the UI
 * language ("76 Replies. Reply", "0 回复。回复"); the visible text is rounded ("2.3K", "8.1万").
 */
export const ACTION_BAR: SelectorVariants = [
  // 2021–2026.
  '[role="group"]',
];

/** Reply control: the tweet's reply count, and what opens a reply composer. */
export const REPLY_BUTTON: SelectorVariants = ['button[data-testid="reply"]', '[data-testid="reply"]'];
/** Repost control (`unretweet` once the signed-in user has reposted). */
export const REPOST_BUTTON: SelectorVariants = ['[data-testid="retweet"]', '[data-testid="unretweet"]'];
/** Like control (`unlike` once the signed-in user has liked). */
export const LIKE_BUTTON: SelectorVariants = ['[data-testid="like"]', '[data-testid="unlike"]'];
/** Views: the analytics link (absent on old tweets and some accounts). */
export const VIEWS_LINK: SelectorVariants = ['a[href*="/status/"][href$="/analytics"]'];

/** Where a control prints its rounded count. */
export const COUNT_TEXT: SelectorVariants = ['[data-testid="app-text-transition-container"]'];

/**
 * A divider row in a conversation: a section heading ("Discover more", "More
 * replies" in any language). Tweets after it are not replies to the focal tweet.
 */
export const SECTION_HEADING: SelectorVariants = ['[role="heading"]', 'h1', 'h2', 'h3'];

/** Signs that a row holds a tweet (used to tell "replies renamed" from "no replies loaded"). */
export const TWEET_LIKE_CONTENT: SelectorVariants = ['article', '[role="article"]', 'time', 'a[href*="/status/"]', '[data-testid="User-Name"]'];

/**
 * Reply-thread connector lines. X draws a reply chain as tweets joined by a 2px
 * line; no attribute says which tweet a reply answers, so the line is the only
 * structural sign. Class names only (last resort): `r-m5arl1` is the 2px width.
 * Seen 2023–2026 (colour class varies by theme: r-1bnu78o, r-1bimlpy).
 */
export const THREAD_LINE_BELOW: SelectorVariants = [
  // Under the avatar: "the next tweet replies to this one".
  'div.r-m5arl1.r-16y2uox.r-14gqq1x',
];
export const THREAD_LINE_ABOVE: SelectorVariants = [
  // Above the avatar, absolutely positioned: "this tweet replies to the one above".
  'div.r-m5arl1.r-1p0dtai.r-u8s1d.r-ipm5af',
];

/** The signed-in user's profile link in the side navigation. */
export const OWN_PROFILE_LINK: SelectorVariants = [
  // 2021–2026.
  'a[data-testid="AppTabBar_Profile_Link"]',
];

/** The account menu button at the bottom of the side navigation: avatar, display name, @handle. */
export const ACCOUNT_SWITCHER: SelectorVariants = [
  // 2021–2026.
  '[data-testid="SideNav_AccountSwitcher_Button"]',
];

/** Avatar containers name the account in their test id: `UserAvatar-Container-<handle>`. */
export const AVATAR_CONTAINER_PREFIX = 'UserAvatar-Container-';

/** Anything only a signed-in page shows. */
export const LOGGED_IN_CHROME: SelectorVariants = [
  'a[data-testid="AppTabBar_Profile_Link"]',
  '[data-testid="SideNav_AccountSwitcher_Button"]',
  'a[data-testid="SideNav_NewTweet_Button"]',
];

/** A reply composer (the status page's inline box or the reply dialog). */
export const COMPOSER: SelectorVariants = [
  // 2023–2026: status page, focal tweet's inline box.
  '[data-testid="inline_reply_offscreen"]',
  // Any composer: label wrapper, rich-text container, the field itself.
  '[data-testid^="tweetTextarea_"]',
  '[data-testid="tweetButtonInline"]',
];

/**
 * The editable field of a composer (Draft.js). Its test id has been both on a
 * wrapper around the editable element and on the editable element itself.
 * `contenteditable="true"` keeps out the read-only Draft.js views of X Articles.
 */
export const COMPOSER_EDITOR: SelectorVariants = [
  // 2025–2026 (real status page, 2026-02): the id is on the editable element.
  '.public-DraftEditor-content[data-testid^="tweetTextarea_"][contenteditable="true"]',
  '[data-testid^="tweetTextarea_"][contenteditable="true"][role="textbox"]',
  // 2022–2025: a wrapper `div[data-testid="tweetTextarea_0"]` around the Draft.js editor.
  '[data-testid^="tweetTextarea_"] .public-DraftEditor-content[contenteditable="true"]',
  '[data-testid^="tweetTextarea_"] [contenteditable="true"][role="textbox"]',
];

/** A modal layer (the reply dialog opened by a tweet's reply control). */
export const DIALOG: SelectorVariants = ['[role="dialog"]', '[aria-modal="true"]'];

/** Path segments that are X pages, not handles (`/home`, `/i/…`, `/search`…). */
export const RESERVED_PATHS: ReadonlySet<string> = new Set([
  'home', 'explore', 'search', 'notifications', 'messages', 'i', 'settings', 'compose', 'hashtag', 'intent', 'share',
  'tos', 'privacy', 'login', 'logout', 'signup', 'account', 'jobs', 'communities', 'lists', 'bookmarks', 'premium',
  'premium_sign_up', 'verified-orgs-signup', 'download', 'about', 'help', 'en', 'rules', 'display', 'keyboard_shortcuts',
]);
