/**
 * What every platform's selectors.ts builds on: selectors kept as lists of
 * variants (one per markup era), joined into one selector list where a query
 * needs them all.
 */

export type SelectorVariants = readonly string[];

const joined = new WeakMap<SelectorVariants, string>();

/**
 * Joins variants into one selector list for querySelectorAll / matches / closest.
 * The variant lists are constants, so each is joined once: the adapters ask for
 * the same lists for every post and comment they read.
 */
export function anyOf(variants: SelectorVariants): string {
  let selector = joined.get(variants);
  if (selector === undefined) {
    selector = variants.join(', ');
    joined.set(variants, selector);
  }
  return selector;
}

/** Two lists of elements, each in document order, merged into one in document order (an element in both once). */
function mergeInDocumentOrder(a: readonly Element[], b: readonly Element[]): Element[] {
  const out: Element[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Element;
    const y = b[j] as Element;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x.compareDocumentPosition(y) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  for (; i < a.length; i++) out.push(a[i] as Element);
  for (; j < b.length; j++) out.push(b[j] as Element);
  return out;
}

/**
 * Every element under `root` that matches one of `variants`, in document order: what
 * `querySelectorAll(anyOf(variants))` returns, found with one query per variant. Chromium runs a selector list
 * through its slow path, testing every element of the subtree against every selector; one selector alone takes
 * its fast paths (tag, class, attribute), and most variants of a list match nothing in a given post. In the
 * benchmark's feed pages many lists took about twice as long as their variants one by one (before the merge).
 * Threads' reader, which searches its posts with lists most, reads about 6 % faster this way, and LinkedIn's
 * (a card's comments and composers) about 9 %; Facebook's, X's, TikTok's and Instagram's did not change, so they
 * keep their lists (BENCHMARKS.md, twelfth and thirteenth sessions).
 */
export function allMatching(root: Element | Document, variants: SelectorVariants): Element[] {
  let result: Element[] | null = null;
  for (const selector of variants) {
    const found = root.querySelectorAll(selector);
    if (found.length === 0) continue;
    result = result === null ? Array.from(found) : mergeInDocumentOrder(result, Array.from(found));
  }
  return result ?? [];
}

const always = () => true;

const subjects = new Map<string, string | null>();

/**
 * The last compound of a complex selector (what it selects: `img[alt]` in `[data-e2e="x"] img[alt]`),
 * or null when `selector` is a single compound, holds a list (a top-level comma) or uses `:scope`
 * (whose meaning would change in `matches()`).
 */
export function subjectOf(selector: string): string | null {
  const known = subjects.get(selector);
  if (known !== undefined) return known;
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  let list = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '\\') i++;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 0 && c === ',') list = true;
    else if (depth === 0 && (c === ' ' || c === '>' || c === '+' || c === '~' || c === '\t' || c === '\n')) start = i + 1;
  }
  const subject = selector.slice(start).trim();
  const result = list || selector.includes(':scope') || subject === '' || subject === selector.trim() ? null : subject;
  subjects.set(selector, result);
  return result;
}

/** The first element under `root` (never `root`) that `selector` matches and `accept` allows, in document order. */
function firstIn(root: Element | Document, selector: string, accept: (el: Element) => boolean, bySubject: boolean): Element | null {
  const subject = bySubject ? subjectOf(selector) : null;
  if (subject !== null) {
    for (const el of root.querySelectorAll(subject)) if (el.matches(selector) && accept(el)) return el;
    return null;
  }
  const first = root.querySelector(selector);
  if (first === null) return null;
  if (accept(first)) return first;
  for (const el of root.querySelectorAll(selector)) if (el !== first && accept(el)) return el;
  return null;
}

export interface FirstMatchingOptions {
  /** Try `root` itself first, for each variant. */
  includeRoot?: boolean;
  /**
   * Find a variant with combinators by its last compound, then test the variant with matches() on each
   * element found, instead of querySelector(variant). Chromium's querySelector from an element costs time that
   * grows with the whole document's size for some such selectors: those whose outer compounds are an id, an
   * attribute or a tag (`#author-thumbnail a[href]`, `[data-e2e="profile-icon"] img[alt]`, `form textarea`),
   * about 10-20 µs a post after 1,500 posts of the benchmark's feeds against 1-3 µs this way. Selectors that
   * name a class there (Facebook's, LinkedIn's) are faster with querySelector, so each reader chooses.
   */
  bySubject?: boolean;
}

/**
 * The first element under `root` matching one of `variants`, in variant order
 * (the first variant that has an accepted match wins), that `accept` allows;
 * with `includeRoot`, `root` itself is tried first for each variant. The
 * adapters call this a dozen times for every post and comment, so the first
 * candidate is found with querySelector, which stops at it: the whole list of
 * matches is collected only when that one is refused.
 */
export function firstMatching(
  root: Element | Document,
  variants: SelectorVariants,
  accept: (el: Element) => boolean = always,
  { includeRoot = false, bySubject = false }: FirstMatchingOptions = {},
): Element | null {
  for (const selector of variants) {
    if (includeRoot && root.nodeType === 1 && (root as Element).matches(selector) && accept(root as Element)) return root as Element;
    const found = firstIn(root, selector, accept, bySubject);
    if (found !== null) return found;
  }
  return null;
}
