/**
 * `npm run inspect-page -- <saved.html> --url <address it was saved from> [--now <epoch ms>] [--pretty]`
 *
 * Loads a page saved from a browser ("Save page as", HTML only) into real
 * Chromium at its address (request interception; the page's own scripts are
 * stripped and every other request is aborted), runs the platform's adapter on
 * it and prints what it read: posts, comments, own identity, reply-box
 * availability and the health report. It is how a maintainer checks a page a
 * user reports as broken, and what the conformance suite runs. Pages are read
 * in the UTC time zone, so labels without a zone ("30 May at 11:02") read the
 * same on every machine.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { platformOfHost } from '../lib/platforms/hosts';
import type { PageReading } from '../lib/platforms/types';
import { findBrowser, stripScripts } from '../test/e2e/harness';

const ROOT = join(fileURLToPath(import.meta.url), '../..');

export interface Inspection {
  page: { file: string; url: string; now: number };
  reading: PageReading;
}

const bundles = new Map<string, string>();

/** Bundles one platform's adapter with readPage into a script that defines `__socialDeskInspect`. */
async function adapterBundle(platform: string): Promise<string> {
  const cached = bundles.get(platform);
  if (cached) return cached;
  const entry = `
    import { ${platform}Adapter as adapter } from './lib/platforms/${platform}/index.ts';
    import { readPage } from './lib/platforms/read.ts';
    globalThis.__socialDeskInspect = (url, now) => readPage(adapter, document, { pageUrl: new URL(url), now });
  `;
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    charset: 'ascii',
    target: 'es2022',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  bundles.set(platform, code);
  return code;
}

/** Reads each page with its platform's adapter in one Chromium. */
export async function inspectPages(pages: Array<{ file: string; url: string; now: number }>): Promise<Inspection[]> {
  const browser: Browser = await chromium.launch({
    executablePath: findBrowser(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const out: Inspection[] = [];
    for (const p of pages) {
      const url = new URL(p.url);
      const platform = platformOfHost(url.hostname);
      if (!platform) throw new Error(`${p.url}: not an address of a supported platform`);
      const context = await browser.newContext({ bypassCSP: true, timezoneId: 'UTC', locale: 'en-US', viewport: { width: 1400, height: 900 } });
      const html = stripScripts(readFileSync(p.file, 'utf8'));
      await context.route('**/*', (route) =>
        route.request().url().split('#')[0] === p.url.split('#')[0]
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          : route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      await page.goto(p.url, { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ content: await adapterBundle(platform) });
      const reading = (await page.evaluate(
        ([u, n]) => (globalThis as unknown as { __socialDeskInspect(u: string, n: number): unknown }).__socialDeskInspect(u as string, n as number),
        [p.url, p.now] as const,
      )) as PageReading;
      out.push({ page: { file: basename(p.file), url: p.url, now: p.now }, reading });
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}

export function prettySummary({ page, reading }: Inspection): string {
  const lines = [
    `${page.file} at ${page.url}`,
    `adapter ${reading.platform} ${reading.adapterVersion}; health: post ${reading.health.post}, counts ${reading.health.counts}, comments ${reading.health.comments}, reply box ${reading.health.replyBox}`,
    `signed in as: ${reading.ownIdentity ? `${reading.ownIdentity.name ?? '(no name)'} <${reading.ownIdentity.profileUrl}>` : '(nobody)'}`,
    `${reading.posts.length} posts:`,
  ];
  for (const p of reading.posts) {
    const c = p.counts;
    lines.push(
      `  ${p.postId}  ${p.author.name} — ${p.text.replace(/\s+/g, ' ').slice(0, 70)}`,
      `      ${p.url}`,
      `      reactions ${c.reactions ?? '?'} · comments ${c.comments ?? '?'} · shares ${c.shares ?? '?'} · views ${c.views ?? '?'} · ${p.mediaKind} · ${p.publishedAt ? `${new Date(p.publishedAt.at).toISOString()} (${p.publishedAt.precision})` : 'no time'}`,
    );
  }
  lines.push(`${reading.comments.length} comments:`);
  for (const c of reading.comments) {
    lines.push(`  ${c.parentId ? '  ↳ ' : ''}${c.author.name}: ${c.text.replace(/\s+/g, ' ').slice(0, 70)}  [${c.commentId} on ${c.postId}${c.time ? `, ${new Date(c.time.at).toISOString()}` : ''}]`);
  }
  if (reading.health.notes.length) lines.push('notes:', ...reading.health.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const file = args.find((a, i) => !a.startsWith('--') && !['--url', '--now'].includes(args[i - 1] ?? ''));
  const url = value('--url');
  if (!file || !url) {
    console.error('Usage: npm run inspect-page -- <saved.html> --url <address it was saved from> [--now <epoch ms>] [--pretty]');
    process.exit(2);
  }
  const now = Number(value('--now') ?? Date.now());
  const [result] = await inspectPages([{ file, url, now }]);
  console.log(args.includes('--pretty') ? prettySummary(result!) : JSON.stringify(result, null, 2));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
