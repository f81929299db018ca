import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayKey, startOfDayMs, startOfWeek, weekday } from '../../lib/stats/days';
import { EXTENSION_DIR, launch, openExtensionPage, readTable, ROOT, sendFromPage, type Session } from './harness';

const POST_URL = 'https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000001/';
const FIXTURE = readFileSync(join(ROOT, 'test/fixtures/linkedin/own-post.html'), 'utf8');

let session: Session;

beforeAll(async () => {
  session = await launch({ extraExtensions: [join(ROOT, 'test/e2e/foreign-extension')] });
  session.serve(POST_URL, FIXTURE);
});
afterAll(async () => {
  await session?.close();
});

async function waitForRows(table: string, count: number) {
  await expect.poll(async () => (await readTable(session.worker, table)).length, { timeout: 15_000 }).toBe(count);
}

describe('LinkedIn slice, end to end in Chromium', () => {
  it('ships ASCII-only scripts (Chrome rejects content scripts holding U+FFFF)', () => {
    const scripts = readdirSync(join(EXTENSION_DIR, 'content-scripts')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) expect(/[\u0080-\uffff]/.test(readFileSync(join(EXTENSION_DIR, 'content-scripts', f), 'utf8'))).toBe(false);
    // The panel's UI is injected into the same world as a content script.
    expect(/[\u0080-\uffff]/.test(readFileSync(join(EXTENSION_DIR, 'panel-ui.js'), 'utf8'))).toBe(false);
  });

  it('keeps React out of the script every page loads: it comes with the panel’s UI', () => {
    // React DOM's production build links its errors to react.dev; our own code never does.
    const reactDom = 'react.dev/errors';
    for (const f of readdirSync(join(EXTENSION_DIR, 'content-scripts')).filter((n) => n.endsWith('.js'))) {
      expect(readFileSync(join(EXTENSION_DIR, 'content-scripts', f), 'utf8').includes(reactDom), f).toBe(false);
    }
    expect(readFileSync(join(EXTENSION_DIR, 'panel-ui.js'), 'utf8').includes(reactDom)).toBe(true);
  });

  it('keeps the comment classifier and the template engine out of it too: only the panel’s queue and picker use them', () => {
    // A reason code of the classifier (lib/templates/classify.ts) and a tracking key of the engine (engine.ts).
    const markers = ['negated_praise', 'utm_campaign'];
    for (const f of readdirSync(join(EXTENSION_DIR, 'content-scripts')).filter((n) => n.endsWith('.js'))) {
      const code = readFileSync(join(EXTENSION_DIR, 'content-scripts', f), 'utf8');
      for (const marker of markers) expect(code.includes(marker), `${f}: ${marker}`).toBe(false);
    }
    const panelUi = readFileSync(join(EXTENSION_DIR, 'panel-ui.js'), 'utf8');
    for (const marker of markers) expect(panelUi.includes(marker), marker).toBe(true);
  });

  it('takes its UI strings from the table the background stored, and from Chrome’s lookup when that table is unusable', async () => {
    // Written when the service worker starts.
    const read = () => session.worker.evaluate(async () => ({ language: chrome.i18n.getUILanguage(), table: (await chrome.storage.local.get('uiStrings')).uiStrings }));
    await expect.poll(async () => (await read()).table !== undefined, { timeout: 10_000 }).toBe(true);
    const stored = await read();
    const table = stored.table as { language: string; messages: Record<string, string> };
    expect(table.language).toBe(stored.language);
    expect(table.messages.panelOpen).toBe('Open the Social Desk panel');
    // A placeholder is stored as a marker that the content script fills in.
    expect(table.messages.panelOpenWaiting).toBe('Open the Social Desk panel: \u0001 comments waiting for your answer');
    const tabText = async (uiStrings: unknown) => {
      await session.worker.evaluate((v) => chrome.storage.local.set({ uiStrings: v }), uiStrings);
      const page = await session.context.newPage();
      await page.goto(POST_URL);
      const tab = page.locator('social-desk-panel button.sd-tab');
      await expect.poll(() => tab.getAttribute('aria-label'), { timeout: 15_000 }).toMatch(/comments waiting/);
      const text = await tab.textContent();
      await page.close();
      return text;
    };
    try {
      expect(await tabText({ ...table, messages: { ...table.messages, extShortName: 'Table Desk' } })).toContain('Table Desk');
      for (const unusable of [{ ...table, messages: 'Table Desk' }, { ...table, language: 'xx', messages: { extShortName: 'Table Desk' } }]) {
        expect(await tabText(unusable)).toContain('Social Desk');
      }
    } finally {
      await session.worker.evaluate((v) => chrome.storage.local.set({ uiStrings: v }), table);
    }
  });

  it('shows the closed panel’s tab with the waiting comments; a click loads the panel, which lists them and stores them once', async () => {
    const page = await session.context.newPage();
    await page.goto(POST_URL);
    const panel = page.locator('social-desk-panel');
    // Closed by default: only the tab, drawn without the panel's UI, which is not loaded yet.
    const tab = panel.locator('button.sd-tab[aria-expanded="false"]');
    await expect.poll(() => tab.getAttribute('aria-label'), { timeout: 15_000 }).toMatch(/^Open the Social Desk panel: \d+ comments waiting for your answer$/);
    const waiting = Number((await tab.getAttribute('aria-label'))!.match(/(\d+) comments/)![1]);
    expect(waiting).toBeGreaterThan(0);
    expect(await tab.locator('.sd-tab-count').textContent()).toBe(String(waiting));
    expect(await panel.locator('.sd-panel, [data-testid="own-post"]').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelector('social-desk-panel')!.shadowRoot!.querySelectorAll('style').length)).toBe(1);
    await tab.click();
    await expect.poll(() => panel.locator('[data-testid="own-post"]').count(), { timeout: 15_000 }).toBe(1);
    const comments = panel.locator('[data-testid="comment"]');
    await expect.poll(() => comments.count()).toBeGreaterThanOrEqual(4);
    const listed = await comments.count();
    // The panel's queue counts what the tab counted.
    await expect.poll(() => panel.locator('[data-testid="queue-item"]').count()).toBe(waiting);
    expect(await panel.locator('[data-testid="countReactions"] dd').textContent()).toMatch(/\d/);
    expect(await panel.locator('[data-testid="countComments"] dd').textContent()).toMatch(/\d/);
    expect(await panel.locator('[data-testid="countShares"] dd').textContent()).toMatch(/\d/);

    await waitForRows('interactions', listed);
    await waitForRows('posts', 1);
    await waitForRows('metricSnapshots', 1);

    // The panel lives in a shadow root: the page's own styles and scripts do not reach it.
    expect(await page.evaluate(() => document.querySelector('social-desk-panel')?.shadowRoot !== null)).toBe(true);

    // Nothing of ours is stored on linkedin.com's origin.
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);

    // A reload captures the same comments again: still one row each.
    await page.reload();
    await expect.poll(() => panel.locator('[data-testid="comment"]').count(), { timeout: 15_000 }).toBe(listed);
    await page.waitForTimeout(1_500);
    await waitForRows('interactions', listed);
    await waitForRows('posts', 1);
    await page.close();
  });

  it('shows this week’s comments received in the popup, not doubled by the reload', async () => {
    // "This week" is the calendar's: early in a week the fixture's comments (hours to days old) belong to the last
    // one. The week is set to have started six days ago, so every comment of the last six days is this week's.
    const timeZone = await session.worker.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const today = dayKey(Date.now(), timeZone);
    const weekStart = (weekday(today) + 1) % 7;
    const from = startOfDayMs(startOfWeek(today, weekStart), timeZone);
    await session.worker.evaluate((w) => chrome.storage.sync.set({ weekStart: w }), weekStart);
    try {
      const interactions = await readTable<{ kind: string; occurredAt: number }>(session.worker, 'interactions');
      const received = interactions.filter((i) => i.kind === 'comment_received' && i.occurredAt >= from).length;
      expect(received).toBeGreaterThan(0);
      const popup = await openExtensionPage(session, 'popup.html');
      const cell = popup.locator('[data-testid="metricCommentsReceived"] .sd-value');
      await expect.poll(() => cell.textContent(), { timeout: 10_000 }).toBe(String(received));
      await popup.close();
    } finally {
      await session.worker.evaluate(() => chrome.storage.sync.remove('weekStart'));
    }
  });

  it('rejects a message with a bad shape and one from a foreign extension, writing nothing', async () => {
    const before = (await readTable(session.worker, 'interactions')).length;
    const popup = await openExtensionPage(session, 'popup.html');
    const bad = await sendFromPage(popup, { type: 'CS_CAPTURE_PAGE', pageUrl: 12 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    const unknown = await sendFromPage(popup, { type: 'UI_DROP_EVERYTHING' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    await popup.close();

    const foreign = session.context.serviceWorkers().find((w) => w.url().endsWith('/foreign-sw.js'));
    expect(foreign).toBeDefined();
    const valid = {
      type: 'CS_CAPTURE_PAGE',
      pageUrl: POST_URL,
      reading: {
        platform: 'linkedin',
        adapterVersion: 'x',
        posts: [],
        comments: [],
        ownIdentity: null,
        health: { post: 'ok', counts: 'ok', comments: 'ok', replyBox: 'ok', notes: [] },
      },
    };
    const answer = await foreign!.evaluate(
      ([id, message]) => (self as unknown as { sendTo(id: string, m: unknown): Promise<unknown> }).sendTo(id as string, message),
      [session.extensionId, valid] as const,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'FOREIGN_SENDER' } });
    expect((await readTable(session.worker, 'interactions')).length).toBe(before);
  });

  it('collapses to a tab, remembers it across a reload, and the keyboard command reopens it', async () => {
    const page = await session.context.newPage();
    await page.goto(POST_URL);
    const panel = page.locator('social-desk-panel');
    await panel.locator('[data-testid="own-post"]').waitFor({ timeout: 15_000 });
    await panel.locator('.sd-header button').click();
    await panel.locator('.sd-tab').waitFor();
    await page.reload();
    await panel.locator('.sd-tab').waitFor({ timeout: 15_000 });
    expect(await panel.locator('.sd-panel').count()).toBe(0);
    // What the toggle-panel command does: the background tells the active tab.
    await session.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'https://www.linkedin.com/*' });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'BG_TOGGLE_PANEL' });
    });
    await panel.locator('.sd-panel').waitFor({ timeout: 5_000 });
    // A malformed message from the background is ignored, not acted on.
    await session.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'https://www.linkedin.com/*' });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'BG_TOGGLE_PANEL_NOW', extra: 1 }).catch(() => undefined);
    });
    await page.waitForTimeout(300);
    expect(await panel.locator('.sd-panel').count()).toBe(1);
    await page.close();
  });

  it('sent no request to the network', () => {
    // Every request outside the served fixture was aborted; none came from the extension's origin.
    expect(session.blocked.filter((u) => !u.startsWith('https://www.linkedin.com/'))).toEqual([]);
  });
});
