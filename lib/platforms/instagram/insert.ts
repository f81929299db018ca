/**
 * Reply drafting on Instagram: one comment textarea per post; a comment's Reply
 * fills it with "@username " (the adapter's findReplyBox clicks it), so the box
 * is that comment's open reply box while it starts with the author's @username.
 */
import { replySite } from '@/lib/content/reply-site';
import { findComment, findEditor, pageComments, usernameOf } from './extract';

export const instagramReply = replySite(
  'instagram',
  {
    commentElement: (doc, id) => findComment(doc, id)?.row ?? null, // ?. : not in the page
    pageComments,
    openEditor(doc, id) {
      const found = findComment(doc, id);
      const editor = found === null ? null : findEditor(found.container);
      if (found === null || editor === null || found.author.profileUrl === null) return null;
      const value = (editor as HTMLTextAreaElement).value;
      return typeof value === 'string' && value.toLowerCase().startsWith(`@${usernameOf(found.author.profileUrl).toLowerCase()} `) ? editor : null;
    },
  },
  'textarea',
);
