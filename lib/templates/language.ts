/**
 * The language a comment is written in, as far as the reply picker cares: which
 * templates it offers first. Chinese covers Traditional, Simplified and written
 * Cantonese alike. Kept apart from the classifier (classify.ts) because the
 * always-loaded content script needs only this when the picker opens.
 */

export type CommentLanguage = 'en' | 'zh' | 'other';

export function hanCount(text: string): number {
  return (text.match(/\p{Script=Han}/gu) ?? []).length;
}

/** A comment's text as the classifier and the language read it: NFKC (full-width Latin letters are Latin), trimmed. */
export function cleanComment(text: string): string {
  return text.normalize('NFKC').trim();
}

/** `text` cleaned (cleanComment). */
export function detectLanguage(text: string): CommentLanguage {
  const han = hanCount(text);
  const kana = (text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  const hangul = (text.match(/\p{Script=Hangul}/gu) ?? []).length;
  const latinWords = (text.match(/[A-Za-z]{2,}/g) ?? []).length;
  const otherLetters = (text.match(/[\p{L}]/gu) ?? []).length - han - kana - hangul - (text.match(/[A-Za-z]/g) ?? []).length;
  if (kana > 0 || hangul > han) return 'other';
  if (han > 0 && han * 2 >= latinWords) return 'zh';
  if (latinWords > 0 && otherLetters <= latinWords) return 'en';
  if (han > 0) return 'zh';
  return 'other';
}

/** The language of a comment as the page shows it: `classifyComment(text).language`, without classifying it. */
export function commentLanguage(text: string): CommentLanguage {
  return detectLanguage(cleanComment(text));
}
