import { describe, expect, it } from 'vitest';
import { replySite } from './reply-site';

describe('replySite commentElements', () => {
  const doc = document.implementation.createHTMLDocument('t');
  const els = ['a', 'b', 'c', 'd'].map((id) => Object.assign(doc.createElement('div'), { id }));

  it('reads the page once for many ids and stops when it has them all', () => {
    let yielded = 0;
    let byId = 0;
    const site = replySite('facebook', {
      commentElement: () => {
        byId++;
        return null;
      },
      openEditor: () => null,
      *pageComments() {
        for (const el of [...els, Object.assign(doc.createElement('div'), { id: 'a' })]) {
          yielded++;
          yield [el.id, el] as const;
        }
      },
    });
    const found = site.commentElements(doc, ['b', 'a']);
    expect([...found.keys()].sort()).toEqual(['a', 'b']);
    expect(found.get('a')).toBe(els[0]);
    expect(yielded).toBe(2);
    expect(byId).toBe(0);
    // An id the page does not have: the whole page is read, once, and it is left out.
    yielded = 0;
    const some = site.commentElements(doc, ['a', 'zzz']);
    expect([...some.keys()]).toEqual(['a']);
    // The second 'a' element does not replace the first.
    expect(some.get('a')).toBe(els[0]);
    expect(yielded).toBe(5);
  });

  it('asks per id where the site finds a comment by a selector of its id', () => {
    const asked: string[] = [];
    const site = replySite('x', {
      commentElement: (_doc, id) => {
        asked.push(id);
        return els.find((el) => el.id === id) ?? null;
      },
      openEditor: () => null,
    });
    expect([...site.commentElements(doc, ['c', 'nope']).entries()]).toEqual([['c', els[2]]]);
    expect(asked).toEqual(['c', 'nope']);
  });

  it('keeps what it found when the page throws midway, as commentElement answers null instead of throwing', () => {
    const site = replySite('instagram', {
      commentElement: () => {
        throw new Error('markup changed');
      },
      openEditor: () => null,
      *pageComments() {
        yield ['a', els[0]!] as const;
        throw new Error('markup changed');
      },
    });
    expect([...site.commentElements(doc, ['a', 'b']).keys()]).toEqual(['a']);
    expect(site.commentElement(doc, 'a')).toBeNull();
  });
});
