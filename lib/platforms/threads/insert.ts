/** Reply drafting on Threads: replies are page-level containers; the reply composer is a dialog with a Lexical editor. */
import { replySite } from '@/lib/content/reply-site';
import { containerCode, dialogFor, editorIn, findCommentContainer, pageComments } from './extract';

function pageUrl(doc: Document): URL | null {
  return doc.location === null ? null : new URL(doc.location.href);
}

export const threadsReply = replySite(
  'threads',
  {
    commentElement: (doc, id) => findCommentContainer(doc, id, pageUrl(doc)),
    pageComments: (doc) => pageComments(doc, pageUrl(doc)),
    openEditor(doc, id) {
      const container = findCommentContainer(doc, id, pageUrl(doc));
      const code = container === null ? null : containerCode(container);
      const dialog = code === null ? null : dialogFor(doc, code);
      return dialog === null ? null : editorIn(dialog);
    },
  },
  'lexical',
);
