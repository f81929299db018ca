/**
 * A few lines of DOM building for the toolbar popup, which is drawn without
 * React (see view.ts). Text is always a text node and attributes are set one by
 * one, so nothing read from a page (a post's excerpt, an author) is ever parsed
 * as markup.
 */

export type Child = Node | string | null | undefined | false;
export type Attrs = Record<string, string | number | null | undefined>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill<E extends Element>(el: E, attrs: Attrs, children: readonly Child[]): E {
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? el.ownerDocument.createTextNode(c) : c);
  }
  return el;
}

/** An HTML element with these attributes (`class`, `data-testid`, …) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  return fill(doc.createElement(tag), attrs, children);
}

/** An SVG element, likewise. */
export function s<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  return fill(doc.createElementNS(SVG_NS, tag), attrs, children);
}
