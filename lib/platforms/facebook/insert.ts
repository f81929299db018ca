/** Reply drafting on Facebook: comments and their thread's reply box (a Lexical editor). */
import { replySite } from '@/lib/content/reply-site';
import { findCommentElement, findOpenReplyEditor, pageComments } from './extract';

export const facebookReply = replySite(
  'facebook',
  {
    commentElement: (doc, id) => findCommentElement(doc, id)?.comment ?? null, // ?. : not in the page
    pageComments,
    openEditor(doc, id) {
      const found = findCommentElement(doc, id);
      return found === null ? null : findOpenReplyEditor(found.comment, found.container);
    },
  },
  'lexical',
);
