// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { subjectOf } from '../selectors';
import * as S from './selectors';
import {
  canonicalPostUrl,
  canonicalProfileUrl,
  findActionRow,
  parseThreadsHref,
  postCodeOfPage,
  readActionCount,
  readPostParts,
  readText,
} from './extract';

const NOW = Date.UTC(2026, 1, 20, 4, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function html(markup: string): Element {
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${markup}</body></html>`, 'text/html');
  return doc.body.firstElementChild!;
}

/** A post the way Threads renders it (header row, text, action row), with the parts a test varies. */
function postMarkup({ time, counts = ['', '', '', ''], labels = ['Like', 'Reply', 'Repost', 'Share'], text = 'hello' }: {
  time: string;
  counts?: string[];
  labels?: string[];
  text?: string;
}): string {
  const buttons = labels
    .map(
      (label, i) =>
        `<div><div role="button" tabindex="0"><div><svg aria-label="${label}" role="img"><title>${label}</title><path d=""></path></svg>${
          counts[i] ? `<span dir="auto"><div><span>${counts[i]}</span></div></span>` : ''
        }</div></div></div>`,
    )
    .join('');
  return `<div data-pressable-container="true">
    <div><a href="/@amy.wu.tpe" role="link"><img alt="" src="data:,"></a></div>
    <div><div><a href="/@amy.wu.tpe" role="link"><span dir="auto" translate="no"><span>amy.wu.tpe</span></span></a>
      <span dir="auto"><a href="/@amy.wu.tpe/post/DThM1aB2c3D" role="link">${time}</a></span></div>
      <div aria-haspopup="menu" role="button"><svg aria-label="More" role="img"><title>More</title></svg></div></div>
    <div><div><span dir="auto"><span>${text}</span></span></div><div class="actions"><div>${buttons}</div></div></div>
  </div>`;
}

describe('selectors the reader searches for by their subject', () => {
  it('finds post and profile links among the links (every variant is one compound on a link with an href)', () => {
    for (const v of [...S.POST_LINK, ...S.PROFILE_LINK]) {
      expect(v.startsWith('a[href'), v).toBe(true);
      expect(subjectOf(v), v).toBeNull();
    }
  });

  it('finds images by tag (every POST_IMAGE variant selects an img)', () => {
    for (const v of S.POST_IMAGE) expect(subjectOf(v) ?? v, v).toBe('img');
  });
});

describe('parseThreadsHref', () => {
  it.each([
    ['/@zuck', { handle: 'zuck', code: null }],
    ['/@zuck/post/DSVRshjkbtK', { handle: 'zuck', code: 'DSVRshjkbtK' }],
    ['/@Lin.Bakery_TW/post/DThK3pLm9Qx/media', { handle: 'lin.bakery_tw', code: 'DThK3pLm9Qx' }],
    ['/@linsbakery.tw/post/DThK3pLm9Qx/activity', { handle: 'linsbakery.tw', code: 'DThK3pLm9Qx' }],
    ['https://www.threads.net/@zuck/post/DSVRshjkbtK?xmt=AQG', { handle: 'zuck', code: 'DSVRshjkbtK' }],
    ['https://threads.com/@zuck', { handle: 'zuck', code: null }],
    ['https://www.threads.net/t/CuXFPIeLLod', { handle: null, code: 'CuXFPIeLLod' }],
    ['/search?q=ai&serp_type=tags', null],
    ['/login?show_choice_screen=false', null],
    ['https://l.threads.com/?u=https%3A%2F%2Fwww.instagram.com%2Fzuck%2F', null],
    ['https://www.instagram.com/zuck/', null],
    ['/', null],
    ['', null],
  ])('%s', (href, expected) => {
    expect(parseThreadsHref(href)).toEqual(expected);
  });
});

describe('canonical urls', () => {
  it.each([
    ['/@zuck', 'https://www.threads.com/@zuck'],
    ['/@Zuck/', 'https://www.threads.com/@zuck'],
    ['https://www.threads.net/@zuck?hl=zh-tw', 'https://www.threads.com/@zuck'],
    ['https://threads.com/@linsbakery.tw/post/DThK3pLm9Qx', 'https://www.threads.com/@linsbakery.tw'],
    ['/search', null],
    [null, null],
  ])('profile %s -> %s', (href, expected) => {
    expect(canonicalProfileUrl(href)).toBe(expected);
  });

  it('builds post urls on www.threads.com', () => {
    expect(canonicalPostUrl('zuck', 'DSVRshjkbtK')).toBe('https://www.threads.com/@zuck/post/DSVRshjkbtK');
    expect(canonicalPostUrl(null, 'CuXFPIeLLod')).toBe('https://www.threads.com/t/CuXFPIeLLod');
  });

  it.each([
    ['https://www.threads.com/@zuck/post/DSVRshjkbtK', 'DSVRshjkbtK'],
    ['https://www.threads.net/@zuck/post/DSVRshjkbtK/media?xmt=1', 'DSVRshjkbtK'],
    ['https://www.threads.net/t/CuXFPIeLLod', 'CuXFPIeLLod'],
    ['https://www.threads.com/@zuck', null],
    ['https://www.threads.com/', null],
    ['https://www.threads.com/@zuck/replies', null],
    ['https://www.instagram.com/@zuck/post/DSVRshjkbtK', null],
  ])('post page code of %s is %s', (url, code) => {
    expect(postCodeOfPage(new URL(url))).toBe(code);
  });
});

describe('readText', () => {
  it.each([
    ['newlines inside the text are line breaks', '<span dir="auto"><span>line one\nline two\n\nafter a blank line</span></span>', 'line one\nline two\n\nafter a blank line'],
    ['<br> is a line break', '<span dir="auto"><span>一行<br>兩行 🍍</span></span>', '一行\n兩行 🍍'],
    ['icons and controls are skipped', '<span dir="auto"><span>Check it out: </span><a href="/@amy" role="link">@amy</a><svg><title>Verified</title></svg><div role="button">Translate</div></span>', 'Check it out: @amy'],
    ['block boundaries are line breaks', '<div><div>first</div><div>second</div></div>', 'first\nsecond'],
    ['runs of spaces collapse, emoji stay', '<span>  a   b 🧑‍🍳  </span>', 'a b 🧑‍🍳'],
  ])('%s', (_name, markup, expected) => {
    expect(readText(html(markup))).toBe(expected);
  });
});

describe('readActionCount', () => {
  const button = (count: string) =>
    html(`<div role="button"><svg aria-label="讚" role="img"><title>讚</title></svg>${count === '' ? '' : `<span dir="auto"><div><span>${count}</span></div></span>`}</div>`);
  it.each([
    ['2.1K', 2100],
    ['1K', 1000],
    ['12K', 12000],
    ['287', 287],
    ['1,024', 1024],
    ['1.2萬', 12000],
    ['3.4万', 34000],
    ['1,2 mil', 1200],
    ['', 0], // Threads prints nothing for zero: the button is there, so it is 0
    ['—', null], // printed but unreadable: unknown, never 0
  ])('%s -> %s', (count, expected) => {
    expect(readActionCount(button(count))).toBe(expected);
  });
});

describe('findActionRow', () => {
  it('takes the four icon buttons in order and leaves out menus, the follow badge and media controls', () => {
    const el = html(`<div data-pressable-container="true">
      <div><a href="/@a" role="link"><img alt="" src="data:,"></a><div role="button" id="follow"><svg><title>Follow</title></svg></div></div>
      <div><a href="/@a" role="link">a</a><a href="/@a/post/DAbcdef123"><time datetime="2026-02-20T00:00:00Z">4h</time></a>
        <div aria-haspopup="menu" role="button" id="menu"><svg><title>More</title></svg></div></div>
      <div><div role="button" id="media"><img alt="" src="data:,"><div role="button" id="mute"><svg><title>Audio is muted</title></svg></div></div></div>
      <div><div><div role="button" id="b1"><svg></svg>3</div></div><div><div role="button" id="b2"><svg></svg></div></div>
        <div><div role="button" id="b3"><svg></svg></div></div><div><div role="button" id="b4"><svg></svg>1</div></div></div>
    </div>`);
    const owned = () => true;
    const row = findActionRow(el, el.querySelector('a[href*="/post/"]'), owned);
    expect(row?.buttons.map((b) => b.id)).toEqual(['b1', 'b2', 'b3', 'b4']);
  });

  it('finds no row when the post shows fewer than three icon buttons', () => {
    const el = html(`<div><a href="/@a/post/DAbcdef123"><time>4h</time></a><div role="button"><svg></svg></div><div role="button"><svg></svg></div></div>`);
    expect(findActionRow(el, el.querySelector('a'), () => true)).toBeNull();
  });
});

describe('readPostParts: times and counts in en and zh-TW', () => {
  it.each([
    ['absolute datetime wins over the label', '<time datetime="2025-12-16T17:18:28.000Z" title="Wednesday, December 17, 2025 at 1:18 AM">12/17/25</time>', { at: Date.parse('2025-12-16T17:18:28.000Z'), precision: 'exact' }],
    ['zh-TW absolute', '<time datetime="2026-02-18T03:00:00.000Z" title="2026年2月18日 星期三 上午11:00">2天</time>', { at: Date.parse('2026-02-18T03:00:00.000Z'), precision: 'exact' }],
    ['en hours without datetime', '<time>3h</time>', { at: NOW - 3 * HOUR, precision: 'hour' }],
    ['en minutes without datetime', '<time>45m</time>', { at: NOW - 45 * 60_000, precision: 'minute' }],
    ['en days without datetime', '<time>2d</time>', { at: NOW - 2 * DAY, precision: 'day' }],
    ['zh-TW hours without datetime', '<time>3小時</time>', { at: NOW - 3 * HOUR, precision: 'hour' }],
    ['zh-TW minutes without datetime', '<time>12分鐘</time>', { at: NOW - 12 * 60_000, precision: 'minute' }],
    ['zh-TW days without datetime', '<time>2天</time>', { at: NOW - 2 * DAY, precision: 'day' }],
    ['zh-TW weeks without datetime (rounded down to the day)', '<time>1週</time>', { at: Math.floor((NOW - 7 * DAY) / DAY) * DAY, precision: 'week' }],
    ['a date label without datetime is not guessed', '<time>12/17/25</time>', null],
  ])('%s', (_name, time, expected) => {
    const parts = readPostParts(html(postMarkup({ time })), NOW);
    expect(parts.publishedAt).toEqual(expected);
    expect(parts.code).toBe('DThM1aB2c3D');
  });

  it.each([
    ['en', ['Like', 'Reply', 'Repost', 'Share'], ['2.1K', '287', '161', '120'], [2100, 287, 161]],
    ['zh-TW', ['讚', '留言', '轉發', '分享'], ['1.2萬', '356', '1,024', '88'], [12000, 356, 1024]],
    ['pt-BR', ['Curtir', 'Responder', 'Repostar', 'Compartilhar'], ['1,2 mil', '87', '', '4'], [1200, 87, 0]],
  ])('counts by position, whatever the labels say (%s)', (_lang, labels, counts, [likes, replies, reposts]) => {
    const parts = readPostParts(html(postMarkup({ time: '<time datetime="2026-02-20T00:00:00Z">4h</time>', labels, counts })), NOW);
    const buttons = parts.actions?.buttons ?? [];
    expect(buttons).toHaveLength(4);
    expect(buttons.slice(0, 3).map(readActionCount)).toEqual([likes, replies, reposts]);
  });

  it('reads the author from the header row and the text from the body', () => {
    const parts = readPostParts(html(postMarkup({ time: '<time datetime="2026-02-20T00:00:00Z">4h</time>', text: '上次去超好玩！\n老師很有耐心 👍' })), NOW);
    expect(parts.author).toEqual({ name: 'amy.wu.tpe', profileUrl: 'https://www.threads.com/@amy.wu.tpe' });
    expect(parts.text).toBe('上次去超好玩！\n老師很有耐心 👍');
    expect(parts.mediaKind).toBe('text');
  });
});
