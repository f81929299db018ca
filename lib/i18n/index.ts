import { createContext, useContext } from 'react';

/**
 * UI strings come from `public/_locales/<lang>/messages.json` through
 * `browser.i18n` (which follows the browser's language). Components receive the
 * lookup through context so they never call browser APIs and tests can pass a
 * table directly.
 */
export type Translate = (key: string, substitutions?: string | string[]) => string;

export const I18nContext = createContext<Translate>((key) => key);

export function useT(): Translate {
  return useContext(I18nContext);
}

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** Builds a Translate from a messages.json table (used by tests and as a fallback). */
export function translatorFrom(table: Record<string, MessageEntry>): Translate {
  return (key, substitutions) => {
    const entry = table[key];
    if (!entry) return key;
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    let text = entry.message;
    for (const [name, ph] of Object.entries(entry.placeholders ?? {})) {
      const index = Number(ph.content.replace('$', '')) - 1;
      text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), subs[index] ?? '');
    }
    return text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}
