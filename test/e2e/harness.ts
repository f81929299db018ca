import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/**
 * Loads the built extension into real Chromium, serves fixture pages at the
 * platforms' real addresses and aborts every other request, so the real
 * content script runs on them and nothing reaches the network. Builds nothing:
 * run `npm run build` first.
 */

export const ROOT = resolve(import.meta.dirname, '../..');

// Let the route below see (and abort) requests made by the extension's service worker too.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
/** The built extension; SD_EXTENSION_DIR points elsewhere (e.g. a copy, so parallel builds cannot swap it mid-test). */
export const EXTENSION_DIR = process.env.SD_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3');

export function findBrowser(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error('No Chromium found. Install it (Debian: apt-get install -y chromium) or set CHROME_PATH.');
}

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Serves `html` at `url` (exact match, ignoring the hash). */
  serve(url: string, html: string): void;
  /** Every request the browser tried to send outside the served pages. */
  blocked: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** More unpacked extensions to load beside ours (e.g. a foreign one for sender tests). */
  extraExtensions?: string[];
  extensionDir?: string;
  /** Keep the window size predictable for screenshots. */
  viewport?: { width: number; height: number };
  /** The panel's remembered open state, set before any page loads (unset: the extension's default, closed). */
  panelOpen?: boolean;
}

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run \`npm run build\` first.`);
  }
  const browser = await launchBrowser({ ...options, extensions: [extensionDir, ...(options.extraExtensions ?? [])] });
  try {
    const worker = await findExtensionWorker(browser.context, extensionDir);
    const extensionId = new URL(worker.url()).host;
    if (options.panelOpen !== undefined) await worker.evaluate((open) => chrome.storage.local.set({ panelOpen: open }), options.panelOpen);
    return { ...browser, extensionId, worker };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** A browser in a fresh profile, with the given unpacked extensions (none: a plain browser, the benchmark's baseline). */
export type BrowserSession = Omit<Session, 'extensionId' | 'worker'>;

export interface BrowserOptions extends Omit<LaunchOptions, 'extraExtensions' | 'extensionDir'> {
  /** Unpacked extension folders to load; empty for none. */
  extensions: string[];
  /** More command-line switches. */
  args?: string[];
}

export async function launchBrowser(options: BrowserOptions): Promise<BrowserSession> {
  const dirs = options.extensions.join(',');
  const profile = mkdtempSync(join(tmpdir(), 'social-desk-profile-'));
  // Developer mode, as a developer who loads an unpacked extension has it: without it
  // Chromium disables an unpacked extension as soon as it is reloaded (an "update").
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser(),
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    // Also without extensions of ours, so a baseline browser differs from one with them by those extensions only.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...(dirs ? [`--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.args ?? []),
    ],
  });

  const pages = new Map<string, string>();
  const blocked: string[] = [];
  const key = (url: string) => url.split('#')[0] as string;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    // The extension's own files load from the browser itself, never the network.
    if (url.startsWith('chrome-extension://')) {
      await route.continue();
      return;
    }
    const body = pages.get(key(url));
    if (body !== undefined) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    } else {
      blocked.push(url);
      await route.abort('blockedbyclient');
    }
  });

  return {
    context,
    serve: (url, html) => void pages.set(key(url), html),
    blocked,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function findExtensionWorker(context: BrowserContext, extensionDir: string): Promise<Worker> {
  const { readFileSync } = await import('node:fs');
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { background?: { service_worker?: string } };
  const script = manifest.background?.service_worker ?? 'background.js';
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://') && w.url().endsWith(`/${script}`);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const found = context.serviceWorkers().find(isOurs);
    if (found) return found;
    await context.waitForEvent('serviceworker', { timeout: 2_000 }).catch(() => undefined);
  }
  throw new Error('The extension did not start (no service worker). Is the browser a Chromium build that accepts --load-extension?');
}

/** Opens one of the extension's pages (popup.html, dashboard.html) in a tab. */
export async function openExtensionPage(session: Session, path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}

/** Reads every row of a table of the extension's database, through the service worker (raw IndexedDB). */
export async function readTable<T = unknown>(worker: Worker, table: string): Promise<T[]> {
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((res, rej) => {
        const open = indexedDB.open('social-desk');
        open.onerror = () => rej(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            res(req.result as T[]);
            db.close();
          };
          req.onerror = () => rej(req.error);
        };
      }),
    table,
  );
}

/** Strips `<script>` elements from a captured page, so its own code cannot run offline. */
export function stripScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '').replace(/<script\b[^>]*\/>/gi, '');
}

/** Sends a raw runtime message from one of the extension's pages, as any code there could. */
export function sendFromPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  );
}

/**
 * Every uncaught error and console.error of a page in any of its worlds: Playwright's `pageerror` sees only the
 * page's own world, while the content scripts run in isolated worlds that only CDP reports on.
 */
export async function watchErrors(context: BrowserContext, page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', (e) => errors.push(`uncaught: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`));
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type === 'error') errors.push(`console.error: ${e.args.map((a) => a.value ?? a.description).join(' ')}`);
  });
  await cdp.send('Runtime.enable');
  return errors;
}
