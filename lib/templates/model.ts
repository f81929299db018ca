/**
 * What a reply template is, shared by the database queries, the messages, the
 * dashboard and the in-page picker. Pure (no browser APIs, no Dexie).
 */

/** Languages a template can be written for; `any` suits every comment. */
export const TEMPLATE_LANGUAGES = ['en', 'zh-TW', 'zh-HK', 'any'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/** Categories with a translated label (templateCategory_<id>); users may type their own too. */
export const TEMPLATE_CATEGORIES = [
  'thanks',
  'question',
  'complaint',
  'price',
  'shipping',
  'restock',
  'booking',
  'hours',
  'location',
  'welcome',
  'other',
] as const;

export const MAX_TEMPLATE_NAME = 100;
export const MAX_TEMPLATE_BODY = 5_000;
export const MAX_CATEGORY = 60;
export const MAX_SHORT_CODE = 30;

/** A short code as stored: lower-case, without the leading slash ("/Thanks" → "thanks"); null when empty. */
export function normalizeShortCode(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const code = input.trim().replace(/^\/+/, '').normalize('NFKC').toLowerCase();
  return code === '' ? null : code;
}

/** Letters (any script), digits, `_` and `-`: what can follow the `/` typed in a reply box. */
export function isValidShortCode(code: string): boolean {
  return code.length <= MAX_SHORT_CODE && /^[\p{L}\p{N}_-]+$/u.test(code);
}

/** Which template languages fit a comment in this (classifier) language; null or 'other': all. */
export function languageMatches(templateLanguage: string, commentLanguage: 'en' | 'zh' | 'other' | null): boolean {
  if (commentLanguage === null || commentLanguage === 'other' || templateLanguage === 'any') return true;
  if (commentLanguage === 'zh') return templateLanguage.startsWith('zh');
  return templateLanguage === commentLanguage;
}

const DAY_MS = 86_400_000;

/**
 * "Recently and most used first": uses count, fading with a two-week half-life
 * since the last use, so a template used often last month gives way to one used
 * this week. Never-used templates score 0 and follow in name order.
 */
export function frecency(t: { useCount: number; lastUsedAt: number | null }, now: number): number {
  if (t.lastUsedAt === null || t.useCount <= 0) return 0;
  const ageDays = Math.max(0, now - t.lastUsedAt) / DAY_MS;
  return (1 + Math.log2(1 + t.useCount)) * 0.5 ** (ageDays / 14);
}
