import type { Translate } from './index';

/**
 * The UI strings for the content scripts, as one table the background keeps in
 * `storage.local`. A content script's first `i18n.getMessage` makes Chrome load
 * the extension's message files synchronously: the page's main thread waits
 * 6–10 ms for it on every page load. The script reads this table with the
 * settings it reads anyway and looks strings up in it; where the table is
 * missing, damaged or of another language (the browser's changed and the
 * background has not run since), it asks `i18n.getMessage` as before.
 *
 * The background builds the table with `i18n.getMessage` itself, passing
 * markers as substitutions, so the stored form of a message with placeholders
 * has a marker where each substitution goes and Chrome's own rules (named
 * placeholders, `$$`) are already applied.
 */

export const CATALOGUE_KEY = 'uiStrings';

/** Stand-ins for substitutions 1–9 (Chrome takes at most nine): control characters no message contains. */
const MARKERS = Array.from({ length: 9 }, (_, i) => String.fromCharCode(i + 1));
// eslint-disable-next-line no-control-regex -- the markers are control characters on purpose
const MARKER_PATTERN = /[\u0001-\u0009]/g;

export interface Catalogue {
  /** `i18n.getUILanguage()` when it was built. */
  language: string;
  messages: Record<string, string>;
}

type GetMessage = (key: string, substitutions: string[]) => string;

export function buildCatalogue(keys: readonly string[], getMessage: GetMessage, language: string): Catalogue {
  const messages: Record<string, string> = {};
  for (const key of keys) {
    const message = getMessage(key, MARKERS);
    if (message !== '') messages[key] = message;
  }
  return { language, messages };
}

/** The stored table's messages when it is whole and of this language, else null. */
export function readCatalogue(raw: unknown, language: string): Record<string, string> | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { language: built, messages } = raw as Partial<Catalogue>;
  if (built !== language || typeof messages !== 'object' || messages === null || Array.isArray(messages)) return null;
  for (const value of Object.values(messages)) if (typeof value !== 'string') return null;
  return messages;
}

/** Looks strings up in `messages`, filling in substitutions; anything not there goes to `fallback`. */
export function catalogueTranslator(messages: Record<string, string> | null, fallback: Translate): Translate {
  if (messages === null) return fallback;
  return (key, substitutions) => {
    const message = Object.hasOwn(messages, key) ? messages[key] : undefined;
    if (message === undefined) return fallback(key, substitutions);
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(MARKER_PATTERN, (m) => subs[m.charCodeAt(0) - 1] ?? '');
  };
}

export interface CatalogueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Writes the table when what is stored differs (another language, another build); run when the background starts. */
export async function storeCatalogue(area: CatalogueArea, catalogue: Catalogue): Promise<boolean> {
  const stored = (await area.get(CATALOGUE_KEY))[CATALOGUE_KEY];
  if (JSON.stringify(stored) === JSON.stringify(catalogue)) return false;
  await area.set({ [CATALOGUE_KEY]: catalogue });
  return true;
}
