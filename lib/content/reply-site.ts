import type { Platform } from '../platforms/types';
import { insertIntoEditor, type EditorFamily, type InsertOptions, type InsertOutcome } from './insert';

/**
 * What reply drafting needs from a site besides its adapter (lib/platforms/<site>/insert.ts):
 * where a comment is in the page (for its badge) and its reply editor when one is
 * already open (to know which comment a focused box answers), both found without
 * clicking anything; and how its editor takes text.
 */
export interface ReplySite {
  platform: Platform;
  /** The comment's element, or null when it is not in the page. */
  commentElement(doc: Document, commentId: string): Element | null;
  /**
   * The elements of these comments that are in the page, found together: sites
   * that find one comment by reading the page's comments read them once here,
   * not once per comment (a badge for each of 150 comments took 1.4 s on
   * Facebook that way).
   */
  commentElements(doc: Document, commentIds: readonly string[]): Map<string, Element>;
  /** The comment's reply editor if it is open now. Never clicks (the adapter's findReplyBox opens one). */
  openEditor(doc: Document, commentId: string): HTMLElement | null;
  insert(editor: HTMLElement, text: string, options?: InsertOptions): Promise<InsertOutcome>;
}

export interface ReplySiteParts extends Pick<ReplySite, 'commentElement' | 'openEditor'> {
  /**
   * Every comment in the page with its id, as the site's reader ids it (the first
   * element of an id wins, as in commentElement). Lazy, so a caller that has found
   * all it wants stops reading. Without it, commentElements asks commentElement
   * once per comment (for sites that find a comment by a selector of its id).
   */
  pageComments?(doc: Document): Iterable<readonly [commentId: string, element: Element]>;
}

/** A site whose editor is of one family (the DOM's marks are read when the family is not forced). */
export function replySite(platform: Platform, parts: ReplySiteParts, family?: EditorFamily): ReplySite {
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => R | null) =>
    (...args: A): R | null => {
      // The page's markup may have changed under us: no element is an answer, an exception is not.
      try {
        return fn(...args);
      } catch {
        return null;
      }
    };
  const commentElement = guard(parts.commentElement);
  const pageComments = parts.pageComments;
  function commentElements(doc: Document, commentIds: readonly string[]): Map<string, Element> {
    const found = new Map<string, Element>();
    if (pageComments === undefined) {
      for (const id of commentIds) {
        const el = commentElement(doc, id);
        if (el !== null) found.set(id, el);
      }
      return found;
    }
    const wanted = new Set(commentIds);
    try {
      for (const [id, el] of pageComments(doc)) {
        if (!wanted.has(id) || found.has(id)) continue;
        found.set(id, el);
        if (found.size === wanted.size) break;
      }
    } catch {
      // As in commentElement: the page's markup may have changed under us; what was found stands.
    }
    return found;
  }
  return {
    platform,
    commentElement,
    commentElements,
    openEditor: guard(parts.openEditor),
    insert: (editor, text, options = {}) => insertIntoEditor(editor, text, { ...(family ? { family } : {}), ...options }),
  };
}
