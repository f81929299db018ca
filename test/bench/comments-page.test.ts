import { describe, expect, it } from 'vitest';
import { readPage } from '../../lib/platforms/read';
import { sameProfile } from '../../lib/profiles';
import { buildCommentsPage } from './comments-page';
import { FEED_PLATFORMS, loadAdapter, parseHtml } from './feed-page';
import { ownIdentities } from './scenarios/startup';

describe('busy own posts', () => {
  it.each(FEED_PLATFORMS)('%s: the added comments read as new, distinct comments of the own post', async (platform) => {
    const me = (await ownIdentities([platform]))[platform]!;
    const page = await buildCommentsPage(platform, me, 12);
    expect(page.comments).toBe(page.fixtureComments + 12);
    expect(page.html).not.toMatch(/<script\b/i);
    // Read again here, independently of the builder's own check.
    const reading = readPage(await loadAdapter(platform), parseHtml(page.html, page.url), { pageUrl: new URL(page.url), now: Date.now() });
    const own = reading.posts.find((p) => sameProfile(p.author.profileUrl, me))!;
    const comments = reading.comments.filter((c) => c.postId === own.postId);
    expect(new Set(comments.map((c) => c.commentId)).size).toBe(page.fixtureComments + 12);
    expect(comments.filter((c) => /#\d+/.test(c.text))).toHaveLength(12);
  });
});
