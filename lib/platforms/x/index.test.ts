// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { readPage } from '../read';
import type { PageReading } from '../types';
import { X_ADAPTER_VERSION, xAdapter } from './index';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/x');
/** 2026-11-20T12:00Z, after every fixture's tweets. */
const FIXED = Date.UTC(2026, 10, 20, 12);
const HOUR = 3_600_000;

interface Fixture {
  doc: Document;
  url: URL;
}

/** Loads a fixture and the address it is served at (its `<!-- url: … -->` comment). */
function load(name: string): Fixture {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  const url = /<!-- url: (\S+) -->/.exec(html);
  if (url === null || url[1] === undefined) throw new Error(`${name}: no url comment`);
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(url[1]) };
}

function read({ doc, url }: Fixture, now = FIXED): PageReading {
  return readPage(xAdapter, doc, { pageUrl: url, now });
}

const at = (iso: string) => ({ at: Date.parse(iso), precision: 'exact' as const });

const ME = { name: "Lin's Bakery 林記烘焙🥐", profileUrl: 'https://x.com/linsbakery_tpe' };

describe('xAdapter', () => {
  it('identifies itself', () => {
    expect(xAdapter.platform).toBe('x');
    expect(xAdapter.version).toBe(X_ADAPTER_VERSION);
    expect(X_ADAPTER_VERSION).toBe('2026.11.1');
    expect(xAdapter.containerSelector).toBe('article[data-testid="tweet"]');
  });

  it.each([
    ['https://x.com/home', true],
    ['https://x.com/skiinfomation', true],
    ['https://twitter.com/jack/status/20', true],
    ['https://mobile.twitter.com/jack', true],
    ['http://x.com/home', false],
    ['https://x.com.evil.example/home', false],
    ['https://www.threads.com/@zuck', false],
  ])('matches(%s) is %s', (url, expected) => {
    expect(xAdapter.matches(new URL(url))).toBe(expected);
  });

  it.each([
    ['https://x.com/arscontexta/status/2013045749580259680', true],
    ['https://x.com/jack/status/20/photo/1', true],
    ['https://x.com/i/web/status/20', true],
    ['https://x.com/skiinfomation', false],
    ['https://x.com/home', false],
    ['https://x.com/jack/status/20/quotes', false],
    ['https://x.com/arscontexta/article/2013045749580259680', false],
  ])('expectsPost(%s) is %s', (url, expected) => {
    expect(xAdapter.expectsPost(new URL(url))).toBe(expected);
  });

  it('reads an empty page as absent, and a status page without tweets as broken', () => {
    const empty = new DOMParser().parseFromString('<!DOCTYPE html><html><body></body></html>', 'text/html');
    expect(readPage(xAdapter, empty, { pageUrl: new URL('https://x.com/home'), now: FIXED }).health).toEqual({
      post: 'absent',
      counts: 'absent',
      comments: 'absent',
      replyBox: 'absent',
      notes: [],
    });
    expect(readPage(xAdapter, empty, { pageUrl: new URL('https://x.com/jack/status/20'), now: FIXED }).health.post).toBe('broken');
  });
});

describe('home-timeline.html (home timeline, en)', () => {
  const fixture = load('home-timeline.html');
  const reading = read(fixture);
  const ids = reading.posts.map((p) => p.postId);

  it('reads every tweet with an id and skips the promoted one', () => {
    expect(ids).toEqual(['2123706664350646283', '2123718492287926284', '2123272553886646285', '2122857317790646287', '2123743154795446288']);
    expect(reading.comments).toEqual([]);
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'absent', replyBox: 'absent', notes: [] });
  });

  it('reads the signed-in user, and own tweets by author url', () => {
    expect(reading.ownIdentity).toEqual(ME);
    const own = reading.posts.filter((p) => p.author.profileUrl === reading.ownIdentity!.profileUrl).map((p) => p.postId);
    expect(own).toEqual(['2123706664350646283', '2122857317790646287']);
  });

  it('reads the own photo tweet with exact counts from the aria-labels', () => {
    expect(reading.posts[0]).toEqual({
      platform: 'x',
      postId: '2123706664350646283',
      url: 'https://x.com/linsbakery_tpe/status/2123706664350646283',
      author: ME,
      text: 'Fresh out of the oven 🥐 今日限定：抹茶菠蘿包\nMatcha pineapple buns, only 60 today!\n\n#台北美食 #bakery',
      mediaKind: 'image',
      publishedAt: at('2026-11-20T09:15:00.000Z'),
      // Printed "1.2K" and "15K"; the labels say 1234 and 15234.
      counts: { reactions: 1234, comments: 12, shares: 5, views: 15234 },
    });
  });

  it('keeps a quoted tweet out of the tweet that quotes it', () => {
    const quote = reading.posts[1]!;
    expect(quote).toMatchObject({
      author: { name: 'Taipei Eats 台北吃什麼', profileUrl: 'https://x.com/taipei_eats' },
      text: 'This is the one! 排隊也值得 🙌',
      mediaKind: 'text',
      publishedAt: at('2026-11-20T10:02:00.000Z'),
      counts: { reactions: 210, comments: 3, shares: 8, views: 4821 },
    });
  });

  it('reads a repost as the original tweet, with the signed-in user’s repost and like controls', () => {
    expect(reading.posts[2]).toMatchObject({
      author: { name: 'HK Dim Sum Club 點心會', profileUrl: 'https://x.com/hk_dimsum_club' },
      mediaKind: 'video',
      text: 'How we fold 18 pleats on a xiaolongbao — full video 🥟\n小籠包十八摺，一次學會',
      counts: { reactions: 2004, comments: 21, shares: 57, views: 88012 },
    });
    expect(reading.posts[4]).toMatchObject({
      text: 'Best egg tarts in town, thanks @linsbakery_tpe 🥰',
      counts: { reactions: 88, comments: 1, shares: 0, views: 640 },
    });
  });

  it('reads zeros X does not print as 0 (the controls are there)', () => {
    expect(reading.posts[3]!.counts).toEqual({ reactions: 0, comments: 0, shares: 0, views: 27 });
  });
});

describe('own-post.html (status page of the signed-in user’s tweet, en)', () => {
  const fixture = load('own-post.html');
  const reading = read(fixture);
  const POST = '2123585868395446293';

  it('reads the focal tweet as the post', () => {
    expect(reading.posts[0]).toEqual({
      platform: 'x',
      postId: POST,
      url: `https://x.com/linsbakery_tpe/status/${POST}`,
      author: ME,
      text:
        '🎄 聖誕蛋糕預購開始！Christmas cake pre-orders are open!\n\n' +
        '🍓 草莓鮮奶油 8吋 NT$1,280\n' +
        '🍫 Chocolate yule log 巧克力樹幹 NT$980\n\n' +
        '12/20 前預訂享 9 折 ✨\n' +
        'DM us or call 02-2555-1234\n' +
        '#林記烘焙 #聖誕蛋糕',
      mediaKind: 'image',
      publishedAt: at('2026-11-20T01:15:00.000Z'),
      // Views are printed once, rounded, beside the time ("3,456 Views").
      counts: { reactions: 128, comments: 4, shares: 9, views: 3456 },
    });
  });

  it('recognises the post as the signed-in user’s own', () => {
    expect(reading.ownIdentity).toEqual(ME);
    expect(reading.posts[0]!.author.profileUrl).toBe(reading.ownIdentity!.profileUrl);
  });

  it('reads the replies as comments of the focal tweet, with the thread parent', () => {
    expect(reading.comments).toEqual([
      {
        platform: 'x',
        commentId: '2123717988971446294',
        postId: POST,
        parentId: null,
        author: { name: 'Mei 美食日記', profileUrl: 'https://x.com/mei_eats_tpe' },
        text: '請問可以外送到信義區嗎？ 🙏',
        time: at('2026-11-20T10:00:00.000Z'),
      },
      {
        platform: 'x',
        commentId: '2123725538718646295',
        postId: POST,
        parentId: '2123717988971446294',
        author: ME,
        text: '可以的！信義區滿 NT$1,500 免運 🚚\nYes — free delivery to Xinyi over NT$1,500.',
        time: at('2026-11-20T10:30:00.000Z'),
      },
      {
        platform: 'x',
        commentId: '2123736863339446296',
        postId: POST,
        parentId: null,
        author: { name: 'HK Café Guide 香港咖啡地圖', profileUrl: 'https://x.com/hk_cafe_guide' },
        text: 'Do you ship to Hong Kong? 想買一個寄去香港 🇭🇰',
        time: at('2026-11-20T11:15:00.000Z'),
      },
      {
        platform: 'x',
        commentId: '2123745671377846297',
        postId: POST,
        parentId: null,
        author: { name: 'Sarah in Taipei', profileUrl: 'https://x.com/sarah_in_taipei' },
        text: "Pre-ordered the yule log, can't wait! 🎅",
        time: at('2026-11-20T11:50:00.000Z'),
      },
    ]);
  });

  it('reads a tweet after the "Discover more" heading as a post of its own, never as a comment', () => {
    expect(reading.posts.map((p) => p.postId)).toEqual([POST, '2123023412229046298']);
    expect(reading.comments.map((c) => c.commentId)).not.toContain('2123023412229046298');
    expect(reading.comments.every((c) => c.postId === POST)).toBe(true);
  });

  it('is healthy', () => {
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
  });

  it('reads the same page under a twitter.com address', () => {
    const viaTwitter = readPage(xAdapter, fixture.doc, { pageUrl: new URL(fixture.url.pathname, 'https://twitter.com'), now: FIXED });
    expect(viaTwitter.posts[0]!.url).toBe(reading.posts[0]!.url);
    expect(viaTwitter.comments).toEqual(reading.comments);
  });

  it('without thread lines, a reply’s parent is unknown (null), not guessed', () => {
    const f = load('own-post.html');
    for (const line of Array.from(f.doc.querySelectorAll('.r-m5arl1'))) line.remove();
    expect(read(f).comments.map((c) => c.parentId)).toEqual([null, null, null, null]);
  });

  it('attaches nothing when the focal tweet cannot be found', () => {
    const f = load('own-post.html');
    const focal = Array.from(f.doc.querySelectorAll('article[data-testid="tweet"]')).find((a) => a.querySelector(`a[href$="/status/${POST}"]`) !== null)!;
    focal.setAttribute('data-testid', 'tweet-v3');
    const broken = read(f);
    expect(broken.comments).toEqual([]);
    expect(broken.posts.map((p) => p.postId)).not.toContain(POST);
    expect(broken.health.post).toBe('broken');
    expect(broken.health.comments).toBe('broken');
    expect(broken.health.notes.some((n) => n.includes('focal tweet not found'))).toBe(true);
  });

  it('logged out: no identity, and no reply box', () => {
    const f = load('own-post.html');
    f.doc.querySelector('header[role="banner"]')!.remove();
    f.doc.querySelector('[data-testid="inline_reply_offscreen"]')!.remove();
    const guest = read(f);
    expect(guest.ownIdentity).toBeNull();
    expect(guest.comments).toHaveLength(4);
    expect(guest.health).toMatchObject({ post: 'ok', comments: 'ok', replyBox: 'absent' });
  });
});

describe('zh-tw-post.html (Traditional Chinese UI)', () => {
  const fixture = load('zh-tw-post.html');
  const reading = read(fixture);
  const POST = '2123242354897846303';

  it('reads counts from zh-TW labels and printed forms (1.2萬, 12.3萬)', () => {
    expect(reading.posts).toHaveLength(1);
    expect(reading.posts[0]).toMatchObject({
      postId: POST,
      url: `https://x.com/dadaocheng_tea/status/${POST}`,
      author: { name: '大稻埕茶行 Dadaocheng Tea', profileUrl: 'https://x.com/dadaocheng_tea' },
      text: '冬季限定「蜜香紅茶」上架 🍵\n\n搭配@linsbakery_tpe的蛋塔超對味 ❤️\n門市：迪化街一段 123 號',
      mediaKind: 'image',
      publishedAt: at('2026-11-19T02:30:00.000Z'),
      // "12345 個喜歡。喜歡" (printed 1.2萬); views printed "12.3萬 次查看" only.
      counts: { reactions: 12345, comments: 5, shares: 23, views: 123000 },
    });
  });

  it('reads a three-tweet thread as replies to replies, and the signed-in user’s reply in it', () => {
    expect(reading.comments.map((c) => [c.commentId, c.parentId, c.author.profileUrl])).toEqual([
      ['2123672690488246304', null, 'https://x.com/tea_lover_tw'],
      ['2123687789982646305', '2123672690488246304', 'https://x.com/dadaocheng_tea'],
      ['2123717988971446306', '2123687789982646305', 'https://x.com/linsbakery_tpe'],
      ['2123370700600246307', null, 'https://x.com/hk_foodie'],
    ]);
    expect(reading.comments.every((c) => c.postId === POST)).toBe(true);
    const own = reading.comments.filter((c) => c.author.profileUrl === reading.ownIdentity!.profileUrl);
    expect(own.map((c) => c.text)).toEqual(['我們門市也有蛋塔＋紅茶組合喔 🥚🍵\n歡迎一起來迪化街走走']);
    expect(reading.posts[0]!.author.profileUrl).not.toBe(reading.ownIdentity!.profileUrl);
  });

  it('reads times from <time datetime>, and from the zh-TW label when the attribute is missing', () => {
    expect(reading.comments[0]!.time).toEqual(at('2026-11-20T07:00:00.000Z'));
    const f = load('zh-tw-post.html');
    for (const time of Array.from(f.doc.querySelectorAll('time'))) time.removeAttribute('datetime');
    const relative = read(f);
    expect(relative.comments.map((c) => [c.time, c.text.slice(0, 4)])).toEqual([
      [{ at: FIXED - 5 * HOUR, precision: 'hour' }, '請問有小'],
      [{ at: FIXED - 4 * HOUR, precision: 'hour' }, '有的！7'],
      [{ at: FIXED - 2 * HOUR, precision: 'hour' }, '我們門市'],
      [{ at: FIXED - 24 * HOUR, precision: 'day' }, '香港有代'],
    ]);
    // "上午10:30 · 2026年11月19日" is no relative label: unknown, not guessed.
    expect(relative.posts[0]!.publishedAt).toBeNull();
  });

  it('reads the signed-in user from zh-TW chrome and is healthy', () => {
    expect(reading.ownIdentity).toEqual(ME);
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
  });
});

describe('reply-box.html (a reply’s reply dialog is open)', () => {
  const POST = '2123597193016246314';
  const ANCESTOR = '2123551894533046313';
  const OWN_REPLY = '2123627392005046315';
  const MEI = '2123650041246646316';

  it('reads the tweet the focal one answers as a post, not as a comment', () => {
    const reading = read(load('reply-box.html'));
    expect(reading.posts.map((p) => p.postId)).toEqual([ANCESTOR, POST]);
    expect(reading.comments.map((c) => [c.commentId, c.postId, c.parentId])).toEqual([
      [OWN_REPLY, POST, null],
      [MEI, POST, null],
    ]);
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
  });

  it('returns the open dialog’s editor for the reply it answers, without clicking', () => {
    const { doc } = load('reply-box.html');
    const click = vi.fn();
    doc.addEventListener('click', click, true);
    const editor = xAdapter.findReplyBox!(doc, MEI)!;
    expect(editor).not.toBeNull();
    expect(editor.matches('.public-DraftEditor-content[contenteditable="true"][role="textbox"]')).toBe(true);
    expect(editor.closest('[data-testid="tweetTextarea_0"]')).not.toBeNull();
    expect(editor.closest('[role="dialog"]')).not.toBeNull();
    expect(click).not.toHaveBeenCalled();
  });

  it('returns the focal tweet’s inline editor for the post itself', () => {
    const { doc } = load('reply-box.html');
    const editor = xAdapter.findReplyBox!(doc, POST)!;
    expect(editor.closest('[data-testid="inline_reply_offscreen"]')).not.toBeNull();
  });

  it('clicks the reply’s own reply control and returns the editor it opens', () => {
    const { doc } = load('reply-box.html');
    const tweet = Array.from(doc.querySelectorAll('article[data-testid="tweet"]')).find((a) => a.querySelector(`a[href$="/status/${OWN_REPLY}"]`) !== null)!;
    const button = tweet.querySelector('button[data-testid="reply"]')!;
    let clicks = 0;
    button.addEventListener('click', () => {
      clicks++;
      // What X does: a dialog in #layers with a composer.
      const dialog = doc.createElement('div');
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('aria-modal', 'true');
      const wrapper = doc.createElement('div');
      wrapper.setAttribute('data-testid', 'tweetTextarea_0');
      const editor = doc.createElement('div');
      editor.className = 'notranslate public-DraftEditor-content';
      editor.setAttribute('contenteditable', 'true');
      editor.setAttribute('role', 'textbox');
      wrapper.append(editor);
      dialog.append(wrapper);
      doc.getElementById('layers')!.append(dialog);
    });
    const editor = xAdapter.findReplyBox!(doc, OWN_REPLY)!;
    expect(clicks).toBe(1);
    expect(editor).not.toBeNull();
    expect(editor.closest('[role="dialog"]')).not.toBe(doc.querySelector('[role="dialog"]'));
    expect(editor.closest('[role="dialog"]')!.parentElement).toBe(doc.getElementById('layers'));
  });

  it('returns null when the click opens nothing, and for unknown ids', () => {
    const { doc } = load('reply-box.html');
    const click = vi.fn();
    doc.addEventListener('click', click, true);
    expect(xAdapter.findReplyBox!(doc, ANCESTOR)).toBeNull();
    expect(click).toHaveBeenCalledTimes(1);
    expect(xAdapter.findReplyBox!(doc, '999')).toBeNull();
    expect(xAdapter.findReplyBox!(doc, 'not an id')).toBeNull();
  });

  it('a composer whose editor markup changed makes the reply box broken', () => {
    const f = load('reply-box.html');
    const inline = f.doc.querySelector('[data-testid="inline_reply_offscreen"] [contenteditable="true"]')!;
    inline.setAttribute('contenteditable', 'plaintext-only');
    const reading = read(f);
    expect(reading.health.replyBox).toBe('broken');
    expect(reading.health.notes).toContain(`post ${POST}: inline reply composer present but no COMPOSER_EDITOR variant matched`);
  });
});

describe('broken.html (markup changed)', () => {
  const reading = read(load('broken.html'));
  const POST = '2123295203128246323';

  it('reports unreadable counts and unmatched replies as broken, with notes', () => {
    expect(reading.health.post).toBe('ok');
    expect(reading.health.counts).toBe('broken');
    expect(reading.health.comments).toBe('broken');
    expect(reading.health.notes).toEqual([
      `tweet ${POST}: like count unreadable`,
      `post ${POST}: 3 conversation row(s) look like replies but none matched TWEET (reply count 12)`,
    ]);
  });

  it('keeps an unreadable count unknown, never 0', () => {
    expect(reading.posts[0]!.counts).toEqual({ reactions: null, comments: 12, shares: 4, views: 2100 });
  });

  it('attaches nothing to the wrong post', () => {
    expect(reading.comments).toEqual([]);
    expect(reading.posts.map((p) => [p.postId, p.author.profileUrl])).toEqual([
      [POST, 'https://x.com/linsbakery_tpe'],
      ['2122630825374646327', 'https://x.com/taipei_eats'],
    ]);
  });
});
