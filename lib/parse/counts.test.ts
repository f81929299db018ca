import { describe, expect, it } from 'vitest';
import { parseCount } from './counts';

describe('parseCount', () => {
  it.each([
    // Plain and grouped numbers.
    ['0', 0],
    ['128', 128],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['  \n   1,454   \n', 1454],
    // Indian grouping.
    ['1,23,456', 123456],
    // European thousands separator: exactly three digits after one dot, no multiplier.
    ['1.234', 1234],
    ['1.234.567', 1234567],
    // Narrow no-break, no-break, thin and plain spaces as thousands separators (fr, de-CH…).
    ['1\u202f234', 1234],
    ['1\u00a0234', 1234],
    ['1\u2009234', 1234],
    ['12 345 reactions', 12345],
    ["1'234", 1234],
    // Mixed separators: the last one is the decimal point.
    ['1,234.5K', 1234500],
    ['1.234,5K', 1234500],
    // Abbreviations.
    ['12K', 12000],
    ['1.2K', 1200],
    ['1.2k', 1200],
    ['1.234K', 1234],
    ['10K+', 10000],
    ['1.2M', 1200000],
    ['3B', 3000000000],
    ['1.2 K', 1200],
    // pt/es/de words.
    ['1,2 mil', 1200],
    ['1,2 mil comentários', 1200],
    ['1,2 mi', 1200000],
    ['3,4 Mio.', 3400000],
    ['5 Tsd.', 5000],
    // Chinese, Japanese, Korean multipliers, with or without a following word.
    ['1.2萬', 12000],
    ['3.4万', 34000],
    ['1.2億', 120000000],
    ['2亿', 200000000],
    ['1.5千', 1500],
    ['1.2萬次觀看', 12000],
    ['1.2 萬 則留言', 12000],
    ['3만', 30000],
    // Counts inside labels, en and zh-TW / zh-CN.
    ['12 comments', 12],
    ['40 comments on Vivek Gupta’s post', 40],
    ['Kapil Yadav and 1,264 others', 1264],
    ['留言 12 則', 12],
    ['3 則留言', 3],
    ['5 次轉發', 5],
    ['56 個心情', 56],
    ['留言12則', 12],
    ['12 Kommentare', 12],
    ['1.234 Reaktionen', 1234],
    // Full-width digits (NFKC).
    ['１２３', 123],
  ])('%j -> %j', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['Like'],
    ['讚'],
    ['—'],
    ['comments'],
    // A fraction without a multiplier is not a count.
    ['1.5'],
    ['1,5'],
    // Malformed grouping.
    ['1,23,4'],
  ])('%j -> null (unknown, never 0)', (text) => {
    expect(parseCount(text)).toBeNull();
  });

  it('does not read digits glued to a Latin word as a count', () => {
    expect(parseCount('user123 and 4 others')).toBe(4);
  });
});
