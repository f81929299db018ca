import { describe, expect, it, vi } from 'vitest';
import { memoizeStrings } from './memo';

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
  });

  it('stays bounded', () => {
    const fn = vi.fn((a: string) => a);
    const memo = memoizeStrings(fn, 2);
    memo('1', '');
    memo('2', '');
    memo('3', '');
    memo('1', '');
    expect(fn).toHaveBeenCalledTimes(4);
  });
});
