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

const always = () => true;

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
  includeRoot = false,
): Element | null {
  for (const selector of variants) {
    if (includeRoot && root.nodeType === 1 && (root as Element).matches(selector) && accept(root as Element)) return root as Element;
    const first = root.querySelector(selector);
    if (first === null) continue;
    if (accept(first)) return first;
    for (const el of root.querySelectorAll(selector)) if (el !== first && accept(el)) return el;
  }
  return null;
}
