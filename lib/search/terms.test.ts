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
});
