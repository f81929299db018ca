// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  canonicalChannelUrl,
  canonicalVideoUrl,
  channelUrlFromHandle,
  countOfButton,
  parseCommentLink,
  parseNumericDate,
  parseTimeLabel,
  parseVideoUrl,
  readText,
} from './extract';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** A whole UTC day, so quantised relative times equal the plain arithmetic. */
const NOW = Date.UTC(2026, 1, 28);

function html(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}

function first(body: string, selector: string): Element {
  const el = html(body).querySelector(selector);
  if (el === null) throw new Error(`no ${selector}`);
  return el;
}

describe('video urls', () => {
  it.each([
    ['/watch?v=Lb7TpE2bake', { videoId: 'Lb7TpE2bake', kind: 'watch' }],
    ['https://www.youtube.com/watch?v=Lb7TpE2bake&lc=UgwX4AaABAg&t=42s', { videoId: 'Lb7TpE2bake', kind: 'watch' }],
    ['/watch?v=LbTaroMochi&pp=0gcJCdgAo7VqN5tD', { videoId: 'LbTaroMochi', kind: 'watch' }],
    ['/shorts/Sh0rtCake01', { videoId: 'Sh0rtCake01', kind: 'shorts' }],
    ['https://m.youtube.com/shorts/Sh0rtCake01?feature=share', { videoId: 'Sh0rtCake01', kind: 'shorts' }],
    ['https://youtu.be/Lb7TpE2bake?si=abc', { videoId: 'Lb7TpE2bake', kind: 'watch' }],
    ['/live/Lb7TpE2bake', { videoId: 'Lb7TpE2bake', kind: 'watch' }],
    // Not videos.
    ['/@LinsBakeryTPE', null],
    ['/watch?v=short', null],
    ['/watch', null],
    ['/playlist?list=PL123', null],
    ['https://studio.youtube.com/video/Lb7TpE2bake/edit', null],
    ['https://www.youtube.com.evil.example/watch?v=Lb7TpE2bake', null],
    ['https://www.googleadservices.com/pagead/aclk?sa=L', null],
  ])('parseVideoUrl(%s)', (href, expected) => {
    expect(parseVideoUrl(href)).toEqual(expected);
  });

  it('builds canonical video urls', () => {
    expect(canonicalVideoUrl({ videoId: 'Lb7TpE2bake', kind: 'watch' })).toBe('https://www.youtube.com/watch?v=Lb7TpE2bake');
    expect(canonicalVideoUrl({ videoId: 'Sh0rtCake01', kind: 'shorts' })).toBe('https://www.youtube.com/shorts/Sh0rtCake01');
  });
});

describe('channel urls', () => {
  it.each([
    ['/@LinsBakeryTPE', 'https://www.youtube.com/@linsbakerytpe'],
    ['/@linsbakerytpe/videos', 'https://www.youtube.com/@linsbakerytpe'],
    ['https://m.youtube.com/@LinsBakeryTPE?si=x#top', 'https://www.youtube.com/@linsbakerytpe'],
    ['http://youtube.com/@LinsBakeryTPE/', 'https://www.youtube.com/@linsbakerytpe'],
    // Non-ASCII handles: the same url whether the href was encoded or not.
    ['/@林記烘焙', 'https://www.youtube.com/@%E6%9E%97%E8%A8%98%E7%83%98%E7%84%99'],
    ['/@%E6%9E%97%E8%A8%98%E7%83%98%E7%84%99/shorts', 'https://www.youtube.com/@%E6%9E%97%E8%A8%98%E7%83%98%E7%84%99'],
    // Channel ids keep their case.
    ['/channel/UCl1nsBakeryTaipei00000A/featured', 'https://www.youtube.com/channel/UCl1nsBakeryTaipei00000A'],
    ['/c/LinsBakery', 'https://www.youtube.com/c/LinsBakery'],
    ['/user/linsbakery', 'https://www.youtube.com/user/linsbakery'],
    // Not channels.
    ['/watch?v=Lb7TpE2bake', null],
    ['/channel/not-an-id', null],
    ['/hashtag/pineapplebun', null],
    ['https://studio.youtube.com/channel/UCl1nsBakeryTaipei00000A', null],
    ['https://www.instagram.com/@linsbakery', null],
    ['', null],
  ])('canonicalChannelUrl(%s)', (href, expected) => {
    expect(canonicalChannelUrl(href)).toBe(expected);
  });

  it.each([
    ['@LinsBakeryTPE', 'https://www.youtube.com/@linsbakerytpe'],
    ['  @meichen.tw ', 'https://www.youtube.com/@meichen.tw'],
    ['Lin’s Bakery', null],
    ['@two words', null],
    ['', null],
  ])('channelUrlFromHandle(%j)', (text, expected) => {
    expect(channelUrlFromHandle(text)).toBe(expected);
  });
});

describe('comment links', () => {
  it.each([
    ['/watch?v=Lb7TpE2bake&lc=UgwMeiEats7TpeQ2kRd4AaABAg', { commentId: 'UgwMeiEats7TpeQ2kRd4AaABAg', parentId: null, videoId: 'Lb7TpE2bake' }],
    [
      '/watch?v=Lb7TpE2bake&lc=UgwMeiEats7TpeQ2kRd4AaABAg.AQ4x7KpLinsReply01Zz9m',
      { commentId: 'UgwMeiEats7TpeQ2kRd4AaABAg.AQ4x7KpLinsReply01Zz9m', parentId: 'UgwMeiEats7TpeQ2kRd4AaABAg', videoId: 'Lb7TpE2bake' },
    ],
    ['/shorts/Sh0rtCake01?lc=UgxCakeLoverTw00014AaABAg', { commentId: 'UgxCakeLoverTw00014AaABAg', parentId: null, videoId: 'Sh0rtCake01' }],
    ['/post/UgkxAbc?lc=UgwPostComment4AaABAg', { commentId: 'UgwPostComment4AaABAg', parentId: null, videoId: null }],
    ['/watch?v=Lb7TpE2bake', null],
    ['/watch?v=Lb7TpE2bake&lc=bad%20id', null],
  ])('parseCommentLink(%s)', (href, expected) => {
    expect(parseCommentLink(href)).toEqual(expected);
  });
});

describe('times', () => {
  it.each([
    // English.
    ['2 hours ago', NOW - 2 * HOUR, 'hour'],
    ['35 minutes ago', NOW - 35 * MIN, 'minute'],
    ['1 day ago (edited)', NOW - DAY, 'day'],
    ['3 days ago', NOW - 3 * DAY, 'day'],
    ['1 week ago', NOW - 7 * DAY, 'week'],
    ['1 month ago', NOW - 30 * DAY, 'month'],
    ['1 year ago', NOW - 365 * DAY, 'year'],
    ['Streamed 2 days ago', NOW - 2 * DAY, 'day'],
    ['  \n  12 hours ago\n ', NOW - 12 * HOUR, 'hour'],
    // Traditional Chinese (zh-TW).
    ['5 小時前', NOW - 5 * HOUR, 'hour'],
    ['2 天前', NOW - 2 * DAY, 'day'],
    ['1 天前（已編輯）', NOW - DAY, 'day'],
    ['2 週前', NOW - 14 * DAY, 'week'],
    ['3 個月前', NOW - 90 * DAY, 'month'],
    ['1 年前', NOW - 365 * DAY, 'year'],
    ['直播時間：3 天前', NOW - 3 * DAY, 'day'],
    // Numeric dates: day precision at UTC midnight.
    ['2025年2月13日', Date.UTC(2025, 1, 13), 'day'],
    ['首播日期：2025年2月13日', Date.UTC(2025, 1, 13), 'day'],
    ['2025. 2. 13.', Date.UTC(2025, 1, 13), 'day'],
    ['2025/02/13', Date.UTC(2025, 1, 13), 'day'],
  ])('parseTimeLabel(%j)', (label, at, precision) => {
    expect(parseTimeLabel(label, NOW)).toEqual({ at, precision });
  });

  it.each([
    // Month names are words: not read (the relative label elsewhere on the page is).
    'Feb 13, 2025',
    'Premiered Feb 13, 2025',
    // Words before the number are skipped only when there is one: this one is in the future.
    'Premieres in 3 hours',
    '8,437 views',
    '觀看次數：12,345次',
    '1.2萬次觀看',
    '#4 on Trending',
    '',
  ])('parseTimeLabel(%j) is null', (label) => {
    expect(parseTimeLabel(label, NOW)).toBeNull();
  });

  it.each([
    ['1,234,567 views', null],
    ['2024.7.9', { at: Date.UTC(2024, 6, 9), precision: 'day' }],
    ['2024-13-01', null],
    ['1999/01/01', null],
  ])('parseNumericDate(%j)', (label, expected) => {
    expect(parseNumericDate(label)).toEqual(expected);
  });
});

describe('counts on buttons', () => {
  const button = (label: string | null, text: string) =>
    first(
      `<button ${label === null ? '' : `aria-label="${label}"`}><div class="yt-spec-button-shape-next__icon"></div><div class="yt-spec-button-shape-next__button-text-content">${text}</div></button>`,
      'button',
    );

  it.each([
    // The aria-label's exact number wins over the rounded text.
    ['like this video along with 18,849,958 other people', '18M', 18_849_958],
    ['與另外 12,003 人一起喜歡這部影片', '1.2萬', 12_003],
    ['View 356 comments', '356', 356],
    ['查看 356 則留言', '356', 356],
    // No number in the label: the visible one.
    ['I like this', '18M', 18_000_000],
    ['我喜歡', '1.2萬', 12_000],
    [null, '1,2 mil', 1_200],
    // The owner hid the count: unknown, never 0.
    ['I like this', 'Like', null],
    ['我喜歡', '喜歡', null],
  ])('label %j, text %j -> %j', (label, text, expected) => {
    expect(countOfButton(button(label, text))).toBe(expected);
  });

  it('reads the Shorts label under the round button', () => {
    const doc = html(
      '<label class="ytSpecButtonShapeWithLabelHost"><button aria-label="Comments"></button><div class="ytSpecButtonShapeWithLabelLabel"><span role="text">1.2萬</span></div></label>',
    );
    expect(countOfButton(doc.querySelector('button')!)).toBe(12_000);
  });
});

describe('readText', () => {
  it('keeps line breaks of pre-wrap text, emoji and link text; drops template indentation', () => {
    const el = first(
      `<yt-attributed-string id="content-text">
         <span class="yt-core-attributed-string yt-core-attributed-string--white-space-pre-wrap">好想吃！🥹
Do you still have it?  <span><a href="/@mei">@mei</a></span></span>
       </yt-attributed-string>`,
      '#content-text',
    );
    expect(readText(el)).toBe('好想吃！🥹\nDo you still have it? @mei');
  });

  it('reads emoji drawn as images by their alt text and skips controls and hidden parts', () => {
    const el = first(
      `<div id="content"><span>Best bolo bao <img alt="😂" src="data:,"></span>
         <tp-yt-paper-button id="more">Read more</tp-yt-paper-button><span hidden>secret</span></div>`,
      '#content',
    );
    expect(readText(el)).toBe('Best bolo bao 😂');
  });

  it('turns <br> and blocks into line breaks', () => {
    const el = first('<div id="t">one<br>two<div>three</div>four</div>', '#t');
    expect(readText(el)).toBe('one\ntwo\nthree\nfour');
  });

  it('reads a hidden root (a creator comment’s #author-text)', () => {
    const el = first('<a id="author-text" hidden href="/@x"><span> @x </span></a>', '#author-text');
    expect(readText(el)).toBe('@x');
  });
});
