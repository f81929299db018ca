import { describe, expect, it } from 'vitest';
import { buildFeedPage, FEED_PLATFORMS, parseHtml, verifyFeed } from './feed-page';
import { cloneId, rewriteIds } from './page/feed-driver';

describe('synthetic feeds', () => {
  it('makes ids of the same length that differ per clone', () => {
    expect(cloneId('7391111111111111111', 1)).toBe('7391111111110000001');
    expect(cloneId('DUr9XcT2bVw', 42)).toBe('DUr90000042');
    expect(new Set([1, 2, 3].map((n) => cloneId('Lb7TpE2bake', n))).size).toBe(3);
  });

  it('rewrites ids in attributes only', () => {
    const doc = parseHtml('<div data-urn="urn:li:activity:123456789"><a href="/p/123456789/x">123456789</a></div>', 'https://example.com/');
    const root = doc.body.firstElementChild!;
    expect(rewriteIds(root, [['123456789', '987654321']])).toBe(2);
    expect(root.getAttribute('data-urn')).toBe('urn:li:activity:987654321');
    expect(root.querySelector('a')!.getAttribute('href')).toBe('/p/987654321/x');
    expect(root.textContent).toBe('123456789');
  });

  it.each(FEED_PLATFORMS)('%s: the clones read as new, distinct posts with the adapter', async (platform) => {
    const feed = await buildFeedPage(platform);
    expect(feed.config.templates.length).toBeGreaterThan(0);
    expect(feed.html).toContain('__SD_BENCH_CONFIG');
    expect(feed.html).not.toMatch(/<script\b[^>]*\bsrc=/i);
    const v = await verifyFeed(feed, 3);
    expect(v.missing).toEqual([]);
    expect(v.read).toBe(feed.postsPerCycle * 3);
  });
});
