// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '../platforms/facebook';
import { facebookReply } from '../platforms/facebook/insert';
import { instagramAdapter } from '../platforms/instagram';
import { instagramReply } from '../platforms/instagram/insert';
import { linkedinAdapter } from '../platforms/linkedin';
import { linkedinReply } from '../platforms/linkedin/insert';
import { readPage } from '../platforms/read';
import { threadsAdapter } from '../platforms/threads';
import { threadsReply } from '../platforms/threads/insert';
import { tiktokAdapter } from '../platforms/tiktok';
import { tiktokReply } from '../platforms/tiktok/insert';
import type { PlatformAdapter } from '../platforms/types';
import { xAdapter } from '../platforms/x';
import { xReply } from '../platforms/x/insert';
import { youtubeAdapter } from '../platforms/youtube';
import { youtubeReply } from '../platforms/youtube/insert';
import { BADGE_TAG, badgeAnchor, createBadgeLayer, type BadgeStatus } from './badges';
import type { ReplySite } from './reply-site';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures');
const NOW = Date.UTC(2026, 10, 28, 12);

const SITES: Array<[PlatformAdapter, ReplySite]> = [
  [facebookAdapter, facebookReply],
  [instagramAdapter, instagramReply],
  [linkedinAdapter, linkedinReply],
  [threadsAdapter, threadsReply],
  [tiktokAdapter, tiktokReply],
  [xAdapter, xReply],
  [youtubeAdapter, youtubeReply],
];

function load(platform: string, name = 'own-post.html', edit: (html: string) => string = (html) => html, atItsAddress = false) {
  const html = edit(readFileSync(join(FIXTURES, platform, name), 'utf8'));
  const url = new URL(/<!--\s*url:\s*(\S+)\s*-->/.exec(html)![1]!);
  if (!atItsAddress) return { doc: new DOMParser().parseFromString(html, 'text/html'), url };
  // A document with a location, as a page has (DOMParser's has none).
  const window = new Window({ url: url.href });
  window.document.write(html);
  return { doc: window.document as unknown as Document, url };
}

const LABELS: Record<BadgeStatus, string> = { open: 'Waiting', replied: 'Replied by you', dismissed: 'No reply needed' };

describe.each(SITES.map(([adapter, site]) => ({ platform: adapter.platform, adapter, site })))('badges on $platform', ({ adapter, site }) => {
  it('go beside each comment the adapter read, outside editors, change nothing the adapter reads, and follow the log', () => {
    const { doc, url } = load(adapter.platform);
    const ctx = { pageUrl: url, now: NOW };
    const before = readPage(adapter, doc, ctx);
    const others = before.comments.filter((c) => c.author.profileUrl !== before.ownIdentity?.profileUrl);
    expect(others.length).toBeGreaterThan(1);

    const layer = createBadgeLayer(doc, site, (s) => LABELS[s]);
    layer.sync(others.map((c, i) => ({ commentId: c.commentId, authorName: c.author.name, status: i === 0 ? 'replied' : 'open' })));
    const hosts = Array.from(doc.querySelectorAll<HTMLElement>(BADGE_TAG));
    expect(hosts.map((h) => h.dataset.commentId).sort()).toEqual(others.map((c) => c.commentId).sort());
    for (const host of hosts) {
      expect(host.closest('[contenteditable="true"], textarea, form')).toBeNull();
      // Each badge sits inside its own comment's element.
      expect(site.commentElement(doc, host.dataset.commentId!)?.contains(host)).toBe(true);
    }
    expect(hosts.find((h) => h.dataset.commentId === others[0]!.commentId)!.shadowRoot!.textContent).toContain('Replied by you');

    // The page reads exactly as before: badges add no text and no structure the adapter looks at.
    expect(readPage(adapter, doc, ctx)).toEqual(before);

    // Statuses change in place; a comment the log no longer answers for loses its badge.
    layer.sync(others.slice(1).map((c) => ({ commentId: c.commentId, authorName: c.author.name, status: 'dismissed' as const })));
    const after = Array.from(doc.querySelectorAll<HTMLElement>(BADGE_TAG));
    expect(after).toHaveLength(others.length - 1);
    expect(after.every((h) => h.dataset.status === 'dismissed' && h.shadowRoot!.textContent!.includes('No reply needed'))).toBe(true);
    // Syncing again inserts nothing more.
    layer.sync(others.slice(1).map((c) => ({ commentId: c.commentId, authorName: c.author.name, status: 'dismissed' as const })));
    expect(doc.querySelectorAll(BADGE_TAG)).toHaveLength(others.length - 1);
    layer.clear();
    expect(doc.querySelectorAll(BADGE_TAG)).toHaveLength(0);
  });
});

describe('badgeAnchor', () => {
  it('prefers the author’s name link, then the time, and never an editor', () => {
    const doc = new DOMParser().parseFromString(
      `<div id="c"><form><a href="/x">Mei</a></form><span><a href="/mei">Mei</a></span><time datetime="2026-01-01">1h</time></div>
       <div id="d"><div contenteditable="true"><a href="/z">Zed</a></div><a href="/p/1"><time datetime="2026-01-01">2h</time></a></div>`,
      'text/html',
    );
    expect(badgeAnchor(doc.getElementById('c')!, 'Mei')!.getAttribute('href')).toBe('/mei');
    expect(badgeAnchor(doc.getElementById('d')!, 'Zed')!.getAttribute('href')).toBe('/p/1');
  });
});

describe.each(SITES.map(([adapter, site]) => ({ platform: adapter.platform, adapter, site })))('comment elements on $platform', ({ adapter, site }) => {
  const pages = readdirSync(join(FIXTURES, adapter.platform)).filter((n) => n.endsWith('.html') && n !== 'broken.html');
  // The comments' own ids taken out of their links, so the adapter ids them by hash.
  const withoutIds: Record<string, (html: string) => string> = {
    facebook: (html) => html.replace(/(reply_)?comment_id=/g, 'gone='),
    youtube: (html) => html.replace(/([?&]|&amp;)lc=/g, '$1gone='),
  };
  const cases = [...pages.map((name) => [name, false] as const), ...(withoutIds[adapter.platform] ? [['own-post.html', true] as const] : [])];
  it.each(cases)('found together are the ones found one by one (%s, ids hashed: %s)', (name, hashed) => {
    const { doc, url } = load(adapter.platform, name, hashed ? withoutIds[adapter.platform] : undefined, hashed);
    const ids = readPage(adapter, doc, { pageUrl: url, now: NOW }).comments.map((c) => c.commentId);
    if (hashed) expect(ids.length > 0 && ids.every((id) => id.startsWith('hash:'))).toBe(true);
    const wanted = [...ids, 'not-in-this-page', 'hash:0000000'];
    const together = site.commentElements(doc, wanted);
    const oneByOne = new Map(wanted.flatMap((id) => { const el = site.commentElement(doc, id); return el === null ? [] : [[id, el] as const]; }));
    expect(together).toEqual(oneByOne);
    // Every comment the adapter read is found (the badges need each).
    for (const id of ids) expect(together.get(id), id).toBeDefined();
  });
});
