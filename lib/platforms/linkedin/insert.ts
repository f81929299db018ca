/** Reply drafting on LinkedIn: a comment's reply composer (Quill's `.ql-editor`) opens inside the comment, or its thread's. */
import { replySite } from '@/lib/content/reply-site';
import { findCommentElement, findOwnReplyEditor, pageComments } from './extract';
import { anyOf, COMMENT } from './selectors';

export const linkedinReply = replySite(
  'linkedin',
  {
    commentElement: (doc, id) => findCommentElement(doc, id),
    pageComments,
    openEditor(doc, id) {
      const comment = findCommentElement(doc, id);
      if (comment === null) return null;
      const own = findOwnReplyEditor(comment);
      if (own !== null) return own;
      // Replies to a reply: the composer sits in the enclosing thread's comment.
      const thread = comment.parentElement === null ? null : comment.parentElement.closest(anyOf(COMMENT));
      return thread === null ? null : findOwnReplyEditor(thread);
    },
  },
  'quill',
);
