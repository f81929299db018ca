/** Reply drafting on X: a reply tweet's box is the inline composer of its row or the reply dialog (Draft.js). */
import { replySite } from '@/lib/content/reply-site';
import { findDialogEditor, findInlineEditor, findTweetArticle, pageTweets } from './extract';

export const xReply = replySite(
  'x',
  {
    commentElement: (doc, id) => findTweetArticle(doc, id),
    pageComments: pageTweets,
    openEditor(doc, id) {
      const tweet = findTweetArticle(doc, id);
      return tweet === null ? null : (findInlineEditor(tweet) ?? findDialogEditor(doc, tweet));
    },
  },
  'draft',
);
