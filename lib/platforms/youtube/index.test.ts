// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { readPage } from '../read';
import type { ExtractedComment, PageReading } from '../types';
import { YOUTUBE_ADAPTER_VERSION, youtubeAdapter } from './index';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/youtube');

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** 2026-02-28T12:00Z: a whole hour, so relative labels give round numbers. */
const FIXED = Date.UTC(2026, 1, 28, 12);

function load(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html');
}

function html(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}

/** The address written at the top of a fixture (`<!-- url: … -->`). */
function fixtureUrl(name: string): URL {
  const match = /^<!-- url: (\S+) -->/.exec(readFileSync(join(FIXTURES, name), 'utf8'));
  if (match === null || match[1] === undefined) throw new Error(`${name}: no url comment on the first line`);
  return new URL(match[1]);
}

function read(name: string, doc: Document = load(name)): PageReading {
  return readPage(youtubeAdapter, doc, { pageUrl: fixtureUrl(name), now: FIXED });
}

function byId(reading: PageReading, id: string): ExtractedComment {
  const found = reading.comments.find((c) => c.commentId === id);
  if (found === undefined) throw new Error(`no comment ${id}`);
  return found;
}

const LINS_BAKERY = 'https://www.youtube.com/@linsbakerytpe';

describe('youtubeAdapter', () => {
  it('identifies itself', () => {
    expect(youtubeAdapter.platform).toBe('youtube');
    expect(youtubeAdapter.version).toBe(YOUTUBE_ADAPTER_VERSION);
    expect(YOUTUBE_ADAPTER_VERSION).toBe('2026.11.1');
  });

  it.each([
    ['https://www.youtube.com/', true],
    ['https://www.youtube.com/watch?v=Lb7TpE2bake', true],
    ['https://www.youtube.com/shorts/Sh0rtCake01', true],
    ['http://www.youtube.com/', false],
    ['https://m.youtube.com/watch?v=Lb7TpE2bake', false],
    ['https://studio.youtube.com/', false],
    ['https://www.youtube.com.evil.example/', false],
  ])('matches(%s) is %s', (url, expected) => {
    expect(youtubeAdapter.matches(new URL(url))).toBe(expected);
  });

  it.each([
    ['https://www.youtube.com/watch?v=Lb7TpE2bake', true],
    ['https://www.youtube.com/watch?v=Lb7TpE2bake&t=42s', true],
    ['https://www.youtube.com/shorts/Sh0rtCake01', true],
    ['https://www.youtube.com/live/Lb7TpE2bake', true],
    ['https://www.youtube.com/', false],
    ['https://www.youtube.com/watch', false],
    ['https://www.youtube.com/@TakKeeTea/videos', false],
    ['https://www.youtube.com/results?search_query=bolo+bao', false],
  ])('expectsPost(%s) is %s', (url, expected) => {
    expect(youtubeAdapter.expectsPost(new URL(url))).toBe(expected);
  });

  it('ignores the players', () => {
    const doc = load('own-post.html');
    expect(doc.querySelector('#movie_player video')!.matches(`${youtubeAdapter.ignoreSelector} *, ${youtubeAdapter.ignoreSelector}`)).toBe(true);
  });

  it('reads an empty page as absent, not broken', () => {
    const reading = readPage(youtubeAdapter, html(''), { pageUrl: new URL('https://www.youtube.com/feed/subscriptions'), now: FIXED });
    expect(reading.health).toEqual({ post: 'absent', counts: 'absent', comments: 'absent', replyBox: 'absent', notes: [] });
    expect(reading.ownIdentity).toBeNull();
  });

  it('reports a video page without a watch page as broken', () => {
    const reading = readPage(youtubeAdapter, html(''), { pageUrl: new URL('https://www.youtube.com/watch?v=Lb7TpE2bake'), now: FIXED });
    expect(reading.health.post).toBe('broken');
  });
});

describe('own-post.html: the signed-in bakery’s own video, comments open', () => {
  const reading = read('own-post.html');

  it('reads the one video, not the hidden home feed or the related sidebar', () => {
    expect(reading.posts).toHaveLength(1);
    const [post] = reading.posts;
    expect(post).toMatchObject({
      platform: 'youtube',
      postId: 'Lb7TpE2bake',
      url: 'https://www.youtube.com/watch?v=Lb7TpE2bake',
      author: { name: 'Lin’s Bakery 林記烘焙'.replace('’', "'"), profileUrl: LINS_BAKERY },
      mediaKind: 'video',
      // Exact like count from the aria-label, exact views from the tooltip, comments from the header.
      counts: { reactions: 1284, comments: 7, shares: null, views: 8437 },
      publishedAt: { at: FIXED - 3 * DAY, precision: 'day' },
    });
  });

  it('keeps the title, then the description with its emoji and line breaks', () => {
    expect(reading.posts[0]!.text).toBe(
      "Pineapple Buns 菠蘿麵包 from Scratch 🍍 | Lin's Bakery\n\n" +
        '今天教大家做港式菠蘿麵包 🍍🥐\nCrispy sugar crust, soft milk bread inside.\n\n' +
        "📍 林記烘焙 Lin's Bakery — 台北市大安區 (Da'an, Taipei)\n⏰ 週二至週日 Tue–Sun 8:00–19:00\n\n" +
        '#pineapplebun #菠蘿麵包',
    );
  });

  it('reads the signed-in channel from the account menu, in the same url form as authors', () => {
    expect(reading.ownIdentity).toEqual({ name: "Lin's Bakery 林記烘焙", profileUrl: LINS_BAKERY });
    // Own post: the author url equals the identity url.
    expect(reading.posts[0]!.author.profileUrl).toBe(reading.ownIdentity!.profileUrl);
  });

  it('recognises the owner from the Studio links alone when the account menu was never opened', () => {
    const doc = load('own-post.html');
    doc.querySelector('ytd-active-account-header-renderer')!.remove();
    expect(read('own-post.html', doc).ownIdentity).toEqual({ name: "Lin's Bakery 林記烘焙", profileUrl: LINS_BAKERY });
  });

  it('reads every loaded comment with YouTube’s ids, parents before replies', () => {
    expect(reading.comments.map((c) => [c.commentId, c.parentId])).toEqual([
      ['UgwMeiEats7TpeQ2kRd4AaABAg', null],
      ['UgwMeiEats7TpeQ2kRd4AaABAg.AQ4x7KpLinsReply01Zz9m', 'UgwMeiEats7TpeQ2kRd4AaABAg'],
      ['UgwMeiEats7TpeQ2kRd4AaABAg.AQ4y0PmKevinHK852xQ3rT', 'UgwMeiEats7TpeQ2kRd4AaABAg'],
      ['UgxChenFamKitchnT7w4AaABAg', null],
      ['UgySarahTpeBoloBao14AaABAg', null],
    ]);
    for (const c of reading.comments) expect(c.postId).toBe('Lb7TpE2bake');
  });

  it.each([
    ['UgwMeiEats7TpeQ2kRd4AaABAg', '@mei.eats.taipei', "好想吃！Saturday morning I'll come by 🥹\nDo you still have the milk tea version?", FIXED - 2 * HOUR, 'hour'],
    ['UgwMeiEats7TpeQ2kRd4AaABAg.AQ4x7KpLinsReply01Zz9m', '@LinsBakeryTPE', '@mei.eats.taipei Yes! 奶茶菠蘿 every weekend 🧋\nSee you Saturday!', FIXED - HOUR, 'hour'],
    ['UgwMeiEats7TpeQ2kRd4AaABAg.AQ4y0PmKevinHK852xQ3rT', '@kevin_hk852', 'Made these following your recipe, the crust cracked perfectly 👌', FIXED - 35 * MIN, 'minute'],
    ['UgxChenFamKitchnT7w4AaABAg', '@ChenFamilyKitchen', 'Could you share the oven temperature for a home oven? 謝謝！', FIXED - DAY, 'day'],
    ['UgySarahTpeBoloBao14AaABAg', '@sarah.in.taipei', 'Best bolo bao in Taipei, hands down.\nThe butter slice version is dangerous 😂', FIXED - 3 * DAY, 'day'],
  ])('comment %s', (id, name, text, at, precision) => {
    expect(byId(reading, id)).toMatchObject({ author: { name }, text, time: { at, precision } });
  });

  it('recognises the bakery’s own reply (hidden #author-text behind the creator badge)', () => {
    const own = reading.comments.filter((c) => c.author.profileUrl === reading.ownIdentity!.profileUrl);
    expect(own.map((c) => c.commentId)).toEqual(['UgwMeiEats7TpeQ2kRd4AaABAg.AQ4x7KpLinsReply01Zz9m']);
  });

  it('is healthy', () => {
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
  });

  it('reads the same through readContainer on the watch page element', () => {
    const doc = load('own-post.html');
    const flexy = doc.querySelector('ytd-watch-flexy')!;
    const container = youtubeAdapter.readContainer(flexy, { pageUrl: fixtureUrl('own-post.html'), now: FIXED });
    expect(container.posts.map((p) => p.postId)).toEqual(['Lb7TpE2bake']);
    expect(container.comments).toHaveLength(5);
  });
});

describe('zh-tw-watch.html: Traditional Chinese UI', () => {
  const reading = read('zh-tw-watch.html');

  it('reads counts printed the zh-TW way', () => {
    expect(reading.posts).toHaveLength(1);
    expect(reading.posts[0]).toMatchObject({
      postId: 'HkTea88Milk',
      author: { name: '德記茶行 Tak Kee Tea', profileUrl: 'https://www.youtube.com/@takkeetea' },
      // "與另外 12,003 人一起喜歡這部影片"; "觀看次數：1.2萬次" (no exact tooltip); "356 則留言".
      counts: { reactions: 12_003, comments: 356, shares: null, views: 12_000 },
      publishedAt: { at: FIXED - 2 * DAY, precision: 'day' },
    });
    expect(reading.posts[0]!.text).toBe('港式奶茶 Hong Kong milk tea, the silk-stocking way｜德記茶行\n\n六十年老字號的絲襪奶茶 🫖\n錫蘭紅茶 × 淡奶，每天手沖\n\n📍 香港中環 · Central, Hong Kong');
  });

  it('reads the older ytd-comment-renderer markup with zh-TW times', () => {
    expect(reading.comments.map((c) => [c.commentId, c.parentId, c.author.name, c.time])).toEqual([
      ['UgxFoodieHKMilkTea14AaABAg', null, '@foodie.hk', { at: FIXED - 5 * HOUR, precision: 'hour' }],
      ['UgxFoodieHKMilkTea14AaABAg.AQ6bTakKeeThanksReply1', 'UgxFoodieHKMilkTea14AaABAg', '@TakKeeTea', { at: FIXED - 3 * HOUR, precision: 'hour' }],
      ['UgyTaipeiTeaLover2x4AaABAg', null, '@taipei_tea_lover', { at: FIXED - DAY, precision: 'day' }],
      ['UgzMeiChenTwCentral4AaABAg', null, '@meichen.tw', { at: FIXED - 2 * DAY, precision: 'day' }],
    ]);
    expect(byId(reading, 'UgyTaipeiTeaLover2x4AaABAg').text).toBe('請問茶葉有在台灣賣嗎？\n想買來送爸媽 🙏');
    expect(byId(reading, 'UgxFoodieHKMilkTea14AaABAg.AQ6bTakKeeThanksReply1').text).toBe('@foodie.hk 多謝支持！記得試埋鴛鴦 ☕️');
  });

  it('reads the viewer and finds their comment, not the video, as their own', () => {
    expect(reading.ownIdentity).toEqual({ name: '陳小美', profileUrl: 'https://www.youtube.com/@meichen.tw' });
    expect(reading.posts[0]!.author.profileUrl).not.toBe(reading.ownIdentity!.profileUrl);
    expect(reading.comments.filter((c) => c.author.profileUrl === reading.ownIdentity!.profileUrl).map((c) => c.commentId)).toEqual(['UgzMeiChenTwCentral4AaABAg']);
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
  });
});

describe('broken.html: changed markup', () => {
  const reading = read('broken.html');

  it('still reads the video', () => {
    expect(reading.posts).toHaveLength(1);
    expect(reading.posts[0]).toMatchObject({ postId: 'Br0kenPage1', text: 'Sourdough starter, day 1 to day 7', author: { profileUrl: LINS_BAKERY } });
  });

  it('reports the unreadable view count as null and counts as broken', () => {
    expect(reading.posts[0]!.counts).toEqual({ reactions: 96, comments: 12, shares: null, views: null });
    expect(reading.health.counts).toBe('broken');
    expect(reading.health.notes).toContain('video Br0kenPage1: view count present but unreadable');
  });

  it('reports comments as broken when the list is there but no comment matched', () => {
    expect(reading.health.comments).toBe('broken');
    expect(reading.health.notes.some((n) => /count is 12, but no COMMENT/.test(n))).toBe(true);
  });

  it('attaches nothing to the wrong video: the leftover comment of another video is dropped', () => {
    expect(reading.comments).toEqual([]);
    expect(reading.health.notes).toContain('comment UgwPrevVideoStale014AaABAg names video PrevVideo01, not Br0kenPage1; dropped');
  });

  it('is logged out: no identity, no reply box', () => {
    expect(reading.ownIdentity).toBeNull();
    expect(reading.health.replyBox).toBe('absent');
    expect(reading.health.post).toBe('ok');
  });
});

describe('no comment is attached to the wrong video', () => {
  it('reads nothing while the url already names the next video (mid-navigation)', () => {
    const reading = readPage(youtubeAdapter, load('own-post.html'), { pageUrl: new URL('https://www.youtube.com/watch?v=Rp1yB0xDemo'), now: FIXED });
    expect(reading.posts).toEqual([]);
    expect(reading.comments).toEqual([]);
    expect(reading.health.post).toBe('broken');
  });

  it('drops comments whose link names another video, keeps the rest', () => {
    const doc = load('own-post.html');
    const link = doc.querySelector('a[href*="lc=UgxChenFamKitchnT7w4AaABAg"]')!;
    link.setAttribute('href', '/watch?v=Rp1yB0xDemo&lc=UgxChenFamKitchnT7w4AaABAg');
    const reading = read('own-post.html', doc);
    expect(reading.comments.map((c) => c.commentId)).not.toContain('UgxChenFamKitchnT7w4AaABAg');
    expect(reading.comments).toHaveLength(4);
    expect(reading.comments.every((c) => c.postId === 'Lb7TpE2bake')).toBe(true);
  });

  it('reads no comment when the video itself could not be read', () => {
    const watch = load('own-post.html');
    watch.querySelector('ytd-watch-metadata')!.remove();
    const reading = read('own-post.html', watch);
    expect(reading.posts).toEqual([]);
    expect(reading.comments).toEqual([]);
    expect(reading.health).toMatchObject({ post: 'broken', comments: 'broken' });

    const shorts = load('shorts.html');
    shorts.querySelector('ytd-reel-video-renderer[is-active]')!.removeAttribute('is-active');
    const shortsReading = read('shorts.html', shorts);
    expect(shortsReading.posts).toEqual([]);
    expect(shortsReading.comments).toEqual([]);
    expect(shortsReading.health.post).toBe('broken');
  });

  it('does not read a hidden watch page on another page', () => {
    const reading = read('home-feed.html');
    expect(reading.posts.map((p) => p.postId)).not.toContain('Br0kenPage1');
  });
});

describe('home-feed.html: the signed-in home feed', () => {
  const reading = read('home-feed.html');

  it('reads video cards of both card families and the Shorts shelf, skipping the ad', () => {
    expect(reading.posts.map((p) => [p.postId, p.url])).toEqual([
      ['Lb7TpE2bake', 'https://www.youtube.com/watch?v=Lb7TpE2bake'],
      ['Rp1yB0xDemo', 'https://www.youtube.com/watch?v=Rp1yB0xDemo'],
      ['HkTea88Milk', 'https://www.youtube.com/watch?v=HkTea88Milk'],
      ['LbTaroMochi', 'https://www.youtube.com/watch?v=LbTaroMochi'],
      ['Sh0rtCake01', 'https://www.youtube.com/shorts/Sh0rtCake01'],
      ['ShT3aPour02', 'https://www.youtube.com/shorts/ShT3aPour02'],
    ]);
  });

  it.each([
    ['Lb7TpE2bake', "Lin's Bakery 林記烘焙", LINS_BAKERY, 8_400, FIXED - 3 * DAY, 'day'],
    ['Rp1yB0xDemo', '山嵐咖啡 Shanlan Coffee', 'https://www.youtube.com/@shanlancoffee', 12_000, Date.UTC(2026, 1, 21), 'week'],
    ['HkTea88Milk', '德記茶行 Tak Kee Tea', 'https://www.youtube.com/@takkeetea', 45_000, FIXED - 2 * DAY, 'day'],
    ['LbTaroMochi', "Lin's Bakery 林記烘焙", LINS_BAKERY, 1_100, Date.UTC(2026, 1, 14), 'week'],
  ])('card %s', (id, name, profileUrl, views, at, precision) => {
    const post = reading.posts.find((p) => p.postId === id)!;
    expect(post).toMatchObject({ author: { name, profileUrl }, counts: { reactions: null, comments: null, shares: null, views }, publishedAt: { at, precision } });
  });

  it('reads Shorts cards without a channel (they print none)', () => {
    expect(reading.posts.find((p) => p.postId === 'Sh0rtCake01')).toMatchObject({
      author: { name: '', profileUrl: null },
      text: 'Strawberry shortcake in 30s 🍓',
      counts: { views: 1_200_000 },
      publishedAt: null,
    });
  });

  it('finds the signed-in bakery’s own videos among the posts', () => {
    expect(reading.ownIdentity).toEqual({ name: "Lin's Bakery 林記烘焙", profileUrl: LINS_BAKERY });
    expect(reading.posts.filter((p) => p.author.profileUrl === reading.ownIdentity!.profileUrl).map((p) => p.postId)).toEqual(['Lb7TpE2bake', 'LbTaroMochi']);
  });

  it('is healthy', () => {
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'absent', replyBox: 'absent', notes: [] });
  });

  it('skips cards of a hidden home feed while on a watch page', () => {
    expect(read('own-post.html').posts.map((p) => p.postId)).toEqual(['Lb7TpE2bake']);
  });
});

describe('channel-videos.html: a channel’s Videos tab, logged out', () => {
  const reading = read('channel-videos.html');

  it('attributes the cards (which print no channel) to the channel of the page', () => {
    expect(reading.posts.map((p) => [p.postId, p.author.name, p.author.profileUrl, p.counts.views, p.publishedAt])).toEqual([
      ['HkTea88Milk', '德記茶行 Tak Kee Tea', 'https://www.youtube.com/@takkeetea', 45_000, { at: FIXED - 2 * DAY, precision: 'day' }],
      ['TkYuanYang1', '德記茶行 Tak Kee Tea', 'https://www.youtube.com/@takkeetea', 120_000, { at: Date.UTC(2026, 0, 29), precision: 'month' }],
      ['TkPineBun99', '德記茶行 Tak Kee Tea', 'https://www.youtube.com/@takkeetea', 2_300_000, { at: Date.UTC(2025, 1, 28), precision: 'year' }],
    ]);
  });

  it('infers nothing on tabs that may show other channels’ videos', () => {
    const reading2 = readPage(youtubeAdapter, load('channel-videos.html'), { pageUrl: new URL('https://www.youtube.com/@TakKeeTea/featured'), now: FIXED });
    expect(reading2.posts.every((p) => p.author.profileUrl === null)).toBe(true);
    expect(reading2.health.post).toBe('broken');
  });

  it('recognises the channel’s owner by the Studio link only the owner is shown', () => {
    const doc = load('channel-videos.html');
    const studio = doc.createElement('a');
    studio.setAttribute('href', 'https://studio.youtube.com/channel/UCtakKeeTeaHongKong0000Q/editing/profile');
    doc.querySelector('yt-flexible-actions-view-model')!.append(studio);
    expect(read('channel-videos.html', doc).ownIdentity).toEqual({ name: '德記茶行 Tak Kee Tea', profileUrl: 'https://www.youtube.com/@takkeetea' });
  });

  it('has no identity when logged out', () => {
    expect(reading.ownIdentity).toBeNull();
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'absent', replyBox: 'absent', notes: [] });
  });
});

describe('shorts.html: a Shorts page, logged out', () => {
  const reading = read('shorts.html');

  it('reads the playing Short only', () => {
    expect(reading.posts).toHaveLength(1);
    expect(reading.posts[0]).toMatchObject({
      postId: 'Sh0rtCake01',
      url: 'https://www.youtube.com/shorts/Sh0rtCake01',
      author: { name: '@LinsBakeryTPE', profileUrl: LINS_BAKERY },
      text: 'Strawberry shortcake in 30s 🍓 #baking',
      counts: { reactions: 48_210, comments: 356, shares: null, views: null },
      publishedAt: null,
    });
  });

  it('reads the comments panel with its reply', () => {
    expect(reading.comments.map((c) => [c.commentId, c.parentId, c.postId, c.author.profileUrl])).toEqual([
      ['UgxCakeLoverTw00014AaABAg', null, 'Sh0rtCake01', 'https://www.youtube.com/@cake.lover.tw'],
      ['UgxCakeLoverTw00014AaABAg.AQ7cLinsRecipeReply001', 'UgxCakeLoverTw00014AaABAg', 'Sh0rtCake01', LINS_BAKERY],
      ['UgwHkLatteShortCake4AaABAg', null, 'Sh0rtCake01', 'https://www.youtube.com/@hk_latte_art'],
    ]);
    expect(reading.comments[0]!.text).toBe('看起來好好吃 😍\nRecipe please!');
  });

  it('is healthy and logged out', () => {
    expect(reading.ownIdentity).toBeNull();
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'absent', notes: [] });
  });
});

describe('reply-box.html and findReplyBox', () => {
  const findReplyBox = youtubeAdapter.findReplyBox!;
  const OPEN = 'UgyTeaToastFlatWh014AaABAg';
  const CLOSED = 'UgwHkLatteArtTips2x4AaABAg';
  const REPLY = 'UgyTeaToastFlatWh014AaABAg.AQ5aShanlanBlendReply7';

  /** Makes a comment's Reply button behave like YouTube's: clicking renders the reply box into its #reply-dialog. */
  function opensReplyBox(doc: Document, commentId: string): { clicks: () => number } {
    const comment = doc.querySelector(`a[href*="lc=${commentId}"]`)!.closest('ytd-comment-view-model')!;
    const button = Array.from(comment.querySelectorAll('#reply-button-end button')).find((b) => b.closest('ytd-comment-view-model') === comment)!;
    const dialog = Array.from(comment.querySelectorAll('#reply-dialog')).find((d) => d.closest('ytd-comment-view-model') === comment)!;
    let clicks = 0;
    button.addEventListener('click', () => {
      clicks++;
      const make = (tag: string, attrs: Record<string, string> = {}) => {
        const el = doc.createElement(tag);
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        return el;
      };
      const renderer = make('ytd-comment-reply-dialog-renderer');
      const box = make('ytd-commentbox', { id: 'commentbox', 'is-reply': '' });
      const textarea = make('yt-formatted-string', { id: 'contenteditable-textarea' });
      const root = make('div', { id: 'contenteditable-root', contenteditable: 'true' });
      textarea.append(root);
      box.append(textarea);
      renderer.append(box);
      dialog.append(renderer);
    });
    return { clicks: () => clicks };
  }

  it('reads the page: the café’s video, the signed-in bakery’s comment, reply box ok', () => {
    const reading = read('reply-box.html');
    expect(reading.posts[0]).toMatchObject({
      postId: 'Rp1yB0xDemo',
      author: { name: '山嵐咖啡 Shanlan Coffee', profileUrl: 'https://www.youtube.com/@shanlancoffee' },
      counts: { reactions: 402, comments: 4, shares: null, views: 12_406 },
      // Expanded description: the date is "Feb 19," (a month name): no time rather than a guess.
      publishedAt: null,
    });
    expect(reading.posts[0]!.text).toBe('Flat white at home ☕ 3 mistakes\n\nThree things that ruin a flat white at home:\n1. milk too hot\n2. too much foam\n3. pouring too high\n\n山嵐咖啡 · 台北市大安區');
    expect(reading.ownIdentity!.profileUrl).toBe(LINS_BAKERY);
    expect(reading.comments.filter((c) => c.author.profileUrl === LINS_BAKERY).map((c) => c.commentId)).toEqual(['UgzLinsBakeryHiNbr14AaABAg']);
    expect(byId(reading, REPLY).parentId).toBe(OPEN);
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
  });

  it('returns the open editor of the comment without clicking anything', () => {
    const doc = load('reply-box.html');
    const click = vi.fn();
    doc.addEventListener('click', click, true);
    const editor = findReplyBox(doc, OPEN)!;
    expect(editor).not.toBeNull();
    expect(editor.matches('div#contenteditable-root[contenteditable="true"]')).toBe(true);
    expect(editor.closest('yt-formatted-string#contenteditable-textarea')).not.toBeNull();
    expect(editor.closest('#reply-dialog')).not.toBeNull();
    expect(editor.closest('ytd-comment-view-model')!.querySelector('a[href*="lc="]')!.getAttribute('href')).toContain(`lc=${OPEN}`);
    expect(click).not.toHaveBeenCalled();
  });

  it('clicks the comment’s own #reply-button-end and returns the editor it opens', () => {
    const doc = load('reply-box.html');
    const opener = opensReplyBox(doc, CLOSED);
    const editor = findReplyBox(doc, CLOSED)!;
    expect(opener.clicks()).toBe(1);
    expect(editor).not.toBeNull();
    expect(editor.closest('ytd-comment-view-model')!.querySelector(`a[href*="lc=${CLOSED}"]`)).not.toBeNull();
    // Not the open box of the other comment.
    expect(editor).not.toBe(findReplyBox(doc, OPEN));
  });

  it('opens a reply’s own box, not its parent’s', () => {
    const doc = load('reply-box.html');
    const opener = opensReplyBox(doc, REPLY);
    const editor = findReplyBox(doc, REPLY)!;
    expect(opener.clicks()).toBe(1);
    expect(editor.closest('ytd-comment-view-model')!.hasAttribute('is-reply')).toBe(true);
  });

  it('returns null when clicking opens nothing, and for unknown comments', () => {
    const doc = load('reply-box.html');
    const click = vi.fn();
    doc.addEventListener('click', click, true);
    expect(findReplyBox(doc, 'UgzLinsBakeryHiNbr14AaABAg')).toBeNull();
    expect(click).toHaveBeenCalledTimes(1);
    expect(findReplyBox(doc, 'UgzNoSuchComment00004AaABAg')).toBeNull();
    expect(findReplyBox(doc, 'hash:abc')).toBeNull();
  });

  it('finds the reply control on the older ytd-comment-renderer markup too', () => {
    const doc = load('zh-tw-watch.html');
    const click = vi.fn();
    doc.addEventListener('click', click, true);
    expect(findReplyBox(doc, 'UgyTaipeiTeaLover2x4AaABAg')).toBeNull();
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.calls[0]![0] as Event).target).toBe(
      doc.querySelector('a[href*="lc=UgyTaipeiTeaLover2x4AaABAg"]')!.closest('ytd-comment-renderer')!.querySelector('#reply-button-end button'),
    );
  });

  it('reports a reply box without a known editor as broken', () => {
    const doc = load('reply-box.html');
    doc.querySelector('#contenteditable-root')!.remove();
    expect(read('reply-box.html', doc).health.replyBox).toBe('broken');
  });

  it('reports comments without any reply control, to a signed-in user, as broken', () => {
    const doc = load('reply-box.html');
    for (const el of Array.from(doc.querySelectorAll('#reply-button-end, ytd-commentbox'))) el.remove();
    const reading = read('reply-box.html', doc);
    expect(reading.health.replyBox).toBe('broken');
    expect(reading.health.notes.some((n) => /no Reply button/.test(n))).toBe(true);
  });
});
