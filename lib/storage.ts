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

export const ownProfilesItem = storage.defineItem<OwnProfiles>('sync:ownProfiles', { fallback: {}, version: 1 });

/** 0 = Sunday, 1 = Monday (default) … 6 = Saturday. */
export const weekStartItem = storage.defineItem<number>('sync:weekStart', { fallback: 1, version: 1 });

/** IANA time zone for day boundaries; empty means the browser's own. */
export const timeZoneItem = storage.defineItem<string>('sync:timeZone', { fallback: '', version: 1 });

/** Whether the in-page panel is open (remembered across pages and restarts). */
export const panelOpenItem = storage.defineItem<boolean>('local:panelOpen', { fallback: true, version: 1 });
