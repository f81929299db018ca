import { describe, expect, it } from 'vitest';
import { fnv1a64Base36, fnv1a64Hex, stableHash } from './hash';

describe('FNV-1a 64', () => {
  it.each([
    // Published test vectors (FNV-1a, 64-bit).
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('%j -> %s', (text, hex) => {
    expect(fnv1a64Hex(text)).toBe(hex);
  });

  it('base36 is the same number as the hex form', () => {
    for (const text of ['', 'a', 'foobar', '請問有賣掛耳包嗎？🎁']) {
      expect(parseInt(fnv1a64Base36(text), 36)).toBeCloseTo(parseInt(fnv1a64Hex(text), 16), -5);
    }
    expect(fnv1a64Base36('foobar')).toMatch(/^[0-9a-z]{1,13}$/);
  });

  it('hashes UTF-8, so text beyond the BMP is stable', () => {
    expect(fnv1a64Hex('🙌')).toBe(fnv1a64Hex('\u{1F64C}'));
    expect(fnv1a64Hex('é')).not.toBe(fnv1a64Hex('e\u0301'));
  });
});

describe('stableHash', () => {
  it('is deterministic and separates its parts', () => {
    expect(stableHash(['post', 'https://www.linkedin.com/in/a/', 'hi'])).toBe(stableHash(['post', 'https://www.linkedin.com/in/a/', 'hi']));
    expect(stableHash(['ab', 'c'])).not.toBe(stableHash(['a', 'bc']));
    expect(stableHash(['x'])).not.toBe(stableHash(['y']));
  });
});
