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

  it('gives exactly what the plain definition gives (BigInt over TextEncoder bytes), for every kind of text and length', () => {
    // The ids of stored comments are these hashes: a change of any bit would make every such comment new again.
    const reference = (text: string) => {
      let h = 0xcbf29ce484222325n;
      for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h;
    };
    const texts = [
      '',
      'a',
      '請問有現貨嗎？Do you ship to Hong Kong? 🙌',
      'lone surrogates \ud83d and \ude4c, reversed \ude4c\ud83d, at the end \ud83d',
      'é, e\u0301, ß, ﬀ, \u0000, \u007f\u0080\u07ff\u0800\uffff',
      'x'.repeat(5000),
      '手沖咖啡豆'.repeat(400),
      '🎁'.repeat(700),
      'short after long',
    ];
    for (let seed = 1; seed <= 200; seed++) {
      let text = '';
      for (let i = 0; i < (seed * 7) % 60; i++) text += String.fromCharCode((seed * 7919 + i * 104729) % 0x10000);
      texts.push(text);
    }
    for (const text of texts) {
      const h = reference(text);
      expect(fnv1a64Hex(text)).toBe(h.toString(16).padStart(16, '0'));
      expect(fnv1a64Base36(text)).toBe(h.toString(36));
    }
  });
});

describe('stableHash', () => {
  it('is deterministic and separates its parts', () => {
    expect(stableHash(['post', 'https://www.linkedin.com/in/a/', 'hi'])).toBe(stableHash(['post', 'https://www.linkedin.com/in/a/', 'hi']));
    expect(stableHash(['ab', 'c'])).not.toBe(stableHash(['a', 'bc']));
    expect(stableHash(['x'])).not.toBe(stableHash(['y']));
  });
});
