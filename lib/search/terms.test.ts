import { describe, expect, it } from 'vitest';
import { indexTerms, queryTerms } from './terms';

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
});
