/**
 * The UI strings the always-loaded content script shows by itself: the panel's
 * closed tab, the Save actions, the comments' badges and its notices. The
 * background stores these apart from the whole table (lib/i18n/catalogue.ts),
 * so that every page load reads a few dozen strings instead of every string
 * of the extension; the panel's UI reads the whole table when it loads.
 * `PageTranslate` makes the compiler hold the content script to this list.
 */
export const PAGE_STRING_KEYS = [
  'extShortName',
  'panelOpen',
  'panelOpenWaiting',
  'panelLoadFailed',
  'saveAction',
  'saveActionTitle',
  'savedAction',
  'savedActionTitle',
  'saveFailed',
  'badge_open',
  'badge_replied',
  'badge_dismissed',
  'errorExtensionReloaded',
  'errorNoAnswer',
  'errorSaveFailed',
  'errorStorageFull',
  'pickerLoadFailed',
  'pickerNoBox',
  'queueDismissedNotice',
  'replyInserted',
] as const;

export type PageStringKey = (typeof PAGE_STRING_KEYS)[number];

/** A lookup of the page's strings only (any `Translate` is one). */
export type PageTranslate = (key: PageStringKey, substitutions?: string | string[]) => string;

