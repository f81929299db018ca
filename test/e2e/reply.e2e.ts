import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplySite } from '@/lib/content/reply-site';
import { facebookReply } from '@/lib/platforms/facebook/insert';
import { instagramReply } from '@/lib/platforms/instagram/insert';
import { linkedinReply } from '@/lib/platforms/linkedin/insert';
import { threadsReply } from '@/lib/platforms/threads/insert';
import { tiktokReply } from '@/lib/platforms/tiktok/insert';
import { xReply } from '@/lib/platforms/x/insert';
import { youtubeReply } from '@/lib/platforms/youtube/insert';
import type {} from '../fixtures/editors/mount'; // window.__editors, window.__fixtureConfig
import { withLiveEditors } from './editors';
import { EXTENSION_DIR, launch, readTable, ROOT, type Session } from './harness';

/**
 * Replying from the page, on each platform's fixture with the platform's real
 * editor mounted (test/fixtures/editors): the badges beside the comments, the
 * queue's order, dismiss and undo, the picker driven by the keyboard, the draft
 * landing exactly once in the reply editor's own state with its line breaks and
 * the page's send button enabled (and nothing sent), the short code and the
 * keyboard command; then, on the user's own post with their reply taken out, the
 * clipboard fallback when no reply box can be found and the reply detected
 * (comment replied, reply logged with its template) when the page shows it.
 */

interface Scenario {
  platform: string;
  /** The page with a reply box and the user's post. */
  file: string;
  /** Who the user is there (the profile whose post it is). */
  me: string;
  /** The waiting comments, most urgent first. */
  order: string[];
  /** The classifier's hint on the first waiting comment (null: no clear tone, no hint). */
  firstHint: RegExp | null;
  /** A comment to dismiss and restore. */
  dismiss: string;
  /** The comment answered with the picker, and its author's name as the picker titles it. */
  target: string;
  targetName: string;
  /** The page's own code: `sendButton(editor)`, and what a Reply click opens. */
  page: string;
  /** The target's reply editor once open (a selector), and what the user does to open it (run in the page). */
  box: string;
  openBox?: string;
  /** What the platform's Reply control puts in the box before the draft (Instagram's "@username "). */
  prefix?: string;
  /** The user's own post (own-post.html): the reply `reply` to comment `parent` is taken out, then shown. */
  detect: { parent: string; reply: string; removeBox?: string };
}

/** The nearest send button around an editor (a selector tried on the editor's ancestors). */
const nearest = (selector: string) => `(editor) => { for (let n = editor; n; n = n.parentElement) { const b = n.querySelector(${JSON.stringify(selector)}); if (b) return b; } return null; }`;

const SCENARIOS: Scenario[] = [
  {
    platform: 'facebook',
    firstHint: /^Looks like a question/,
    file: 'reply-box.html',
    me: 'https://www.facebook.com/linsbakery.tw',
    order: ['2098765432109871', '2098765432109872', '2098765432109874', '2098765432109873'],
    dismiss: '2098765432109873',
    target: '2098765432109872',
    targetName: 'Sophie Chan 陳嘉欣',
    page: `window.__fixtureConfig = { sendButton: ${nearest('form [role="button"][aria-label="Comment"]')} };`,
    box: '[aria-label^="Reply to Sophie"]',
    detect: { parent: '1098765432109876', reply: '1187654321098765' },
  },
  {
    platform: 'instagram',
    firstHint: /^Looks like a question/,
    file: 'reply-box.html',
    me: 'https://www.instagram.com/shanlan.tea/',
    order: ['17955544433322211', '18099988877766655', '18077700011122255'],
    dismiss: '18099988877766655',
    target: '17955544433322211',
    targetName: 'yuecha.hk',
    // Reply fills the post's one comment box with "@username ", as Instagram does.
    page: `window.__fixtureConfig = {
      sendButton: (editor) => editor.closest('form') && Array.from(editor.closest('form').querySelectorAll('[role="button"]')).pop(),
      onClick(target) {
        const control = target.closest('[role="button"], button');
        if (!control || control.querySelector('svg') || control.closest('form')) return;
        for (let n = control.parentElement; n; n = n.parentElement) {
          const link = n.querySelector('a[href^="/"][href$="/"]:not([href="/"])');
          if (link) {
            const area = document.querySelector('form textarea');
            window.__editors.setValue(area, '@' + link.getAttribute('href').replace(/\\//g, '') + ' ');
            return;
          }
        }
      },
    };`,
    box: 'form textarea',
    openBox: `window.__editors.setValue(document.querySelector('form textarea'), '@yuecha.hk ')`,
    prefix: '@yuecha.hk ',
    detect: { parent: '18061234567890101', reply: '18061234567890102', removeBox: 'form' },
  },
  {
    platform: 'linkedin',
    firstHint: /^Looks like a complaint/,
    file: 'own-post.html',
    me: 'https://www.linkedin.com/in/mei-lin-coffee/',
    order: [
      'urn:li:comment:(activity:7390000000000000001,7390000000000000103)',
      'urn:li:comment:(activity:7390000000000000001,7390000000000000104)',
      'urn:li:comment:(activity:7390000000000000001,7390000000000000102)',
    ],
    dismiss: 'urn:li:comment:(activity:7390000000000000001,7390000000000000102)',
    target: 'urn:li:comment:(activity:7390000000000000001,7390000000000000104)',
    targetName: 'Sarah Johnson',
    // LinkedIn shows the reply form's submit button under the editor.
    page: `for (const form of document.querySelectorAll('.comments-comment-box--reply form')) {
        const b = document.createElement('button'); b.type = 'submit'; b.disabled = true; b.className = 'comments-comment-box__submit-button--cr'; b.textContent = 'Reply'; form.append(b);
      }
      window.__fixtureConfig = { sendButton: ${nearest('button.comments-comment-box__submit-button--cr')} };`,
    box: '.comments-comment-box--reply .ql-editor',
    detect: {
      parent: 'urn:li:comment:(activity:7390000000000000001,7390000000000000101)',
      reply: 'urn:li:comment:(activity:7390000000000000001,7390000000000000105)',
    },
  },
  {
    platform: 'threads',
    firstHint: /^Looks like a question/,
    file: 'reply-box.html',
    me: 'https://www.threads.com/@linsbakery.tw',
    order: ['DTmX8dWc3It', 'DTmY9eXd4Ju', 'DTmZ0fYe5Kv'],
    dismiss: 'DTmZ0fYe5Kv',
    target: 'DTmY9eXd4Ju',
    targetName: 'wanhua.mama',
    page: `window.__fixtureConfig = { sendButton: ${nearest('.dialog-footer [role="button"]')} };`,
    box: '[role="dialog"] [data-lexical-editor="true"]',
    detect: { parent: 'DThM1aB2c3D', reply: 'DThN4eF5g6H' },
  },
  {
    platform: 'tiktok',
    firstHint: /^Looks like a question/,
    file: 'own-post.html',
    me: 'https://www.tiktok.com/@linsbakery.tw',
    order: ['hash:14xf3fe5o1y3m', 'hash:3i2uz12jgp8ic', 'hash:28xxobpf3tcnw'],
    dismiss: 'hash:28xxobpf3tcnw',
    target: 'hash:14xf3fe5o1y3m',
    targetName: '台北吃貨',
    // A comment's Reply puts "Reply to @handle" above the panel's one composer, as TikTok does.
    page: `window.__fixtureConfig = {
      sendButton: () => document.querySelector('[data-e2e="comment-post"]'),
      onClick(target) {
        const control = target.closest('[data-e2e^="comment-reply-"]');
        if (!control) return;
        let link = null;
        for (let n = control.parentElement; n && !link; n = n.parentElement) link = n.querySelector('a[href^="/@"]');
        const block = document.querySelector('[class*="DivCommentInputContainer"]');
        if (!link || !block) return;
        block.querySelector('.fixture-reply-tip')?.remove();
        const tip = document.createElement('div');
        tip.className = 'fixture-reply-tip css-1qj3o8n-3f9a71c2--DivReplyTipsContainer';
        tip.textContent = 'Reply to ' + link.getAttribute('href').slice(1);
        block.prepend(tip);
      },
    };`,
    box: '[data-e2e="comment-input"] [contenteditable="true"]',
    openBox: `Array.from(document.querySelectorAll('[data-e2e="comment-level-1"]')).find((e) => e.textContent.includes('明天早上幾點開門')).parentElement.parentElement.parentElement.querySelector('[data-e2e="comment-reply-1"]').click()`,
    detect: { parent: 'hash:1hhw94a4mpnj4', reply: 'hash:1kwgl0wbl96w0', removeBox: '[data-e2e="comment-input"]' },
  },
  {
    platform: 'x',
    firstHint: null,
    file: 'reply-box.html',
    // The author of the status the fixture shows, so its replies are the user's comments to answer.
    me: 'https://x.com/hk_cafe_guide',
    order: ['2123627392005046315', '2123650041246646316'],
    dismiss: '2123627392005046315',
    target: '2123650041246646316',
    targetName: 'Mei 美食日記',
    page: `window.__fixtureConfig = { sendButton: ${nearest('[data-testid^="tweetButton"]')} };`,
    box: '[role="dialog"] [contenteditable="true"]',
    detect: { parent: '2123717988971446294', reply: '2123725538718646295' },
  },
  {
    platform: 'youtube',
    firstHint: /^Looks like praise/,
    file: 'reply-box.html',
    me: 'https://www.youtube.com/@shanlancoffee',
    order: ['UgwHkLatteArtTips2x4AaABAg', 'UgzLinsBakeryHiNbr14AaABAg'],
    dismiss: 'UgzLinsBakeryHiNbr14AaABAg',
    target: 'UgwHkLatteArtTips2x4AaABAg',
    targetName: '@hk_latte_art',
    // Reply renders a comment box into the comment's #reply-dialog, as YouTube does.
    page: `const dialogTemplate = document.querySelector('#reply-dialog ytd-comment-reply-dialog-renderer').cloneNode(true);
      dialogTemplate.querySelector('#contenteditable-root').replaceChildren();
      window.__fixtureConfig = {
        sendButton: (editor) => editor.closest('ytd-commentbox') && editor.closest('ytd-commentbox').querySelector('#submit-button button'),
        onClick(target) {
          const button = target.closest('#reply-button-end button');
          const bar = button && button.closest('ytd-comment-engagement-bar');
          const dialog = bar && bar.querySelector('#reply-dialog');
          if (!dialog || dialog.firstElementChild) return;
          dialog.append(dialogTemplate.cloneNode(true));
          window.__editors.mountAll(dialog);
        },
      };`,
    box: 'ytd-comment-thread-renderer:has(a[href*="UgwHkLatteArtTips2x4AaABAg"]) #reply-dialog #contenteditable-root',
    openBox: `document.querySelector('ytd-comment-thread-renderer:has(a[href*="UgwHkLatteArtTips2x4AaABAg"]) #reply-button-end button').click()`,
    detect: { parent: 'UgwMeiEats7TpeQ2kRd4AaABAg', reply: 'UgwMeiEats7TpeQ2kRd4AaABAg.AQ4x7KpLinsReply01Zz9m' },
  },
];

const SITES: Record<string, ReplySite> = {
  facebook: facebookReply,
  instagram: instagramReply,
  linkedin: linkedinReply,
  threads: threadsReply,
  tiktok: tiktokReply,
  x: xReply,
  youtube: youtubeReply,
};

function fixture(platform: string, name: string) {
  const html = readFileSync(join(ROOT, 'test/fixtures', platform, name), 'utf8');
  const url = /<!--\s*url:\s*(\S+)\s*-->/.exec(html)?.[1];
  if (!url) throw new Error(`${platform}/${name} has no url comment`);
  return { html, url };
}

/** The page without one comment (and, for a box that is always there, without the box), found the way the extension finds it. */
function withoutComment(platform: string, html: string, url: string, commentId: string, removeBox?: string): string {
  const window = new Window({ url });
  const doc = window.document as unknown as Document;
  doc.write(html);
  const el = SITES[platform]!.commentElement(doc, commentId);
  if (el === null) throw new Error(`${platform}: comment ${commentId} not found in the fixture`);
  el.remove();
  if (removeBox) for (const box of doc.querySelectorAll(removeBox)) box.remove();
  // eslint-disable-next-line no-restricted-syntax -- serialising a test fixture for the browser, not rendering page content
  const out = `<!-- url: ${url} -->\n<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;
  void window.happyDOM.close();
  return out;
}

/** Editor state as lines: Lexical separates paragraphs with a blank line, Quill ends with a newline. */
const lines = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\n{2,}/g, '\n').replace(/^\n+|\n+$/g, '');

const panel = (page: Page) => page.locator('social-desk-panel');
const picker = (page: Page) => panel(page).locator('[data-testid="reply-picker"]');

/** The badge beside a comment in the page: `status:label` (and how many there are, if more than one). */
async function badgeStatus(page: Page, commentId: string): Promise<string | null> {
  return page.evaluate((id) => {
    const hosts = Array.from(document.querySelectorAll<HTMLElement>('social-desk-badge')).filter((b) => b.dataset.commentId === id);
    const host = hosts[0];
    if (!host) return null;
    const label = host.shadowRoot?.querySelector('span')?.textContent ?? '(no label)';
    return `${host.dataset.status}:${label}${hosts.length > 1 ? ` ×${hosts.length}` : ''}`;
  }, commentId);
}

async function queueIds(page: Page): Promise<string[]> {
  return panel(page)
    .locator('[data-testid="queue-item"]')
    .evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.commentId ?? ''));
}

/** The state text of the editor the picker filled: the one whose state changed. */
async function editorTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__editors.texts());
}

async function setOwnProfile(session: Session, platform: string, me: string) {
  await session.worker.evaluate(
    ([p, url]) => chrome.storage.sync.set({ ownProfiles: { [p as string]: { profileUrl: url, displayName: null, confirmed: true, detectedAt: 0 } } }),
    [platform, me] as const,
  );
}

declare const chrome: {
  storage: { sync: { set(v: unknown): Promise<void> } };
  tabs: { query(q: unknown): Promise<Array<{ id?: number; url?: string }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
};

it('declares the reply-picker command with its default key', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { commands: Record<string, { suggested_key: { default: string } }> };
  expect(manifest.commands['open-reply-picker']?.suggested_key.default).toBe('Alt+Shift+R');
});

describe.each(SCENARIOS)('$platform', (s) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ panelOpen: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  async function open(url: string, html: string) {
    session.serve(url, html);
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    await page.goto(url);
    await expect.poll(() => panel(page).locator('[data-testid="queue-item"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    return { page, errors };
  }

  // First: the later tests open pages where the reply is already in the log.
  it('copies the draft when no reply box can be found, and marks the comment replied when the user’s reply appears', async () => {
    const own = fixture(s.platform, 'own-post.html');
    await setOwnProfile(session, s.platform, readOwnPostAuthor(s.platform));
    const { page } = await open(own.url, withoutComment(s.platform, own.html, own.url, s.detect.reply, s.detect.removeBox));
    await expect.poll(() => queueIds(page), { timeout: 10_000 }).toContain(s.detect.parent);
    await expect.poll(() => badgeStatus(page, s.detect.parent)).toBe('open:Waiting');

    await panel(page).locator(`[data-testid="queue-item"][data-comment-id="${s.detect.parent}"] [data-testid="queue-reply"]`).click();
    await expect.poll(() => picker(page).locator('[data-testid="template-option"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    const draftBox = picker(page).locator('[data-testid="draft"]');
    await draftBox.waitFor();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' 🙂');
    const draft = await draftBox.inputValue();
    await page.keyboard.press('Control+Enter');
    const result = picker(page).locator('[data-testid="picker-result"]');
    await result.waitFor({ timeout: 15_000 });
    await expect(result.textContent()).resolves.toContain('the draft is copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(draft);

    const parentRow = `${s.platform}:comment_received:${s.detect.parent}`;
    const replyRow = `${s.platform}:reply_sent:${s.detect.reply}`;
    type Row = { id: string; status: string; templateId: string | null; inReplyToId: string | null; responseMs: number | null };
    await expect.poll(async () => (await readTable<Row>(session.worker, 'interactions')).find((r) => r.id === parentRow)?.templateId ?? null).not.toBeNull();
    const templateId = (await readTable<Row>(session.worker, 'interactions')).find((r) => r.id === parentRow)!.templateId;

    // The user sent the reply: the page shows it now.
    session.serve(own.url, own.html);
    await page.reload();
    await expect.poll(() => badgeStatus(page, s.detect.parent), { timeout: 15_000 }).toBe('replied:Replied by you');
    await expect.poll(() => queueIds(page)).not.toContain(s.detect.parent);
    const rows = await readTable<Row>(session.worker, 'interactions');
    const parent = rows.find((r) => r.id === parentRow)!;
    const reply = rows.find((r) => r.id === replyRow)!;
    expect(parent.status).toBe('replied');
    expect(reply.inReplyToId).toBe(parentRow);
    expect(reply.responseMs).not.toBeNull();
    expect(reply.templateId).toBe(templateId);
    await page.close();
  });

  it('badges, queue order, dismiss and undo, the picker by keyboard, the draft in the editor’s own state once, the send button enabled', async () => {
    await setOwnProfile(session, s.platform, s.me);
    const { html, url } = fixture(s.platform, s.file);
    const { page, errors } = await open(url, await withLiveEditors(html, s.page));

    // The queue: most urgent first; each waiting comment has its badge in the page.
    await expect.poll(() => queueIds(page), { timeout: 10_000 }).toEqual(s.order);
    for (const id of s.order) await expect.poll(() => badgeStatus(page, id), { timeout: 5_000 }).toBe('open:Waiting');
    // The most urgent comment says why, as a guess.
    const firstHint = panel(page).locator('[data-testid="queue-item"]').first().locator('[data-testid="queue-hint"]');
    if (s.firstHint === null) {
      expect(await firstHint.count()).toBe(0);
    } else {
      expect(await firstHint.textContent()).toMatch(s.firstHint);
      expect(await firstHint.getAttribute('title')).toBe('A guess from the words and emoji, not a certainty.');
    }

    // Dismiss ("no reply needed"), then undo.
    await panel(page).locator(`[data-testid="queue-item"][data-comment-id="${s.dismiss}"] [data-testid="queue-dismiss"]`).click();
    await expect.poll(() => queueIds(page)).toEqual(s.order.filter((id) => id !== s.dismiss));
    await expect.poll(() => badgeStatus(page, s.dismiss)).toBe('dismissed:No reply needed');
    await panel(page).locator('[data-testid="notice-undo"]').click();
    await expect.poll(() => queueIds(page)).toEqual(s.order);
    await expect.poll(() => badgeStatus(page, s.dismiss)).toBe('open:Waiting');

    // The picker, by keyboard.
    const before = await editorTexts(page);
    await panel(page).locator(`[data-testid="queue-item"][data-comment-id="${s.target}"] [data-testid="queue-reply"]`).click();
    await expect(picker(page).getAttribute('aria-label')).resolves.toBe(`Reply to ${s.targetName}`);
    await expect.poll(() => picker(page).locator('[data-testid="template-option"]').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const chosen = await picker(page).locator('[data-testid="template-option"][aria-selected="true"] .sd-tpl-name').textContent();
    const second = await picker(page).locator('[data-testid="template-option"]').nth(1).locator('.sd-tpl-name').textContent();
    expect(chosen).toBe(second);
    await page.keyboard.press('Enter');
    const draftBox = picker(page).locator('[data-testid="draft"]');
    await draftBox.waitFor();
    // Edit the draft: a second line.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('See you soon 🥐');
    const draft = await draftBox.inputValue();
    expect(draft.split('\n').length).toBeGreaterThan(1);
    await page.keyboard.press('Control+Enter');
    await picker(page).waitFor({ state: 'detached', timeout: 10_000 });

    // Exactly one editor changed, and its own state holds the draft once, line breaks kept.
    const after = await editorTexts(page);
    const changed = after.map((text, i) => ({ text, before: before[i] ?? '' })).filter((e) => e.text !== e.before);
    expect(changed).toHaveLength(1);
    const { text, before: was } = changed[0]!;
    expect(lines(text)).toBe(lines((s.prefix ?? was) + draft));
    // The page's send button is enabled by the page's own code, and nothing was sent.
    const send = await page.evaluate(() => {
      const e = window.__editors.list.find((x) => x.text().includes('See you soon'));
      const el = e?.element() ?? null;
      const b = el && window.__fixtureConfig ? window.__fixtureConfig.sendButton(el) : null;
      return b ? { disabled: (b as HTMLButtonElement).disabled === true, aria: b.getAttribute('aria-disabled') } : null;
    });
    expect(send).not.toBeNull();
    expect(send!.disabled).toBe(false);
    expect(send!.aria).not.toBe('true');
    expect(await page.evaluate(() => window.__editors.submitted)).toBe(0);
    await expect(panel(page).locator('[data-testid="panel-notice"]').textContent()).resolves.toContain('Draft inserted');

    // The use is logged against the comment until the reply shows up.
    const targetRow = `${s.platform}:comment_received:${s.target}`;
    await expect
      .poll(async () => (await readTable<{ id: string; templateId: string | null }>(session.worker, 'interactions')).find((r) => r.id === targetRow)?.templateId ?? null)
      .not.toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a short code typed in the reply box, and the keyboard command, open the picker for that box', async () => {
    await setOwnProfile(session, s.platform, s.me);
    const { html, url } = fixture(s.platform, s.file);
    const { page } = await open(url, await withLiveEditors(html, s.page));
    // The user opens the comment's reply box and puts the cursor in it.
    if (s.openBox) await page.evaluate(s.openBox);
    // Focus, not a click: the panel may cover the box (it steps aside once the box has focus).
    const target = page.locator(s.box);
    await target.focus();
    // The keyboard command: relayed by the background to the tab, the picker opens for the focused box.
    // This test's tab: the newest one showing the page.
    const tabs = await session.worker.evaluate((u) => chrome.tabs.query({ url: u }), url.split('#')[0] as string);
    const tabId = Math.max(...tabs.map((tab) => tab.id ?? -1));
    await session.worker.evaluate(([id]) => chrome.tabs.sendMessage(id as number, { type: 'BG_OPEN_REPLY_PICKER' }), [tabId] as const);
    await picker(page).waitFor({ timeout: 10_000 });
    await expect(picker(page).getAttribute('aria-label')).resolves.toBe(`Reply to ${s.targetName}`);
    await page.keyboard.press('Escape');
    await picker(page).waitFor({ state: 'detached' });

    // The short code: "/thanks" then Space opens the picker on that template; its draft replaces the code.
    const before = await editorTexts(page);
    await target.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('/thanks');
    await page.keyboard.press('Space');
    const draftBox = picker(page).locator('[data-testid="draft"]');
    await draftBox.waitFor({ timeout: 10_000 });
    const draft = await draftBox.inputValue();
    expect(draft.length).toBeGreaterThan(0);
    await page.keyboard.press('Control+Enter');
    await picker(page).waitFor({ state: 'detached', timeout: 10_000 });
    const after = await editorTexts(page);
    const changed = after.map((text, i) => ({ text, before: before[i] ?? '' })).filter((e) => e.text !== e.before);
    expect(changed).toHaveLength(1);
    expect(lines(changed[0]!.text)).toBe(lines(changed[0]!.before + draft));
    expect(changed[0]!.text).not.toContain('/thanks');
    expect(await page.evaluate(() => window.__editors.submitted)).toBe(0);
    await page.close();
  });

});

/** The author of each platform's own-post fixture (the user whose post it is). */
function readOwnPostAuthor(platform: string): string {
  return {
    facebook: 'https://www.facebook.com/linsbakery.tw',
    instagram: 'https://www.instagram.com/linsbakery.tw/',
    linkedin: 'https://www.linkedin.com/in/mei-lin-coffee/',
    threads: 'https://www.threads.com/@linsbakery.tw',
    tiktok: 'https://www.tiktok.com/@linsbakery.tw',
    x: 'https://x.com/linsbakery_tpe',
    youtube: 'https://www.youtube.com/@linsbakerytpe',
  }[platform] as string;
}
