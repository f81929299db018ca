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
  /** The comment's reply editor if it is open now. Never clicks (the adapter's findReplyBox opens one). */
  openEditor(doc: Document, commentId: string): HTMLElement | null;
  insert(editor: HTMLElement, text: string, options?: InsertOptions): Promise<InsertOutcome>;
}

/** A site whose editor is of one family (the DOM's marks are read when the family is not forced). */
export function replySite(
  platform: Platform,
  parts: Pick<ReplySite, 'commentElement' | 'openEditor'>,
  family?: EditorFamily,
): ReplySite {
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
  return {
    platform,
    commentElement: guard(parts.commentElement),
    openEditor: guard(parts.openEditor),
    insert: (editor, text, options = {}) => insertIntoEditor(editor, text, { ...(family ? { family } : {}), ...options }),
  };
}
