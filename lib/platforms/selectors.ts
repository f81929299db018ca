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
