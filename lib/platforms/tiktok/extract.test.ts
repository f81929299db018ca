// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  canonicalPostUrl,
  canonicalProfileUrl,
  parsePostUrl,
  parseTimeLabel,
  readContainerDetailed,
  readCounts,
  readOwnIdentity,
  readText,
  timeFromTikTokId,
} from './extract';

function html(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 1, 23, 4);

describe('urls and ids', () => {
  it.each([
    ['/@asma85000', 'https://www.tiktok.com/@asma85000'],
    ['/@Riziv..768?lang=en', 'https://www.tiktok.com/@riziv..768'],
    ['https://www.tiktok.com/@linsbakery.tw/', 'https://www.tiktok.com/@linsbakery.tw'],
    ['https://m.tiktok.com/@linsbakery.tw#top', 'https://www.tiktok.com/@linsbakery.tw'],
    ['/@linsbakery.tw/video/7608769070079596167', 'https://www.tiktok.com/@linsbakery.tw'],
    ['/@', null],
    ['/tag/foryou', null],
    ['/music/original-sound-7219872460739791621', null],
    ['https://www.tiktok.com.evil.example/@x', null],
    ['', null],
    [null, null],
  ])('profile %j -> %j', (href, expected) => {
    expect(canonicalProfileUrl(href)).toBe(expected);
  });

  it.each([
    ['/@chinese_artist176/video/7507673491211029803', { handle: 'chinese_artist176', kind: 'video', id: '7507673491211029803' }],
    ['https://www.tiktok.com/@chinese_artist176/video/7507673491211029803?is_from_webapp=1', { handle: 'chinese_artist176', kind: 'video', id: '7507673491211029803' }],
    ['https://www.tiktok.com/@hk.milktea.lab/photo/7605123931337387992', { handle: 'hk.milktea.lab', kind: 'photo', id: '7605123931337387992' }],
    ['/@linsbakery.tw', null],
    ['/video/7507673491211029803', null],
    ['/@x/video/not-an-id', null],
    ['https://example.com/@x/video/7507673491211029803', null],
  ])('post %j -> %j', (href, expected) => {
    expect(parsePostUrl(href)).toEqual(expected);
  });

  it('builds canonical post urls', () => {
    expect(canonicalPostUrl({ handle: 'linsbakery.tw', kind: 'video', id: '7608769070079596167' })).toBe(
      'https://www.tiktok.com/@linsbakery.tw/video/7608769070079596167',
    );
    expect(canonicalPostUrl({ handle: 'hk.milktea.lab', kind: 'photo', id: '7605123931337387992' })).toBe(
      'https://www.tiktok.com/@hk.milktea.lab/photo/7605123931337387992',
    );
  });

  it.each([
    ['7507673491211029803', Date.UTC(2025, 4, 23, 16, 7, 31)],
    ['7608769070079596167', Date.UTC(2026, 1, 20, 2, 30)],
    ['12345', null],
    ['1234567890123456789', null], // before 2016: not an item id
  ])('item id %s carries its creation time', (id, at) => {
    expect(timeFromTikTokId(id)).toBe(at);
  });
});

describe('time labels', () => {
  it.each([
    // English.
    ['2h ago', NOW - 2 * HOUR, 'hour'],
    ['45m ago', NOW - 45 * MIN, 'minute'],
    ['3d ago', NOW - 3 * DAY, 'day'],
    ['1w ago', Date.UTC(2026, 1, 16), 'week'], // week labels are rounded down to the day
    ['· 1d ago', NOW - DAY, 'day'],
    // Traditional Chinese.
    ['3 小時前', NOW - 3 * HOUR, 'hour'],
    ['2 天前', NOW - 2 * DAY, 'day'],
    ['1週前', Date.UTC(2026, 1, 16), 'week'],
    ['剛剛', NOW, 'minute'],
    // Dates: this year as month-day, older with the year.
    ['2-21', Date.UTC(2026, 1, 21), 'day'],
    ['· 5-23', Date.UTC(2025, 4, 23), 'day'],
    ['2024-12-31', Date.UTC(2024, 11, 31), 'day'],
  ])('%j', (label, at, precision) => {
    expect(parseTimeLabel(label, NOW)).toEqual({ at, precision });
  });

  it.each([['Reply'], ['回覆'], ['12'], ['']])('%j is not a time', (label) => {
    expect(parseTimeLabel(label, NOW)).toBeNull();
  });
});

describe('readText', () => {
  it('keeps line breaks and emoji, reads hashtag paragraphs inline', () => {
    const doc = html(
      '<div id="t"><span>新品上市 🍍✨\nFresh out of the oven 🥐 </span><a href="/tag/a"><p style="display: inline;">#台北美食</p></a><span> </span><a href="/tag/b"><p>#taipeibakery</p></a></div>',
    );
    expect(readText(doc.getElementById('t')!)).toBe('新品上市 🍍✨\nFresh out of the oven 🥐 #台北美食 #taipeibakery');
  });

  it('turns <br> and block boundaries into line breaks and skips buttons and images', () => {
    const doc = html('<div id="t">one<br>two<div>three</div>four <button>more</button><img alt="x"></div>');
    expect(readText(doc.getElementById('t')!)).toBe('one\ntwo\nthree\nfour');
  });
});

describe('counts', () => {
  const card = (like: string, label: string) =>
    html(
      `<article data-e2e="recommend-list-item-container"><button aria-label="${label}"><strong data-e2e="like-count">${like}</strong></button>` +
        '<button aria-label="x"><strong data-e2e="comment-count">242</strong></button><button><strong data-e2e="share-count">1.2萬</strong></button></article>',
    ).querySelector('article')!;
  const all = () => true;

  it.each([
    ['36.2K', 'Like video\n36.2K likes', 36200],
    ['9005', 'Like video\n9005 likes', 9005],
    ['1.2萬', '按讚影片\n1.2萬 個讚', 12000],
    ['', 'Like video\n1,234 likes', 1234], // text gone, the aria-label still carries the number
  ])('like %j (label %j) -> %d', (like, label, expected) => {
    const { counts, health } = readCounts(card(like, label), all, '1');
    expect(counts).toEqual({ reactions: expected, comments: 242, shares: 12000, views: null });
    expect(health).toBe('ok');
  });

  it('an unreadable count is null and broken, never 0', () => {
    const { counts, health, notes } = readCounts(card('', 'Like video'), all, '1');
    expect(counts.reactions).toBeNull();
    expect(health).toBe('broken');
    expect(notes.join()).toMatch(/reactions/);
  });

  it('a post with no count element at all is broken', () => {
    const el = html('<article data-e2e="recommend-list-item-container"><p>nothing</p></article>').querySelector('article')!;
    expect(readCounts(el, all, '1').health).toBe('broken');
  });
});

describe('readOwnIdentity', () => {
  it('reads the side nav profile link and the avatar name', () => {
    const doc = html(
      '<div data-e2e="profile-icon"><img alt="Lin\'s Bakery 林記烘焙"></div><a data-e2e="nav-profile" href="/@LinsBakery.tw?lang=zh-Hant-TW"><button aria-label="Profile">Profile</button></a>',
    );
    expect(readOwnIdentity(doc)).toEqual({ name: "Lin's Bakery 林記烘焙", profileUrl: 'https://www.tiktok.com/@linsbakery.tw' });
  });

  it('is null when logged out (the nav links to a bare /@)', () => {
    const doc = html('<button data-e2e="top-login-button">Log in</button><a data-e2e="nav-profile" href="/@"><button aria-label="Profile">Profile</button></a>');
    expect(readOwnIdentity(doc)).toBeNull();
  });
});

describe('containers', () => {
  const ctx = { pageUrl: new URL('https://www.tiktok.com/foryou'), now: NOW };

  it('skips empty placeholder cards without reporting anything', () => {
    const el = html('<article data-scroll-index="5" data-e2e="recommend-list-item-container"></article>').querySelector('article')!;
    expect(readContainerDetailed(el, ctx).reading).toEqual({
      posts: [],
      comments: [],
      health: { post: 'absent', counts: 'absent', comments: 'absent', replyBox: 'absent', notes: [] },
    });
  });

  it('a card with content but no id is a broken post', () => {
    const el = html(
      '<article data-e2e="recommend-list-item-container"><a href="/@x">x</a><div data-e2e="video-desc">hi</div><strong data-e2e="like-count">1</strong></article>',
    ).querySelector('article')!;
    const { reading } = readContainerDetailed(el, ctx);
    expect(reading.posts).toEqual([]);
    expect(reading.health.post).toBe('broken');
  });

  it('reads a profile grid tile (link and views only)', () => {
    const el = html(
      '<div data-e2e="user-post-item"><a href="https://www.tiktok.com/@linsbakery.tw/video/7608769070079596167"><img alt=""><strong data-e2e="video-views">12.5K</strong></a></div>',
    ).querySelector('div')!;
    const { reading } = readContainerDetailed(el, ctx);
    expect(reading.posts).toEqual([
      {
        platform: 'tiktok',
        postId: '7608769070079596167',
        url: 'https://www.tiktok.com/@linsbakery.tw/video/7608769070079596167',
        author: { name: 'linsbakery.tw', profileUrl: 'https://www.tiktok.com/@linsbakery.tw' },
        text: '',
        mediaKind: 'video',
        publishedAt: { at: Date.UTC(2026, 1, 20, 2, 30), precision: 'exact' },
        counts: { reactions: null, comments: null, shares: null, views: 12500 },
      },
    ]);
    expect(reading.health).toMatchObject({ post: 'ok', counts: 'ok' });
  });

  it('reads a photo post from its /photo/ link', () => {
    const el = html(
      '<article data-e2e="recommend-list-item-container"><a href="/@hk.milktea.lab/photo/7605123931337387992"><img alt=""></a><a href="/@hk.milktea.lab"><p>hk.milktea.lab</p></a><div data-e2e="video-desc">相片</div><strong data-e2e="like-count">10</strong></article>',
    ).querySelector('article')!;
    const [post] = readContainerDetailed(el, ctx).reading.posts;
    expect(post).toMatchObject({ postId: '7605123931337387992', mediaKind: 'image', url: 'https://www.tiktok.com/@hk.milktea.lab/photo/7605123931337387992' });
  });
});

describe('legacy "browse" video page (2022–2024 markup)', () => {
  // Condensed from that layout: the post is printed in the page itself, next to its comment list.
  const doc = html(`
    <div id="main-content-video_detail">
      <div id="xgwrapper-0-7250000000000000000"><video></video></div>
      <a data-e2e="browse-user-avatar" href="/@tea.house"><img alt="tea.house"></a>
      <a href="/@tea.house"><span data-e2e="browse-username">tea.house</span><span data-e2e="browser-nickname"><span>Tea House 茶館</span><span> · </span><span>2023-6-20</span></span></a>
      <div data-e2e="browse-video-desc"><span>Oolong 101 🍵</span><a href="/tag/tea"><strong>#tea</strong></a></div>
      <button aria-label="Like video"><strong data-e2e="like-count">1.5K</strong></button>
      <button><strong data-e2e="comment-count">2</strong></button>
      <button><strong data-e2e="share-count">12</strong></button>
      <p data-e2e="browse-video-link">https://www.tiktok.com/@tea.house/video/7250000000000000000?is_from_webapp=1</p>
      <a href="/@other/video/7260000000000000000">related video</a>
      <div class="tiktok-x1-DivCommentListContainer e1">
        <div class="tiktok-x2-DivCommentItemContainer e2">
          <div class="tiktok-x3-DivCommentContentContainer e3">
            <a data-e2e="comment-avatar-1" href="/@ming"><img alt=""></a>
            <div>
              <a href="/@ming"><span data-e2e="comment-username-1">Ming</span></a>
              <p data-e2e="comment-level-1"><span>好喝！</span></p>
              <p><span data-e2e="comment-time-1">2d ago</span><span data-e2e="comment-reply-1" role="button">Reply</span></p>
            </div>
          </div>
          <div class="tiktok-x4-DivReplyContainer e4">
            <div class="tiktok-x3-DivCommentContentContainer e3">
              <a href="/@tea.house"><img alt=""></a>
              <div>
                <a href="/@tea.house"><span data-e2e="comment-username-2">Tea House 茶館</span></a>
                <p data-e2e="comment-level-2"><span>謝謝 🙏</span></p>
                <p><span data-e2e="comment-time-2">1d ago</span><span data-e2e="comment-reply-2" role="button">Reply</span></p>
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>`);
  const page = doc.getElementById('main-content-video_detail')!;

  it('reads the post and its comments from the page itself', () => {
    const { reading } = readContainerDetailed(page, { pageUrl: new URL('https://www.tiktok.com/@tea.house/video/7250000000000000000'), now: NOW });
    expect(reading.posts).toEqual([
      {
        platform: 'tiktok',
        postId: '7250000000000000000',
        url: 'https://www.tiktok.com/@tea.house/video/7250000000000000000',
        author: { name: 'Tea House 茶館', profileUrl: 'https://www.tiktok.com/@tea.house' },
        text: 'Oolong 101 🍵#tea',
        mediaKind: 'video',
        publishedAt: { at: Date.UTC(2023, 5, 20), precision: 'day' },
        counts: { reactions: 1500, comments: 2, shares: 12, views: null },
      },
    ]);
    expect(reading.comments.map((c) => [c.author, c.text, c.time, c.parentId === null])).toEqual([
      [{ name: 'Ming', profileUrl: 'https://www.tiktok.com/@ming' }, '好喝！', { at: NOW - 2 * DAY, precision: 'day' }, true],
      [{ name: 'Tea House 茶館', profileUrl: 'https://www.tiktok.com/@tea.house' }, '謝謝 🙏', { at: NOW - DAY, precision: 'day' }, false],
    ]);
    expect(reading.comments[1]!.parentId).toBe(reading.comments[0]!.commentId);
    expect(reading.health).toMatchObject({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'absent' });
  });
});
