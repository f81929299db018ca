import type { LibraryItem } from '../db/library';
import type { Translate } from '../i18n';

/**
 * "Use as inspiration": a draft note to start the user's own post from, with
 * the saved post quoted, who wrote it, a link back and the user's own note.
 * Plain text, so it pastes anywhere (a post composer, notes, a chat).
 */
export function inspirationDraft(item: Pick<LibraryItem, 'authorName' | 'platform' | 'site' | 'text' | 'url' | 'note'>, t: Translate): string {
  const source = item.platform === 'other' && item.site ? item.site : t(`platform_${item.platform}`);
  const lines = [t('draftIntro', [item.authorName || source, source]), ''];
  const text = item.text.trim();
  if (text) lines.push(...text.split(/\r?\n/).map((line) => (line ? `> ${line}` : '>')), '');
  lines.push(`${t('draftLink')} ${item.url}`);
  if (item.note.trim()) lines.push(`${t('draftNote')} ${item.note.trim()}`);
  lines.push('', t('draftYourTurn'), '');
  return lines.join('\n');
}
