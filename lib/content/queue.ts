import type { CaptureResult } from '../messaging/protocol';
import type { ExtractedComment, PageReading } from '../platforms/types';
import { byUrgency, classifyComment, type Classification } from '../templates/classify';

/** A comment on one of the user's posts, as the in-page queue shows it. */
export interface QueueItem {
  comment: ExtractedComment;
  interactionId: string;
  status: 'open' | 'replied' | 'dismissed';
  /** The classifier's guess, shown as a hint ("looks like a question"), never as a fact. */
  classification: Classification;
  /** When it was written; unknown times sort as the newest (they were just seen). */
  occurredAt: number;
  kind: Classification['kind'];
}

export interface ReplyQueue {
  /** Waiting for an answer, most urgent first: questions and complaints, then other comments, then praise; older first. */
  waiting: QueueItem[];
  dismissed: QueueItem[];
  replied: number;
}

/**
 * The comments others wrote on the user's own posts on this page that the log
 * knows (each once), with the log's entry for each: what the queue lists, the
 * closed panel's tab counts and the badges beside the comments mark.
 */
export function* loggedOwnComments(reading: PageReading | null, capture: CaptureResult | null) {
  if (reading === null || capture === null) return;
  const own = new Set(capture.ownPostKeys);
  const logged = new Map(capture.comments.map((c) => [c.commentId, c]));
  const seen = new Set<string>();
  for (const comment of reading.comments) {
    const entry = logged.get(comment.commentId);
    if (!entry || entry.kind !== 'comment_received' || seen.has(comment.commentId)) continue;
    if (!own.has(`${comment.platform}:${comment.postId}`)) continue;
    seen.add(comment.commentId);
    yield { comment, entry };
  }
}

/** How many comments on this page wait for an answer: `buildReplyQueue(...).waiting.length`, without classifying them. */
export function countWaiting(reading: PageReading | null, capture: CaptureResult | null): number {
  let n = 0;
  for (const { entry } of loggedOwnComments(reading, capture)) if (entry.status === 'open') n++;
  return n;
}

/**
 * The comments others wrote on the user's own posts on this page, from what the
 * page showed (reading) and what the log says about each (capture result).
 */
export function buildReplyQueue(reading: PageReading | null, capture: CaptureResult | null, now: number): ReplyQueue {
  const out: ReplyQueue = { waiting: [], dismissed: [], replied: 0 };
  for (const { comment, entry } of loggedOwnComments(reading, capture)) {
    if (entry.status === 'replied') {
      out.replied++;
      continue;
    }
    if (entry.status !== 'open' && entry.status !== 'dismissed') continue;
    const classification = classifyComment(comment.text);
    const item: QueueItem = {
      comment,
      interactionId: entry.interactionId,
      status: entry.status,
      classification,
      occurredAt: comment.time?.at ?? now,
      kind: classification.kind,
    };
    (entry.status === 'open' ? out.waiting : out.dismissed).push(item);
  }
  out.waiting.sort(byUrgency);
  out.dismissed.sort((a, b) => b.occurredAt - a.occurredAt);
  return out;
}
