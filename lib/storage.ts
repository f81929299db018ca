import { storage } from 'wxt/utils/storage';
import type { Platform } from './platforms/types';

/**
 * Every settings item, in one place. `sync:` items follow the user to their
 * other browsers through the browser's own sync storage; `local:` items stay
 * on this machine. The database (lib/db) remains the source of truth for data.
 */

export interface OwnProfile {
  profileUrl: string;
  displayName: string | null;
  /** false while it was only detected from the page and the user has not confirmed it. */
  confirmed: boolean;
  detectedAt: number;
}

export type OwnProfiles = Partial<Record<Platform, OwnProfile>>;

/**
 * `storage.defineItem` reads its key from storage as soon as it is defined (to run an `init`). Every
 * page's content script loads this module and uses two of its items, so each item is defined the
 * first time something uses it: a page load does not read the other four.
 */
function definedOnUse<Item extends object>(define: () => Item): Item {
  let item: Item | undefined;
  const defined = () => (item ??= define());
  return new Proxy({} as Item, {
    get: (_target, property) => Reflect.get(defined(), property),
    has: (_target, property) => Reflect.has(defined(), property),
  });
}

export const ownProfilesItem = definedOnUse(() => storage.defineItem<OwnProfiles>('sync:ownProfiles', { fallback: {}, version: 1 }));

/** 0 = Sunday, 1 = Monday (default) … 6 = Saturday. */
export const weekStartItem = definedOnUse(() => storage.defineItem<number>('sync:weekStart', { fallback: 1, version: 1 }));

/** IANA time zone for day boundaries; empty means the browser's own. */
export const timeZoneItem = definedOnUse(() => storage.defineItem<string>('sync:timeZone', { fallback: '', version: 1 }));

/** Whether the in-page panel is open (remembered across pages and restarts). */
export const panelOpenItem = definedOnUse(() => storage.defineItem<boolean>('local:panelOpen', { fallback: false, version: 1 }));

/** The campaign name reply templates put in tracked links (utm_campaign); lower-cased, spaces become hyphens. */
export const DEFAULT_TEMPLATE_CAMPAIGN = 'social-replies';
export const templateCampaignItem = definedOnUse(() => storage.defineItem<string>('sync:templateCampaign', { fallback: DEFAULT_TEMPLATE_CAMPAIGN, version: 1 }));

/** Whether a browser notification announces each new weekly summary (off until the user turns it on). */
export const weeklySummaryNotifyItem = definedOnUse(() => storage.defineItem<boolean>('local:weeklySummaryNotify', { fallback: false, version: 1 }));

/**
 * Every item above, by name. The backup (lib/db/backup.ts) exports and restores
 * exactly these, and "Delete all my data" resets them: a new item belongs here too
 * (lib/storage.test.ts fails otherwise).
 */
export const settingsItems = {
  ownProfiles: ownProfilesItem,
  weekStart: weekStartItem,
  timeZone: timeZoneItem,
  panelOpen: panelOpenItem,
  templateCampaign: templateCampaignItem,
  weeklySummaryNotify: weeklySummaryNotifyItem,
};
export type SettingName = keyof typeof settingsItems;
export type SettingsValues = { [K in SettingName]: Awaited<ReturnType<(typeof settingsItems)[K]['getValue']>> };

const SETTING_NAMES = Object.keys(settingsItems) as SettingName[];

export async function readAllSettings(): Promise<SettingsValues> {
  const entries = await Promise.all(SETTING_NAMES.map(async (name) => [name, await settingsItems[name].getValue()] as const));
  return Object.fromEntries(entries) as SettingsValues;
}

function writeSetting<K extends SettingName>(name: K, value: SettingsValues[K]): Promise<void> {
  // Each item is typed by its own value; indexing by a generic name loses that pairing, which `values` keeps.
  return (settingsItems[name] as unknown as { setValue(v: SettingsValues[K]): Promise<void> }).setValue(value);
}

export async function writeAllSettings(values: SettingsValues): Promise<void> {
  await Promise.all(SETTING_NAMES.map((name) => writeSetting(name, values[name])));
}

/** Back to the defaults (the items' fallbacks). */
export async function clearAllSettings(): Promise<void> {
  await Promise.all(SETTING_NAMES.map((name) => settingsItems[name].removeValue()));
}
