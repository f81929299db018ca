/**
 * Puts a reply draft into a platform's own reply editor so that the editor's
 * state (not only its DOM) holds the text: the platform's send button then
 * enables and sending posts exactly what the user saw. Each family of editor
 * takes text its own way:
 *
 * - Lexical (Facebook, Threads), Draft.js (X, TikTok) and Quill (LinkedIn)
 *   keep a model of the text and redraw the DOM from it; writing the DOM
 *   directly is undone on their next render. They all handle a `paste` event
 *   themselves (preventDefault, read `clipboardData`, insert into the model with
 *   one paragraph/block per line), so a synthetic paste with a DataTransfer is
 *   the one input they share. When a paste does nothing, `execCommand`
 *   (`insertText` + `insertParagraph`/`insertLineBreak`) fires the trusted
 *   `beforeinput`/`input` events these editors also follow.
 * - Plain contenteditables (YouTube) read their DOM: `execCommand('insertText')`
 *   with `insertLineBreak` between lines, which also keeps the undo stack.
 * - Textareas and inputs (Instagram) are React-controlled: the native value
 *   setter and an `input` event, so React's value tracker sees the change.
 *
 * Nothing here presses Enter or a send button: Enter submits on several
 * platforms, so line breaks go in as text or as editor commands, never as keys.
 * Every attempt is checked against the editor's text afterwards; a strategy is
 * only followed by another when the first changed nothing, so the text can
 * never land twice. When none took, the caller copies the draft to the
 * clipboard and tells the user.
 */

export type EditorFamily = 'lexical' | 'draft' | 'quill' | 'contenteditable' | 'textarea';

export type InsertOutcome =
  /** The editor shows the draft exactly once more than before. */
  | { ok: true; strategy: string }
  /** Nothing changed (`untouched`), or something changed but not to the draft (`uncertain`: the user must look). */
  | { ok: false; reason: 'not_editable' | 'untouched' | 'uncertain' };

export interface InsertOptions {
  /** Text to replace (a short code such as `/thanks` typed just before the caret); replaced by its last occurrence. */
  replace?: string | null;
  /** Overrides the family read from the element (a site's insert.ts knows its editor). */
  family?: EditorFamily;
  /** How long to wait for an editor to redraw after each attempt. */
  settleMs?: number;
}

/** Which family of editor an element is, from the marks each library leaves in the DOM. */
export function editorFamilyOf(el: Element): EditorFamily | null {
  if (el instanceof HTMLTextAreaElement) return 'textarea';
  if (el instanceof HTMLInputElement) return /^(text|search|url|email|)$/.test(el.type) ? 'textarea' : null;
  if (!(el instanceof HTMLElement) || !el.isContentEditable) return null;
  if (el.closest('[data-lexical-editor="true"]') !== null) return 'lexical';
  if (el.closest('.DraftEditor-root') !== null || el.classList.contains('public-DraftEditor-content')) return 'draft';
  if (el.closest('.ql-editor') !== null) return 'quill';
  return 'contenteditable';
}

/** The editable root of the element that has focus (the element itself for textareas), or null. */
export function editableRoot(el: Element | null): HTMLElement | null {
  if (el === null) return null;
  if (el instanceof HTMLTextAreaElement) return el;
  if (el instanceof HTMLInputElement) return editorFamilyOf(el) === null ? null : el;
  if (!(el instanceof HTMLElement) || !el.isContentEditable) return null;
  let root: HTMLElement = el;
  while (root.parentElement !== null && root.parentElement.isContentEditable) root = root.parentElement;
  return root;
}

/** The editor's text as lines without the blank lines editors add between blocks; nbsp as space. */
export function visibleLines(text: string): string[] {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/\u200b|\ufeff/g, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '');
}

export function editorText(el: HTMLElement): string {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
  // innerText follows the layout (one line per block); happy-dom and detached nodes only have textContent.
  const inner = el.innerText;
  return typeof inner === 'string' ? inner : (el.textContent ?? '');
}

function occurrences(haystack: string[], needle: string[]): number {
  if (needle.length === 0) return 0;
  const h = haystack.join('\n');
  const n = needle.join('\n');
  let count = 0;
  for (let at = h.indexOf(n); at >= 0; at = h.indexOf(n, at + 1)) count++;
  return count;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits for the page's editor to take in a selection change (it listens to `selectionchange`, a queued event). */
async function settle(ms: number) {
  await wait(0);
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  await wait(ms);
}

/** Finds the last occurrence of `text` in the editor's text nodes as a DOM range. */
export function findTextRange(root: HTMLElement, text: string): Range | null {
  if (text === '') return null;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let found: Range | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    const at = value.lastIndexOf(text);
    if (at < 0) continue;
    const range = root.ownerDocument.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    found = range;
  }
  return found;
}

/** Puts the caret at the end of the editor's content, or selects `replace` when it is found. */
function placeSelection(root: HTMLElement, replace: string | null): void {
  const doc = root.ownerDocument;
  const selection = doc.getSelection();
  if (selection === null) return;
  const range = (replace ? findTextRange(root, replace) : null) ?? endRange(root);
  selection.removeAllRanges();
  selection.addRange(range);
}

/** A collapsed range at the end of the last text (or the last block) of the editor. */
function endRange(root: HTMLElement): Range {
  const range = root.ownerDocument.createRange();
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    // Editors keep zero-width and placeholder nodes; a real text node is what the caret should follow.
    if ((node.nodeValue ?? '').replace(/[\u200b\ufeff]/g, '') !== '') last = node as Text;
  }
  if (last !== null) {
    range.setStart(last, (last.nodeValue ?? '').length);
  } else {
    // An empty editor: inside its first block (Lexical's <p>, Draft's span), where typing would go.
    let inner: Element = root;
    while (inner.firstElementChild !== null && inner.firstElementChild.tagName !== 'BR') inner = inner.firstElementChild;
    range.setStart(inner, 0);
  }
  range.collapse(true);
  return range;
}

function pasteEvent(text: string): ClipboardEvent {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  return new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
}

type Strategy = { name: string; run(root: HTMLElement, text: string): void };

const paste: Strategy = {
  name: 'paste',
  run(root, text) {
    const target = root.ownerDocument.getSelection()?.anchorNode?.parentElement ?? root;
    (root.contains(target) ? target : root).dispatchEvent(pasteEvent(text));
  },
};

function execLines(breakCommand: 'insertParagraph' | 'insertLineBreak'): Strategy {
  return {
    name: `execCommand:${breakCommand}`,
    run(root, text) {
      const doc = root.ownerDocument;
      const lines = text.split(/\r?\n/);
      lines.forEach((line, i) => {
        if (i > 0) doc.execCommand(breakCommand);
        if (line !== '') doc.execCommand('insertText', false, line);
      });
    },
  };
}

const STRATEGIES: Record<Exclude<EditorFamily, 'textarea'>, Strategy[]> = {
  lexical: [paste, execLines('insertParagraph')],
  draft: [paste, execLines('insertParagraph')],
  quill: [paste, execLines('insertParagraph')],
  contenteditable: [execLines('insertLineBreak'), paste],
};

/** Sets a textarea's/input's value the way typing would, through the native setter React's tracker does not see. */
function insertIntoField(field: HTMLTextAreaElement | HTMLInputElement, text: string, replace: string | null, hadFocus: boolean): void {
  const value = field.value;
  let start = field.selectionStart ?? value.length;
  let end = field.selectionEnd ?? value.length;
  const at = replace ? value.lastIndexOf(replace) : -1;
  if (at >= 0 && replace) {
    start = at;
    end = at + replace.length;
  } else if (!hadFocus) {
    // Focus moved to the picker: append after what is there ("@name " prefilled by Reply).
    start = end = value.length;
  }
  const next = value.slice(0, start) + text + value.slice(end);
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(field, next);
  else field.value = next;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }));
  const caret = start + text.length;
  field.setSelectionRange(caret, caret);
}

/**
 * Inserts `text` into the editor `root` (the element a site's findReplyBox
 * returned). Resolves with how it went; never throws for a page's editor
 * misbehaving.
 */
export async function insertIntoEditor(root: HTMLElement, text: string, options: InsertOptions = {}): Promise<InsertOutcome> {
  const family = options.family ?? editorFamilyOf(root);
  const settleMs = options.settleMs ?? 30;
  const replace = options.replace ?? null;
  if (family === null || !root.isConnected) return { ok: false, reason: 'not_editable' };
  const want = visibleLines(text);

  if (family === 'textarea') {
    const field = root as HTMLTextAreaElement | HTMLInputElement;
    const before = field.value;
    const hadFocus = field.ownerDocument.activeElement === field;
    const expected = hadFocus && !replace ? null : replaceLast(before, replace, text);
    field.focus();
    try {
      insertIntoField(field, text, replace, hadFocus);
    } catch {
      return { ok: false, reason: 'untouched' };
    }
    await settle(settleMs);
    const expectedCount = expected === null ? occurrences(visibleLines(before), want) + 1 : occurrences(visibleLines(expected), want);
    if (field.value === expected || (field.value !== before && occurrences(visibleLines(field.value), want) === expectedCount)) {
      return { ok: true, strategy: 'value-setter' };
    }
    return { ok: false, reason: field.value === before ? 'untouched' : 'uncertain' };
  }

  const before = editorText(root);
  const expectedCount = occurrences(visibleLines(replaceLast(before, replace, text)), want);
  for (const strategy of STRATEGIES[family]) {
    try {
      root.focus({ preventScroll: true });
      placeSelection(root, replace);
      await settle(settleMs);
      const start = editorText(root);
      strategy.run(root, text);
      await settle(settleMs);
      const after = editorText(root);
      if (after === start) continue; // nothing happened: the next strategy may work
      const got = occurrences(visibleLines(after), want);
      if (got === expectedCount && (!replace || !hasToken(after, replace) || hasToken(before, replace, 2))) return { ok: true, strategy: strategy.name };
      return { ok: false, reason: 'uncertain' };
    } catch {
      if (editorText(root) !== before) return { ok: false, reason: 'uncertain' };
    }
  }
  return { ok: false, reason: 'untouched' };
}

function replaceLast(value: string, replace: string | null, text: string): string {
  const at = replace ? value.lastIndexOf(replace) : -1;
  if (at < 0 || !replace) return value + text;
  return value.slice(0, at) + text + value.slice(at + replace.length);
}

/** Whether `value` holds `token` at least `times` times (a short code left behind means the replace missed). */
function hasToken(value: string, token: string, times = 1): boolean {
  let count = 0;
  for (let at = value.indexOf(token); at >= 0; at = value.indexOf(token, at + 1)) count++;
  return count >= times;
}
