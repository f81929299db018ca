// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { readPage } from '../read';
import type { PageReading } from '../types';
import { INSTAGRAM_ADAPTER_VERSION, instagramAdapter } from './index';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/instagram');

function load(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html');
}

/** The address a fixture says it is served at (its first comment). */
function addressOf(name: string): URL {
  const match = /<!-- url: (\S+) -->/.exec(readFileSync(join(FIXTURES, name), 'utf8'));
  if (!match || match[1] === undefined) throw new Error(`${name}: no url comment`);
  return new URL(match[1]);
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** 2026-02-20T12:00:00Z, a little after the fixtures' times. */
const NOW = Date.UTC(2026, 1, 20, 12);

function read(name: string, doc: Document = load(name), now = NOW): PageReading {
  return readPage(instagramAdapter, doc, { pageUrl: addressOf(name), now });
}

const BAKERY = 'https://www.instagram.com/linsbakery.tw/';
const TEA = 'https://www.instagram.com/shanlan.tea/';
const profile = (username: string) => `https://www.instagram.com/${username}/`;

describe('instagramAdapter', () => {
  it('identifies itself', () => {
    expect(instagramAdapter.platform).toBe('instagram');
    expect(instagramAdapter.version).toBe(INSTAGRAM_ADAPTER_VERSION);
    expect(INSTAGRAM_ADAPTER_VERSION).toBe('2026.11.1');
  });

  it.each([
    ['https://www.instagram.com/', true],
    ['https://www.instagram.com/p/DUq7LbK3xAe/', true],
    ['http://www.instagram.com/', false],
    ['https://instagram.com/', false],
    ['https://www.instagram.com.evil.example/', false],
    ['https://www.threads.com/', false],
  ])('matches(%s) is %s', (url, expected) => {
    expect(instagramAdapter.matches(new URL(url))).toBe(expected);
  });

  it.each([
    ['https://www.instagram.com/p/DUq7LbK3xAe/', true],
    ['https://www.instagram.com/linsbakery.tw/p/DUq7LbK3xAe/', true],
    ['https://www.instagram.com/reel/DT384V5kcE3/', true],
    ['https://www.instagram.com/', false],
    ['https://www.instagram.com/linsbakery.tw/', false],
    ['https://www.instagram.com/explore/', false],
  ])('expectsPost(%s) is %s', (url, expected) => {
    expect(instagramAdapter.expectsPost(new URL(url))).toBe(expected);
  });

  it('reads an empty page as absent, not broken', () => {
    const empty = new DOMParser().parseFromString('<!DOCTYPE html><html><body></body></html>', 'text/html');
    const reading = readPage(instagramAdapter, empty, { pageUrl: new URL('https://www.instagram.com/direct/inbox/'), now: NOW });
    expect(reading.health).toEqual({ post: 'absent', counts: 'absent', comments: 'absent', replyBox: 'absent', notes: [] });
    expect(reading.ownIdentity).toBeNull();
  });

  it('reports a post page without a post as broken', () => {
    const empty = new DOMParser().parseFromString('<!DOCTYPE html><html><body><main role="main"></main></body></html>', 'text/html');
    const reading = readPage(instagramAdapter, empty, { pageUrl: new URL('https://www.instagram.com/p/DUq7LbK3xAe/'), now: NOW });
    expect(reading.posts).toEqual([]);
    expect(reading.health.post).toBe('broken');
  });
});

describe('feed.html (home feed, en)', () => {
  const reading = read('feed.html');

  it('reads every card, and nothing from the wrapper around them', () => {
    expect(reading.posts.map((p) => [p.postId, p.url, p.author.name, p.mediaKind])).toEqual([
      ['DUs1aQ7kLmN', 'https://www.instagram.com/p/DUs1aQ7kLmN/', 'linsbakery.tw', 'image'],
      ['DUr9XcT2bVw', 'https://www.instagram.com/p/DUr9XcT2bVw/', 'taipeifoodie', 'image'],
      ['DUq2FfG8hJk', 'https://www.instagram.com/reel/DUq2FfG8hJk/', 'hk.pastrylover', 'video'],
      ['DUn4RtY6uIo', 'https://www.instagram.com/p/DUn4RtY6uIo/', 'linsbakery.tw', 'image'],
    ]);
    const main = load('feed.html').querySelector('main')!;
    expect(instagramAdapter.readContainer(main, { pageUrl: addressOf('feed.html'), now: NOW })).toEqual({
      posts: [],
      comments: [],
      health: { post: 'absent', counts: 'absent', comments: 'absent', replyBox: 'absent', notes: [] },
    });
  });

  it('reads counts in both card markups, unknown where hidden', () => {
    expect(reading.posts.map((p) => p.counts)).toEqual([
      { reactions: 326, comments: 18, shares: null, views: null },
      { reactions: 2481, comments: 57, shares: null, views: null },
      { reactions: 12400, comments: 301, shares: 1024, views: null },
      { reactions: null, comments: null, shares: null, views: null },
    ]);
  });

  it('reads captions with line breaks and emoji, without the "more" control', () => {
    expect(reading.posts[0]!.text).toBe('Fresh out of the oven 🍞 今日出爐：\n• 蔥麵包 scallion bread\n• 肉鬆 pork floss bun\nSee you soon!');
    expect(reading.posts[2]!.text).toBe('Egg tart pull 🥧 蛋撻拉絲 #hongkong');
  });

  it('reads absolute times from <time datetime>', () => {
    expect(reading.posts[0]!.publishedAt).toEqual({ at: Date.parse('2026-02-20T07:45:00.000Z'), precision: 'exact' });
  });

  it('gives the inputs of "own post": author urls in the same form as the identity url', () => {
    expect(reading.ownIdentity).toEqual({ name: 'linsbakery.tw', profileUrl: BAKERY });
    expect(reading.posts.filter((p) => p.author.profileUrl === reading.ownIdentity!.profileUrl).map((p) => p.postId)).toEqual(['DUs1aQ7kLmN', 'DUn4RtY6uIo']);
  });

  it('is healthy: comments are not loaded in cards', () => {
    expect(reading.comments).toEqual([]);
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'absent', replyBox: 'ok', notes: [] });
  });
});

describe('own-post.html (post page, en, signed in as its author)', () => {
  const reading = read('own-post.html');
  const post = reading.posts[0]!;

  it('reads the post', () => {
    expect(reading.posts).toHaveLength(1);
    expect(post).toEqual({
      platform: 'instagram',
      postId: 'DUq7LbK3xAe',
      url: 'https://www.instagram.com/p/DUq7LbK3xAe/',
      author: { name: 'linsbakery.tw', profileUrl: BAKERY },
      text: '新品上市 🥐 Taro mochi croissant 芋泥麻糬可頌\n\n每天限量 40 個，賣完為止！\nLimited to 40 a day, first come first served.\n\n📍 台北市大安區 #taipeibakery #林記烘焙',
      mediaKind: 'image',
      publishedAt: { at: Date.parse('2026-02-18T01:30:02.000Z'), precision: 'exact' },
      counts: { reactions: 1204, comments: 86, shares: 15, views: null },
    });
  });

  it('recognises the post as the signed-in user’s own', () => {
    expect(reading.ownIdentity).toEqual({ name: 'linsbakery.tw', profileUrl: BAKERY });
    expect(post.author.profileUrl).toBe(reading.ownIdentity!.profileUrl);
  });

  it('reads the loaded comments with their permalink ids, parents and times', () => {
    expect(reading.comments.map((c) => [c.commentId, c.parentId, c.author.name, c.author.profileUrl, c.time])).toEqual([
      ['18061234567890101', null, 'mei.eats.taipei', profile('mei.eats.taipei'), { at: Date.parse('2026-02-19T09:12:44.000Z'), precision: 'exact' }],
      ['18061234567890102', '18061234567890101', 'linsbakery.tw', BAKERY, { at: Date.parse('2026-02-19T10:03:10.000Z'), precision: 'exact' }],
      ['18061234567890103', '18061234567890101', 'kai_in_tw', profile('kai_in_tw'), { at: Date.parse('2026-02-19T11:40:02.000Z'), precision: 'exact' }],
      ['17990011223344556', null, 'hk.pastrylover', profile('hk.pastrylover'), { at: Date.parse('2026-02-20T02:15:30.000Z'), precision: 'exact' }],
      ['18020099887766554', null, 'taipeifoodie', profile('taipeifoodie'), { at: Date.parse('2026-02-20T08:01:00.000Z'), precision: 'exact' }],
    ]);
  });

  it('reads comment texts without the likes/Reply controls', () => {
    expect(reading.comments.map((c) => c.text)).toEqual([
      'Saturday morning is sorted 🥐☕\n排隊也值得！',
      '@mei.eats.taipei 謝謝！Saturday batch comes out at 8:30 ✨',
      '@mei.eats.taipei see you in line 😂',
      'Do you ship to Hong Kong? 想買鳳梨酥禮盒 🍍',
      'The 肉鬆 bun is unreal.',
    ]);
  });

  it('attaches every comment to this post, and finds the signed-in user’s reply', () => {
    expect(new Set(reading.comments.map((c) => c.postId))).toEqual(new Set(['DUq7LbK3xAe']));
    const own = reading.comments.filter((c) => c.author.profileUrl === reading.ownIdentity!.profileUrl);
    expect(own.map((c) => [c.commentId, c.parentId])).toEqual([['18061234567890102', '18061234567890101']]);
  });

  it('is healthy', () => {
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
  });

  it('reports the reply box broken when the comment form holds an editable field but no textarea, not when the field is outside a form', () => {
    const inForm = load('own-post.html');
    const field = inForm.createElement('div');
    field.setAttribute('contenteditable', 'true');
    inForm.querySelector('form textarea')!.replaceWith(field);
    const broken = read('own-post.html', inForm);
    expect(broken.health.replyBox).toBe('broken');
    expect(broken.health.notes).toContain('comment form found, but its field is not a textarea (COMMENT_EDITOR)');

    const loose = load('own-post.html');
    const form = loose.querySelector('form')!;
    const looseField = loose.createElement('div');
    looseField.setAttribute('contenteditable', 'true');
    form.replaceWith(looseField);
    const r = read('own-post.html', loose);
    expect(r.health.replyBox).toBe('absent');
    expect(r.health.notes.filter((n) => n.includes('not a textarea'))).toEqual([]);
  });

  it('falls back to the English labels when <time> has no datetime', () => {
    const doc = load('own-post.html');
    for (const time of Array.from(doc.querySelectorAll('time'))) time.removeAttribute('datetime');
    const r = read('own-post.html', doc);
    expect(r.posts[0]!.publishedAt).toEqual({ at: NOW - 2 * DAY, precision: 'day' }); // "2 days ago"
    expect(r.comments.map((c) => c.time)).toEqual([
      { at: NOW - DAY, precision: 'day' }, // "1d"
      { at: NOW - DAY, precision: 'day' },
      { at: NOW - DAY, precision: 'day' },
      { at: NOW - 9 * HOUR, precision: 'hour' }, // "9h"
      { at: NOW - 3 * HOUR, precision: 'hour' },
    ]);
  });

  it('gives a comment without a permalink (still being posted) a stable hash id, never from its relative label', () => {
    const make = () => {
      const doc = load('own-post.html');
      const link = doc.querySelector('a[href="/p/DUq7LbK3xAe/c/18020099887766554/"]')!;
      link.replaceWith(link.querySelector('time')!);
      return doc;
    };
    const a = read('own-post.html', make(), NOW);
    const b = read('own-post.html', make(), NOW + 5 * HOUR);
    const last = a.comments[a.comments.length - 1]!;
    expect(last.commentId).toMatch(/^hash:[0-9a-z]+$/);
    expect(last.author.name).toBe('taipeifoodie');
    expect(b.comments[b.comments.length - 1]!.commentId).toBe(last.commentId);
    expect(a.comments).toHaveLength(5);
  });

  it('reads the same post opened as a modal over the feed', () => {
    const feed = load('feed.html');
    const dialog = feed.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.append(feed.importNode(load('own-post.html').querySelector('.post-view')!, true));
    feed.body.append(dialog);
    const r = readPage(instagramAdapter, feed, { pageUrl: new URL('https://www.instagram.com/p/DUq7LbK3xAe/'), now: NOW });
    expect(r.posts.map((p) => p.postId)).toEqual(['DUs1aQ7kLmN', 'DUr9XcT2bVw', 'DUq2FfG8hJk', 'DUn4RtY6uIo', 'DUq7LbK3xAe']);
    expect(r.comments).toHaveLength(5);
    expect(r.comments.every((c) => c.postId === 'DUq7LbK3xAe')).toBe(true);
  });
});

describe('zh-tw-feed.html (home feed, zh-TW)', () => {
  const reading = read('zh-tw-feed.html');

  it('reads 萬 counts, 個讚 and 則留言', () => {
    expect(reading.posts.map((p) => [p.postId, p.author.name, p.counts.reactions, p.counts.comments])).toEqual([
      ['DUt3HhJ5kLp', 'taipei.coffee.map', 12000, 358],
      ['DUp8NmB4vCx', 'shanlan.tea', 12000, 45],
      ['DUk6WqE1rTz', 'yuecha.hk', 8812, 97],
    ]);
  });

  it('reads the caption without the 更多 control', () => {
    expect(reading.posts[0]!.text).toBe('大稻埕新開的手沖咖啡店 ☕️\n週末人潮很多，建議平日去。');
  });

  it('falls back to the zh-TW labels (小時, 天, 週) when <time> has no datetime', () => {
    const doc = load('zh-tw-feed.html');
    for (const time of Array.from(doc.querySelectorAll('time'))) time.removeAttribute('datetime');
    expect(read('zh-tw-feed.html', doc).posts.map((p) => p.publishedAt)).toEqual([
      { at: NOW - 3 * HOUR, precision: 'hour' },
      { at: NOW - 2 * DAY, precision: 'day' },
      { at: Date.UTC(2026, 1, 6), precision: 'week' }, // 2 weeks before, rounded down to the day
    ]);
  });

  it('knows the signed-in user and their own post', () => {
    expect(reading.ownIdentity).toEqual({ name: 'shanlan.tea', profileUrl: TEA });
    expect(reading.posts.filter((p) => p.author.profileUrl === TEA).map((p) => p.postId)).toEqual(['DUp8NmB4vCx']);
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'absent', replyBox: 'ok', notes: [] });
  });
});

describe('reply-box.html (post page, zh-TW, Reply clicked)', () => {
  const reading = read('reply-box.html');

  it('reads the comments; replies get their parent from the nesting', () => {
    expect(reading.comments.map((c) => [c.commentId, c.parentId, c.author.name])).toEqual([
      ['18077700011122233', null, 'tea.lover.kao'],
      ['18077700011122244', '18077700011122233', 'shanlan.tea'],
      ['18077700011122255', '18077700011122233', 'amy.chen.tw'],
      ['17955544433322211', null, 'yuecha.hk'],
      ['18099988877766655', null, 'hiker.lin'],
    ]);
    expect(reading.comments[0]!.text).toBe('請問可以寄到高雄嗎？\n想訂兩斤 🙏');
    expect(reading.posts[0]!.counts).toEqual({ reactions: 12000, comments: 45, shares: null, views: null });
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
  });

  const findReplyBox = instagramAdapter.findReplyBox!;

  /** Makes a comment's Reply control behave like Instagram's: it fills the post's one comment box with "@username ". */
  function likeInstagram(doc: Document, commentId: string, username: string): { clicked: () => Element[] } {
    const clicked: Element[] = [];
    const row = doc.querySelector(`a[href$="/c/${commentId}/"]`)!.closest('.row')!;
    for (const control of Array.from(row.querySelectorAll('.meta [role="button"]'))) {
      control.addEventListener('click', () => {
        clicked.push(control);
        if (/\d/.test(control.textContent ?? '')) return; // the likes list
        doc.querySelector('textarea')!.value = `@${username} `;
      });
    }
    return { clicked: () => clicked };
  }

  it('returns the comment box already replying to the comment, without clicking', () => {
    const doc = load('reply-box.html');
    const click = vi.fn();
    doc.addEventListener('click', click, true);
    const editor = findReplyBox(doc, '18077700011122233') as HTMLTextAreaElement;
    expect(editor).not.toBeNull();
    expect(editor.tagName).toBe('TEXTAREA');
    expect(editor.closest('form')).not.toBeNull();
    expect(editor.value).toBe('@tea.lover.kao ');
    expect(click).not.toHaveBeenCalled();
  });

  it('clicks the comment’s own Reply control (not its likes, not a reply’s) and returns the box it fills', () => {
    const doc = load('reply-box.html');
    const hiker = likeInstagram(doc, '18099988877766655', 'hiker.lin');
    const editor = findReplyBox(doc, '18099988877766655') as HTMLTextAreaElement;
    expect(hiker.clicked().map((c) => c.textContent)).toEqual(['回覆']);
    expect(editor).toBe(doc.querySelector('textarea'));
    expect(editor.value).toBe('@hiker.lin ');

    const reply = likeInstagram(doc, '18077700011122255', 'amy.chen.tw');
    expect(findReplyBox(doc, '18077700011122255')).toBe(editor);
    expect(reply.clicked()).toHaveLength(1);
    expect(editor.value).toBe('@amy.chen.tw ');
  });

  it('returns null for unknown comments and when logged out (nothing clicked)', () => {
    const doc = load('reply-box.html');
    const click = vi.fn();
    doc.addEventListener('click', click, true);
    expect(findReplyBox(doc, '10000000000000000')).toBeNull();
    expect(findReplyBox(doc, 'not an id')).toBeNull();
    doc.querySelector('form')!.closest('section')!.remove();
    expect(findReplyBox(doc, '18099988877766655')).toBeNull();
    expect(click).not.toHaveBeenCalled();
  });
});

describe('broken.html (changed markup)', () => {
  const reading = read('broken.html');

  it('still reads the post, with the unreadable count unknown', () => {
    expect(reading.posts.map((p) => [p.postId, p.author.name, p.counts])).toEqual([
      ['DUr9XcT2bVw', 'taipeifoodie', { reactions: null, comments: 12, shares: null, views: null }],
    ]);
  });

  it('reports counts and comments as broken, with notes for maintainers', () => {
    expect(reading.health).toMatchObject({ post: 'ok', counts: 'broken', comments: 'broken' });
    expect(reading.health.notes.join('\n')).toMatch(/count beside icon 1 .* unreadable/);
    expect(reading.health.notes.join('\n')).toMatch(/count says 12 comments/);
  });

  it('attaches no comment to the wrong post', () => {
    expect(reading.comments).toEqual([]);
    expect(reading.health.notes.join('\n')).toMatch(/comment 17000000000000009 names post DUa0Zz9Yy8X, not DUr9XcT2bVw/);
  });
});
