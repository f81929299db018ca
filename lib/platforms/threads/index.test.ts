// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findContainers, readPage } from '../read';
import type { PageReading } from '../types';
import { THREADS_ADAPTER_VERSION, threadsAdapter } from './index';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/threads');
/** The fixtures' "now": 2026-02-20 12:00 in Taipei. */
const FIXED = Date.UTC(2026, 1, 20, 4, 0, 0);
const OWN = 'https://www.threads.com/@linsbakery.tw';

function load(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html');
}

/** The address written at the top of a fixture (`<!-- url: … -->`). */
function urlOf(name: string): URL {
  const match = /<!-- url: (\S+) -->/.exec(readFileSync(join(FIXTURES, name), 'utf8'));
  if (!match || match[1] === undefined) throw new Error(`${name} has no url comment`);
  return new URL(match[1]);
}

function read(name: string, doc: Document = load(name), pageUrl: URL = urlOf(name)): PageReading {
  return readPage(threadsAdapter, doc, { pageUrl, now: FIXED });
}

const at = (iso: string) => ({ at: Date.parse(iso), precision: 'exact' as const });

describe('threadsAdapter', () => {
  it('identifies itself', () => {
    expect(threadsAdapter.platform).toBe('threads');
    expect(threadsAdapter.version).toBe(THREADS_ADAPTER_VERSION);
    expect(THREADS_ADAPTER_VERSION).toBe('2026.11.1');
  });

  it.each([
    ['https://www.threads.com/', true],
    ['https://www.threads.com/@zuck/post/DSVRshjkbtK', true],
    ['https://www.threads.net/@zuck', true],
    ['https://threads.com/@zuck', true],
    ['http://www.threads.com/', false],
    ['https://l.threads.com/?u=x', false],
    ['https://www.threads.com.evil.example/', false],
    ['https://www.instagram.com/zuck/', false],
  ])('matches(%s) is %s', (url, expected) => {
    expect(threadsAdapter.matches(new URL(url))).toBe(expected);
  });

  it.each([
    ['https://www.threads.com/@linsbakery.tw/post/DThK3pLm9Qx', true],
    ['https://www.threads.net/@linsbakery.tw/post/DThK3pLm9Qx/media', true],
    ['https://www.threads.net/t/CuXFPIeLLod', true],
    ['https://www.threads.com/', false],
    ['https://www.threads.com/@zuck', false],
    ['https://www.threads.com/@zuck/replies', false],
    ['https://www.threads.com/search?q=bakery', false],
  ])('expectsPost(%s) is %s', (url, expected) => {
    expect(threadsAdapter.expectsPost(new URL(url))).toBe(expected);
  });

  it('puts its url comment at the top of every fixture', () => {
    for (const name of ['feed.html', 'own-post.html', 'zh-tw-post.html', 'reply-box.html', 'broken.html']) {
      expect(urlOf(name).hostname).toBe('www.threads.com');
    }
  });
});

describe('feed.html: home feed, signed in as the bakery', () => {
  const reading = read('feed.html');

  it('reads every post, a quoted post on its own, and skips the profile suggestion card', () => {
    expect(reading.posts.map((p) => p.postId)).toEqual(['DTa1bC2dE3f', 'DTb4gH5iJ6k', 'DTc7lM8nO9p', 'DSx0qR1sT2u', 'DTd0vW1xY2z', 'DSA3bB4cC5d']);
    expect(reading.comments).toEqual([]);
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'absent', replyBox: 'absent', notes: [] });
  });

  it('reads the signed-in user from the navigation rail', () => {
    expect(reading.ownIdentity).toEqual({ name: 'linsbakery.tw', profileUrl: OWN });
  });

  it('recognises own posts by author url == identity url (a repost banner does not change the author)', () => {
    const own = reading.posts.filter((p) => p.author.profileUrl === reading.ownIdentity?.profileUrl).map((p) => p.postId);
    expect(own).toEqual(['DTb4gH5iJ6k', 'DSx0qR1sT2u', 'DTd0vW1xY2z']);
  });

  it.each([
    ['DTa1bC2dE3f', { reactions: 1200, comments: 48, shares: 12, views: null }, 'text', '2026-02-20T02:05:00.000Z'],
    ['DTb4gH5iJ6k', { reactions: 356, comments: 27, shares: 4, views: null }, 'image', '2026-02-19T23:00:00.000Z'],
    // Reposts are not printed (zero) while the button is there: 0, not unknown.
    ['DTc7lM8nO9p', { reactions: 89, comments: 3, shares: 0, views: null }, 'text', '2026-02-19T03:30:00.000Z'],
    // Shown inside another post without an action row: its counts are not on the page.
    ['DSx0qR1sT2u', { reactions: null, comments: null, shares: null, views: null }, 'text', '2026-01-28T06:00:00.000Z'],
    ['DTd0vW1xY2z', { reactions: 2431, comments: 61, shares: 38, views: null }, 'link', '2026-02-18T01:15:00.000Z'],
    ['DSA3bB4cC5d', { reactions: 12000, comments: 1100, shares: 406, views: null }, 'video', '2025-12-17T09:41:00.000Z'],
  ])('post %s: counts, media and time', (id, counts, mediaKind, time) => {
    const post = reading.posts.find((p) => p.postId === id);
    expect(post?.counts).toEqual(counts);
    expect(post?.mediaKind).toBe(mediaKind);
    expect(post?.publishedAt).toEqual(at(time));
  });

  it('keeps each post to its own text (the quoted post is not part of the quoting one)', () => {
    const quoting = reading.posts.find((p) => p.postId === 'DTc7lM8nO9p');
    expect(quoting?.text).toBe('Worth the trip from Hong Kong 🇭🇰 Their pineapple cakes are the real deal.');
    expect(quoting?.author).toEqual({ name: 'hkfoodie.daily', profileUrl: 'https://www.threads.com/@hkfoodie.daily' });
    const first = reading.posts[0];
    expect(first?.text).toBe('New single origin this week ☕\nEthiopia Guji, natural process\n\nNotes of blueberry & jasmine. Pour-over only until Sunday.');
    expect(first?.url).toBe('https://www.threads.com/@taipei.coffee.lab/post/DTa1bC2dE3f');
  });
});

describe('own-post.html: the bakery\'s own post with a reply thread', () => {
  const reading = read('own-post.html');
  const POST = 'DThK3pLm9Qx';

  it('reads the post with its text, emoji and line breaks', () => {
    expect(reading.posts).toEqual([
      {
        platform: 'threads',
        postId: POST,
        url: `${OWN}/post/${POST}`,
        author: { name: 'linsbakery.tw', profileUrl: OWN },
        text: '🍍 鳳梨酥 pre-order is open!\n今年新年禮盒 Lunar New Year gift box 🧧\n\n✔️ 12 入 / 24 入\n✔️ Free delivery in 台北市 over NT$1,500\n\nDM us or reply below 👇',
        mediaKind: 'image',
        publishedAt: at('2026-02-20T01:00:00.000Z'),
        counts: { reactions: 128, comments: 5, shares: 9, views: null },
      },
    ]);
    expect(reading.posts[0]?.author.profileUrl).toBe(reading.ownIdentity?.profileUrl);
  });

  it('reads every reply, with parents along the chain, all on the page\'s post', () => {
    expect(reading.comments.map((c) => [c.commentId, c.parentId, c.author.name, c.text])).toEqual([
      ['DThM1aB2c3D', null, 'amy.wu.tpe', "Can I pick up at the Da'an shop? 想要兩盒 🙏"],
      ['DThN4eF5g6H', 'DThM1aB2c3D', 'linsbakery.tw', 'Of course! 大安店 10:00–20:00 都可以取貨 😊\nSee you soon!'],
      ['DThP7iJ8k9L', 'DThN4eF5g6H', 'amy.wu.tpe', '太好了 謝謝！'],
      ['DThQ0mN1o2P', null, 'kevin.hk.eats', 'Do you ship to Hong Kong? 香港可以寄嗎？'],
      ['DThR3qR4s5T', null, 'mei.eats', 'The 24-pack was gone in a day at our office 😂'],
    ]);
    expect(new Set(reading.comments.map((c) => c.postId))).toEqual(new Set([POST]));
    expect(reading.comments.map((c) => c.time)).toEqual(
      ['2026-02-20T02:00:00.000Z', '2026-02-20T03:00:00.000Z', '2026-02-20T03:15:00.000Z', '2026-02-20T02:00:00.000Z', '2026-02-20T03:30:00.000Z'].map(at),
    );
  });

  it('recognises the signed-in user\'s own reply', () => {
    const own = reading.comments.filter((c) => c.author.profileUrl === reading.ownIdentity?.profileUrl);
    expect(own.map((c) => c.commentId)).toEqual(['DThN4eF5g6H']);
  });

  it('reports everything readable', () => {
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
  });

  it('reads the same on threads.net', () => {
    const net = read('own-post.html', load('own-post.html'), new URL(`https://www.threads.net/@linsbakery.tw/post/${POST}`));
    expect(net.posts).toEqual(reading.posts);
    expect(net.comments).toEqual(reading.comments);
  });

  it('reads one reply container on its own, as the feed watcher does', () => {
    const doc = load('own-post.html');
    const containers = findContainers(threadsAdapter, doc);
    expect(containers).toHaveLength(6);
    const reply = threadsAdapter.readContainer(containers[2]!, { pageUrl: urlOf('own-post.html'), now: FIXED });
    expect(reply.posts).toEqual([]);
    expect(reply.comments.map((c) => [c.commentId, c.postId, c.parentId])).toEqual([['DThN4eF5g6H', POST, 'DThM1aB2c3D']]);
  });
});

describe('zh-tw-post.html: Traditional Chinese UI', () => {
  const reading = read('zh-tw-post.html');
  const POST = 'DSz8QwErT1a';

  it('reads counts printed the zh-TW way (1.2萬, 1,024) and exact times behind "2天"/"3小時"', () => {
    expect(reading.posts).toHaveLength(1);
    const post = reading.posts[0]!;
    expect(post.postId).toBe(POST);
    expect(post.author).toEqual({ name: 'taipei.coffee.lab', profileUrl: 'https://www.threads.com/@taipei.coffee.lab' });
    expect(post.counts).toEqual({ reactions: 12000, comments: 356, shares: 1024, views: null });
    expect(post.publishedAt).toEqual(at('2026-02-18T03:00:00.000Z'));
    expect(post.text).toBe('週末限定：手沖體驗課 ☕️\n兩人同行第二位半價\n\n📍 大安區 · 每週六 14:00');
    expect(post.mediaKind).toBe('image');
  });

  it('reads the replies; the "查看另外 3 則留言" button inside a chain does not break it', () => {
    expect(reading.comments.map((c) => [c.commentId, c.parentId, c.author.name, c.text, c.time])).toEqual([
      ['DSz9AbCdE1f', null, 'lin.yuting', '上次去超好玩！老師很有耐心 👍', at('2026-02-20T01:00:00.000Z')],
      ['DSzAGhIjK2l', 'DSz9AbCdE1f', 'taipei.coffee.lab', '謝謝你 🙏 歡迎再來！', at('2026-02-20T03:48:00.000Z')],
      ['DSzBMnOpQ3r', null, 'linsbakery.tw', "可以搭配我們的司康嗎？🥐 Lin's Bakery 林記烘焙 想合作！", at('2026-02-19T04:00:00.000Z')],
      // The "翻譯" (translate) control is not part of the text.
      ['DSzCStUvW4x', null, 'john.in.taipei', 'Is the class in English too?', at('2026-02-19T23:00:00.000Z')],
    ]);
    expect(new Set(reading.comments.map((c) => c.postId))).toEqual(new Set([POST]));
  });

  it('knows the signed-in user and their reply on someone else\'s post', () => {
    expect(reading.ownIdentity).toEqual({ name: 'linsbakery.tw', profileUrl: OWN });
    expect(reading.posts[0]?.author.profileUrl).not.toBe(OWN);
    expect(reading.comments.filter((c) => c.author.profileUrl === OWN).map((c) => c.commentId)).toEqual(['DSzBMnOpQ3r']);
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
  });
});

describe('reply-box.html: findReplyBox', () => {
  /** Makes a reply button behave like Threads': clicking it opens the composer dialog for that reply. */
  function opensComposer(doc: Document, code: string): { clicks: () => number } {
    const container = doc.querySelector(`a[href$="/post/${code}"]`)!.closest('[data-pressable-container]')!;
    const buttons = Array.from(container.querySelectorAll('.actions [role="button"]'));
    let clicks = 0;
    buttons[1]!.addEventListener('click', () => {
      clicks++;
      const dialog = doc.createElement('div');
      dialog.setAttribute('role', 'dialog');
      const link = doc.createElement('a');
      link.setAttribute('href', `/@someone/post/${code}`);
      link.append(doc.createElement('time'));
      const editor = doc.createElement('div');
      editor.setAttribute('contenteditable', 'true');
      editor.setAttribute('role', 'textbox');
      editor.setAttribute('data-lexical-editor', 'true');
      dialog.append(link, editor);
      doc.body.append(dialog);
    });
    for (const other of [buttons[0], buttons[2], buttons[3]]) other!.addEventListener('click', () => { throw new Error('clicked the wrong button'); });
    return { clicks: () => clicks };
  }

  it('reads the page: the open composer does not add posts or comments', () => {
    const reading = read('reply-box.html');
    expect(reading.posts.map((p) => p.postId)).toEqual(['DTmW7cVb2Hs']);
    expect(reading.comments.map((c) => c.commentId)).toEqual(['DTmX8dWc3It', 'DTmY9eXd4Ju', 'DTmZ0fYe5Kv']);
    expect(reading.health.replyBox).toBe('ok');
  });

  it('returns the open composer\'s editor for the reply it shows, without clicking', () => {
    const doc = load('reply-box.html');
    const { clicks } = opensComposer(doc, 'DTmY9eXd4Ju');
    const editor = threadsAdapter.findReplyBox!(doc, 'DTmY9eXd4Ju');
    expect(editor).not.toBeNull();
    expect(editor?.getAttribute('contenteditable')).toBe('true');
    expect(editor?.getAttribute('role')).toBe('textbox');
    expect(editor?.closest('[role="dialog"]')).not.toBeNull();
    expect(clicks()).toBe(0);
  });

  it('clicks the reply button (second of the action row) of another reply and returns the composer it opens', () => {
    const doc = load('reply-box.html');
    const { clicks } = opensComposer(doc, 'DTmX8dWc3It');
    const editor = threadsAdapter.findReplyBox!(doc, 'DTmX8dWc3It');
    expect(clicks()).toBe(1);
    expect(editor?.closest('[role="dialog"]')?.querySelector('a')?.getAttribute('href')).toBe('/@someone/post/DTmX8dWc3It');
    // Asking again finds the open composer and does not click twice.
    expect(threadsAdapter.findReplyBox!(doc, 'DTmX8dWc3It')).toBe(editor);
    expect(clicks()).toBe(1);
  });

  it('returns null when nothing opens, or the reply is not on the page', () => {
    const doc = load('reply-box.html');
    expect(threadsAdapter.findReplyBox!(doc, 'DTmZ0fYe5Kv')).toBeNull();
    expect(threadsAdapter.findReplyBox!(doc, 'DXnotHere99')).toBeNull();
  });
});

describe('broken.html: changed markup', () => {
  const reading = read('broken.html');

  it('says broken: replies are there but not in containers, and a count is unreadable', () => {
    expect(reading.health.post).toBe('ok');
    expect(reading.health.counts).toBe('broken');
    expect(reading.health.comments).toBe('broken');
    expect(reading.health.notes.join('\n')).toMatch(/reactions count printed but unreadable/);
    expect(reading.health.notes.join('\n')).toMatch(/2 reply link\(s\) with a time outside any POST_CONTAINER/);
  });

  it('keeps the unreadable count unknown and attaches nothing', () => {
    expect(reading.posts[0]?.counts).toEqual({ reactions: null, comments: 12, shares: 1, views: null });
    expect(reading.comments).toEqual([]);
  });
});

describe('no reply is attached to the wrong post', () => {
  it('drops replies when the page\'s post is missing (and says the page is broken)', () => {
    const doc = load('own-post.html');
    const main = doc.querySelector('a[href="/@linsbakery.tw/post/DThK3pLm9Qx"]')!.closest('[data-pressable-container]')!;
    main.remove();
    const reading = read('own-post.html', doc);
    expect(reading.posts).toEqual([]);
    expect(reading.comments).toEqual([]);
    expect(reading.health.post).toBe('broken');
  });

  it('reads replies as posts of their own when the url is not a post page', () => {
    const reading = read('own-post.html', load('own-post.html'), new URL('https://www.threads.com/@linsbakery.tw'));
    expect(reading.comments).toEqual([]);
    expect(reading.posts).toHaveLength(6);
  });

  it('attaches nothing when the url names a post that is not the one shown', () => {
    const reading = read('own-post.html', load('own-post.html'), new URL('https://www.threads.com/@linsbakery.tw/post/DZzzzzzzzzz'));
    expect(reading.comments).toEqual([]);
    expect(reading.health.post).toBe('broken');
  });
});

describe('logged out', () => {
  it('has no identity and no reply box when the rail shows no profile link', () => {
    const doc = load('own-post.html');
    const link = doc.querySelector('.nav a[href="/@linsbakery.tw"]')!;
    const button = doc.createElement('div');
    button.setAttribute('role', 'button');
    link.replaceWith(button);
    const reading = read('own-post.html', doc);
    expect(reading.ownIdentity).toBeNull();
    expect(reading.health.replyBox).toBe('absent');
    expect(reading.comments).toHaveLength(5);
  });
});
