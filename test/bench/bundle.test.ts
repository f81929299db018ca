import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/harness';
import { attributeBytes, breakdown, decodeMappings, decodeVlq, moduleOf, originalPositionFor } from './bundle';

describe('source-map attribution', () => {
  it('decodes base64 VLQ segments', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('CAAC')).toEqual([1, 0, 0, 1]);
    expect(decodeVlq('D')).toEqual([-1]);
    expect(decodeVlq('gB')).toEqual([16]);
    expect(decodeVlq('2HwBA')).toEqual([123, 24, 0]);
  });

  it('gives every generated character to the source of its segment', () => {
    // "aaaBBBBcc": columns 0-2 from a.js, 3-6 from b.js, 7-8 from a.js again; second line unmapped.
    const code = 'aaaBBBBcc\nzz';
    const map = { sources: ['a.js', 'b.js'], mappings: 'AAAA,GCAA,IDAA' };
    const parts = attributeBytes(code, map);
    expect(parts.get('a.js')).toBe('aaacc');
    expect(parts.get('b.js')).toBe('BBBB');
    expect(parts.get('(unmapped)')).toBe('\nzz');
    const total = [...parts.values()].reduce((s, t) => s + t.length, 0);
    expect(total).toBe(code.length);
  });

  it('names modules by package or project folder', () => {
    expect(moduleOf(join(ROOT, 'node_modules/react-dom/cjs/react-dom-client.production.js'))).toBe('react-dom');
    expect(moduleOf(join(ROOT, 'node_modules/@wxt-dev/storage/dist/index.mjs'))).toBe('@wxt-dev/storage');
    expect(moduleOf(join(ROOT, 'lib/platforms/linkedin/extract.ts'))).toBe('lib/platforms/linkedin');
    expect(moduleOf(join(ROOT, 'components/panel/Panel.tsx'))).toBe('components/panel');
    expect(moduleOf(join(ROOT, 'lib/storage.ts'))).toBe('lib/storage.ts');
  });

  it('sorts modules largest first with their share', () => {
    const b = breakdown('aaaBBBBcc', { sources: [join(ROOT, 'node_modules/zod/x.js'), join(ROOT, 'lib/content/start.tsx')], mappings: 'AAAA,GCAA,IDAA' }, 'x');
    expect(b.modules.map((m) => [m.module, m.rawBytes])).toEqual([
      ['zod', 5],
      ['lib/content', 4],
    ]);
    expect(b.modules[0]!.share).toBeCloseTo(5 / 9);
  });

  it('maps a generated position back to its source, line and name', () => {
    // Line 0: col 0 → a.js 0:0 "foo"; col 3 → b.js 2:1. Line 1: col 2 → b.js 3:1.
    const map = { sources: ['a.js', 'b.js'], names: ['foo'], mappings: 'AAAAA,GCEC;EACA' };
    const decoded = decodeMappings(map);
    expect(originalPositionFor(map, decoded, 0, 1)).toEqual({ source: 'a.js', line: 0, column: 0, name: 'foo' });
    expect(originalPositionFor(map, decoded, 0, 9)).toEqual({ source: 'b.js', line: 2, column: 1, name: null });
    expect(originalPositionFor(map, decoded, 1, 2)).toMatchObject({ source: 'b.js', line: 3, column: 1 });
    expect(originalPositionFor(map, decoded, 1, 0)).toBeNull();
    expect(originalPositionFor(map, decoded, 5, 0)).toBeNull();
  });
});
