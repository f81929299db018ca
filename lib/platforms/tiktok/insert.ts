/**
 * Reply drafting on TikTok: one Draft.js composer per comment panel. A comment's
 * Reply control gives it a "Reply to @handle" tip above the editor (the adapter's
 * findReplyBox clicks it), so the composer is that comment's open reply box only
 * while its tip names the comment's author.
 */
import { replySite } from '@/lib/content/reply-site';
import { findCommentEntry, pageComments } from './extract';
import { anyOf, COMMENT_INPUT } from './selectors';

const EDITOR = `:is(${anyOf(COMMENT_INPUT)}) [contenteditable="true"]`;
/** The block holding the composer and its reply tip (2025: `DivCommentInputContainer`), else a few levels up. */
const INPUT_BLOCK = '[class*="CommentInputContainer"], [class*="CommentFooter"]';

function panelEditor(commentEl: Element): HTMLElement | null {
  for (let node = commentEl.parentElement; node !== null; node = node.parentElement) {
    const found = node.querySelector<HTMLElement>(EDITOR);
    if (found !== null) return found;
  }
  return null;
}

function handleOf(profileUrl: string | null): string | null {
  const m = profileUrl === null ? null : /\/(@[^/?#]+)/.exec(profileUrl);
  return m ? (m[1] as string).toLowerCase() : null;
}

/** Whether the composer's reply tip names this handle ("Reply to @mei.bakes", "回覆 @mei.bakes"). */
function tipNames(editor: HTMLElement, handle: string): boolean {
  const block = editor.closest(INPUT_BLOCK) ?? editor.parentElement?.parentElement?.parentElement?.parentElement ?? null;
  if (block === null) return false;
  const tip = (block.textContent ?? '').replace(editor.textContent ?? '', '').toLowerCase();
  return new RegExp(`${handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.])`).test(tip);
}

export const tiktokReply = replySite(
  'tiktok',
  {
    commentElement: (doc, id) => findCommentEntry(doc, id)?.element ?? null, // ?. : not in the page
    pageComments,
    openEditor(doc, id) {
      const entry = findCommentEntry(doc, id);
      if (entry === null) return null;
      const editor = panelEditor(entry.element);
      const handle = handleOf(entry.comment.author.profileUrl);
      return editor !== null && handle !== null && tipNames(editor, handle) ? editor : null;
    },
  },
  'draft',
);
