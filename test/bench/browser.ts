/** The browsers the benchmark compares: none of ours (baseline), ours, and any other extension (--compare). */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { EXTENSION_DIR, launch, launchBrowser, type BrowserSession } from '../e2e/harness';

/**
 * tsx compiles this code with esbuild's keepNames, which wraps named inner
 * functions in `__name(...)`; functions handed to page.evaluate then need it in
 * the page. Added only to pages the benchmark times itself (popup, dashboard,
 * the panel click), never to the feed or start-up pages it compares.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

export interface Variant {
  /** 'baseline', 'ours', or 'compare:<folder name>'. */
  key: string;
  /** The unpacked extension loaded, or null for the plain browser. */
  extensionDir: string | null;
  /**
   * A build of Social Desk: ours, or an older one given to `--compare`. Each is launched and set up alike, with
   * the user's own profiles, so that it does the same work on an own post. Without them an older build would not
   * take the post as the user's and would skip the work ours does there (seventeenth session, BENCHMARKS.md).
   */
  socialDesk?: boolean;
}

export const BASELINE: Variant = { key: 'baseline', extensionDir: null };
/** Ours; run.ts points it at a snapshot of .output/chrome-mv3 (so a rebuild during the run changes nothing). */
export const OURS: Variant = { key: 'ours', extensionDir: EXTENSION_DIR, socialDesk: true };

/**
 * Copies an unpacked extension to a temporary folder and checks it is whole
 * (every file the manifest names is there), retrying while a build may be
 * rewriting it. Returns the copy's path.
 */
export async function snapshotExtension(dir: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const copy = mkdtempSync(join(tmpdir(), 'social-desk-bench-ext-'));
    try {
      cpSync(dir, copy, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as {
        content_scripts?: Array<{ js?: string[]; css?: string[] }>;
        background?: { service_worker?: string };
      };
      const files = [...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]), manifest.background?.service_worker].filter(
        (f): f is string => typeof f === 'string',
      );
      const missing = files.filter((f) => !existsSync(join(copy, f)));
      if (missing.length === 0) return copy;
      throw new Error(`incomplete: ${missing.join(', ')} missing`);
    } catch (e) {
      rmSync(copy, { recursive: true, force: true });
      if (attempt >= 5) throw new Error(`${dir} could not be copied whole (${e instanceof Error ? e.message : String(e)}); is a build running? Run \`npm run build\` and try again.`);
      await new Promise((r) => setTimeout(r, 3_000));
    }
  }
}

/** Whether an unpacked extension is a build of Social Desk: its name is ours (public/_locales/en, extName). */
export function isSocialDeskBuild(dir: string): boolean {
  return manifestOf(dir).name === OUR_NAME;
}
const OUR_NAME = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as { extName: { message: string } }).extName.message;

/** --compare folders as variants (their extensionDir is the folder; run.ts swaps in snapshots). */
export function compareVariants(dirs: string[]): Variant[] {
  const seen = new Set<string>();
  return dirs.map((dir) => {
    const abs = resolve(dir);
    if (!existsSync(resolve(abs, 'manifest.json'))) throw new Error(`--compare ${dir}: no manifest.json there (an unpacked extension folder is needed)`);
    let key = `compare:${basename(abs)}`;
    for (let n = 2; seen.has(key); n++) key = `compare:${basename(abs)}#${n}`;
    seen.add(key);
    return { key, extensionDir: abs, socialDesk: isSocialDeskBuild(abs) };
  });
}

export interface VariantSession extends BrowserSession {
  /** Our service worker, when the variant is ours. */
  worker: Worker | null;
  extensionId: string | null;
}

/** A fresh profile with the variant's extension (ours through the harness, so its worker is at hand). */
export async function launchVariant(variant: Variant): Promise<VariantSession> {
  if (variant.socialDesk === true) return launch({ extensionDir: variant.extensionDir ?? EXTENSION_DIR });
  const s = await launchBrowser({ extensions: variant.extensionDir ? [variant.extensionDir] : [] });
  return { ...s, worker: null, extensionId: null };
}

/** The extension's name (its __MSG_…__ resolved in the default locale) and version. */
export function manifestOf(dir: string): { name: string; version: string } {
  const m = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as { name?: string; version?: string; default_locale?: string };
  let name = m.name ?? basename(dir);
  const key = /^__MSG_(\w+)__$/.exec(name)?.[1];
  if (key && m.default_locale) {
    try {
      const messages = JSON.parse(readFileSync(resolve(dir, '_locales', m.default_locale, 'messages.json'), 'utf8')) as Record<string, { message?: string }>;
      const entry = Object.entries(messages).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
      if (entry?.message) name = entry.message;
    } catch {
      // keep the placeholder
    }
  }
  return { name, version: m.version ?? '?' };
}

/** Sets who the user is on a platform, confirmed, as the dashboard does (chrome.storage.sync `ownProfiles`). */
export async function setOwnProfiles(worker: Worker, profiles: Record<string, string>) {
  const value = Object.fromEntries(Object.entries(profiles).map(([p, url]) => [p, { profileUrl: url, displayName: null, confirmed: true, detectedAt: 0 }]));
  await worker.evaluate((v) => chrome.storage.sync.set({ ownProfiles: v }), value);
}

export interface IsolatedWorld {
  cdp: CDPSession;
  contextId: number;
  /** Evaluates an expression in the content script's world and returns its (awaited) value. */
  evaluate<T>(expression: string): Promise<T>;
}

/**
 * The content script's isolated world in `page` (Runtime.executionContextCreated
 * with auxData.type 'isolated' and the extension's origin), to run code exactly
 * as the content script could, e.g. chrome.runtime.sendMessage.
 */
export async function isolatedWorld(page: Page, extensionId: string, timeoutMs = 10_000): Promise<IsolatedWorld> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
    if (found) {
      return {
        cdp,
        contextId: found.id,
        async evaluate<T>(expression: string) {
          const r = await cdp.send('Runtime.evaluate', { expression, contextId: found.id, awaitPromise: true, returnByValue: true });
          if (r.exceptionDetails) throw new Error(`in the content script's world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
          return r.result.value as T;
        },
      };
    }
    if (Date.now() > deadline) throw new Error(`no isolated world of extension ${extensionId} in ${page.url()} (is the content script running?)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
