import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareVariants } from './browser';
import en from '../../public/_locales/en/messages.json';

const root = mkdtempSync(join(tmpdir(), 'sd-bench-variants-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An unpacked extension whose manifest names it through its default locale, as ours does. */
function extension(folder: string, name: string): string {
  const dir = join(root, folder);
  mkdirSync(join(dir, '_locales', 'en'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: '__MSG_extName__', version: '1.0', default_locale: 'en' }));
  writeFileSync(join(dir, '_locales', 'en', 'messages.json'), JSON.stringify({ extName: { message: name } }));
  return dir;
}

describe('--compare variants', () => {
  it('set up an older build of ours as ours (the user’s own profiles), and any other extension as it comes', () => {
    const [older, other] = compareVariants([extension('older-build', en.extName.message), extension('competitor', 'Some Reply Helper')]);
    expect(older).toMatchObject({ key: 'compare:older-build', socialDesk: true });
    expect(other).toMatchObject({ key: 'compare:competitor', socialDesk: false });
  });
});
