/**
 * Search terms for the inspiration library's multi-entry index. Latin-script
 * text is split into words; Chinese, Japanese and Korean text has no spaces, so
 * each run of those characters gives its single characters and every pair of
 * neighbours (bigrams): `咖啡` is then found inside `手沖咖啡豆`.
 */

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
// A word is a run of CJK characters, or a run of other letters and digits: where
// the two meet with no space ("iPhone手機殼", "LINE官方帳號") the word ends, so
// `iphone` and `line` are found as words too.
const TOKEN = new RegExp(`[${CJK_CLASS}]+|(?:(?![${CJK_CLASS}])[\\p{L}\\p{M}\\p{N}_])+`, 'gu');

/** Bounds the index size of one saved post. */
export const MAX_TERMS = 3000;

function cjkTerms(run: string, out: Set<string>) {
  const chars = [...run];
  for (let i = 0; i < chars.length; i++) {
    out.add(chars[i] as string);
    if (i + 1 < chars.length) out.add((chars[i] as string) + (chars[i + 1] as string));
  }
}

export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Every term under which a text can be found. */
export function indexTerms(...texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const m of normalise(text).matchAll(TOKEN)) {
      const token = m[0];
      if (CJK.test(token)) cjkTerms(token, out);
      else out.add(token);
      if (out.size >= MAX_TERMS) return [...out];
    }
  }
  return [...out];
}

/**
 * The terms a query must all match. A CJK run of 3+ characters becomes its
 * bigrams (all must be present); Latin words match as prefixes of indexed words
 * (the caller does the prefix lookup).
 */
export function queryTerms(query: string): Array<{ term: string; prefix: boolean }> {
  const out: Array<{ term: string; prefix: boolean }> = [];
  for (const m of normalise(query).matchAll(TOKEN)) {
    const token = m[0];
    if (CJK.test(token)) {
      const chars = [...token];
      if (chars.length <= 2) out.push({ term: token, prefix: false });
      else for (let i = 0; i + 1 < chars.length; i++) out.push({ term: (chars[i] as string) + (chars[i + 1] as string), prefix: false });
    } else out.push({ term: token, prefix: true });
  }
  return out;
}

/** The fields of a saved post that search looks in. */
export interface SearchableFields {
  text: string;
  note: string;
  authorName: string;
  site: string | null;
  tags: readonly string[];
}

const searchableTexts = (row: SearchableFields) => [row.text, row.note, row.authorName, row.site ?? '', ...row.tags];

/** Every term a saved post is found under: its text, note, author, site and tags (the `*searchTerms` index). */
export function inspirationSearchTerms(row: SearchableFields): string[] {
  return indexTerms(...searchableTexts(row));
}

/** The longest CJK query run the library index confirms by itself; a longer one is checked against the posts' text. */
export const MAX_RUN_START = 8;
/** Bounds a saved post's run starts; a post with more is marked with UNINDEXED_RUNS instead. */
export const MAX_RUN_STARTS = 3000;
/** The term of posts whose run starts were not indexed (too many): a long CJK query checks their text. */
export const UNINDEXED_RUNS = '\u0000runs';

/**
 * At each position of each CJK run, the next (up to) MAX_RUN_START characters,
 * when they are three or more. A query run of 3 to MAX_RUN_START characters is
 * in the text exactly when it begins one of these, so the library finds
 * `沖咖啡` in `手沖咖啡豆` from the index alone (its bigrams can all be there
 * without the run).
 */
export function cjkRunStarts(...texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const m of normalise(text).matchAll(TOKEN)) {
      const chars = [...m[0]];
      if (chars.length < 3 || !CJK.test(m[0])) continue;
      for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + MAX_RUN_START).join(''));
    }
  }
  return [...out];
}

/** Every term of the library's own index (lib/db/library-index.ts): the search terms, and the run starts or UNINDEXED_RUNS. */
export function libraryIndexTerms(row: SearchableFields): string[] {
  const starts = cjkRunStarts(...searchableTexts(row));
  return [...new Set([...inspirationSearchTerms(row), ...(starts.length > MAX_RUN_STARTS ? [UNINDEXED_RUNS] : starts)])];
}
