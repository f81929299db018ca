// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  canonicalPostUrl,
  canonicalProfileUrl,
  commentRefFromHref,
  findEditor,
  findReplyButton,
  isPostPageUrl,
  postRefFromHref,
  readCounts,
  readOwnIdentity,
  readText,
  readTime,
} from './extract';

function html(body: string, lang = 'en'): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html lang="${lang}"><body>${body}</body></html>`, 'text/html');
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** A whole UTC day, so relative labels give plain arithmetic. */
const NOW = Date.UTC(2026, 1, 20);

describe('urls', () => {
  it.each([
    ['/linsbakery.tw/', 'https://www.instagram.com/linsbakery.tw/'],
    ['https://www.instagram.com/LinsBakery.TW/?hl=en', 'https://www.instagram.com/linsbakery.tw/'],
    ['https://instagram.com/shanlan.tea', 'https://www.instagram.com/shanlan.tea/'],
    ['/shanlan.tea/#top', 'https://www.instagram.com/shanlan.tea/'],
    ['/explore/', null],
    ['/reels/', null],
    ['/direct/inbox/', null],
    ['/p/DUq7LbK3xAe/', null],
    ['/linsbakery.tw/tagged/', null],
    ['/reels/audio/25785829071112098/', null],
    ['/explore/tags/taipeibakery/', null],
    ['https://www.threads.com/@linsbakery.tw', null],
    ['https://about.instagram.com/', null],
    ['#', null],
    ['', null],
  ])('canonicalProfileUrl(%j) is %j', (href, expected) => {
    expect(canonicalProfileUrl(href)).toBe(expected);
  });

  it.each([
    ['/p/DUq7LbK3xAe/', { code: 'DUq7LbK3xAe', kind: 'p' }],
    ['/linsbakery.tw/p/DUq7LbK3xAe/', { code: 'DUq7LbK3xAe', kind: 'p' }],
    ['/noticiascaracol/reel/DT384V5kcE3/', { code: 'DT384V5kcE3', kind: 'reel' }],
    ['https://www.instagram.com/reel/DT384V5kcE3/?igsh=abc', { code: 'DT384V5kcE3', kind: 'reel' }],
    ['/tv/B_x-12345/', { code: 'B_x-12345', kind: 'tv' }],
    ['/p/DUq7LbK3xAe', { code: 'DUq7LbK3xAe', kind: 'p' }],
    ['/p/DUq7LbK3xAe/c/17909243211302326/', null],
    ['/p/DUq7LbK3xAe/liked_by/', null],
    ['/explore/p/DUq7LbK3xAe/', null],
    ['/linsbakery.tw/', null],
    ['https://www.facebook.com/p/DUq7LbK3xAe/', null],
  ])('postRefFromHref(%j) is %j', (href, expected) => {
    expect(postRefFromHref(href)).toEqual(expected);
  });

  it('builds canonical post urls like Instagram’s own rel=canonical', () => {
    expect(canonicalPostUrl({ code: 'DUq7LbK3xAe', kind: 'p' })).toBe('https://www.instagram.com/p/DUq7LbK3xAe/');
    expect(canonicalPostUrl({ code: 'DT384V5kcE3', kind: 'reel' })).toBe('https://www.instagram.com/reel/DT384V5kcE3/');
  });

  it.each([
    ['/p/DT384V5kcE3/c/17909243211302326/', { code: 'DT384V5kcE3', commentId: '17909243211302326', parentId: null }],
    ['/noticiascaracol/reel/DT384V5kcE3/c/17909243211302326/', { code: 'DT384V5kcE3', commentId: '17909243211302326', parentId: null }],
    ['/p/DUq7LbK3xAe/c/18061234567890101/r/18061234567890102/', { code: 'DUq7LbK3xAe', commentId: '18061234567890102', parentId: '18061234567890101' }],
    ['/p/DUq7LbK3xAe/comment/18061234567890101/', null],
    ['/p/DUq7LbK3xAe/c/abc/', null],
    ['/p/DUq7LbK3xAe/', null],
  ])('commentRefFromHref(%j) is %j', (href, expected) => {
    expect(commentRefFromHref(href)).toEqual(expected);
  });

  it.each([
    ['https://www.instagram.com/p/DUq7LbK3xAe/', true],
    ['https://www.instagram.com/thenews.cc/p/DRQcDGdF956/', true],
    ['https://www.instagram.com/noticiascaracol/reel/DT384V5kcE3/', true],
    ['https://www.instagram.com/p/DT384V5kcE3/c/17909243211302326/', true],
    ['https://www.instagram.com/', false],
    ['https://www.instagram.com/linsbakery.tw/', false],
    ['https://www.instagram.com/reels/', false],
    ['https://www.instagram.com/explore/', false],
    ['https://www.facebook.com/p/DUq7LbK3xAe/', false],
  ])('isPostPageUrl(%s) is %s', (url, expected) => {
    expect(isPostPageUrl(new URL(url))).toBe(expected);
  });
});

describe('readText', () => {
  it('keeps line breaks, emoji, mentions and hashtags; skips controls and icons', () => {
    const doc = html(
      '<span id="t">新品上市 🥐<br><br>Limited  to 40 a day\n   first come <a href="/kai_in_tw/">@kai_in_tw</a> <a href="/explore/tags/taipei/">#taipei</a>' +
        '<svg aria-label="Verified"><title>Verified</title></svg><span role="button">… more</span></span>',
    );
    expect(readText(doc.getElementById('t')!)).toBe('新品上市 🥐\n\nLimited to 40 a day first come @kai_in_tw #taipei');
  });
});

describe('readTime', () => {
  it.each([
    // The datetime attribute wins over the label.
    ['<time datetime="2026-01-24T01:01:43.000Z" title="Jan 23, 2026">17 hours ago</time>', { at: Date.parse('2026-01-24T01:01:43.000Z'), precision: 'exact' }],
    // Without it, the label in the UI language.
    ['<time>17h</time>', { at: NOW - 17 * HOUR, precision: 'hour' }],
    ['<time>17 hours ago</time>', { at: NOW - 17 * HOUR, precision: 'hour' }],
    ['<time>1w</time>', { at: NOW - 7 * DAY, precision: 'week' }],
    ['<time>3小時</time>', { at: NOW - 3 * HOUR, precision: 'hour' }],
    ['<time>2天</time>', { at: NOW - 2 * DAY, precision: 'day' }],
    ['<time>2 天前</time>', { at: NOW - 2 * DAY, precision: 'day' }],
    ['<time>2週</time>', { at: NOW - 14 * DAY, precision: 'week' }],
    ['<time>há 21 horas</time>', { at: NOW - 21 * HOUR, precision: 'hour' }],
    ['<time>21 h</time>', { at: NOW - 21 * HOUR, precision: 'hour' }],
    ['<time>1 sem</time>', { at: NOW - 7 * DAY, precision: 'week' }],
    ['<time title="19 de novembro de 2025">19 de novembro</time>', null],
  ])('%s', (markup, expected) => {
    expect(readTime(html(markup).querySelector('time'), NOW)).toEqual(expected);
  });

  it('is null without an element', () => {
    expect(readTime(null, NOW)).toBeNull();
  });
});

/** An action bar as the 2025–2026 markup prints it: each count right after its icon. */
function bar(labels: [string, string, string, string], counts: [string | null, string | null, string | null]): string {
  const icon = (label: string) => `<svg aria-label="${label}" role="img"><title>${label}</title></svg>`;
  const count = (value: string | null) => (value === null ? '' : `<span role="button" tabindex="0">${value}</span>`);
  return (
    `<section><div>` +
    `<span><div><div role="button" tabindex="0"><div><span>${icon(labels[0])}</span></div></div></div></span>${count(counts[0])}` +
    `<span><div role="button" tabindex="0"><div>${icon(labels[1])}</div></div></span>${count(counts[1])}` +
    `<div role="button" tabindex="0">${icon(labels[2])}</div>${count(counts[2])}` +
    `</div><div><div aria-disabled="false" role="button"><div role="button">${icon(labels[3])}</div></div></div></section>`
  );
}
const EN_ICONS: [string, string, string, string] = ['Like', 'Comment', 'Share', 'Save'];
const ZH_ICONS: [string, string, string, string] = ['讚', '留言', '分享', '儲存'];
const PT_ICONS: [string, string, string, string] = ['Curtir', 'Comentar', 'Compartilhar', 'Salvar'];

describe('readCounts', () => {
  it.each([
    ['en, beside the icons', bar(EN_ICONS, ['1,204', '86', '15']), { reactions: 1204, comments: 86, shares: 15, views: null }, 'ok'],
    ['en, abbreviated', bar(EN_ICONS, ['12.4K', '301', '1,024']), { reactions: 12400, comments: 301, shares: 1024, views: null }, 'ok'],
    ['zh-TW, 萬', bar(ZH_ICONS, ['1.2萬', '45', null]), { reactions: 12000, comments: 45, shares: null, views: null }, 'ok'],
    ['pt-BR, mil', bar(PT_ICONS, ['11,7 mil', '1,1 mil', null]), { reactions: 11700, comments: 1100, shares: null, views: null }, 'ok'],
    ['a zero comment count is omitted beside its icon', bar(EN_ICONS, ['7', null, null]), { reactions: 7, comments: 0, shares: null, views: null }, 'ok'],
    ['likes and comments hidden: unknown, not 0', bar(EN_ICONS, [null, null, null]), { reactions: null, comments: null, shares: null, views: null }, 'absent'],
    ['a placeholder instead of the like count', bar(EN_ICONS, ['…', '12', null]), { reactions: null, comments: 12, shares: null, views: null }, 'broken'],
    [
      '2024 card: likes link and "view all" link (en)',
      bar(EN_ICONS, [null, null, null]) +
        '<section><a href="/p/DUr9XcT2bVw/liked_by/"><span><span>2,481</span> likes</span></a></section>' +
        '<div><a href="/p/DUr9XcT2bVw/comments/"><span>View all 57 comments</span></a></div>',
      { reactions: 2481, comments: 57, shares: null, views: null },
      'ok',
    ],
    [
      '2024 card (zh-TW): 個讚, 則留言',
      bar(ZH_ICONS, [null, null, null]) +
        '<section><a href="/p/DUt3HhJ5kLp/liked_by/"><span><span>1.2萬</span> 個讚</span></a></section>' +
        '<div><a href="/p/DUt3HhJ5kLp/comments/"><span>查看全部 358 則留言</span></a></div>',
      { reactions: 12000, comments: 358, shares: null, views: null },
      'ok',
    ],
    [
      '2024 card with likes hidden ("others" link without a number)',
      bar(EN_ICONS, [null, null, null]) + '<section>Liked by <a href="/kai_in_tw/">kai_in_tw</a> and <a href="/p/DUr9XcT2bVw/liked_by/">others</a></section>',
      { reactions: null, comments: null, shares: null, views: null },
      'ok',
    ],
  ])('%s', (_name, markup, counts, health) => {
    const article = html(`<article>${markup}</article>`).querySelector('article')!;
    const read = readCounts(article, () => true, () => false, 0, 'X');
    expect(read.counts).toEqual(counts);
    expect(read.health).toBe(health);
  });

  it('keeps a missing comment number unknown when comments are loaded', () => {
    const article = html(`<article>${bar(EN_ICONS, ['7', null, null])}</article>`).querySelector('article')!;
    expect(readCounts(article, () => true, () => false, 3, 'X').counts.comments).toBeNull();
  });

  it('reports a post without an action bar as broken', () => {
    const article = html('<article><a href="/p/DUr9XcT2bVw/"><time datetime="2026-02-19T13:20:00Z">1d</time></a></article>').querySelector('article')!;
    const read = readCounts(article, () => true, () => false, 0, 'DUr9XcT2bVw');
    expect(read.health).toBe('broken');
    expect(read.notes[0]).toMatch(/action bar/);
  });
});

describe('findEditor', () => {
  const container = (body: string) => html(`<main role="main">${body}</main>`).querySelector('main')!;
  const idOf = (el: Element | null) => el?.id ?? null;

  it('takes the variants in order, not the page order: a textarea in a form before a labelled one outside it', () => {
    const main = container('<textarea id="loose" aria-label="Note"></textarea><section><form><textarea id="box" aria-label="Add a comment…"></textarea></form></section>');
    expect(idOf(findEditor(main))).toBe('box');
  });

  it('falls back to a labelled textarea when no form wraps it, and finds nothing without either', () => {
    expect(idOf(findEditor(container('<div><textarea id="bare"></textarea><textarea id="labelled" aria-label="新增留言……"></textarea></div>')))).toBe('labelled');
    expect(findEditor(container('<div><textarea></textarea><div contenteditable="true" aria-label="x"></div></div>'))).toBeNull();
  });

  it("skips a nested container's box (a card inside the post view)", () => {
    const main = container('<article><form><textarea id="nested" aria-label="a"></textarea></form></article><form><textarea id="own"></textarea></form>');
    expect(idOf(findEditor(main))).toBe('own');
    expect(idOf(findEditor(main.querySelector('article')!))).toBe('nested');
  });
});

describe('findReplyButton', () => {
  it.each([
    ['en', '<div role="button"><span>12 likes</span></div><div role="button"><span>Reply</span></div>', 'Reply'],
    ['zh-TW', '<div role="button"><span>5 個讚</span></div><div role="button"><span>回覆</span></div>', '回覆'],
    ['pt-BR, no likes yet', '<div role="button"><span>Responder</span></div><div role="button"><span>Ver tradução</span></div>', 'Responder'],
    ['only the heart icon', '<div role="button"><svg aria-label="Like"></svg></div>', null],
  ])('%s', (_name, controls, expected) => {
    const row = html(`<div id="row"><a href="/kai_in_tw/"><img alt=""></a><span>text</span>${controls}</div>`).getElementById('row')!;
    const button = findReplyButton(row);
    expect(button === null ? null : readText(button)).toBe(expected);
  });
});

describe('readOwnIdentity', () => {
  const nav = (profile: string) =>
    `<div><a href="/">Home</a><a href="/reels/">Reels</a><a href="/explore/">Explore</a>${profile}</div>`;

  it('reads the navigation’s profile link (username as the name)', () => {
    const doc = html(
      nav('<a href="/LinsBakery.tw/" role="link"><span role="link"><img alt="linsbakery.tw’s profile picture"></span><span>Profile</span></a>') +
        '<main role="main"><div><a href="/mei.eats.taipei/"><img alt=""></a></div></main>',
    );
    expect(readOwnIdentity(doc)).toEqual({ name: 'linsbakery.tw', profileUrl: 'https://www.instagram.com/linsbakery.tw/' });
  });

  it('ignores avatars inside posts and the feed (suggestions, commenters)', () => {
    const doc = html(nav('<a href="/accounts/login/">Log in</a>') + '<main role="main"><a href="/mei.eats.taipei/"><img alt=""></a><article><a href="/kai_in_tw/"><img alt=""></a></article></main>');
    expect(readOwnIdentity(doc)).toBeNull();
  });

  it('is null when logged out', () => {
    expect(readOwnIdentity(html('<div><a href="/accounts/login/">Log in</a><a href="/accounts/emailsignup/">Sign up</a></div>'))).toBeNull();
  });
});
