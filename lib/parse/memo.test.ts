import { describe, expect, it, vi } from 'vitest';
import { memoizeLinks, memoizeStrings } from './memo';

describe('memoizeStrings', () => {
  it('answers each pair once, null answers included', () => {
    const fn = vi.fn((a: string, b: string) => (a === 'x' ? null : `${b}/${a}`));
    const memo = memoizeStrings(fn);
    expect(memo('p', 'https://a')).toBe('https://a/p');
    expect(memo('p', 'https://a')).toBe('https://a/p');
    expect(memo('p', 'https://b')).toBe('https://b/p');
    expect(memo('x', 'https://a')).toBeNull();
    expect(memo('x', 'https://a')).toBeNull();
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('does not mix up pairs that join to the same text', () => {
    const memo = memoizeStrings((a: string, b: string) => [a, b].join('|'));
    expect(memo('b', 'a\n')).toBe('b|a\n');
    expect(memo('\nb', 'a')).toBe('\nb|a');
    expect(memo('1:ab', '')).toBe('1:ab|');
    expect(memo('b', 'a')).toBe('b|a');
  });

  it('keeps the answers asked for lately and forgets the oldest (at most twice max)', () => {
    const fn = vi.fn((a: string) => a);
    const memo = memoizeStrings(fn, 2);
    memo('1', '');
    memo('2', '');
    memo('3', ''); // 1 and 2 are now the older generation
    memo('1', ''); // carried into the newer one: not asked again
    expect(fn).toHaveBeenCalledTimes(3);
    memo('4', ''); // the newer generation (3, 1) becomes the older: 2 is forgotten
    memo('2', '');
    expect(fn).toHaveBeenCalledTimes(5);
    expect(fn.mock.calls.map((c) => c[0])).toEqual(['1', '2', '3', '4', '2']);
  });

  it('holds a working set up to max across repeated passes, asking for each once', () => {
    const fn = vi.fn((a: string) => a.length);
    const memo = memoizeStrings(fn, 100);
    const links = Array.from({ length: 100 }, (_, i) => `https://www.facebook.com/p/${i}?comment_id=${i}`);
    for (let pass = 0; pass < 5; pass++) for (const l of links) memo(l, 'https://www.facebook.com');
    expect(fn).toHaveBeenCalledTimes(100);
  });

  it('forgets what was not asked for since the last 2 × max answers', () => {
    const fn = vi.fn((a: string) => a);
    const memo = memoizeStrings(fn, 3);
    for (let i = 0; i < 50; i++) memo(String(i), '');
    expect(fn).toHaveBeenCalledTimes(50);
    memo('49', '');
    memo('47', '');
    expect(fn).toHaveBeenCalledTimes(50);
    memo('40', '');
    memo('0', '');
    expect(fn).toHaveBeenCalledTimes(52);
  });
});

describe('memoizeLinks', () => {
  it('answers no href with null unasked, and a URL base as its href', () => {
    const parse = vi.fn((href: string, base: string) => ({ url: new URL(href, base).href }));
    const read = memoizeLinks(parse);
    expect(read(null, 'https://a/')).toBeNull();
    const first = read('p', 'https://a/');
    expect(first).toEqual({ url: 'https://a/p' });
    expect(read('p', new URL('https://a/'))).toBe(first);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('keeps at most 2 × max answers', () => {
    const parse = vi.fn((href: string) => href);
    const read = memoizeLinks(parse, 2);
    for (const href of ['a', 'b', 'c', 'd', 'e']) read(href, 'https://x/');
    read('a', 'https://x/');
    expect(parse).toHaveBeenCalledTimes(6);
  });
});
