// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLinkedInPage } from './index';
import {
  canonicalPostUrl,
  canonicalProfileUrl,
  findCommentElement,
  findOwnReplyEditor,
  findReplyButton,
  parseCommentUrn,
  parsePostUrn,
  postIdFromUrn,
  readOwnIdentity,
  readText,
  timeFromLinkedInId,
} from './extract';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/linkedin');

function load(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html');
}

function html(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** A whole UTC day far from the fixtures' id times, so relative labels decide (ids do not agree with them). */
const NOW = Date.UTC(2026, 0, 15);

const OWN_POST_URL = new URL('https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000001/');
const FEED_URL = new URL('https://www.linkedin.com/feed/');
const GUEST_URL = new URL('https://www.linkedin.com/posts/shanlan-coffee_specialtycoffee-activity-7395555555555555555-AbCd');
const ZH_URL = new URL('https://www.linkedin.com/feed/update/urn:li:activity:7396666666666666666/');
const BROKEN_URL = new URL('https://www.linkedin.com/feed/update/urn:li:activity:7397777777777777777/');

const comment = (activity: string, n: string) => `urn:li:comment:(activity:${activity},${n})`;

describe('urns and urls', () => {
  it.each([
    ['urn:li:activity:7390000000000000001', { kind: 'activity', id: '7390000000000000001' }, '7390000000000000001'],
    ['urn:li:ugcPost:7123', { kind: 'ugcPost', id: '7123' }, 'ugcPost:7123'],
    ['urn:li:share:7195255464635346944', { kind: 'share', id: '7195255464635346944' }, 'share:7195255464635346944'],
    ['urn:li:lyndaCourse:2825744', null, null],
    ['urn:li:aggregate:(urn:li:jobPosting:1,urn:li:jobPosting:2)', null, null],
    ['', null, null],
  ])('post urn %j', (urn, parsed, postId) => {
    expect(parsePostUrn(urn)).toEqual(parsed);
    expect(postIdFromUrn(urn)).toBe(postId);
  });

  it('builds canonical post urls', () => {
    expect(canonicalPostUrl('7390000000000000001')).toBe('https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000001/');
    expect(canonicalPostUrl('ugcPost:7123')).toBe('https://www.linkedin.com/feed/update/urn:li:ugcPost:7123/');
  });

  it.each([
    // Logged-in spelling.
    ['urn:li:comment:(activity:7341094849800032260,7341127945979117570)', comment('7341094849800032260', '7341127945979117570'), '7341094849800032260', null],
    // Guest spelling folds into the same id.
    ['urn:li:comment:(urn:li:activity:7195255465402904576,7195965682205798400)', comment('7195255465402904576', '7195965682205798400'), '7195255465402904576', null],
    // A reply that names its parent.
    [
      'urn:li:comment:(urn:li:comment:(activity:1,2),3)',
      'urn:li:comment:(urn:li:comment:(activity:1,2),3)',
      '1',
      'urn:li:comment:(activity:1,2)',
    ],
    [
      'urn:li:comment:(urn:li:comment:(urn:li:activity:1,2),3)',
      'urn:li:comment:(urn:li:comment:(activity:1,2),3)',
      '1',
      'urn:li:comment:(activity:1,2)',
    ],
    ['urn:li:comment:(ugcPost:7123,7124)', 'urn:li:comment:(ugcPost:7123,7124)', 'ugcPost:7123', null],
  ])('comment urn %j', (urn, commentId, postId, parentId) => {
    expect(parseCommentUrn(urn)).toMatchObject({ commentId, postId, parentId });
  });

  it.each([['urn:li:comment:7124'], ['urn:li:comment:(activity:1)'], ['urn:li:comment:(activity:1,x)'], ['urn:li:activity:1'], ['']])('bad comment urn %j', (urn) => {
    expect(parseCommentUrn(urn)).toBeNull();
  });

  it.each([
    ['/in/mei-lin-coffee/', 'https://www.linkedin.com/in/mei-lin-coffee/'],
    ['https://www.linkedin.com/in/mei-lin-coffee?miniProfileUrn=urn%3Ali%3Afsd_profile%3AX', 'https://www.linkedin.com/in/mei-lin-coffee/'],
    ['https://sg.linkedin.com/in/vikas-negi-16572819?trk=public_post_comment_actor-name', 'https://www.linkedin.com/in/vikas-negi-16572819/'],
    ['https://www.linkedin.com/in/mei-lin-coffee/recent-activity/all/#top', 'https://www.linkedin.com/in/mei-lin-coffee/'],
    ['https://www.linkedin.com/company/infosys/posts', 'https://www.linkedin.com/company/infosys/'],
    ['http://linkedin.com/school/ntu/', 'https://www.linkedin.com/school/ntu/'],
    // Member-id style urls keep their case.
    ['https://www.linkedin.com/in/ACoAAB78cGQBZmkhdWSmsP0h2zwT6VmdA_ISZEs', 'https://www.linkedin.com/in/ACoAAB78cGQBZmkhdWSmsP0h2zwT6VmdA_ISZEs/'],
  ])('profile url %j', (href, expected) => {
    expect(canonicalProfileUrl(href)).toBe(expected);
  });

  it.each([[null], [''], ['https://www.linkedin.com/feed/'], ['https://example.com/in/someone/'], ['https://www.linkedin.com/search/results/all/?keywords=x'], ['/in/']])(
    'not a profile url %j',
    (href) => {
      expect(canonicalProfileUrl(href)).toBeNull();
    },
  );

  it('reads the creation time embedded in LinkedIn ids', () => {
    expect(timeFromLinkedInId('7195255465402904576')).toBe(Date.UTC(2024, 4, 12, 2, 56, 24, 334));
    expect(timeFromLinkedInId('7341094849800032260')).toBe(Date.UTC(2025, 5, 18, 13, 30, 3, 139));
    expect(timeFromLinkedInId('123')).toBeNull();
    expect(timeFromLinkedInId('abc')).toBeNull();
  });
});

describe('readText', () => {
  it('turns <br> into line breaks, keeps emoji, skips screen-reader duplicates and collapses spaces', () => {
    const doc = html(
      `<div id="t"><span dir="ltr">Hello   world ☕️<span><br></span><span><br></span>第二段
        continues<a href="#"><span class="visually-hidden">hashtag</span><span><span aria-hidden="true">#</span>咖啡</span></a></span></div>`,
    );
    expect(readText(doc.getElementById('t')!)).toBe('Hello world ☕️\n\n第二段 continues#咖啡');
  });

  it('keeps newlines written in the text where whitespace is literal (guest pages)', () => {
    const doc = html('<p id="t" class="whitespace-pre-wrap">  line one  \n\nline   two\n</p>');
    expect(readText(doc.getElementById('t')!)).toBe('line one\n\nline two');
  });

  it('puts block elements on their own lines', () => {
    const doc = html('<div id="t"><p>one</p><p>two</p></div>');
    expect(readText(doc.getElementById('t')!)).toBe('one\ntwo');
  });

  it.each([
    ['one plain line, trimmed', '<span id="t"> Ann Lee </span>', 'Ann Lee'],
    ['a no-break space is a space', '<span id="t">1,234\u00a0reactions</span>', '1,234 reactions'],
    ['a tab is a space', '<span id="t">Ann\tLee</span>', 'Ann Lee'],
    ['an svg (lower-case localName) is not text', '<span id="t"><svg viewBox="0 0 1 1"><text>icon</text></svg>Like</span>', 'Like'],
  ])('%s', (_name, markup, expected) => {
    expect(readText(html(markup).getElementById('t')!)).toBe(expected);
  });
});

describe('own-post.html (logged-in post page, en UI)', () => {
  const doc = load('own-post.html');
  const reading = readLinkedInPage(doc, OWN_POST_URL, NOW);

  it('reads the post', () => {
    expect(reading.platform).toBe('linkedin');
    expect(reading.posts).toHaveLength(1);
    const post = reading.posts[0]!;
    expect(post).toMatchObject({
      platform: 'linkedin',
      postId: '7390000000000000001',
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000001/',
      author: { name: 'Mei Lin', profileUrl: 'https://www.linkedin.com/in/mei-lin-coffee/' },
      mediaKind: 'image',
      counts: { reactions: 128, comments: 5, shares: 3, views: null },
      publishedAt: { at: NOW - 5 * HOUR, precision: 'hour' },
    });
    expect(post.text).toBe(
      '新豆上架 ☕️ 衣索比亞 Guji 日曬\n\n' +
        'This week we roasted a small batch of Ethiopia Guji natural — blueberry, jasmine and dark chocolate.\n' +
        '每週五下午 3 點在大稻埕門市杯測，歡迎來喝一杯！\n' +
        'Free cupping every Friday at 3pm, Dadaocheng shop.\n\n' +
        '#specialtycoffee #台北咖啡',
    );
  });

  it('reads the signed-in member from the top bar', () => {
    expect(reading.ownIdentity).toEqual({ name: 'Mei Lin', profileUrl: 'https://www.linkedin.com/in/mei-lin-coffee/' });
  });

  it('reads every comment and the reply, with the reply pointing at its parent', () => {
    const byId = new Map(reading.comments.map((c) => [c.commentId, c]));
    expect(reading.comments.map((c) => c.commentId)).toEqual([
      comment('7390000000000000001', '7390000000000000101'),
      comment('7390000000000000001', '7390000000000000105'),
      comment('7390000000000000001', '7390000000000000102'),
      comment('7390000000000000001', '7390000000000000103'),
      comment('7390000000000000001', '7390000000000000104'),
    ]);
    for (const c of reading.comments) expect(c.postId).toBe('7390000000000000001');

    expect(byId.get(comment('7390000000000000001', '7390000000000000101'))).toEqual({
      platform: 'linkedin',
      commentId: comment('7390000000000000001', '7390000000000000101'),
      postId: '7390000000000000001',
      parentId: null,
      author: { name: '陳怡婷', profileUrl: 'https://www.linkedin.com/in/yiting-chen-tw/' },
      text: '請問有賣掛耳包嗎？想買來送同事 🎁',
      time: { at: NOW - 2 * HOUR, precision: 'hour' },
    });
    expect(byId.get(comment('7390000000000000001', '7390000000000000105'))).toMatchObject({
      parentId: comment('7390000000000000001', '7390000000000000101'),
      author: { name: 'Mei Lin', profileUrl: 'https://www.linkedin.com/in/mei-lin-coffee/' },
      text: '陳怡婷 有的！掛耳包一盒 10 入 NT$380\n門市和官網都買得到 🙌',
      time: { at: NOW - HOUR, precision: 'hour' },
    });
    expect(byId.get(comment('7390000000000000001', '7390000000000000102'))).toMatchObject({
      parentId: null,
      author: { name: '王大明', profileUrl: 'https://www.linkedin.com/in/daming-wang-88/' },
      text: '上週買的蜜處理耶加雪菲超好喝，酸甜很乾淨 👍👍\nWill definitely order again!',
      time: { at: NOW - DAY, precision: 'day' },
    });
    expect(byId.get(comment('7390000000000000001', '7390000000000000103'))).toMatchObject({
      author: { name: 'Kevin Huang', profileUrl: 'https://www.linkedin.com/in/kevin-huang-tpe/' },
      text: 'Ordered two bags last week and delivery took 6 days… 包裝也有點破損，有點失望 😞',
    });
    expect(byId.get(comment('7390000000000000001', '7390000000000000104'))).toMatchObject({
      author: { name: 'Sarah Johnson', profileUrl: 'https://www.linkedin.com/in/sarah-johnson-sg/' },
      text: 'Do you ship to Singapore? Would love to try the Guji natural for our café.',
      time: { at: NOW - 3 * HOUR, precision: 'hour' },
    });
  });

  it('reports every part healthy', () => {
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
  });

  it('uses the time in the activity id when it agrees with the label', () => {
    const published = timeFromLinkedInId('7390000000000000001')!;
    const atSnapshot = readLinkedInPage(doc, OWN_POST_URL, published + 5 * HOUR + 10 * MIN);
    expect(atSnapshot.posts[0]!.publishedAt).toEqual({ at: published, precision: 'exact' });
  });

  it('finds each comment’s own Reply button and only its own reply editor', () => {
    const sarah = findCommentElement(doc, comment('7390000000000000001', '7390000000000000104'))!;
    const editor = findOwnReplyEditor(sarah)!;
    expect(editor.getAttribute('data-placeholder')).toBe('Add a reply…');
    const yiting = findCommentElement(doc, comment('7390000000000000001', '7390000000000000101'))!;
    // The reply's composer and the post's main box are not this comment's.
    expect(findOwnReplyEditor(yiting)).toBeNull();
    const button = findReplyButton(yiting)!;
    expect(button.closest('[data-id]')).toBe(yiting);
  });

  it('falls back to the social bar’s structure when the Reply button’s classes change', () => {
    const d = load('own-post.html');
    const daming = findCommentElement(d, comment('7390000000000000001', '7390000000000000102'))!;
    const original = findReplyButton(daming)!;
    original.className = 'artdeco-button artdeco-button--muted';
    expect(findReplyButton(daming)).toBe(original);
  });
});

describe('feed.html (logged-in home feed)', () => {
  const doc = load('feed.html');
  const reading = readLinkedInPage(doc, FEED_URL, NOW);

  it('reads the three rendered posts and skips the placeholder', () => {
    expect(reading.posts.map((p) => p.postId)).toEqual(['7391111111111111111', '7392222222222222222', '7394444444444444444']);
    expect(reading.posts.map((p) => p.author)).toEqual([
      { name: 'Jason Lee', profileUrl: 'https://www.linkedin.com/in/jason-lee-barista/' },
      { name: 'Hsu Coffee Supply', profileUrl: 'https://www.linkedin.com/company/hsu-coffee-supply/' },
      { name: 'Taipei Makers Market', profileUrl: 'https://www.linkedin.com/company/taipei-makers-market/' },
    ]);
    expect(reading.posts.map((p) => p.mediaKind)).toEqual(['text', 'document', 'link']);
  });

  it('reads counts in their printed forms; what is not shown stays unknown', () => {
    expect(reading.posts.map((p) => p.counts)).toEqual([
      // The social-proof text says 1,233 others; the total is the fallback number.
      { reactions: 1234, comments: 56, shares: 7, views: null },
      { reactions: 12000, comments: 1200, shares: 340, views: null },
      { reactions: 89, comments: null, shares: null, views: null },
    ]);
  });

  it('attaches the loaded comments to their post only', () => {
    expect(reading.comments.map((c) => [c.commentId, c.postId, c.author.name, c.text])).toEqual([
      [comment('7391111111111111111', '7391111111111112001'), '7391111111111111111', 'Alice Chen', 'Tulips. Took me a year 🌷'],
      [comment('7391111111111111111', '7391111111111112002'), '7391111111111111111', 'Rooftop Coffee', 'Steaming oat milk without big bubbles. Still learning!'],
    ]);
    expect(reading.comments[1]!.author.profileUrl).toBe('https://www.linkedin.com/company/rooftop-coffee/');
  });

  it('reads the signed-in member from the left rail when the top bar has no link', () => {
    expect(reading.ownIdentity).toEqual({ name: 'Mei Lin', profileUrl: 'https://www.linkedin.com/in/mei-lin-coffee/' });
  });

  it('is healthy, and a post whose comments are not loaded is absent, not broken', () => {
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
    const d = load('feed.html');
    d.querySelector('[data-id="urn:li:activity:7391111111111111111"]')!.remove();
    const without = readLinkedInPage(d, FEED_URL, NOW);
    expect(without.comments).toEqual([]);
    expect(without.health.comments).toBe('absent');
    expect(without.health.notes).toEqual([]);
  });

  it('takes the publication time from the id only when no context header sits above the author', () => {
    const jason = timeFromLinkedInId('7391111111111111111')!;
    expect(readLinkedInPage(doc, FEED_URL, jason + 3 * DAY + HOUR).posts[0]!.publishedAt).toEqual({ at: jason, precision: 'exact' });
    // Post 3 is shown because someone reacted: its card urn is not the post's own time.
    const makers = timeFromLinkedInId('7394444444444444444')!;
    expect(readLinkedInPage(doc, FEED_URL, makers + 14 * DAY + HOUR).posts[2]!.publishedAt!.precision).toBe('week');
  });
});

describe('guest-post.html (logged-out public post page)', () => {
  const doc = load('guest-post.html');
  const reading = readLinkedInPage(doc, GUEST_URL, NOW);

  it('reads the post from the guest markup family', () => {
    expect(reading.posts).toHaveLength(1);
    expect(reading.posts[0]).toMatchObject({
      postId: '7395555555555555555',
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7395555555555555555/',
      author: { name: '山嵐咖啡 Shanlan Coffee Roasters', profileUrl: 'https://www.linkedin.com/company/shanlan-coffee/' },
      mediaKind: 'image',
      counts: { reactions: 86, comments: 12, shares: null, views: null },
      publishedAt: { at: NOW - 3 * DAY, precision: 'day' },
      text: 'Guji natural is back in stock ☕\nBlueberry, jasmine, dark chocolate.\n\n衣索比亞 Guji 日曬回來了！#specialtycoffee',
    });
  });

  it('reads the comments, folding the guest urn spelling and hashing the one without a urn', () => {
    expect(reading.comments).toHaveLength(3);
    const [first, second, third] = reading.comments;
    expect(first).toMatchObject({
      commentId: comment('7395555555555555555', '7395555555555556001'),
      postId: '7395555555555555555',
      parentId: null,
      author: { name: '陳怡婷', profileUrl: 'https://www.linkedin.com/in/yiting-chen-tw/' },
      text: '終於回來了！\n週末去門市買 😍',
      time: { at: NOW - 2 * DAY, precision: 'day' },
    });
    expect(second).toMatchObject({ commentId: comment('7395555555555555555', '7395555555555556002'), author: { name: 'Rooftop Coffee' } });
    expect(third!.commentId).toMatch(/^hash:[0-9a-z]+$/);
    expect(third).toMatchObject({ author: { name: 'Sarah Johnson', profileUrl: 'https://www.linkedin.com/in/sarah-johnson-sg/' }, text: 'Do you ship to Singapore?' });
  });

  it('gives the urn-less comment the same id on every read, whatever the time', () => {
    const again = readLinkedInPage(load('guest-post.html'), GUEST_URL, NOW + 3 * DAY);
    expect(again.comments[2]!.commentId).toBe(reading.comments[2]!.commentId);
    expect(findCommentElement(doc, reading.comments[2]!.commentId)).not.toBeNull();
  });

  it('has no signed-in member and no reply box', () => {
    expect(reading.ownIdentity).toBeNull();
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'absent', notes: [] });
  });
});

describe('zh-tw-post.html (logged-in post page, zh-TW UI)', () => {
  const doc = load('zh-tw-post.html');
  const reading = readLinkedInPage(doc, ZH_URL, NOW);

  it('reads counts and times from Chinese labels', () => {
    expect(reading.posts).toHaveLength(1);
    expect(reading.posts[0]).toMatchObject({
      postId: '7396666666666666666',
      author: { name: '吳佳穎', profileUrl: 'https://www.linkedin.com/in/jiaying-wu-bakery/' },
      counts: { reactions: 56, comments: 3, shares: 5, views: null },
      publishedAt: { at: NOW - 2 * HOUR, precision: 'hour' },
      text: '今天的可頌出爐了 🥐\n感謝大家支持小店！\n\n營業時間：週二至週日 08:00–18:00',
    });
  });

  it('takes a reply’s parent from its urn', () => {
    expect(reading.comments.map((c) => [c.commentId, c.parentId, c.author.name, c.time])).toEqual([
      [comment('7396666666666666666', '7396666666666666201'), null, '林志豪', { at: NOW - 3 * DAY, precision: 'day' }],
      [
        'urn:li:comment:(urn:li:comment:(activity:7396666666666666666,7396666666666666201),7396666666666666203)',
        comment('7396666666666666666', '7396666666666666201'),
        '吳佳穎',
        { at: NOW - 2 * HOUR, precision: 'hour' },
      ],
      [comment('7396666666666666666', '7396666666666666202'), null, '張雅婷', { at: NOW - 7 * DAY, precision: 'week' }],
    ]);
  });

  it('reads the signed-in member (query stripped from the link) and is healthy', () => {
    expect(reading.ownIdentity).toEqual({ name: 'Mei Lin', profileUrl: 'https://www.linkedin.com/in/mei-lin-coffee/' });
    expect(reading.health).toEqual({ post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] });
  });
});

describe('broken.html (changed markup)', () => {
  const doc = load('broken.html');
  const reading = readLinkedInPage(doc, BROKEN_URL, NOW);

  it('still reads the post, with the unreadable count unknown rather than 0', () => {
    expect(reading.posts).toHaveLength(1);
    expect(reading.posts[0]!.counts).toEqual({ reactions: null, comments: 4, shares: null, views: null });
  });

  it('reports counts and comments broken, with notes for maintainers', () => {
    expect(reading.health.post).toBe('ok');
    expect(reading.health.counts).toBe('broken');
    expect(reading.health.comments).toBe('broken');
    expect(reading.health.notes.join('\n')).toMatch(/REACTIONS_COUNT/);
    expect(reading.health.notes.join('\n')).toMatch(/count is 4, but no COMMENT variant matched/);
  });

  it('attaches no comment, not even the one from another post shown beside it', () => {
    // Comments are read only inside the card that holds them; one shown outside every card is not guessed onto a post.
    expect(reading.comments).toEqual([]);
  });
});

describe('comment attachment', () => {
  const card = (id: string, inner = '') =>
    `<div class="feed-shared-update-v2" data-urn="urn:li:activity:${id}"><div class="update-components-actor__container"><a class="update-components-actor__meta-link" href="/in/a/"><span class="update-components-actor__title"><span aria-hidden="true">A</span></span></a></div>${inner}</div>`;
  const entity = (urn: string, name: string, text: string, inner = '') =>
    `<article class="comments-comment-entity" data-id="${urn}"><a class="comments-comment-meta__description-container" href="/in/${name}/"><span class="comments-comment-meta__description-title">${name}</span></a><span class="comments-comment-item__main-content">${text}</span>${inner}</article>`;

  it('keeps a comment with the card that holds it, even when its urn names another activity', () => {
    // As on the real feed: "X commented on this" cards hold comments whose urn names the original post.
    const doc = html(card('1000000000000000001', entity('urn:li:comment:(activity:1000000000000000009,5)', 'x', 'hi')));
    const reading = readLinkedInPage(doc, FEED_URL, NOW);
    expect(reading.comments.map((c) => c.postId)).toEqual(['1000000000000000001']);
  });

  it('reads no comment outside every card, even when its urn names a post on the page', () => {
    const doc = html(
      card('1000000000000000001') +
        card('1000000000000000002') +
        entity('urn:li:comment:(activity:1000000000000000002,7)', 'y', 'outside') +
        entity('urn:li:comment:(activity:1000000000000000003,8)', 'z', 'elsewhere'),
    );
    const reading = readLinkedInPage(doc, FEED_URL, NOW);
    // Each card is read on its own (the feed watcher's unit), so a stray comment is never attached by guesswork.
    expect(reading.comments).toEqual([]);
  });

  it('takes the parent from the nesting when the reply urn does not name it', () => {
    const reply = entity('urn:li:comment:(activity:1000000000000000001,11)', 'r', 'reply');
    const doc = html(card('1000000000000000001', entity('urn:li:comment:(activity:1000000000000000001,10)', 'p', 'parent', `<div class="comments-replies-list">${reply}</div>`)));
    const reading = readLinkedInPage(doc, FEED_URL, NOW);
    expect(reading.comments.map((c) => [c.text, c.parentId])).toEqual([
      ['parent', null],
      ['reply', 'urn:li:comment:(activity:1000000000000000001,10)'],
    ]);
  });
});

describe('readOwnIdentity', () => {
  it('is null when logged out', () => {
    expect(readOwnIdentity(load('guest-post.html'))).toBeNull();
  });

  it('ignores other people’s profile links', () => {
    const doc = html('<main><a href="/in/someone-else/">Someone</a></main><img class="global-nav__me-photo" alt="Mei Lin">');
    expect(readOwnIdentity(doc)).toBeNull();
  });
});
