import type { InteractionRow } from './schema';

/**
 * Which template answered which comment. When the user inserts a drafted
 * template into a comment's reply box, CS_RECORD_TEMPLATE_USE
 * (recordTemplateUse in lib/db/templates.ts) keeps the template id on the
 * received comment's row as a pending use: "a reply to this was drafted from
 * this template". When capture later links the user's reply to that comment,
 * the reply's row takes the template id and the comment's pending use is
 * cleared, so a later reply typed by hand is not counted for the template.
 * Kept in the database, not the service worker's memory (which the browser
 * drops after half a minute idle): the user may send the reply much later.
 */

/**
 * Moves a comment's pending template use onto the reply that answers it (both
 * rows are the caller's working copies, written by the caller).
 */
export function applyPendingTemplate(reply: InteractionRow, comment: InteractionRow): void {
  if (comment.kind !== 'comment_received' || comment.templateId === null) return;
  if (reply.templateId === null) reply.templateId = comment.templateId;
  comment.templateId = null;
}
