import { describe, expect, it } from 'vitest';
import type { CaptureResult } from '../messaging/protocol';
import { comment, ME, NOW, post, reading } from '@/test/builders';
import { buildReplyQueue, countWaiting } from './queue';

const HOUR = 3_600_000;

function captured(entries: Array<[string, CaptureResult['comments'][number]['status'], ('comment_received' | 'reply_sent')?]>, ownPostKeys = ['linkedin:1']): CaptureResult {
  return {
    ownPostKeys,
    comments: entries.map(([id, status, kind]) => ({ commentId: id, interactionId: `linkedin:${kind ?? 'comment_received'}:${id}`, kind: kind ?? 'comment_received', status })),
    added: 0,
    ownProfileUrl: ME,
  };
}

describe('buildReplyQueue', () => {
  it('puts questions and complaints first, then other comments, then praise, older before newer', () => {
    const r = reading(
      [post('1')],
      [
        comment('praise-old', '1', { text: 'Love it, amazing coffee! 😍', time: { at: NOW - 9 * HOUR, precision: 'hour' } }),
        comment('question-new', '1', { text: '請問週末有營業嗎？', time: { at: NOW - 1 * HOUR, precision: 'hour' } }),
        comment('neutral', '1', { text: 'Tagging my sister here', time: { at: NOW - 5 * HOUR, precision: 'hour' } }),
        comment('complaint', '1', { text: 'My order arrived broken, I want a refund', time: { at: NOW - 3 * HOUR, precision: 'hour' } }),
        comment('question-old', '1', { text: 'Do you ship to Singapore?', time: { at: NOW - 8 * HOUR, precision: 'hour' } }),
      ],
    );
    const q = buildReplyQueue(
      r,
      captured([
        ['praise-old', 'open'],
        ['question-new', 'open'],
        ['neutral', 'open'],
        ['complaint', 'open'],
        ['question-old', 'open'],
      ]),
      NOW,
    );
    expect(q.waiting.map((i) => i.comment.commentId)).toEqual(['question-old', 'complaint', 'question-new', 'neutral', 'praise-old']);
    expect(q.waiting[0]!.classification.reasons.length).toBeGreaterThan(0);
    expect(q.waiting.map((i) => i.kind)).toEqual(['question', 'negative', 'question', 'neutral', 'praise']);
  });

  it('keeps dismissed comments apart, counts replied ones, and leaves out the user’s replies and other people’s posts', () => {
    const r = reading(
      [post('1'), post('2', { author: { name: 'Someone', profileUrl: 'https://www.linkedin.com/in/someone/' } })],
      [
        comment('a', '1'),
        comment('b', '1', { text: 'Thanks!' }),
        comment('c', '1'),
        comment('mine', '1', { parentId: 'c', author: { name: 'Mei Lin', profileUrl: ME } }),
        comment('elsewhere', '2'),
      ],
    );
    const q = buildReplyQueue(r, captured([['a', 'open'], ['b', 'dismissed'], ['c', 'replied'], ['mine', 'none', 'reply_sent'], ['elsewhere', 'open']]), NOW);
    expect(q.waiting.map((i) => i.comment.commentId)).toEqual(['a']);
    expect(q.waiting[0]!.interactionId).toBe('linkedin:comment_received:a');
    expect(q.dismissed.map((i) => i.comment.commentId)).toEqual(['b']);
    expect(q.replied).toBe(1);
    // The closed panel's tab counts the same comments without classifying them.
    expect(countWaiting(r, captured([['a', 'open'], ['b', 'dismissed'], ['c', 'replied'], ['mine', 'none', 'reply_sent'], ['elsewhere', 'open']]))).toBe(1);
  });

  it('counts each waiting comment once, as the queue lists it', () => {
    const r = reading([post('1')], [comment('a', '1'), comment('a', '1'), comment('b', '1'), comment('c', '1')]);
    const c = captured([['a', 'open'], ['b', 'open'], ['c', 'dismissed']]);
    expect(countWaiting(r, c)).toBe(buildReplyQueue(r, c, NOW).waiting.length);
    expect(countWaiting(r, c)).toBe(2);
    expect(countWaiting(null, c)).toBe(0);
  });

  it('is empty before the page is read or saved', () => {
    expect(buildReplyQueue(null, null, NOW)).toEqual({ waiting: [], dismissed: [], replied: 0 });
    expect(buildReplyQueue(reading([post('1')], [comment('a', '1')]), null, NOW).waiting).toEqual([]);
  });

  it('sorts a comment without a time as just seen', () => {
    const r = reading([post('1')], [comment('untimed', '1', { time: null }), comment('timed', '1')]);
    const q = buildReplyQueue(r, captured([['untimed', 'open'], ['timed', 'open']]), NOW);
    expect(q.waiting.map((i) => i.comment.commentId)).toEqual(['timed', 'untimed']);
  });
});
