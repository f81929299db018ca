/**
 * The clean-up every reader's `readText` ends with, once for all of them: each
 * walks its site's markup its own way into a string, then runs of spaces become
 * one (line breaks stay), spaces beside a line break go, and the ends are
 * trimmed. Names, labels and counts are mostly one plain line already, and are
 * only trimmed.
 */

export interface TidyOptions {
  /** At most one blank line between paragraphs (Facebook, Threads, TikTok). */
  oneBlankLine?: boolean;
  /** Drops U+200B (zero-width space) and U+FEFF (zero-width no-break space) (Facebook). */
  dropZeroWidth?: boolean;
}

/** Text that tidying would change beyond trim(): zero-width characters, line breaks, other spaces than " ", or two in a row. */
const NEEDS_TIDYING = /[\u200b\ufeff]|[^\S ]| {2}/;

export function tidyText(text: string, options: TidyOptions = {}): string {
  if (!NEEDS_TIDYING.test(text)) return text.trim();
  let out = options.dropZeroWidth ? text.replace(/[\u200b\ufeff]/g, '') : text;
  out = out.replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n');
  if (options.oneBlankLine) out = out.replace(/\n{3,}/g, '\n\n');
  // trim() also takes the line breaks at either end.
  return out.trim();
}
