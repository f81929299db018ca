import { describe, expect, it, vi } from 'vitest';
import { SETTING_NAMES } from './db/backup-format';
import * as storageModule from './storage';
import { clearAllSettings, ownProfilesItem, readAllSettings, settingsItems, weekStartItem, writeAllSettings, type SettingsValues } from './storage';

const isItem = (value: unknown): boolean => typeof value === 'object' && value !== null && 'getValue' in value && 'key' in value;

describe('settings items', () => {
  it('every item is in settingsItems, so backups and "Delete all my data" include it', () => {
    const items = Object.values(storageModule).filter(isItem);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(Object.values(settingsItems)).toContain(item);
    expect(Object.keys(settingsItems).sort()).toEqual([...SETTING_NAMES].sort());
  });

  it('writes, reads and clears all of them', async () => {
    const values: SettingsValues = {
      ownProfiles: { linkedin: { profileUrl: 'https://www.linkedin.com/in/mei/', displayName: 'Mei', confirmed: true, detectedAt: 1 } },
      weekStart: 0,
      timeZone: 'Asia/Hong_Kong',
      panelOpen: false,
      templateCampaign: 'Spring Sale',
      weeklySummaryNotify: true,
    };
    await writeAllSettings(values);
    expect(await readAllSettings()).toEqual(values);
    expect(await weekStartItem.getValue()).toBe(0);
    await clearAllSettings();
    expect(await readAllSettings()).toEqual({ ownProfiles: {}, weekStart: 1, timeZone: '', panelOpen: false, templateCampaign: 'social-replies', weeklySummaryNotify: false });
    expect(await ownProfilesItem.getValue()).toEqual({});
  });

  it('reads nothing from storage until an item is used, then only that item (every page load imports them)', async () => {
    vi.resetModules();
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const reads: unknown[] = [];
    for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.sync]) {
      const get = area.get.bind(area);
      vi.spyOn(area, 'get').mockImplementation((keys?: unknown) => (reads.push(keys), get(keys as string)));
    }
    const fresh = await import('./storage');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reads).toEqual([]);
    expect(await fresh.panelOpenItem.getValue()).toBe(false);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.flat().every((key) => key === 'panelOpen')).toBe(true);
  });
});
