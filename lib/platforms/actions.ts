import { firstMatching, type FirstMatchingOptions } from './selectors';

/**
 * Helpers for the adapters' `actionAnchor`: where the in-page Save action goes
 * (the post's own action bar). Everything is looked up inside the container
 * only, skipping nested containers (a reshared post has its own bar).
 */

/** Whether `el` belongs to `container` itself and not to a container nested in it. */
export function ownedByContainer(container: Element, containerSelector: string): (el: Element) => boolean {
  return (el) => el.closest(containerSelector) === container;
}

/** The first element matching one of `variants` (in order of preference) that `accept`s. */
export function firstOwned(container: Element, variants: readonly string[], accept: (el: Element) => boolean, options: FirstMatchingOptions = {}): Element | null {
  return firstMatching(container, variants, accept, options);
}

/**
 * The row that holds a post's controls: the nearest ancestor of the first
 * control that also holds at least `min` of them, without leaving the container.
 */
export function rowOf(controls: readonly Element[], container: Element, min = 2): Element | null {
  const first = controls[0];
  if (first === undefined || controls.length < min) return null;
  for (let node = first.parentElement; node !== null && container.contains(node); node = node.parentElement) {
    if (controls.filter((c) => node.contains(c)).length >= min) return node;
    if (node === container) break;
  }
  return null;
}

/** Runs an anchor lookup so that markup it does not expect gives "no anchor", never an exception. */
export function safeAnchor(find: () => Element | null): Element | null {
  try {
    return find();
  } catch {
    return null;
  }
}
