/**
 * Reads a count ("1,234", "12K", "1.2萬", "留言 12 則", "1,2 mil") from page text.
 * Shared by every platform adapter. Returns null when the text holds no number:
 * an unreadable count is unknown, never 0.
 */

/** Multipliers written right after the number without a word boundary (CJK). */
const CJK_MULTIPLIERS: Readonly<Record<string, number>> = {
  千: 1e3,
  萬: 1e4,
  万: 1e4,
  億: 1e8,
  亿: 1e8,
  천: 1e3,
  만: 1e4,
  억: 1e8,
};

/**
 * Multipliers written as a word of their own (a trailing dot is ignored).
 * `mil` is the pt/es thousand ("1,2 mil"); `mi` the pt million ("1,2 mi").
 */
const WORD_MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3,
  m: 1e6,
  b: 1e9,
  bn: 1e9,
  mil: 1e3,
  mi: 1e6,
  mill: 1e6,
  mio: 1e6,
  mln: 1e6,
  md: 1e9,
  mrd: 1e9,
  tsd: 1e3,
};

/**
 * A number with its grouping/decimal separators, then an optional multiplier.
 * Spaces (after NFKC, nbsp and narrow nbsp are plain spaces) only group when
 * exactly three digits follow, so "12 345" is one number but "3 2" is not.
 * The lookbehind keeps digits glued to Latin letters ("user123") out.
 */
const NUMBER_PATTERN = /(?<![A-Za-z0-9])(\d+(?:[.,'’]\d+|[ \u2009]\d{3}(?!\d))*)(?:\s*(\p{L}+\.?))?/u;

export function parseCount(text: string): number | null {
  const normalised = text.normalize('NFKC');
  const match = NUMBER_PATTERN.exec(normalised);
  if (!match) return null;
  const digits = match[1];
  if (digits === undefined) return null;
  const multiplier = readMultiplier(match[2]);
  const value = readNumber(digits, multiplier !== 1);
  if (value === null) return null;
  const count = Math.round(value * multiplier);
  return Number.isFinite(count) ? count : null;
}

/** The multiplier a word after the number stands for; 1 when it is an ordinary word ("comments"). */
function readMultiplier(word: string | undefined): number {
  if (word === undefined) return 1;
  const first = word.charAt(0);
  const cjk = CJK_MULTIPLIERS[first];
  if (cjk !== undefined) return cjk;
  const bare = word.replace(/\.$/, '').toLowerCase();
  return WORD_MULTIPLIERS[bare] ?? 1;
}

/**
 * Turns "1,234", "1.234", "1 234", "1,234.5", "1.234,5" or "1,2" into a number.
 * One `.`/`,` followed by exactly three digits is a thousands separator unless a
 * multiplier follows ("1.234" is 1234, "1.234K" is 1234 too, "1.2K" is 1200).
 * Without a multiplier a fractional result is not a count, so it is null.
 */
function readNumber(raw: string, hasMultiplier: boolean): number | null {
  const compact = raw.replace(/[ \u2009'’]/g, '');
  const separators = compact.match(/[.,]/g) ?? [];
  let integerPart = compact;
  let fraction = '';
  if (separators.length > 0) {
    const kinds = new Set(separators);
    const last = separators[separators.length - 1] ?? '.';
    const lastAt = compact.lastIndexOf(last);
    const afterLast = compact.slice(lastAt + 1);
    const lastIsDecimal =
      kinds.size > 1 || (separators.length === 1 && (afterLast.length !== 3 || hasMultiplier));
    if (lastIsDecimal) {
      integerPart = compact.slice(0, lastAt);
      fraction = afterLast;
    }
    const groups = integerPart.split(/[.,]/);
    // Thousands groups: the last has three digits, earlier ones three or two (Indian "1,23,456").
    const tail = groups.slice(1);
    const badGroup = tail.some((group, i) => (i === tail.length - 1 ? group.length !== 3 : group.length < 2 || group.length > 3));
    if (badGroup) return null;
    integerPart = groups.join('');
  }
  const value = Number(fraction === '' ? integerPart : `${integerPart}.${fraction}`);
  if (!Number.isFinite(value)) return null;
  if (!hasMultiplier && !Number.isInteger(value)) return null;
  return value;
}
