// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  canonicalProfileUrl,
  canonicalStatusUrl,
  controlCount,
  handleFromHref,
  isEmojiAlt,
  parseStatusHref,
  readOwnIdentity,
  readText,
  readTimeElement,
  readTweetRef,
  readTweetText,
  statusIdFromPageUrl,
} from './extract';

function html(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}

const NOW = Date.UTC(2026, 10, 20, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('urls and ids', () => {
  it.each([
    ['/skiinfomation', 'https://x.com/skiinfomation'],
    ['https://x.com/Titaniumanai', 'https://x.com/Titaniumanai'],
    ['https://twitter.com/linsbakery_tpe?s=20&t=abc', 'https://x.com/linsbakery_tpe'],
    ['https://mobile.twitter.com/linsbakery_tpe/', 'https://x.com/linsbakery_tpe'],
    ['/linsbakery_tpe/with_replies', 'https://x.com/linsbakery_tpe'],
    ['/linsbakery_tpe#top', 'https://x.com/linsbakery_tpe'],
  ])('profile url %j', (href, expected) => {
    expect(canonicalProfileUrl(href)).toBe(expected);
  });

  it.each([[null], [''], ['/home'], ['/i/grok'], ['/explore'], ['/hashtag/台北美食?src=hashtag_click'], ['https://example.com/someone'], ['/compose/post'], ['/not-a-handle!']])(
    'not a profile url %j',
    (href) => {
      expect(canonicalProfileUrl(href)).toBeNull();
    },
  );

  it.each([
    ['/narita_dome/status/1982977444014620930', { handle: 'narita_dome', id: '1982977444014620930' }],
    ['/narita_dome/status/1982977444014620930/photo/1', { handle: 'narita_dome', id: '1982977444014620930' }],
    ['/arscontexta/status/2013045749580259680/analytics', { handle: 'arscontexta', id: '2013045749580259680' }],
    ['https://twitter.com/jack/statuses/20', { handle: 'jack', id: '20' }],
    ['/i/web/status/1234567890', { handle: null, id: '1234567890' }],
    ['/arscontexta/article/2013045749580259680', null],
    ['/narita_dome', null],
    ['/home/status/1', null],
  ])('status link %j', (href, expected) => {
    expect(parseStatusHref(href)).toEqual(expected);
  });

  it.each([
    ['https://x.com/arscontexta/status/2013045749580259680', '2013045749580259680'],
    ['https://x.com/arscontexta/status/2013045749580259680/', '2013045749580259680'],
    ['https://twitter.com/jack/status/20?s=21', '20'],
    ['https://x.com/jack/status/20/photo/1', '20'],
    ['https://x.com/i/web/status/20', '20'],
    ['https://x.com/jack/status/20/quotes', null],
    ['https://x.com/skiinfomation', null],
    ['https://x.com/home', null],
    ['https://example.com/jack/status/20', null],
  ])('status page %j', (url, expected) => {
    expect(statusIdFromPageUrl(new URL(url))).toBe(expected);
  });

  it('builds canonical status urls', () => {
    expect(canonicalStatusUrl('skiinfomation', '1982970378755748177')).toBe('https://x.com/skiinfomation/status/1982970378755748177');
    expect(canonicalStatusUrl(null, '20')).toBe('https://x.com/i/web/status/20');
    expect(handleFromHref('https://x.com/skiinfomation')).toBe('skiinfomation');
  });
});

describe('readText', () => {
  it('keeps literal newlines and emoji images of tweet text; mentions in inline divs stay on the line', () => {
    const doc = html(
      `<div id="t" data-testid="tweetText"><span>一行
二行 </span><img alt="😅" draggable="false" src="data:,"><span> thanks </span><div class="css-175oi2r r-xoduu5"><span><a href="/mei">@mei</a></span></div><span> ok</span></div>`,
    );
    expect(readText(doc.getElementById('t')!, { literalNewlines: true, blocks: false })).toBe('一行\n二行 😅 thanks @mei ok');
  });

  it('drops media image descriptions but keeps flag and keycap emoji', () => {
    expect(isEmojiAlt('🇭🇰')).toBe(true);
    expect(isEmojiAlt('1️⃣')).toBe(true);
    expect(isEmojiAlt('❤️')).toBe(true);
    expect(isEmojiAlt('Image')).toBe(false);
    expect(isEmojiAlt('2')).toBe(false);
    expect(isEmojiAlt('A tray of buns')).toBe(false);
  });

  it('reads Draft.js blocks as lines and only the code of code blocks', () => {
    const doc = html(`<div id="t" class="public-DraftEditor-content" contenteditable="false" style="white-space: pre-wrap;">
      <div data-contents="true"><div data-block="true"><div><span><span data-text="true">first paragraph</span></span></div></div>
      <h2 data-block="true"><div><span><span data-text="true">heading</span></span></div></h2>
      <section data-block="true" contenteditable="false"><div data-testid="markdown-code-block"><div><span>markdown</span><button aria-label="Copy to clipboard">copy</button></div><pre><code><span>a/
b/</span></code></pre></div></section>
      <ul><li data-block="true"><div><span><span data-text="true">item</span></span></div></li></ul></div></div>`);
    expect(readText(doc.getElementById('t')!)).toBe('first paragraph\nheading\na/\nb/\nitem');
  });
});

describe('controlCount', () => {
  const control = (label: string | null, visible: string) =>
    html(
      `<button id="c" ${label === null ? '' : `aria-label="${label}"`} data-testid="like"><div><span data-testid="app-text-transition-container"><span>${visible === '' ? '' : `<span>${visible}</span>`}</span></span></div></button>`,
    ).getElementById('c')!;

  it.each([
    // en
    ['2378 Likes. Liked', '2.3K', 2378],
    ['76 Replies. Reply', '76', 76],
    ['1,234 Likes. Like', '1.2K', 1234],
    ['1122900 views. View post analytics', '1.1M', 1122900],
    // zh (Simplified, real page) and zh-TW
    ['0 回复。回复', '', 0],
    ['24 喜欢次数。喜欢', '24', 24],
    ['5958 次查看。查看帖子分析', '5,958', 5958],
    ['12345 個喜歡。喜歡', '1.2萬', 12345],
    ['5 則回覆。回覆', '5', 5],
    ['23 次轉發。轉發', '23', 23],
    // pt-BR
    ['1.234 curtidas. Curtir', '1,2 mil', 1234],
    // No number in the label: the visible rounded number, else X's omitted zero.
    ['Like', '1.2萬', 12000],
    ['Like', '8,1 mil', 8100],
    ['Reply', '', 0],
    [null, '', 0],
  ])('%j / %j -> %j', (label, visible, expected) => {
    expect(controlCount(control(label, visible))).toEqual({ count: expected, readable: true });
  });

  it.each([
    ['Like', '--'],
    [null, '…'],
    ['Like', '1,2,3'],
  ])('unreadable %j / %j is null, never 0', (label, visible) => {
    expect(controlCount(control(label, visible))).toEqual({ count: null, readable: false });
  });
});

describe('times', () => {
  it.each([
    ['<time datetime="2025-10-28T00:39:14.000Z">10月28日</time>', { at: Date.UTC(2025, 9, 28, 0, 39, 14), precision: 'exact' }],
    ['<time>5小時</time>', { at: NOW - 5 * HOUR, precision: 'hour' }],
    ['<time>1天</time>', { at: NOW - DAY, precision: 'day' }],
    ['<time>3h</time>', { at: NOW - 3 * HOUR, precision: 'hour' }],
    ['<time>Nov 18</time>', null],
  ])('%s', (markup, expected) => {
    const doc = html(markup);
    expect(readTimeElement(doc.querySelector('time'), NOW)).toEqual(expected);
  });
});

describe('one tweet', () => {
  it('takes the id from the time link, not from a quoted tweet or media links', () => {
    const doc = html(`<article data-testid="tweet">
      <div data-testid="User-Name"><a href="/outer">Outer</a><a href="/outer" tabindex="-1">@outer</a>
        <a href="/outer/status/200"><time datetime="2026-11-20T10:00:00.000Z">2h</time></a></div>
      <div data-testid="tweetText">outer text</div>
      <div role="link" tabindex="0"><div data-testid="User-Name"><span>Inner</span><time datetime="2026-11-19T10:00:00.000Z">1d</time></div>
        <div data-testid="tweetText">inner text</div></div>
    </article>`);
    const tweet = doc.querySelector('article')!;
    expect(readTweetRef(tweet)).toMatchObject({ handle: 'outer', id: '200' });
    expect(readTweetText(tweet)).toBe('outer text');
  });

  it('falls back to the views link for the id', () => {
    const doc = html(`<article data-testid="tweet"><div data-testid="tweetText">t</div><a href="/someone/status/300/analytics" aria-label="5 views">5</a></article>`);
    expect(readTweetRef(doc.querySelector('article')!)).toMatchObject({ handle: 'someone', id: '300', time: null });
  });

  it('reads an X Article as its title and body', () => {
    const doc = html(`<article data-testid="tweet"><div data-testid="twitterArticleReadView">
      <div data-testid="twitter-article-title"><span>My title</span></div>
      <div data-testid="twitterArticleRichTextView"><div class="public-DraftEditor-content" contenteditable="false" data-testid="longformRichTextComponent" style="white-space: pre-wrap;">
        <div data-contents="true"><div data-block="true"><div><span><span data-text="true">para one</span></span></div></div><div data-block="true"><div><span><span data-text="true">para two</span></span></div></div></div>
      </div></div></div></article>`);
    expect(readTweetText(doc.querySelector('article')!)).toBe('My title\npara one\npara two');
  });
});

describe('readOwnIdentity', () => {
  it('uses the account menu when the side navigation has no profile link', () => {
    const doc = html(`<header role="banner"><button data-testid="SideNav_AccountSwitcher_Button" aria-label="Account menu">
      <div data-testid="UserAvatar-Container-kepano"><img alt="kepano" src="data:,"></div>
      <div><div dir="ltr"><span><span>kepano</span></span></div><div dir="ltr"><span>@kepano</span></div></div></button></header>`);
    expect(readOwnIdentity(doc)).toEqual({ name: 'kepano', profileUrl: 'https://x.com/kepano' });
  });

  it('is null when logged out', () => {
    expect(readOwnIdentity(html('<header role="banner"><a href="/login">Log in</a></header>'))).toBeNull();
  });
});
