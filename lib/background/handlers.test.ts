import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SocialDeskDB } from '../db/schema';
import { createRouter } from '../messaging/router';
import type { OwnProfiles } from '../storage';
import { createHandlers } from './handlers';
import { createStorageState } from './storage-state';
import { comment, ME, NOW, post, reading } from '@/test/builders';

const ID = 'ext-id';
const tab = { id: ID, url: 'https://www.linkedin.com/feed/', tab: { id: 1 } };
const page = { id: ID, url: `chrome-extension://${ID}/popup.html` };

let db: SocialDeskDB;
let profiles: OwnProfiles;
let route: ReturnType<typeof createRouter>;
let n = 0;
let storageState: ReturnType<typeof createStorageState>;
let injected: Array<[number, number]>;
let started: Array<[number, number, string]>;

beforeEach(async () => {
  db = new SocialDeskDB(`handlers-test-${n++}`);
  await db.open();
  profiles = {};
  injected = [];
  started = [];
  let kept: number | null = null;
  storageState = createStorageState({ getValue: async () => kept, setValue: async (v) => void (kept = v) }, () => NOW);
  route = createRouter(
    createHandlers(db, {
      getOwnProfiles: async () => profiles,
      setOwnProfiles: async (v) => void (profiles = v),
      getWeekStart: async () => 1,
      getTimeZone: async () => 'Asia/Taipei',
      getAllSettings: async () => ({ ownProfiles: profiles, weekStart: 1, timeZone: 'Asia/Taipei', panelOpen: true, templateCampaign: 'social-replies', weeklySummaryNotify: false }),
      setAllSettings: async () => undefined,
      clearAllSettings: async () => undefined,
      now: () => NOW,
      storageFullSince: () => storageState.fullSince(),
    }, {
      injectPanelUi: async (tabId, frameId) => void injected.push([tabId, frameId]),
      startContentScript: async (tabId, frameId, script) => void started.push([tabId, frameId, script]),
    }),
    { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/`, storage: storageState },
  );
});
afterEach(async () => {
  await db.delete();
});

const capture = (r = reading([post('1')], [comment('c1', '1'), comment('c2', '1')])) => ({ type: 'CS_CAPTURE_PAGE', pageUrl: 'https://www.linkedin.com/feed/', reading: r });

describe('background handlers', () => {
  it('injects the panel UI into the frame that asked for it, and only into a tab', async () => {
    expect(await route({ type: 'CS_LOAD_PANEL_UI' }, { ...tab, frameId: 3 })).toEqual({ ok: true, data: { loaded: true } });
    expect(await route({ type: 'CS_LOAD_PANEL_UI' }, tab)).toEqual({ ok: true, data: { loaded: true } });
    expect(injected).toEqual([
      [1, 3],
      [1, 0],
    ]);
    expect(await route({ type: 'CS_LOAD_PANEL_UI' }, page)).toMatchObject({ ok: false, error: { code: 'WRONG_CONTEXT' } });
    expect(injected).toHaveLength(2);
  });

  it('starts a content script bundle whose loader could not import it, in the asking frame, and only a bundle', async () => {
    const script = 'content-scripts/facebook.js';
    expect(await route({ type: 'CS_START_CONTENT', script }, { ...tab, frameId: 2 })).toEqual({ ok: true, data: { started: true } });
    expect(started).toEqual([[1, 2, script]]);
    for (const bad of ['background.js', 'content-scripts/../background.js', 'https://evil.example/x.js', 'content-scripts/facebook.loader.js']) {
      expect(await route({ type: 'CS_START_CONTENT', script: bad }, tab), bad).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    }
    expect(await route({ type: 'CS_START_CONTENT', script }, page)).toMatchObject({ ok: false, error: { code: 'WRONG_CONTEXT' } });
    expect(started).toHaveLength(1);
  });

  it('takes the signed-in member shown by the page as the detected, unconfirmed own profile', async () => {
    const result = await route(capture(), tab);
    expect(result).toMatchObject({ ok: true, data: { ownPostKeys: ['linkedin:1'], added: 3 } });
    expect(profiles.linkedin).toMatchObject({ profileUrl: ME, confirmed: false });
  });

  it('never replaces a profile the user set with what a page shows', async () => {
    profiles = { linkedin: { profileUrl: 'https://www.linkedin.com/in/someone-else/', displayName: null, confirmed: true, detectedAt: 0 } };
    const result = await route(capture(), tab);
    expect(result).toMatchObject({ ok: true, data: { ownPostKeys: [] } });
    expect(profiles.linkedin?.profileUrl).toBe('https://www.linkedin.com/in/someone-else/');
  });

  it('when the disk is full: a clear STORAGE_FULL, nothing half-written, and reading still works', async () => {
    await route(capture(reading([post('1')], [comment('c1', '1')])), tab);
    let calls = 0;
    db.interactions.hook('creating', () => {
      // The second new row of the batch hits the quota.
      if (++calls === 2) throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const before = await Promise.all([db.interactions.count(), db.metricSnapshots.count(), db.dailyRollups.toArray()]);
    const bigger = capture(reading([post('1', { counts: { reactions: 99, comments: 4, shares: 1, views: null } })], [comment('c1', '1'), comment('c2', '1'), comment('c3', '1')]));
    const result = await route(bigger, tab);
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
    expect(await Promise.all([db.interactions.count(), db.metricSnapshots.count(), db.dailyRollups.toArray()])).toEqual(before);
    const stats = await route({ type: 'UI_GET_WEEK_STATS' }, page);
    expect(stats).toMatchObject({ ok: true, data: { thisWeek: { commentsReceived: 1 } } });
    // The popup and dashboard learn that the extension is read-only until a write goes through again.
    expect(await route({ type: 'UI_STORAGE_STATE' }, page)).toEqual({ ok: true, data: { fullSince: NOW } });
    calls = 10;
    expect(await route(bigger, tab)).toMatchObject({ ok: true });
    expect(await route({ type: 'UI_STORAGE_STATE' }, page)).toEqual({ ok: true, data: { fullSince: null } });
  });
});
