/** Reply drafting on YouTube: a comment's reply dialog holds a plain contenteditable (`#contenteditable-root`). */
import { replySite } from '@/lib/content/reply-site';
import { findCommentElement, findOwnReplyEditor, pageComments } from './extract';

export const youtubeReply = replySite(
  'youtube',
  {
    commentElement: (doc, id) => findCommentElement(doc, id),
    pageComments,
    openEditor(doc, id) {
      const comment = findCommentElement(doc, id);
      return comment === null ? null : findOwnReplyEditor(comment);
    },
  },
  'contenteditable',
);
