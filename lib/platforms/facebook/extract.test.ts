// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  canonicalPostUrl,
  canonicalProfileUrl,
  isLoggedOutPage,
  isPostPageUrl,
  parseCommentLink,
  parsePostLink,
  parseTimeLabel,
  readCounts,
  readText,
} from './extract';
import { anyOf, COMMENT, POST_CONTAINER, POST_CONTAINER_OR_COMMENT } from './selectors';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** The conformance suite's "now" (2026-03-01T00:00:00Z). */
const NOW = Date.UTC(2026, 2, 1);
/** A local wall-clock time (Facebook prints date labels in the viewer's time zone). */
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('isLoggedOutPage', () => {
  const page = (body: string) => new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
  it.each([
    ['a login form in the top bar', '<div role="banner"><form action="https://www.facebook.com/login/device-based/regular/login/"><input name="email"></form></div>', true],
    ['a password field alone', '<div><input type="password" name="pass"></div>', true],
    ['both', '<form action="/login/"><input name="pass"></form>', true],
    ['a signed-in page (a form that posts elsewhere, a search field)', '<form action="/search/"><input name="q"></form><a href="/me/">Me</a>', false],
  ])('%s: %s', (_name, body, expected) => {
    expect(isLoggedOutPage(page(body))).toBe(expected);
  });
});

describe('canonicalProfileUrl', () => {
  it.each([
    ['https://www.facebook.com/salmanmd.sultan.1?comment_id=Y29t&__cft__[0]=AZW&__tn__=R]-R', 'https://www.facebook.com/salmanmd.sultan.1'],
    ['https://www.facebook.com/LinsBakery.TW/', 'https://www.facebook.com/linsbakery.tw'],
    ['https://web.facebook.com/linsbakery.tw', 'https://www.facebook.com/linsbakery.tw'],
    ['https://m.facebook.com/linsbakery.tw?ref=bookmarks', 'https://www.facebook.com/linsbakery.tw'],
    ['/linsbakery.tw', 'https://www.facebook.com/linsbakery.tw'],
    ['https://www.facebook.com/profile.php?id=100004567890123&comment_id=Y29t', 'https://www.facebook.com/profile.php?id=100004567890123'],
    ['https://www.facebook.com/people/Chen-Mei-Ling/100004567890123/', 'https://www.facebook.com/profile.php?id=100004567890123'],
    ['https://www.facebook.com/groups/987654321098765/user/100056789012345/', 'https://www.facebook.com/profile.php?id=100056789012345'],
    ['https://www.facebook.com/100004567890123', 'https://www.facebook.com/profile.php?id=100004567890123'],
  ])('%s -> %s', (href, expected) => {
    expect(canonicalProfileUrl(href)).toBe(expected);
  });

  it.each([
    [null],
    [''],
    ['#'],
    ['https://www.facebook.com/'],
    ['https://www.facebook.com/watch/'],
    ['https://www.facebook.com/groups/feed/'],
    ['https://www.facebook.com/friends/'],
    ['https://www.facebook.com/hashtag/taipeibakery'],
    ['https://www.facebook.com/linsbakery.tw/posts/122145678901234567'],
    ['https://www.facebook.com/recover/initiate?ars=royal_blue_bar'],
    ['https://www.facebook.com/login/device-based/regular/login/'],
    ['https://www.facebook.com/permalink.php?story_fbid=1&id=2'],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com'],
    ['https://www.facebook.com.evil.example/linsbakery.tw'],
    ['https://www.instagram.com/linsbakery.tw'],
  ])('%s is not a profile', (href) => {
    expect(canonicalProfileUrl(href)).toBeNull();
  });
});

describe('parsePostLink and canonicalPostUrl', () => {
  it.each([
    // The conformance page's canonical address: a slug, then the numeric id.
    [
      'https://www.facebook.com/salmanmd.sultan.1/posts/closed-course-announcement/3741738029450159/',
      { kind: 'posts', id: '3741738029450159', owner: 'salmanmd.sultan.1', group: null },
      'https://www.facebook.com/salmanmd.sultan.1/posts/3741738029450159',
    ],
    [
      'https://www.facebook.com/linsbakery.tw/posts/pfbid02LnBkRy7mQw3XcT9hVb1ZpKs4Ud8EfGj6NaHt5CwYx2Me7iRo9PqLs3Ku4Dv6Wl?__cft__[0]=AZX&__tn__=%2CO%2CP-R',
      { kind: 'posts', id: 'pfbid02LnBkRy7mQw3XcT9hVb1ZpKs4Ud8EfGj6NaHt5CwYx2Me7iRo9PqLs3Ku4Dv6Wl', owner: 'linsbakery.tw', group: null },
      'https://www.facebook.com/linsbakery.tw/posts/pfbid02LnBkRy7mQw3XcT9hVb1ZpKs4Ud8EfGj6NaHt5CwYx2Me7iRo9PqLs3Ku4Dv6Wl',
    ],
    [
      'https://www.facebook.com/permalink.php?story_fbid=1234567890123456&id=100004567890123',
      { kind: 'permalink', id: '1234567890123456', owner: '100004567890123', group: null },
      'https://www.facebook.com/permalink.php?story_fbid=1234567890123456&id=100004567890123',
    ],
    [
      'https://www.facebook.com/story.php?story_fbid=1234567890123456&id=100004567890123',
      { kind: 'permalink', id: '1234567890123456', owner: '100004567890123', group: null },
      'https://www.facebook.com/permalink.php?story_fbid=1234567890123456&id=100004567890123',
    ],
    [
      'https://www.facebook.com/groups/987654321098765/posts/1357913579135791/',
      { kind: 'group', id: '1357913579135791', owner: null, group: '987654321098765' },
      'https://www.facebook.com/groups/987654321098765/posts/1357913579135791',
    ],
    [
      'https://www.facebook.com/groups/taipeifoodies/permalink/1357913579135791/',
      { kind: 'group', id: '1357913579135791', owner: null, group: 'taipeifoodies' },
      'https://www.facebook.com/groups/taipeifoodies/posts/1357913579135791',
    ],
    [
      'https://www.facebook.com/photo/?fbid=122145678901200001&set=pcb.122145678901234567',
      { kind: 'photo', id: '122145678901200001', owner: null, group: null },
      'https://www.facebook.com/photo/?fbid=122145678901200001',
    ],
    [
      'https://www.facebook.com/photo.php?fbid=10150000000000001&set=a.1&type=3',
      { kind: 'photo', id: '10150000000000001', owner: null, group: null },
      'https://www.facebook.com/photo/?fbid=10150000000000001',
    ],
    [
      'https://www.facebook.com/reel/1029384756102938/?s=ifu',
      { kind: 'reel', id: '1029384756102938', owner: null, group: null },
      'https://www.facebook.com/reel/1029384756102938',
    ],
    [
      'https://www.facebook.com/taipeieats/videos/ten-bakeries/1029384756102938/',
      { kind: 'video', id: '1029384756102938', owner: 'taipeieats', group: null },
      'https://www.facebook.com/taipeieats/videos/1029384756102938',
    ],
    [
      'https://web.facebook.com/watch/?v=1029384756102938',
      { kind: 'video', id: '1029384756102938', owner: null, group: null },
      'https://www.facebook.com/watch/?v=1029384756102938',
    ],
  ])('%s', (href, link, url) => {
    const parsed = parsePostLink(href);
    expect(parsed).toEqual(link);
    expect(canonicalPostUrl(parsed!)).toBe(url);
  });

  it.each([
    ['https://www.facebook.com/linsbakery.tw'],
    ['https://www.facebook.com/profile.php?id=100004567890123'],
    ['https://www.facebook.com/share/p/1Jy2sB81LJ/'],
    ['https://www.facebook.com/hashtag/taipeibakery'],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.facebook.com%2Fx%2Fposts%2F1'],
    ['https://www.facebook.com/linsbakery.tw/posts/'],
    ['https://www.facebook.com/photo/?fbid=abc'],
  ])('%s is not a post link', (href) => {
    expect(parsePostLink(href)).toBeNull();
  });
});

describe('isPostPageUrl (expectsPost)', () => {
  it.each([
    ['https://www.facebook.com/linsbakery.tw/posts/122145678901234567', true],
    ['https://www.facebook.com/permalink.php?story_fbid=1234567890123456&id=100004567890123', true],
    ['https://www.facebook.com/groups/987654321098765/permalink/1357913579135791/', true],
    ['https://www.facebook.com/photo/?fbid=122145678901200001', true],
    ['https://www.facebook.com/reel/1029384756102938', true],
    ['https://www.facebook.com/taipeieats/videos/1029384756102938/', true],
    ['https://www.facebook.com/watch/?v=1029384756102938', true],
    ['https://www.facebook.com/share/p/1Jy2sB81LJ/', true],
    ['https://www.facebook.com/', false],
    ['https://www.facebook.com/linsbakery.tw', false],
    ['https://www.facebook.com/groups/987654321098765/', false],
    ['https://www.facebook.com/watch/', false],
  ])('%s -> %s', (url, expected) => {
    expect(isPostPageUrl(new URL(url))).toBe(expected);
  });
});

describe('parseCommentLink', () => {
  const b64 = (s: string) => encodeURIComponent(btoa(s));
  it.each([
    ['https://www.facebook.com/x/posts/pfbid0Ab?comment_id=1772521800368774&__cft__[0]=AZW', { commentId: '1772521800368774', parentId: null, postId: null }],
    [
      'https://www.facebook.com/x/posts/pfbid0Ab?comment_id=1098765432109876&reply_comment_id=1187654321098765',
      { commentId: '1187654321098765', parentId: '1098765432109876', postId: null },
    ],
    // Profile links under a comment carry base64 of "comment:<post>_<comment>".
    [`https://www.facebook.com/salmanmd.sultan.1?comment_id=${b64('comment:3741738029450159_1772521800368774')}`, { commentId: '1772521800368774', parentId: null, postId: '3741738029450159' }],
    ['https://www.facebook.com/x?comment_id=3741738029450159_1772521800368774', { commentId: '1772521800368774', parentId: null, postId: '3741738029450159' }],
    // The parameter's name percent-encoded still names it (links are only parsed when they may name a comment).
    ['https://www.facebook.com/x/posts/1?comment%5Fid=1772521800368774', { commentId: '1772521800368774', parentId: null, postId: null }],
    ['https://www.facebook.com/x/posts/1?COMMENT%5fid=1&comment%5fid=1772521800368774', { commentId: '1772521800368774', parentId: null, postId: null }],
  ])('%s', (href, expected) => {
    expect(parseCommentLink(href)).toEqual(expected);
  });

  it.each([
    ['https://www.facebook.com/x/posts/1'],
    ['https://www.facebook.com/x/posts/1?reply_comment_id=1187654321098765'],
    ['https://www.facebook.com/x/posts/1?COMMENT_ID=1772521800368774'],
    ['https://www.facebook.com/x/posts/1?comment_id='],
    ['https://www.facebook.com/x/posts/1?comment_id=not%20an%20id'],
    [`https://www.facebook.com/x?comment_id=${encodeURIComponent(btoa('feedback:1'))}`],
    ['https://example.com/?comment_id=1'],
  ])('%s names no comment', (href) => {
    expect(parseCommentLink(href)).toBeNull();
  });
});

describe('parseTimeLabel', () => {
  it.each([
    // Relative labels, en and zh-TW (Facebook's short forms).
    ['1w', 'en', NOW - 7 * DAY, 'week'],
    ['4h', 'en', NOW - 4 * HOUR, 'hour'],
    ['45m', 'en', NOW - 45 * MIN, 'minute'],
    ['3d', 'en', NOW - 3 * DAY, 'day'],
    ['2小時', 'zh-TW', NOW - 2 * HOUR, 'hour'],
    ['1天', 'zh-TW', NOW - DAY, 'day'],
    ['3週', 'zh-TW', NOW - 21 * DAY, 'week'],
    ['剛剛', 'zh-TW', NOW, 'minute'],
    // Date labels, in the viewer's time zone; without a year, the latest such date not after now.
    ['30 May at 11:02', 'en', local(2025, 5, 30, 11, 2), 'minute'],
    ['14 February at 09:15', 'en', local(2026, 2, 14, 9, 15), 'minute'],
    ['February 14 at 9:15 PM', 'en', local(2026, 2, 14, 21, 15), 'minute'],
    ['May 30, 2024', 'en', local(2024, 5, 30), 'day'],
    ['Yesterday at 18:20', 'en', local(2026, 2, 28, 18, 20), 'minute'],
    ['2月14日 下午3:30', 'zh-TW', local(2026, 2, 14, 15, 30), 'minute'],
    ['5月30日 上午11:02', 'zh-TW', local(2025, 5, 30, 11, 2), 'minute'],
    ['2024年5月30日', 'zh-TW', local(2024, 5, 30), 'day'],
    ['昨天上午10:15', 'zh-TW', local(2026, 2, 28, 10, 15), 'minute'],
    ['30 de maio às 11:02', 'pt-BR', local(2025, 5, 30, 11, 2), 'minute'],
  ])('%j (%s)', (label, lang, at, precision) => {
    expect(parseTimeLabel(label, lang, NOW)).toEqual({ at, precision });
  });

  it.each([[''], ['Public'], ['公開'], ['See more'], ['31 June at 10:00'], ['25:99']])('%j -> null', (label) => {
    expect(parseTimeLabel(label, 'en', NOW)).toBeNull();
  });
});

describe('readText', () => {
  const el = (markup: string) => {
    const doc = new DOMParser().parseFromString(`<div id="root">${markup}</div>`, 'text/html');
    return doc.getElementById('root')!;
  };

  it.each([
    ['lines and line breaks', '<div><div dir="auto">第一行<br>second line</div></div><div><div dir="auto">第三段</div></div>', '第一行\nsecond line\n第三段'],
    ['emoji drawn as images', '<div dir="auto"><span><img alt="🎟️" src="data:,"></span> Coupon <img alt="🇹🇼" src="data:,"></div>', '🎟️ Coupon 🇹🇼'],
    ['non-emoji images are not text', '<div dir="auto">Photo <img alt="May be an image of bread" src="data:,"></div>', 'Photo'],
    ['the See more control is not text', '<div dir="auto">Ekhonkar …<div role="button" tabindex="0">See more</div></div>', 'Ekhonkar …'],
    ['links keep their text', '<div dir="auto">Link: <a href="https://l.facebook.com/l.php?u=x">https://youtu.be/IHr893qh76k</a></div>', 'Link: https://youtu.be/IHr893qh76k'],
    ['spaces collapse, template newlines are spaces', '<div dir="auto">a   b\n   c</div>', 'a b c'],
    ['one plain line, trimmed', '<span> Ann Lee </span>', 'Ann Lee'],
    ['a no-break space is a space', '<span>1.2\u00a0K</span>', '1.2 K'],
    ['zero-width characters go', '<span>Ann\u200b Lee\ufeff</span>', 'Ann Lee'],
    ['an svg (lower-case localName) is not text', '<span><svg viewBox="0 0 1 1"><text>icon</text></svg>Like</span>', 'Like'],
  ])('%s', (_name, markup, expected) => {
    expect(readText(el(markup))).toBe(expected);
  });
});

describe('POST_CONTAINER_OR_COMMENT', () => {
  it('matches exactly what POST_CONTAINER or COMMENT matches', () => {
    const doc = new DOMParser().parseFromString('<body></body>', 'text/html');
    const both = `${anyOf(POST_CONTAINER)}, ${anyOf(COMMENT)}`;
    const union = anyOf(POST_CONTAINER_OR_COMMENT);
    let checked = 0;
    for (const tag of ['div', 'span', 'article'])
      for (const role of [null, 'article', 'feed', 'button'])
        for (const attrs of [[], ['aria-posinset'], ['aria-labelledby'], ['aria-label'], ['aria-posinset', 'aria-labelledby'], ['aria-posinset', 'aria-label'], ['aria-labelledby', 'aria-label'], ['aria-posinset', 'aria-labelledby', 'aria-label']]) {
          const el = doc.createElement(tag);
          if (role !== null) el.setAttribute('role', role);
          for (const a of attrs) el.setAttribute(a, '1');
          expect(el.matches(union), `${tag} role=${role} ${attrs.join(' ')}`).toBe(el.matches(both));
          checked++;
        }
    expect(checked).toBe(96);
  });
});

describe('readCounts', () => {
  const post = (bar: boolean) => {
    const doc = new DOMParser().parseFromString(`<div id="root">
      <div role="button" aria-expanded="false"><span>12 comments</span></div>
      <div role="button"><span>3 shares</span></div>
      ${bar ? '<div role="button"><i data-visualcompletion="css-img"></i><span>Like</span></div><div role="button"><i data-visualcompletion="css-img"></i><span>Comment</span></div>' : ''}
      <div role="article" id="c1"><div role="button"><span>Like</span></div><div role="button"><span>Reply</span></div><div role="button"><span>2 replies</span></div></div>
      <div role="article" id="c2"><div role="button"><span>Like</span></div><div role="button"><span>Reply</span></div></div></div>`, 'text/html');
    return doc.getElementById('root') as HTMLElement;
  };
  const inComment = (el: Element) => el.closest('[role="article"]') !== null;

  it('looks at no control after the post\'s first action button (a busy post\'s comments have hundreds)', () => {
    const root = post(true);
    const asked: Element[] = [];
    const owned = (el: Element) => {
      asked.push(el);
      return !inComment(el);
    };
    const read = readCounts(root, owned, [], [...root.querySelectorAll('[role="article"]')], '1');
    expect(read.counts).toEqual({ reactions: 0, comments: 12, shares: 3, views: null });
    expect(read.footerStart?.textContent).toBe('Like');
    expect(asked.filter((el) => el.getAttribute('role') === 'button').map((el) => el.textContent)).toEqual(['12 comments', '3 shares', 'Like']);
  });

  it('reads a count written in full-width digits (its text is asked for only when it shows a digit)', () => {
    const doc = new DOMParser().parseFromString(`<div id="root">
      <div role="button" aria-expanded="false"><span>１２ 則留言</span></div>
      <div role="button"><span>３ 次分享</span></div>
      <div role="button"><i data-visualcompletion="css-img"></i><span>讚</span></div></div>`, 'text/html');
    const read = readCounts(doc.getElementById('root') as HTMLElement, () => true, [], [], '1');
    expect(read.counts).toEqual({ reactions: 0, comments: 12, shares: 3, views: null });
    expect(read.footerStart?.textContent).toBe('讚');
  });

  it('without an action bar, reads the counts before the first comment, the comments\' own controls left out', () => {
    const root = post(false);
    const comments = [...root.querySelectorAll('[role="article"]')];
    const read = readCounts(root, (el) => !inComment(el), [], comments, '1');
    expect(read.counts).toEqual({ reactions: 0, comments: 12, shares: 3, views: null });
    expect(read.footerStart).toBe(comments[0]);
  });
});
