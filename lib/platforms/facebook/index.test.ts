// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPage } from '../read';
import type { PageReading } from '../types';
import { FACEBOOK_ADAPTER_VERSION, facebookAdapter } from './index';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, '../../../test/fixtures/facebook');
/** The conformance suite's fixed "now" (test/conformance/now.ts): 2026-03-01T00:00:00Z. */
const NOW = Date.UTC(2026, 2, 1);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

const OWN = { name: "Lin's Bakery 林記烘焙", profileUrl: 'https://www.facebook.com/linsbakery.tw' };

function load(name: string): { doc: Document; url: URL } {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  // Each fixture starts with `<!-- url: … -->`, the address it is served at.
  const served = /^<!-- url: (\S+) -->/.exec(html);
  if (!served || served[1] === undefined) throw new Error(`${name}: no url comment at the top`);
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(served[1]) };
}

function read(name: string): PageReading & { doc: Document } {
  const { doc, url } = load(name);
  return { ...readPage(facebookAdapter, doc, { pageUrl: url, now: NOW }), doc };
}

describe('facebookAdapter', () => {
  it('identifies itself', () => {
    expect(facebookAdapter.platform).toBe('facebook');
    expect(facebookAdapter.version).toBe(FACEBOOK_ADAPTER_VERSION);
    expect(FACEBOOK_ADAPTER_VERSION).toBe('2026.11.1');
  });

  it.each([
    ['https://www.facebook.com/', true],
    ['https://web.facebook.com/linsbakery.tw/posts/122145678901234567', true],
    ['https://m.facebook.com/story.php?story_fbid=1&id=2', false],
    ['http://www.facebook.com/', false],
    ['https://facebook.com/', false],
    ['https://www.facebook.com.evil.example/', false],
    ['https://l.facebook.com/l.php?u=x', false],
    ['https://www.instagram.com/', false],
  ])('matches(%s) is %s', (url, expected) => {
    expect(facebookAdapter.matches(new URL(url))).toBe(expected);
  });

  it('every fixture names its address and has no scripts or external resources', () => {
    for (const name of ['own-post.html', 'reply-box.html', 'zh-tw-post.html', 'feed.html', 'broken.html']) {
      const html = readFileSync(join(FIXTURES, name), 'utf8');
      expect(html, name).toMatch(/^<!-- url: https:\/\/www\.facebook\.com\//);
      expect(html, name).not.toMatch(/<script/i);
      expect(html, name).not.toMatch(/<(?:img|link|source|video|iframe)\b[^>]*\b(?:src|href)="https?:/i);
      expect(html, name).not.toMatch(/url\(\s*["']?https?:/i);
    }
  });
});

describe('own-post.html: the signed-in Page’s own post, comments open', () => {
  const r = read('own-post.html');
  const post = r.posts[0]!;

  it('reads the signed-in Page and recognises the post as its own', () => {
    expect(r.ownIdentity).toEqual(OWN);
    expect(r.posts).toHaveLength(1);
    // "Own post" = the author url equals the identity url (same canonical form).
    expect(post.author).toEqual(OWN);
    expect(post.author.profileUrl).toBe(r.ownIdentity!.profileUrl);
  });

  it('reads the post: numeric id (not the per-session pfbid), url, text with emoji and line breaks, media, time, counts', () => {
    expect(post.postId).toBe('122145678901234567');
    expect(post.url).toBe('https://www.facebook.com/linsbakery.tw/posts/122145678901234567');
    expect(post.text).toBe(
      "🎉 新品上市 New arrival!\n伯爵茶奶酥 Earl Grey butter crumble buns 🧈☕\n每日限量 50 個 · Limited to 50 a day\n📍 台北市大安區 Da'an, Taipei\n週二公休 Closed on Tuesdays\n#林記烘焙 #TaipeiBakery",
    );
    expect(post.mediaKind).toBe('image');
    expect(post.publishedAt).toEqual({ at: NOW - 4 * HOUR, precision: 'hour' });
    expect(post.counts).toEqual({ reactions: 86, comments: 6, shares: 2, views: null });
  });

  it('reads every loaded comment with its parent, including the Page’s own reply', () => {
    expect(r.comments.map((c) => [c.commentId, c.parentId, c.author.name, c.time])).toEqual([
      ['1098765432109876', null, 'Chen Mei-Ling 陳美玲', { at: NOW - 2 * HOUR, precision: 'hour' }],
      ['1187654321098765', '1098765432109876', "Lin's Bakery 林記烘焙", { at: NOW - HOUR, precision: 'hour' }],
      ['1276543210987654', '1098765432109876', 'Chen Mei-Ling 陳美玲', { at: NOW - 45 * MIN, precision: 'minute' }],
      ['1365432109876543', null, 'Jason Wong', { at: NOW - 3 * HOUR, precision: 'hour' }],
      ['1454321098765432', null, 'Amy Lee 李安美', { at: NOW - DAY, precision: 'day' }],
    ]);
    expect(r.comments.every((c) => c.postId === post.postId && c.platform === 'facebook')).toBe(true);
    const own = r.comments.filter((c) => c.author.profileUrl === r.ownIdentity!.profileUrl);
    expect(own.map((c) => c.commentId)).toEqual(['1187654321098765']);
    expect(own[0]!.text).toBe('有的！週六日早上 8 點出爐 🍞\nSee you this weekend!');
    expect(r.comments[0]!.author.profileUrl).toBe('https://www.facebook.com/profile.php?id=100004567890123');
    expect(r.comments[3]!.text).toBe("Best egg tarts in Da'an 🥧\nDo you ship to Hong Kong?");
    expect(r.comments[4]!.text).toBe('好想吃！\nSaving this for my next trip 🇹🇼');
  });

  it('reports every part healthy', () => {
    expect(r.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
  });

  it('takes the post id from the first comment link that names one, and notes a comment whose link names another post', () => {
    // The last comment's time link, with a base64 id naming post 5550001112223336 instead of a bare comment id.
    const other = encodeURIComponent(btoa('comment:5550001112223336_1454321098765432'));
    const { doc, url } = load('own-post.html');
    const link = Array.from(doc.querySelectorAll('li a[href*="comment_id=1454321098765432"]'));
    expect(link).toHaveLength(1);
    link[0]!.setAttribute('href', link[0]!.getAttribute('href')!.replace('comment_id=1454321098765432', `comment_id=${other}`));
    const changed = readPage(facebookAdapter, doc, { pageUrl: url, now: NOW });
    expect(changed.posts.map((p) => p.postId)).toEqual(['122145678901234567']);
    // Every comment is still this post's, that one with the same id.
    expect(changed.comments.map((c) => [c.commentId, c.postId])).toEqual(r.comments.map((c) => [c.commentId, c.postId]));
    expect(changed.health.notes).toEqual(['post 122145678901234567: comment links name other posts too (5550001112223336); their comments are kept on this one']);
  });
});

describe('zh-tw-post.html: Traditional Chinese UI', () => {
  const r = read('zh-tw-post.html');
  const post = r.posts[0]!;

  it('reads counts printed in zh-TW ("1.2萬", "328 則留言", "56 次分享")', () => {
    expect(post.counts).toEqual({ reactions: 12000, comments: 328, shares: 56, views: null });
  });

  it('reads the post from a container without a list position, its date label and its truncated text', () => {
    expect(post.postId).toBe('918273645546372');
    expect(post.url).toBe('https://www.facebook.com/sunkeetearoom/posts/918273645546372');
    expect(post.author).toEqual({ name: '新記茶室 Sun Kee Tea Room', profileUrl: 'https://www.facebook.com/sunkeetearoom' });
    expect(post.publishedAt).toEqual({ at: local(2026, 2, 14, 15, 30), precision: 'minute' });
    // The "顯示更多" (See more) control is not part of the text.
    expect(post.text).toBe('【新品】鴛鴦奶茶蛋撻 🥧☕\n今日起每日下午 3 點出爐\n香港人嘅味道，台北都食得到 ❤️…');
  });

  it('reads zh-TW comment times and the reply thread', () => {
    expect(r.comments.map((c) => [c.commentId, c.parentId, c.author.name, c.time])).toEqual([
      ['3141592653589793', null, '黃小明', { at: NOW - 2 * HOUR, precision: 'hour' }],
      ['1414213562373095', '3141592653589793', '新記茶室 Sun Kee Tea Room', { at: NOW - HOUR, precision: 'hour' }],
      ['2718281828459045', null, "Lin's Bakery 林記烘焙", { at: NOW - DAY, precision: 'day' }],
      ['1618033988749894', null, 'Karen Cheung', { at: NOW - 21 * DAY, precision: 'week' }],
    ]);
  });

  it('reads the signed-in profile from the top bar shortcut (same canonical url as comment authors)', () => {
    expect(r.ownIdentity).toEqual({ name: 'Lin', profileUrl: OWN.profileUrl });
    expect(post.author.profileUrl).not.toBe(r.ownIdentity!.profileUrl);
    expect(r.comments.find((c) => c.author.profileUrl === r.ownIdentity!.profileUrl)!.commentId).toBe('2718281828459045');
    expect(r.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
  });

  it('finds the Reply control by structure, whatever the label says ("回覆")', () => {
    const { doc } = load('zh-tw-post.html');
    const clicked: string[] = [];
    for (const control of Array.from(doc.querySelectorAll('[role="article"][aria-label] ul li [role="button"]'))) {
      control.addEventListener('click', () => clicked.push(control.textContent ?? '')); // ?? : textContent is typed nullable
    }
    // No box opens in a static page, so null; but the control clicked was the comment's "回覆".
    expect(facebookAdapter.findReplyBox!(doc, '2718281828459045')).toBeNull();
    expect(clicked).toEqual(['回覆']);
  });
});

describe('feed.html: home feed', () => {
  const r = read('feed.html');
  const byId = (id: string) => r.posts.find((p) => p.postId === id)!;

  it('reads every rendered feed unit once and skips the placeholder', () => {
    expect(r.posts.map((p) => p.postId)).toEqual(['122151234567890123', '1234567890123456', '1029384756102938', '1357913579135791']);
    expect(r.health.post).toBe('ok');
  });

  it('recognises only the signed-in Page’s post as its own', () => {
    expect(r.ownIdentity).toEqual(OWN);
    expect(r.posts.filter((p) => p.author.profileUrl === r.ownIdentity!.profileUrl).map((p) => p.postId)).toEqual(['122151234567890123']);
  });

  it.each([
    // [post id, url, author url, media, time, counts]
    [
      '122151234567890123',
      'https://www.facebook.com/linsbakery.tw/posts/122151234567890123',
      OWN.profileUrl,
      'image',
      { at: NOW - 2 * HOUR, precision: 'hour' },
      { reactions: 17, comments: 3, shares: 1, views: null },
    ],
    [
      '1234567890123456',
      'https://www.facebook.com/permalink.php?story_fbid=1234567890123456&id=100004567890123',
      'https://www.facebook.com/profile.php?id=100004567890123',
      'text',
      { at: NOW - 5 * HOUR, precision: 'hour' },
      // "Lin's Bakery 林記烘焙 and 23 others" with three reaction kinds shown: the total is unknown.
      { reactions: null, comments: 8, shares: 2, views: null },
    ],
    [
      '1029384756102938',
      'https://www.facebook.com/reel/1029384756102938',
      'https://www.facebook.com/taipeieats',
      'video',
      { at: NOW - 3 * DAY, precision: 'day' },
      { reactions: 1200, comments: 2300, shares: 410, views: 56000 },
    ],
    [
      '1357913579135791',
      'https://www.facebook.com/groups/987654321098765/posts/1357913579135791',
      'https://www.facebook.com/profile.php?id=100056789012345',
      'link',
      { at: local(2026, 2, 14, 9, 15), precision: 'minute' },
      // Facebook hides zero counts; the action bar is there, so they are 0.
      { reactions: 0, comments: 0, shares: 0, views: null },
    ],
  ])('post %s', (id, url, authorUrl, media, time, counts) => {
    const post = byId(id);
    expect(post.url).toBe(url);
    expect(post.author.profileUrl).toBe(authorUrl);
    expect(post.mediaKind).toBe(media);
    expect(post.publishedAt).toEqual(time);
    expect(post.counts).toEqual(counts);
  });

  it('attaches the feed’s one loaded comment to the post that holds it', () => {
    expect(r.comments).toHaveLength(1);
    expect(r.comments[0]).toMatchObject({ commentId: '4123412341234123', postId: '1234567890123456', parentId: null, author: OWN });
    expect(r.health.comments).toBe('ok');
    expect(r.health.notes).toEqual(['post 1234567890123456: reactions shown as social proof; total unknown']);
  });
});

describe('broken.html: changed markup', () => {
  const r = read('broken.html');

  it('reports counts and comments as broken', () => {
    expect(r.health.post).toBe('ok');
    expect(r.health.counts).toBe('broken');
    expect(r.health.comments).toBe('broken');
    expect(r.health.notes).toEqual(
      expect.arrayContaining([
        'post 5550001112223334: reactions toolbar present but its total is unreadable',
        expect.stringMatching(/^post 5550001112223334: \d+ comment link\(s\) outside any COMMENT element$/),
      ]),
    );
  });

  it('keeps the unreadable count unknown (null, never 0) and reads the rest', () => {
    expect(r.posts.map((p) => [p.postId, p.counts])).toEqual([
      ['5550001112223334', { reactions: null, comments: 12, shares: 3, views: null }],
      ['5550001112223335', { reactions: 9, comments: 1, shares: 0, views: null }],
    ]);
  });

  it('attaches nothing to the wrong post: only the intact post’s comment is read; the stray one is ignored', () => {
    expect(r.comments.map((c) => [c.commentId, c.postId])).toEqual([['6660001112223333', '5550001112223335']]);
  });
});

describe('reply-box.html: findReplyBox', () => {
  const SOPHIE = '2098765432109872';
  const TOMMY_REPLY = '2098765432109874';
  const WANG = '2098765432109871';
  const KEVIN = '2098765432109873';

  /** The comment article whose time link names `id` as its own id. */
  const article = (doc: Document, id: string) =>
    Array.from(doc.querySelectorAll('[role="article"][aria-label]')).find((a) =>
      Array.from(a.querySelectorAll('ul a[href*="comment_id="]')).some((l) => {
        const params = new URL(l.getAttribute('href')!).searchParams;
        return (params.get('reply_comment_id') ?? params.get('comment_id')) === id;
      }),
    )!;
  const replyControl = (doc: Document, id: string) => article(doc, id).querySelectorAll('ul li [role="button"]')[1] as HTMLElement;
  const mainEditor = (doc: Document) => {
    const editors = doc.querySelectorAll('[data-lexical-editor="true"]');
    return editors[editors.length - 1]!;
  };

  it('reads the page and reports the reply box available', () => {
    const r = read('reply-box.html');
    expect(r.ownIdentity).toEqual(OWN);
    expect(r.posts.map((p) => [p.postId, p.counts.comments])).toEqual([['122149876543210987', 4]]);
    expect(r.comments.map((c) => [c.commentId, c.parentId])).toEqual([
      [WANG, null],
      [SOPHIE, null],
      [TOMMY_REPLY, SOPHIE],
      [KEVIN, null],
    ]);
    expect(r.health.replyBox).toBe('ok');
  });

  it('returns the open reply editor of the comment’s thread, not the post’s main composer', () => {
    const { doc } = load('reply-box.html');
    const editor = facebookAdapter.findReplyBox!(doc, SOPHIE)!;
    expect(editor).not.toBeNull();
    expect(editor.matches('div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]')).toBe(true);
    expect(editor.closest('form')).not.toBeNull();
    expect(editor).not.toBe(mainEditor(doc));
    expect(editor.querySelector('p > br')).not.toBeNull(); // an empty Lexical paragraph
    // A reply in the thread gets the same box.
    expect(facebookAdapter.findReplyBox!(doc, TOMMY_REPLY)).toBe(editor);
  });

  it('clicks the comment’s own Reply control when no box is open, and returns the box it opens', () => {
    const { doc } = load('reply-box.html');
    const control = replyControl(doc, WANG);
    let clicks = 0;
    control.addEventListener('click', () => {
      clicks++;
      // Like Facebook: the reply box is rendered in the thread's replies block.
      const thread = article(doc, WANG).parentElement!;
      const replies = thread.lastElementChild!;
      const form = doc.createElement('form');
      const editor = doc.createElement('div');
      editor.setAttribute('contenteditable', 'true');
      editor.setAttribute('role', 'textbox');
      editor.setAttribute('data-lexical-editor', 'true');
      editor.append(doc.createElement('p'));
      form.append(editor);
      replies.append(form);
    });
    const editor = facebookAdapter.findReplyBox!(doc, WANG)!;
    expect(clicks).toBe(1);
    expect(editor).not.toBeNull();
    expect(article(doc, WANG).parentElement!.contains(editor)).toBe(true);
    // Called again, the open box is found without another click.
    expect(facebookAdapter.findReplyBox!(doc, WANG)).toBe(editor);
    expect(clicks).toBe(1);
  });

  it('returns null when the box does not open, or the comment is unknown; never another thread’s box', () => {
    const { doc } = load('reply-box.html');
    let clicked = false;
    replyControl(doc, KEVIN).addEventListener('click', () => (clicked = true));
    expect(facebookAdapter.findReplyBox!(doc, KEVIN)).toBeNull();
    expect(clicked).toBe(true);
    expect(facebookAdapter.findReplyBox!(doc, '9999999999999999')).toBeNull();
  });
});

describe('robustness', () => {
  it('a post page where no post can be read is broken; a feed without posts is not', () => {
    const empty = new DOMParser().parseFromString('<html lang="en"><body><div role="main"></div></body></html>', 'text/html');
    const postPage = readPage(facebookAdapter, empty, { pageUrl: new URL('https://www.facebook.com/linsbakery.tw/posts/122145678901234567'), now: NOW });
    expect(postPage.health.post).toBe('broken');
    const feed = readPage(facebookAdapter, empty, { pageUrl: new URL('https://www.facebook.com/'), now: NOW });
    expect(feed.health).toMatchObject({ post: 'absent', counts: 'absent', comments: 'absent', replyBox: 'absent' });
  });

  it('a post with no id anywhere is broken and its comments are not guessed onto another post', () => {
    const html = `<html lang="en"><body><div role="feed">
      <div aria-posinset="1" aria-labelledby="h1"><h4 id="h1"><a href="https://www.facebook.com/someone">Someone</a></h4>
        <div data-ad-rendering-role="story_message"><div dir="auto">Hello</div></div>
        <div role="article" aria-label="Comment"><a href="https://www.facebook.com/other">Other</a><span dir="auto" lang="en">Hi</span></div></div>
      <div aria-posinset="2" aria-labelledby="h2"><h4 id="h2"><a href="https://www.facebook.com/linsbakery.tw">Lin</a></h4>
        <a href="https://www.facebook.com/linsbakery.tw/posts/5550001112223335">1d</a></div></div></body></html>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const r = readPage(facebookAdapter, doc, { pageUrl: new URL('https://www.facebook.com/'), now: NOW });
    expect(r.posts.map((p) => p.postId)).toEqual(['5550001112223335']);
    expect(r.comments).toEqual([]);
    expect(r.health.post).toBe('broken');
    expect(r.health.comments).toBe('broken');
  });

  it('a comment without any comment link gets a hashed id that does not drift with its relative time', () => {
    const html = (time: string) => `<html lang="en"><body>
      <div role="article" aria-posinset="1" aria-labelledby="h"><h2 id="h"><a href="https://www.facebook.com/linsbakery.tw">Lin's Bakery 林記烘焙</a></h2>
        <a href="https://www.facebook.com/linsbakery.tw/posts/5550001112223335">1d</a>
        <div role="article" aria-label="Comment"><a href="https://www.facebook.com/jason.wong.hk">Jason Wong</a>
          <div><span dir="auto" lang="en"><div dir="auto">Open on Sunday?</div></span></div>
          <ul><li><span>${time}</span></li><li><div role="button">Like</div></li><li><div role="button">Reply</div></li></ul></div></div></body></html>`;
    const readAt = (time: string, now: number) => {
      const doc = new DOMParser().parseFromString(html(time), 'text/html');
      return { doc, reading: readPage(facebookAdapter, doc, { pageUrl: new URL('https://www.facebook.com/linsbakery.tw/posts/5550001112223335'), now }) };
    };
    const early = readAt('2h', NOW).reading.comments;
    const later = readAt('5h', NOW + 3 * HOUR);
    expect(early).toHaveLength(1);
    expect(early[0]!.commentId).toMatch(/^hash:/);
    expect(later.reading.comments[0]!.commentId).toBe(early[0]!.commentId);
    expect(later.reading.comments[0]).toMatchObject({ postId: '5550001112223335', author: { name: 'Jason Wong', profileUrl: 'https://www.facebook.com/jason.wong.hk' }, text: 'Open on Sunday?' });
    // findReplyBox locates it by that id and clicks its Reply control.
    let clicked = false;
    later.doc.querySelectorAll('ul li [role="button"]')[1]!.addEventListener('click', () => (clicked = true));
    expect(facebookAdapter.findReplyBox!(later.doc, early[0]!.commentId)).toBeNull();
    expect(clicked).toBe(true);
  });

  it('a reshared post nested as its own container is read on its own', () => {
    const html = `<html lang="en"><body><div role="feed">
      <div aria-posinset="1" aria-labelledby="o"><h4 id="o"><a href="https://www.facebook.com/jason.wong.hk">Jason Wong</a></h4>
        <a href="https://www.facebook.com/jason.wong.hk/posts/7000000000000001">2h</a>
        <div data-ad-rendering-role="story_message"><div dir="auto">Look at this!</div></div>
        <div role="article" aria-labelledby="i"><h4 id="i"><a href="https://www.facebook.com/linsbakery.tw">Lin's Bakery 林記烘焙</a></h4>
          <a href="https://www.facebook.com/linsbakery.tw/posts/7000000000000002">1d</a>
          <div data-ad-rendering-role="story_message"><div dir="auto">Original post</div></div></div>
      </div></div></body></html>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const r = readPage(facebookAdapter, doc, { pageUrl: new URL('https://www.facebook.com/'), now: NOW });
    expect(r.posts.map((p) => [p.postId, p.author.name, p.text])).toEqual([
      ['7000000000000001', 'Jason Wong', 'Look at this!'],
      ['7000000000000002', "Lin's Bakery 林記烘焙", 'Original post'],
    ]);
  });
});

// The captured real page (read-only, outside the project) when this checkout has it.
const REAL = '/work/shared/fixtures/facebook/tanjin-facebook_post-en-loggedout-comments-2025-11.html';
describe.skipIf(!existsSync(REAL))('real page: logged-out post with 10 comments', () => {
  it('reads the post, its counts and its 10 visible comments', () => {
    const html = readFileSync(REAL, 'utf8');
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)![1]!;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const r = readPage(facebookAdapter, doc, { pageUrl: new URL(canonical), now: NOW });
    expect(r.ownIdentity).toBeNull();
    expect(r.posts).toHaveLength(1);
    expect(r.posts[0]).toMatchObject({
      postId: '3741738029450159',
      url: 'https://www.facebook.com/salmanmd.sultan.1/posts/3741738029450159',
      author: { name: 'Salman Mohammad Sultan', profileUrl: 'https://www.facebook.com/salmanmd.sultan.1' },
      mediaKind: 'text',
      publishedAt: { at: local(2025, 5, 30, 11, 2), precision: 'minute' },
      counts: { reactions: 369, comments: 782, shares: 114, views: null },
    });
    expect(r.posts[0]!.text.startsWith('Closed\nঈদ উপলক্ষে System Design এর ফ্রি course announcement\nEkhonkar')).toBe(true);
    expect(r.comments.map((c) => c.commentId)).toEqual([
      '1772521800368774', '1246774960286747', '719218967145565', '1703321956956662', '731379129544812',
      '1399551147752086', '690768663760793', '687150317432099', '1239949993638387', '748423200958546',
    ]);
    expect(r.comments.every((c) => c.postId === '3741738029450159' && c.parentId === null && c.author.name === 'Salman Mohammad Sultan')).toBe(true);
    expect(r.comments.every((c) => c.time?.precision === 'week' && c.time.at === NOW - 7 * DAY)).toBe(true);
    expect(r.comments[3]!.text).toContain('🎟️ Coupon Code: EIDGIFT2025');
    expect(r.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'absent', notes: [] });
  });
});
