// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { findContainers, readPage } from '../read';
import type { PageReading } from '../types';
import { TIKTOK_ADAPTER_VERSION, tiktokAdapter } from './index';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/tiktok');
/** After every fixture's times: 2026-02-23 04:00 UTC (12:00 in Taipei). */
const FIXED = Date.UTC(2026, 1, 23, 4);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function source(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}
function load(name: string): Document {
  return new DOMParser().parseFromString(source(name), 'text/html');
}
/** The address a fixture says it is served at (its first comment). */
function urlOf(name: string): URL {
  const match = /<!-- url: (\S+) -->/.exec(source(name));
  if (!match || match[1] === undefined) throw new Error(`${name} has no url comment`);
  return new URL(match[1]);
}
function read(name: string, pageUrl: URL = urlOf(name), now = FIXED): PageReading {
  return readPage(tiktokAdapter, load(name), { pageUrl, now });
}

const BAKERY = { name: "Lin's Bakery 林記烘焙", profileUrl: 'https://www.tiktok.com/@linsbakery.tw' };
const OWN_VIDEO = '7608769070079596167';

describe('tiktokAdapter', () => {
  it('identifies itself', () => {
    expect(tiktokAdapter.platform).toBe('tiktok');
    expect(tiktokAdapter.version).toBe(TIKTOK_ADAPTER_VERSION);
    expect(TIKTOK_ADAPTER_VERSION).toBe('2026.11.1');
  });

  it.each([
    ['https://www.tiktok.com/foryou', true, false],
    ['https://www.tiktok.com/@linsbakery.tw', true, false],
    ['https://www.tiktok.com/@linsbakery.tw/video/7608769070079596167', true, true],
    ['https://www.tiktok.com/@linsbakery.tw/video/7608769070079596167?is_from_webapp=1&lang=zh-Hant-TW', true, true],
    ['https://www.tiktok.com/@hk.milktea.lab/photo/7605123931337387992', true, true],
    ['https://www.tiktok.com/tag/foryou', true, false],
    ['http://www.tiktok.com/foryou', false, false],
    ['https://www.tiktok.com.evil.example/@x/video/7608769070079596167', false, false],
    ['https://www.douyin.com/video/7608769070079596167', false, false],
  ])('%s: matches %s, expects a post %s', (url, matches, expectsPost) => {
    expect(tiktokAdapter.matches(new URL(url))).toBe(matches);
    if (matches) expect(tiktokAdapter.expectsPost(new URL(url))).toBe(expectsPost);
  });

  it('every fixture is served at a tiktok address and has no scripts or external resources', () => {
    for (const name of ['feed.html', 'own-post.html', 'zh-tw-post.html', 'reply-box.html', 'broken.html']) {
      const text = source(name);
      expect(tiktokAdapter.matches(urlOf(name))).toBe(true);
      expect(text).not.toMatch(/<script/i);
      expect(text).not.toMatch(/\b(?:src|srcset)="https?:/i);
      expect(text).not.toMatch(/<link\b(?![^>]*rel="canonical")/i);
      expect(text).not.toMatch(/url\(\s*['"]?https?:/i);
    }
  });
});

describe('fixtures', () => {
  it.each([
    // file, posts, comments, health
    ['feed.html', 4, 0, { post: 'ok', counts: 'ok', comments: 'absent', replyBox: 'absent' }],
    ['own-post.html', 2, 5, { post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok' }],
    ['zh-tw-post.html', 2, 7, { post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok' }],
    ['reply-box.html', 1, 4, { post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok' }],
    ['broken.html', 2, 0, { post: 'ok', counts: 'broken', comments: 'broken', replyBox: 'ok' }],
  ] as const)('%s: %d posts, %d comments, health %j', (name, posts, comments, health) => {
    const reading = read(name);
    expect(reading.platform).toBe('tiktok');
    expect(reading.adapterVersion).toBe(TIKTOK_ADAPTER_VERSION);
    expect(reading.posts).toHaveLength(posts);
    expect(reading.comments).toHaveLength(comments);
    expect(reading.health).toMatchObject(health);
    expect(reading.ownIdentity).toEqual(BAKERY);
    if (health.post === 'ok' && health.comments !== 'broken') expect(reading.health.notes).toEqual([]);
  });

  it('feed: four cards in page order, own videos recognisable, the placeholder skipped', () => {
    const reading = read('feed.html');
    expect(reading.posts.map((p) => [p.postId, p.author.profileUrl, p.author.profileUrl === reading.ownIdentity!.profileUrl])).toEqual([
      ['7609243792818044147', 'https://www.tiktok.com/@dimsum.daily', false],
      [OWN_VIDEO, BAKERY.profileUrl, true],
      ['7605123931337387992', 'https://www.tiktok.com/@hk.milktea.lab', false],
      ['7601138652657357925', BAKERY.profileUrl, true],
    ]);
    const [, own, milkTea, older] = reading.posts;
    expect(own!.counts).toEqual({ reactions: 2315, comments: 5, shares: 41, views: null });
    expect(milkTea!.counts).toEqual({ reactions: 1_200_000, comments: 8921, shares: 15_000, views: null });
    expect(milkTea!.text).toBe('港式奶茶的秘密 🫖\n絲襪茶要拉七次\nThe secret is pulling it 7 times #港式奶茶');
    // A printed 0 is a real zero: the control is there and says so.
    expect(older!.counts.comments).toBe(0);
    expect(reading.posts[0]!.text).toBe('Steamed BBQ pork buns at 6am 🥟🔥 #dimsum @hk.milktea.lab');
  });

  it('own post: the post, its text with emoji and line breaks, exact time from the id', () => {
    const reading = read('own-post.html');
    const post = reading.posts[0]!;
    expect(post).toEqual({
      platform: 'tiktok',
      postId: OWN_VIDEO,
      url: `https://www.tiktok.com/@linsbakery.tw/video/${OWN_VIDEO}`,
      author: { name: 'linsbakery.tw', profileUrl: BAKERY.profileUrl },
      text: '新品上市 🍍✨ 冰火菠蘿油 Pineapple bun with butter\n每天早上 8:00 出爐，賣完為止！\nFresh out of the oven at 8am daily 🥐\n\n#台北美食 #taipeibakery #菠蘿包',
      mediaKind: 'video',
      // "3d ago" on the card agrees with the id's time, which is exact.
      publishedAt: { at: Date.UTC(2026, 1, 20, 2, 30), precision: 'exact' },
      counts: { reactions: 2315, comments: 5, shares: 41, views: null },
    });
    // Own post = author url equals the identity url.
    expect(post.author.profileUrl).toBe(reading.ownIdentity!.profileUrl);
    // The next video on the page is someone else's, with its own counts.
    expect(reading.posts[1]).toMatchObject({
      postId: '7608159794608673286',
      author: { name: 'dimsum.daily', profileUrl: 'https://www.tiktok.com/@dimsum.daily' },
      counts: { reactions: 48_100, comments: 1203, shares: 2976, views: null },
      publishedAt: { at: Date.UTC(2026, 1, 18, 11, 5, 42), precision: 'exact' },
    });
  });

  it('own post: comments, the reply thread, the signed-in reply, all on the video the page shows', () => {
    const reading = read('own-post.html');
    const rows = reading.comments.map((c) => [c.author.name, c.author.profileUrl, c.text, c.time]);
    expect(rows).toEqual([
      ['Amy 🍓', 'https://www.tiktok.com/@amy.eats', 'Ordered the pineapple buns for my mom 😍\ndo you ship to Kaohsiung?', { at: FIXED - 2 * HOUR, precision: 'hour' }],
      [BAKERY.name, BAKERY.profileUrl, 'Yes! 宅配全台 🚚\nOrder by Thursday for weekend delivery 🙌', { at: FIXED - HOUR, precision: 'hour' }],
      ['Amy 🍓', 'https://www.tiktok.com/@amy.eats', 'Thank you!! 🙏', { at: FIXED - 45 * MIN, precision: 'minute' }],
      ['Ken Wong', 'https://www.tiktok.com/@kenwong.hk', '菠蘿油 + 奶茶 = perfect combo ☕️', { at: Date.UTC(2026, 1, 21), precision: 'day' }],
      ['台北吃貨', 'https://www.tiktok.com/@taipei.foodie', '明天早上幾點開門？', { at: FIXED - 2 * DAY, precision: 'day' }],
    ]);
    const [amy, bakeryReply, amyThanks, ken, foodie] = reading.comments;
    expect(reading.comments.every((c) => c.postId === OWN_VIDEO && c.platform === 'tiktok')).toBe(true);
    expect([amy!.parentId, bakeryReply!.parentId, amyThanks!.parentId, ken!.parentId, foodie!.parentId]).toEqual([
      null,
      amy!.commentId,
      amy!.commentId,
      null,
      null,
    ]);
    // The signed-in bakery's reply is recognisable as its own.
    expect(reading.comments.filter((c) => c.author.profileUrl === reading.ownIdentity!.profileUrl)).toEqual([bakeryReply]);
    expect(new Set(reading.comments.map((c) => c.commentId)).size).toBe(5);
  });

  it('comment ids do not drift as relative labels age', () => {
    const first = read('own-post.html').comments.map((c) => c.commentId);
    const later = read('own-post.html', urlOf('own-post.html'), FIXED + 3 * HOUR).comments.map((c) => c.commentId);
    expect(later).toEqual(first);
    expect(first.every((id) => /^hash:[0-9a-z]+$/.test(id))).toBe(true);
  });

  it('zh-TW: counts with 萬, Chinese time labels, the signed-in reply in a thread', () => {
    const reading = read('zh-tw-post.html');
    expect(reading.posts.map((p) => [p.postId, p.counts])).toEqual([
      ['7605123931337387992', { reactions: 12_000, comments: 328, shares: 856, views: null }],
      ['7605885429038545481', { reactions: 34_000, comments: 11_000, shares: 2301, views: null }],
    ]);
    expect(reading.posts[0]!.text).toBe('港式奶茶的秘密 🫖\n絲襪茶要拉七次，茶味先夠滑\nThe secret is pulling it 7 times #港式奶茶 #香港美食');
    expect(reading.comments.map((c) => [c.author.name, c.time])).toEqual([
      ['Mochi 麻糬', { at: FIXED - 3 * HOUR, precision: 'hour' }],
      ['HK Milk Tea Lab 港式奶茶研究所', { at: FIXED - 2 * HOUR, precision: 'hour' }],
      [BAKERY.name, { at: FIXED - HOUR, precision: 'hour' }],
      ['黃小明', { at: FIXED - 2 * DAY, precision: 'day' }],
      ['Tea Lover', { at: Date.UTC(2026, 1, 16), precision: 'week' }],
      ['Sammi', { at: Date.UTC(2026, 1, 11), precision: 'day' }],
      ['阿明', { at: FIXED, precision: 'minute' }],
    ]);
    const [mochi, creator, bakery] = reading.comments;
    expect(creator!.parentId).toBe(mochi!.commentId);
    expect(bakery!.parentId).toBe(mochi!.commentId);
    expect(bakery!.author.profileUrl).toBe(reading.ownIdentity!.profileUrl);
    expect(bakery!.text).toBe('我們的菠蘿油很配這杯 🍍☕️');
    expect(mochi!.text).toBe('這杯看起來好順口 😋\n請問有分店在台北嗎？');
    expect(reading.comments.every((c) => c.postId === '7605123931337387992')).toBe(true);
  });

  it('broken: unreadable like count is null, renamed comments attach nothing, notes say why', () => {
    const reading = read('broken.html');
    expect(reading.posts[0]!.counts).toEqual({ reactions: null, comments: 12, shares: 9, views: null });
    expect(reading.posts[1]!.counts).toEqual({ reactions: 640, comments: 7, shares: 2, views: null });
    expect(reading.comments).toEqual([]);
    expect(reading.health.notes.join('\n')).toMatch(/reactions count element present but unreadable/);
    expect(reading.health.notes.join('\n')).toMatch(/count is 12, but no comment matched/);
  });
});

describe('comments never go to the wrong post', () => {
  it('the panel is not attached to another video named by the address (its total disagrees)', () => {
    // The page scrolled to the next video but the panel still shows the first one's 5 comments.
    const reading = read('own-post.html', new URL('https://www.tiktok.com/@dimsum.daily/video/7608159794608673286'));
    expect(reading.comments).toEqual([]);
    expect(reading.health.comments).toBe('broken');
    expect(reading.health.notes.join()).toMatch(/panel says 5 comments but video 7608159794608673286 says 1203/);
  });

  it('nor to a video that is not on the page', () => {
    const reading = read('own-post.html', new URL('https://www.tiktok.com/@someone/video/7600000000000000000'));
    expect(reading.comments).toEqual([]);
    expect(reading.health.comments).toBe('broken');
    expect(reading.posts.map((p) => p.postId)).toEqual([OWN_VIDEO, '7608159794608673286']);
  });

  it('each container reads only what it owns', () => {
    const doc = load('own-post.html');
    const ctx = { pageUrl: urlOf('own-post.html'), now: FIXED };
    const containers = findContainers(tiktokAdapter, doc);
    // The page (comment panel) first, then the cards inside it, the empty placeholder last.
    expect(containers.map((el) => el.id || el.getAttribute('data-scroll-index'))).toEqual([
      'main-content-video_detail',
      'one-column-item-0',
      'one-column-item-1',
      '2',
    ]);
    const [page, own, next] = containers.map((el) => tiktokAdapter.readContainer(el, ctx));
    expect(page!.posts).toEqual([]);
    expect(page!.comments).toHaveLength(5);
    expect(own!.posts.map((p) => p.postId)).toEqual([OWN_VIDEO]);
    expect(own!.comments).toEqual([]);
    expect(next!.posts.map((p) => p.postId)).toEqual(['7608159794608673286']);
  });

  it('player and progress bar are ignored by the watcher, containers are not', () => {
    const doc = load('own-post.html');
    const ignore = tiktokAdapter.ignoreSelector!;
    expect(doc.querySelector('[role="slider"]')!.closest(ignore)).not.toBeNull();
    expect(doc.querySelector('[id^="xgwrapper-"] video')!.closest(ignore)).not.toBeNull();
    expect(findContainers(tiktokAdapter, doc)).toHaveLength(4);
  });
});

describe('findReplyBox', () => {
  const findReplyBox = tiktokAdapter.findReplyBox!;
  const commentOf = (reading: PageReading, author: string) => reading.comments.find((c) => c.author.name === author)!;
  /** The reply control of the comment whose text element holds `text`. */
  const replyControlFor = (doc: Document, text: string, level: 1 | 2) => {
    const textEl = Array.from(doc.querySelectorAll(`[data-e2e="comment-level-${level}"]`)).find((el) => el.textContent!.includes(text))!;
    return textEl.parentElement!.querySelector(`[data-e2e="comment-reply-${level}"]`)!;
  };

  it('clicks the comment’s own Reply control and returns the panel’s Draft.js editor', () => {
    const doc = load('reply-box.html');
    const reading = readPage(tiktokAdapter, doc, { pageUrl: urlOf('reply-box.html'), now: FIXED });
    const control = replyControlFor(doc, 'Any tips for beginners', 1);
    const click = vi.fn();
    control.addEventListener('click', click);
    const editor = findReplyBox(doc, commentOf(reading, 'Mei 🍞').commentId)!;
    expect(editor).not.toBeNull();
    expect(editor.getAttribute('contenteditable')).toBe('true');
    expect(editor.closest('[data-e2e="comment-input"]')).not.toBeNull();
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('uses a reply’s own control (comment-reply-2) for replies', () => {
    const doc = load('reply-box.html');
    const reading = readPage(tiktokAdapter, doc, { pageUrl: urlOf('reply-box.html'), now: FIXED });
    const control = replyControlFor(doc, 'Thanks for coming by', 2);
    const click = vi.fn();
    control.addEventListener('click', click);
    const other = vi.fn();
    replyControlFor(doc, 'Went to your shop', 1).addEventListener('click', other);
    expect(findReplyBox(doc, commentOf(reading, 'Dim Sum Daily').commentId)).toBe(doc.querySelector('[data-e2e="comment-input"] [contenteditable="true"]'));
    expect(click).toHaveBeenCalledTimes(1);
    expect(other).not.toHaveBeenCalled();
  });

  it('prefers an editor the click opens inside the comment’s thread', () => {
    const doc = load('own-post.html');
    const reading = readPage(tiktokAdapter, doc, { pageUrl: urlOf('own-post.html'), now: FIXED });
    const control = replyControlFor(doc, 'perfect combo', 1);
    control.addEventListener('click', () => {
      const box = doc.createElement('div');
      box.setAttribute('data-e2e', 'comment-input');
      const editor = doc.createElement('div');
      editor.setAttribute('contenteditable', 'true');
      editor.className = 'public-DraftEditor-content';
      box.append(editor);
      control.closest('[class*="DivCommentObjectWrapper"]')!.append(box);
    });
    const editor = findReplyBox(doc, commentOf(reading, 'Ken Wong').commentId)!;
    expect(editor.closest('[class*="DivCommentObjectWrapper"]')).toBe(control.closest('[class*="DivCommentObjectWrapper"]'));
  });

  it('finds comments of the page when the document has no address of its own (canonical link)', () => {
    const doc = load('zh-tw-post.html');
    expect(doc.URL).not.toMatch(/tiktok/);
    const reading = read('zh-tw-post.html');
    expect(findReplyBox(doc, commentOf(reading, BAKERY.name).commentId)).not.toBeNull();
  });

  it('returns null for unknown ids, and never clicks when logged out', () => {
    const doc = load('reply-box.html');
    expect(findReplyBox(doc, 'hash:doesnotexist')).toBeNull();
    expect(findReplyBox(doc, '')).toBeNull();

    // Logged out: no composer, the nav links to a bare /@; Reply would open the login dialog.
    const loggedOut = load('reply-box.html');
    loggedOut.querySelector('[data-e2e="comment-input"]')!.closest('[class*="DivCommentFooter"]')!.remove();
    loggedOut.querySelector('a[data-e2e="nav-profile"]')!.setAttribute('href', '/@');
    loggedOut.querySelector('[data-e2e="profile-icon"]')!.remove();
    const reading = readPage(tiktokAdapter, loggedOut, { pageUrl: urlOf('reply-box.html'), now: FIXED });
    expect(reading.ownIdentity).toBeNull();
    expect(reading.health.replyBox).toBe('absent');
    const click = vi.fn();
    loggedOut.addEventListener('click', click, true);
    for (const c of reading.comments) expect(findReplyBox(loggedOut, c.commentId)).toBeNull();
    expect(click).not.toHaveBeenCalled();
  });
});
