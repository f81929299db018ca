import { describe, expect, it } from 'vitest';
import { cjkRunStarts, indexTerms, libraryIndexTerms, MAX_RUN_START, MAX_RUN_STARTS, queryTerms, UNINDEXED_RUNS } from './terms';

describe('search terms', () => {
  it('finds Chinese words inside longer runs without spaces', () => {
    const terms = new Set(indexTerms('新到貨：手沖咖啡豆 Ethiopia Guji'));
    for (const q of queryTerms('咖啡')) expect(terms.has(q.term)).toBe(true);
    for (const q of queryTerms('手沖咖啡')) expect(terms.has(q.term)).toBe(true);
    expect(queryTerms('咖啡茶').every((q) => terms.has(q.term))).toBe(false);
  });

  it('lower-cases and folds full-width Latin', () => {
    expect(indexTerms('ＣＯＦＦＥＥ Roasters')).toEqual(expect.arrayContaining(['coffee', 'roasters']));
    expect(queryTerms('Roast')).toEqual([{ term: 'roast', prefix: true }]);
  });

  it('splits mixed text and keeps numbers and hashtags words', () => {
    expect(indexTerms('#specialtycoffee 買2送1')).toEqual(expect.arrayContaining(['specialtycoffee', '買', '2', '送', '1']));
  });

  it('ends a word where Latin letters run into Chinese with no space', () => {
    const terms = new Set(indexTerms('iPhone手機殼 LINE官方帳號開通，7折優惠Latte'));
    for (const word of ['iphone', 'line', '7', 'latte']) expect(terms.has(word), word).toBe(true);
    for (const q of queryTerms('手機殼')) expect(terms.has(q.term)).toBe(true);
    expect(queryTerms('iPhone手機殼')).toEqual([
      { term: 'iphone', prefix: true },
      { term: '手機', prefix: false },
      { term: '機殼', prefix: false },
    ]);
  });

  it('keeps accented Latin words whole', () => {
    expect(indexTerms('Café crème brûlée')).toEqual(['café', 'crème', 'brûlée']);
  });

  it('indexes where each Chinese run of 3+ characters goes next, so a query run is found by its beginning', () => {
    const starts = cjkRunStarts('新到貨：手沖咖啡豆 Ethiopia', '早午餐');
    expect(starts.sort()).toEqual(['咖啡豆', '手沖咖啡豆', '新到貨', '沖咖啡豆', '早午餐'].sort());
    const long = '台北大稻埕手沖咖啡豆專賣店';
    expect(cjkRunStarts(long)[0]).toBe([...long].slice(0, MAX_RUN_START).join(''));
    expect(cjkRunStarts(long).every((t) => [...t].length >= 3 && [...t].length <= MAX_RUN_START)).toBe(true);
    // The bigrams of 沖咖啡 are in the text, the run is not: no run start begins with it.
    expect(cjkRunStarts('沖咖 and 咖啡').some((t) => t.startsWith('沖咖啡'))).toBe(false);
  });

  it('marks a post with more run starts than it keeps, instead of keeping some', () => {
    const row = { text: '', note: '', authorName: 'A', site: null, tags: [] as string[] };
    const many = Array.from({ length: MAX_RUN_STARTS + 10 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    expect(libraryIndexTerms({ ...row, text: many })).toContain(UNINDEXED_RUNS);
    expect(libraryIndexTerms({ ...row, text: many }).some((t) => t !== UNINDEXED_RUNS && [...t].length >= 3)).toBe(false);
    expect(libraryIndexTerms({ ...row, text: '手沖咖啡' })).toEqual(expect.arrayContaining(['a', '手沖', '手沖咖啡', '沖咖啡']));
    expect(libraryIndexTerms({ ...row, text: '手沖咖啡' })).not.toContain(UNINDEXED_RUNS);
  });
});
