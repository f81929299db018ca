import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import zhTW from '@/public/_locales/zh_TW/messages.json';
import { PLATFORMS } from '@/lib/platforms/types';
import { TEMPLATE_ERROR_CODES } from '@/lib/templates/engine';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  it('zh_TW has exactly the keys of en', () => {
    expect(Object.keys(zhTW).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message has the same placeholders in both languages', () => {
    for (const [key, entry] of Object.entries(en)) {
      const zh = (zhTW as Record<string, { placeholders?: object }>)[key];
      expect(Object.keys(zh?.placeholders ?? {}), key).toEqual(Object.keys((entry as { placeholders?: object }).placeholders ?? {}));
    }
  });

  it('every literal key used with t() exists', () => {
    const used = new Set<string>();
    for (const file of [...sources(join(ROOT, 'components')), ...sources(join(ROOT, 'lib')), ...sources(join(ROOT, 'entrypoints'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z_]+)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });

  // Keys built at run time (`t(`pickerError_${code}`)`) escape the literal check above.
  it('every key built from a code exists for every code', () => {
    const built = [
      ...TEMPLATE_ERROR_CODES.flatMap((code) => [`pickerError_${code}`, `templateError_${code}`]),
      ...PLATFORMS.map((p) => `platform_${p}`),
    ];
    expect(built.filter((k) => !(k in en))).toEqual([]);
  });

  it('the manifest description fits the stores’ 132-character limit', () => {
    expect(en.extDescription.message.length).toBeLessThanOrEqual(132);
    expect(zhTW.extDescription.message.length).toBeLessThanOrEqual(132);
  });
});
