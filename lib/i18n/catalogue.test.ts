import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, CATALOGUE_KEY, catalogueTranslator, readCatalogue, storeCatalogue } from './catalogue';
import { translatorFrom, type Translate } from './index';

const ROOT = join(import.meta.dirname, '../..');
const table = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Parameters<typeof translatorFrom>[0];

describe('the UI strings table of the content scripts', () => {
  for (const lang of ['en', 'zh_TW']) {
    it(`gives what i18n.getMessage gives, for every ${lang} message, with and without substitutions`, () => {
      const messages = table(lang);
      // translatorFrom applies messages.json's placeholders as Chrome does.
      const chrome = translatorFrom(messages);
      const catalogue = buildCatalogue(Object.keys(messages), chrome, lang);
      const t = catalogueTranslator(readCatalogue(JSON.parse(JSON.stringify(catalogue)), lang), () => 'fallback');
      for (const key of Object.keys(messages)) {
        expect(t(key), key).toBe(chrome(key));
        expect(t(key, '3'), key).toBe(chrome(key, '3'));
        expect(t(key, ['Ann', '2', '台北 100%']), key).toBe(chrome(key, ['Ann', '2', '台北 100%']));
      }
    });
  }

  it('asks the fallback for what it does not have', () => {
    const t = catalogueTranslator({ a: 'A' }, (key) => `fallback:${key}`);
    expect(t('a')).toBe('A');
    expect(t('b')).toBe('fallback:b');
    expect(t('constructor')).toBe('fallback:constructor');
  });

  it('is not used when damaged or of another language', () => {
    const fallback: Translate = (key) => `fallback:${key}`;
    const good = { language: 'zh-TW', messages: { a: 'A' } };
    expect(readCatalogue(good, 'zh-TW')).toEqual({ a: 'A' });
    for (const raw of [undefined, null, 'x', [], { language: 'zh-TW' }, { language: 'zh-TW', messages: ['A'] }, { language: 'zh-TW', messages: { a: 1 } }, good]) {
      const messages = raw === good ? readCatalogue(raw, 'en') : readCatalogue(raw, 'zh-TW');
      expect(messages, JSON.stringify(raw)).toBeNull();
      expect(catalogueTranslator(messages, fallback)('a')).toBe('fallback:a');
    }
  });

  it('is written only when it changed', async () => {
    const stored: Record<string, unknown> = {};
    let writes = 0;
    const area = {
      get: async (key: string) => (key in stored ? { [key]: JSON.parse(JSON.stringify(stored[key])) as unknown } : {}),
      set: async (items: Record<string, unknown>) => {
        writes++;
        Object.assign(stored, items);
      },
    };
    const en = buildCatalogue(['a'], () => 'A', 'en');
    expect(await storeCatalogue(area, en)).toBe(true);
    expect(await storeCatalogue(area, en)).toBe(false);
    expect(await storeCatalogue(area, buildCatalogue(['a'], () => '甲', 'zh-TW'))).toBe(true);
    expect(writes).toBe(2);
    expect(stored[CATALOGUE_KEY]).toEqual({ language: 'zh-TW', messages: { a: '甲' } });
  });
});
