// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { facebookAdapter } from './facebook';
import { instagramAdapter } from './instagram';
import { linkedinAdapter } from './linkedin';
import { firstMediaUrl } from './media';
import { findContainers, readPage, safeReadContainer } from './read';
import { threadsAdapter } from './threads';
import { tiktokAdapter } from './tiktok';
import type { PlatformAdapter } from './types';
import { xAdapter } from './x';
import { youtubeAdapter } from './youtube';

/**
 * Where the in-page Save action goes on each platform's own fixtures: the
 * post's own action bar, and adding it there changes nothing any adapter reads.
 */

const FIXTURES = join(import.meta.dirname, '../../test/fixtures');
const NOW = Date.UTC(2026, 10, 28, 12);
const ADAPTERS: PlatformAdapter[] = [linkedinAdapter, facebookAdapter, instagramAdapter, xAdapter, threadsAdapter, tiktokAdapter, youtubeAdapter];

function load(platform: string, file: string) {
  const html = readFileSync(join(FIXTURES, platform, file), 'utf8');
  const url = /<!--\s*url:\s*(\S+)\s*-->/.exec(html)?.[1];
  if (!url) throw new Error(`${platform}/${file} has no url comment`);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { doc, ctx: { pageUrl: new URL(url), now: NOW } };
}

/** Every container that yields a post, with its anchor. */
function postContainers(adapter: PlatformAdapter, doc: Document, ctx: { pageUrl: URL; now: number }) {
  return findContainers(adapter, doc)
    .map((el) => ({ el, reading: safeReadContainer(adapter, el, ctx) }))
    .filter((c) => c.reading.posts.length > 0)
    .map((c) => ({ ...c, anchor: adapter.actionAnchor ? adapter.actionAnchor(c.el) : null }));
}

/** What the content script inserts (lib/content/save-actions.ts): a custom element with a shadow root. */
function insertHost(doc: Document, container: Element, anchor: Element | null) {
  const host = doc.createElement('social-desk-save');
  host.attachShadow({ mode: 'open' }).append(Object.assign(doc.createElement('button'), { textContent: 'Save 123' }));
  if (anchor) anchor.append(host);
  else container.prepend(host);
}

/** Feed pages whose every post shows its action bar. */
const WITH_BARS: Array<[string, string]> = [
  ['facebook', 'feed.html'],
  ['instagram', 'feed.html'],
  ['x', 'home-timeline.html'],
  ['threads', 'feed.html'],
  ['tiktok', 'feed.html'],
  ['linkedin', 'feed.html'],
  ['linkedin', 'own-post.html'],
  ['linkedin', 'guest-post.html'],
  ['youtube', 'own-post.html'],
  ['youtube', 'shorts.html'],
];

describe('actionAnchor', () => {
  it.each(WITH_BARS)('finds the action bar of every post on %s/%s', (platform, file) => {
    const adapter = ADAPTERS.find((a) => a.platform === platform)!;
    const { doc, ctx } = load(platform, file);
    const found = postContainers(adapter, doc, ctx);
    expect(found.length).toBeGreaterThan(0);
    for (const { el, anchor } of found) {
      // A quoted post (a container inside another) has no bar of its own: its action goes to its corner.
      if (found.some((outer) => outer.el !== el && outer.el.contains(el))) {
        expect(anchor).toBeNull();
        continue;
      }
      expect(anchor, `${platform}/${file}: a post without an anchor`).not.toBeNull();
      expect(el.contains(anchor)).toBe(true);
      // Never inside a nested post, and never inside a control or link (a button in a button is invalid).
      expect(anchor!.closest(adapter.containerSelector)).toBe(el);
      let inControl = false;
      for (let n: Element | null = anchor; n && n !== el; n = n.parentElement) if (n.matches('a, button, [role="button"], [role="link"]')) inControl = true;
      expect(inControl, `${platform}/${file}: anchor inside a control`).toBe(false);
    }
    // One bar per post: two posts never share one.
    const anchors = found.map((f) => f.anchor).filter((a) => a !== null);
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it('has no anchor where a page shows no action bar (the action goes to the corner)', () => {
    const { doc, ctx } = load('linkedin', 'feed.html');
    for (const bar of doc.querySelectorAll('.feed-shared-social-action-bar')) bar.remove();
    expect(postContainers(linkedinAdapter, doc, ctx).map((c) => c.anchor)).toEqual([null, null, null]);
    const grid = load('youtube', 'channel-videos.html');
    expect(postContainers(youtubeAdapter, grid.doc, grid.ctx).every((c) => c.anchor === null)).toBe(true);
  });

  const everyFixture = ADAPTERS.flatMap((adapter) => readdirSync(join(FIXTURES, adapter.platform)).filter((f) => f.endsWith('.html')).map((f) => [adapter.platform, f] as const));

  it.each(everyFixture)('reads %s/%s exactly the same with the Save action in every post', (platform, file) => {
    const adapter = ADAPTERS.find((a) => a.platform === platform)!;
    const before = load(platform, file);
    const after = load(platform, file);
    for (const { el, anchor } of postContainers(adapter, after.doc, after.ctx)) insertHost(after.doc, el, anchor);
    expect(after.doc.querySelectorAll('social-desk-save').length).toBe(postContainers(adapter, before.doc, before.ctx).length);
    expect(readPage(adapter, after.doc, after.ctx)).toEqual(readPage(adapter, before.doc, before.ctx));
  });
});

describe('anchorMeansPost', () => {
  /** Containers that show an action bar but hold no post, on every fixture of the platform. */
  const anchoredWithoutPost = (adapter: PlatformAdapter) =>
    readdirSync(join(FIXTURES, adapter.platform))
      .filter((f) => f.endsWith('.html'))
      .flatMap((file) => {
        const { doc, ctx } = load(adapter.platform, file);
        return findContainers(adapter, doc)
          .filter((el) => adapter.actionAnchor?.(el) != null && safeReadContainer(adapter, el, ctx).posts.length === 0)
          .map(() => file);
      });

  it.each(ADAPTERS.filter((a) => a.anchorMeansPost).map((a) => [a.platform, a] as const))(
    'holds on %s: every container with an action bar is a post, so its Save action can go in before it is read',
    (_platform, adapter) => {
      expect(anchoredWithoutPost(adapter)).toEqual([]);
    },
  );

  it('is not claimed where replies have the post’s action bar (X, Threads)', () => {
    for (const adapter of [xAdapter, threadsAdapter]) {
      expect(adapter.anchorMeansPost).toBeFalsy();
      expect(anchoredWithoutPost(adapter).length, adapter.platform).toBeGreaterThan(0);
    }
  });
});

describe('firstMediaUrl', () => {
  /** The fixture with every picture given a distinct https address (fixtures use data: urls, which are never kept). */
  function withHttpImages(platform: string, file: string) {
    const fixture = load(platform, file);
    let n = 0;
    for (const img of fixture.doc.querySelectorAll('img')) img.setAttribute('src', `https://cdn.example/${n++}.jpg`);
    return fixture;
  }

  it('takes the post’s own picture, never an avatar, an emoji or an icon', () => {
    const cases: Array<[PlatformAdapter, string, RegExp]> = [
      [instagramAdapter, 'feed.html', /^Photo by /],
      [xAdapter, 'home-timeline.html', /matcha pineapple buns/],
      [threadsAdapter, 'feed.html', /^Photo by /],
      [facebookAdapter, 'feed.html', /^May be an image/],
    ];
    for (const [adapter, file, mediaAlt] of cases) {
      const { doc, ctx } = withHttpImages(adapter.platform, file);
      const alts: string[] = [];
      for (const { el, reading } of postContainers(adapter, doc, ctx)) {
        const url = firstMediaUrl(el, reading.posts[0]!, adapter.containerSelector);
        if (url === null) continue;
        const img = [...el.querySelectorAll('img')].find((i) => i.getAttribute('src') === url)!;
        const alt = img.getAttribute('alt') ?? '';
        expect(alt, `${adapter.platform}: ${url}`).not.toMatch(/profile picture|^\p{Extended_Pictographic}+$/u);
        expect(img.closest('[data-testid*="Avatar"], [class*="avatar" i]'), `${adapter.platform}: ${url}`).toBeNull();
        const width = img.getAttribute('width');
        if (width !== null && /^\d+$/.test(width)) expect(Number(width)).toBeGreaterThanOrEqual(64);
        alts.push(alt);
      }
      expect(alts.some((alt) => mediaAlt.test(alt)), `${adapter.platform}: ${JSON.stringify(alts)}`).toBe(true);
    }
  });

  it('keeps only http(s) links, and reads a video’s poster', () => {
    const doc = new DOMParser().parseFromString(
      `<article><a href="https://x.com/a"><img src="https://pbs.example/avatar.jpg"></a><img src="data:image/gif;base64,R0lGOD" width="600"><img alt="😀" src="https://x.example/e.svg"><video poster="https://v.example/poster.jpg"></video></article>`,
      'text/html',
    );
    expect(firstMediaUrl(doc.querySelector('article')!, { author: { name: 'a', profileUrl: 'https://x.com/a' } }, 'article')).toBe('https://v.example/poster.jpg');
    const none = new DOMParser().parseFromString(`<article><img src="javascript:alert(1)"><img src="/rel.png" width="20"></article>`, 'text/html');
    expect(firstMediaUrl(none.querySelector('article')!, { author: { name: 'a', profileUrl: null } }, 'article')).toBeNull();
  });
});
