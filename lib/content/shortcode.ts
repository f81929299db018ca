/**
 * Short codes typed in a reply box: `/thanks` followed by Space or Tab opens the
 * template picker with that template. Only a slash at the start of a word counts
 * ("and/or" is not a short code).
 */

const SHORT_CODE_BEFORE_CARET = /(?:^|[\s\u00a0(（「])(\/([\p{L}\p{N}_-]{1,30}))$/u;

/** The short code (`{typed: '/thanks', code: 'thanks'}`) that ends `textBeforeCaret`, or null. */
export function shortCodeAtEnd(textBeforeCaret: string): { typed: string; code: string } | null {
  const m = SHORT_CODE_BEFORE_CARET.exec(textBeforeCaret);
  if (!m) return null;
  return { typed: m[1] as string, code: (m[2] as string).normalize('NFKC').toLowerCase() };
}

/** The text before the caret in the focused editor: a textarea's value, or the caret's text node in a contenteditable. */
export function textBeforeCaret(editor: HTMLElement): string | null {
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
    const at = editor.selectionStart;
    return at === null || at !== editor.selectionEnd ? null : editor.value.slice(0, at);
  }
  const selection = editor.ownerDocument.getSelection();
  if (selection === null || !selection.isCollapsed || selection.anchorNode === null) return null;
  const node = selection.anchorNode;
  if (!editor.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) return (node.nodeValue ?? '').slice(0, selection.anchorOffset);
  // The caret sits between nodes: the text of the node just before it.
  const before = node.childNodes[selection.anchorOffset - 1];
  return before ? (before.textContent ?? '') : '';
}
