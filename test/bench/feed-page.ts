/**
 * Builds each platform's synthetic feed page from the project's own feed
 * fixture: the post containers are found with the platform adapter (in Node,
 * on happy-dom), the feed items that hold them become templates, and the page
 * is served with a small main-world script (page/feed-driver.ts) that appends
 * clones of them with post ids of their own. `verifyFeed` checks, with the
 * adapter again, that the clones read as new, distinct posts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Window } from 'happy-dom';
import { findContainers, readPage, safeReadContainer, safeReadIdentity } from '../../lib/platforms/read';
import type { PlatformAdapter, ReadContext } from '../../lib/platforms/types';
import { sameProfile } from '../../lib/profiles';
import { ROOT, stripScripts } from '../e2e/harness';
import { cloneId, prepareFeed, type FeedConfig, type FeedTemplate } from './page/feed-driver';

export const FEED_PLATFORMS = ['linkedin', 'facebook', 'instagram', 'x', 'youtube', 'threads', 'tiktok'] as const;
export type FeedPlatform = (typeof FEED_PLATFORMS)[number];

/** The feed fixture of each platform, first existing name wins. */
const FEED_FIXTURES = ['feed.html', 'home-timeline.html', 'home-feed.html'];

export interface Fixture {
  path: string;
  html: string;
  url: string;
}

export function readFixture(platform: string, name: string): Fixture {
  const path = join(ROOT, 'test/fixtures', platform, name);
  const html = readFileSync(path, 'utf8');
  const url = /<!--\s*url:\s*(\S+)\s*-->/.exec(html)?.[1];
  if (!url) throw new Error(`${path} has no <!-- url: … --> comment saying where it is served`);
  return { path, html, url };
}

export function feedFixture(platform: string): Fixture {
  const name = FEED_FIXTURES.find((n) => existsSync(join(ROOT, 'test/fixtures', platform, n)));
  if (!name) throw new Error(`test/fixtures/${platform} has none of ${FEED_FIXTURES.join(', ')}`);
  return readFixture(platform, name);
}

export async function loadAdapter(platform: string): Promise<PlatformAdapter> {
  const mod = (await import(`../../lib/platforms/${platform}/index.ts`)) as Record<string, unknown>;
  const adapter = Object.values(mod).find(
    (v): v is PlatformAdapter => typeof v === 'object' && v !== null && 'containerSelector' in v && 'readContainer' in v,
  );
  if (!adapter) throw new Error(`lib/platforms/${platform}/index.ts exports no adapter`);
  return adapter;
}

export function parseHtml(html: string, url: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  return new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

function pathFromRoot(el: Element): number[] {
  const path: number[] = [];
  for (let node: Element = el; node.parentElement; node = node.parentElement) path.unshift([...node.parentElement.children].indexOf(node));
  return path;
}

function commonAncestor(elements: Element[]): Element {
  let lca = elements[0]!.parentElement!;
  for (const el of elements) while (!lca.contains(el) || lca === el) lca = lca.parentElement!;
  return lca;
}

export interface FeedPage {
  platform: string;
  fixture: string;
  url: string;
  config: FeedConfig;
  /** Posts one cycle of the templates adds. */
  postsPerCycle: number;
  /** Items left out because they show a post by the signed-in user (a feed of 2,000 own posts is not a feed). */
  droppedOwn: number;
  /** The page as served: the fixture without its scripts, with the config and driver before </body>. */
  html: string;
}

let driverCode: Promise<string> | null = null;
function driverBundle(): Promise<string> {
  driverCode ??= build({
    stdin: { contents: `import { install } from './test/bench/page/feed-driver.ts'; install(window);`, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    charset: 'ascii',
    target: 'es2022',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return driverCode;
}

/** A `<script>` with code that cannot end the element early. */
function inlineScript(code: string): string {
  return `<script>${code.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
}

export async function buildFeedPage(platform: string): Promise<FeedPage> {
  const fixture = feedFixture(platform);
  const adapter = await loadAdapter(platform);
  const html = stripScripts(fixture.html);
  const ctx: ReadContext = { pageUrl: new URL(fixture.url), now: Date.now() };
  const doc = parseHtml(html, fixture.url);
  const me = safeReadIdentity(adapter, doc, ctx);
  const readings = findContainers(adapter, doc)
    .map((el) => ({ el, reading: safeReadContainer(adapter, el, ctx) }))
    .filter((r) => r.reading.posts.length > 0);
  if (readings.length === 0) throw new Error(`${fixture.path}: the ${platform} adapter reads no post in it`);
  const list = commonAncestor(readings.map((r) => r.el));
  const items = new Map<Element, { ids: Set<string>; own: boolean }>();
  for (const { el, reading } of readings) {
    let item = el;
    while (item.parentElement !== list) item = item.parentElement!;
    const entry = items.get(item) ?? { ids: new Set<string>(), own: false };
    for (const p of reading.posts) {
      entry.ids.add(p.postId);
      if (me && sameProfile(p.author.profileUrl, me.profileUrl)) entry.own = true;
    }
    items.set(item, entry);
  }
  const children = [...list.children];
  const templates: FeedTemplate[] = [...items]
    .filter(([, v]) => !v.own)
    .map(([el, v]) => ({ index: children.indexOf(el), postIds: [...v.ids] }))
    .sort((a, b) => a.index - b.index);
  if (templates.length === 0) throw new Error(`${fixture.path}: every post is the signed-in user's own`);
  const config: FeedConfig = { listPath: pathFromRoot(list), templates };
  const scripts = inlineScript(`window.__SD_BENCH_CONFIG = ${JSON.stringify(config)};`) + inlineScript(await driverBundle());
  const at = html.search(/<\/body\s*>/i);
  return {
    platform,
    fixture: fixture.path,
    url: fixture.url,
    config,
    postsPerCycle: templates.reduce((s, t) => s + t.postIds.length, 0),
    droppedOwn: items.size - templates.length,
    html: at >= 0 ? html.slice(0, at) + scripts + html.slice(at) : html + scripts,
  };
}

/**
 * Appends `cycles` rounds of clones to the fixture in happy-dom, with the same
 * code the page runs, and reads the result with the adapter: every clone's post
 * must be read once, under its new id, and no template id may remain.
 */
export async function verifyFeed(feed: FeedPage, cycles = 2): Promise<{ expected: number; read: number; missing: string[] }> {
  const adapter = await loadAdapter(feed.platform);
  const doc = parseHtml(stripScripts(readFileSync(feed.fixture, 'utf8')), feed.url);
  const f = prepareFeed(doc, feed.config);
  f.append(feed.postsPerCycle * cycles);
  const expected = new Set<string>();
  let serial = 0;
  for (let c = 0; c < cycles; c++) {
    for (const t of feed.config.templates) {
      for (const id of t.postIds) expected.add(cloneId(id, ++serial));
    }
  }
  const reading = readPage(adapter, doc, { pageUrl: new URL(feed.url), now: Date.now() });
  const read = new Set(reading.posts.map((p) => p.postId));
  const missing = [...expected].filter((id) => !read.has(id));
  return { expected: expected.size, read: [...read].filter((id) => expected.has(id)).length, missing };
}
