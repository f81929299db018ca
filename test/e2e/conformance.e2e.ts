import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectPages, type Inspection } from '../../scripts/inspect-page';
import { ROOT } from './harness';

/**
 * Conformance: real pages of each platform, captured by other people
 * (../shared/fixtures, never copied here), read in Chromium by the adapters
 * and compared with what a person checked and wrote down in
 * test/conformance/expected/<platform>/<page>.json.
 */
const SHARED = join(ROOT, '../shared/fixtures');
const EXPECTED = join(ROOT, 'test/conformance/expected');

const expectedFiles = readdirSync(EXPECTED).flatMap((platform) =>
  readdirSync(join(EXPECTED, platform))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ platform, path: join(EXPECTED, platform, f), expected: JSON.parse(readFileSync(join(EXPECTED, platform, f), 'utf8')) as Inspection })),
);

if (!existsSync(SHARED)) {
  console.warn(`Conformance suite skipped: ${SHARED} does not exist (the real captured pages live outside the project).`);
}

describe.skipIf(!existsSync(SHARED))('conformance with real captured pages', () => {
  it('has an expected-output file for every captured page of each platform with an adapter', () => {
    const pages = readdirSync(SHARED, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'lib/platforms', d.name, 'index.ts')))
      .flatMap((d) => readdirSync(join(SHARED, d.name)).filter((f) => f.endsWith('.html')).map((f) => `${d.name}/${f}`));
    const covered = new Set(expectedFiles.map((e) => `${e.platform}/${e.expected.page.file}`));
    expect(pages.filter((p) => !covered.has(p))).toEqual([]);
  });

  it('reads every page exactly as written down', async () => {
    const results = await inspectPages(
      expectedFiles.map(({ platform, expected }) => ({ file: join(SHARED, platform, expected.page.file), url: expected.page.url, now: expected.page.now })),
    );
    expect(results.length).toBeGreaterThan(0);
    results.forEach((result, i) => {
      const { path, expected } = expectedFiles[i]!;
      expect(result.reading, path).toEqual(expected.reading);
    });
  }, 240_000);
});
