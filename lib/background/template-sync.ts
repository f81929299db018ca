import browser from 'webextension-polyfill';
import { ensureStarterTemplates } from '../db/templates';
import type { SocialDeskDB } from '../db/schema';
import { createTemplateSync, touchesTemplates, type SyncArea, type TemplateSync } from '../templates/sync';

/**
 * Starts template sync in the background: the starter set on first run, then a
 * merge-and-write with the browser's sync storage at every start of the
 * service worker, and a merge whenever another browser changes the synced copy.
 * Registered synchronously in main(), so a sync change wakes the worker.
 */
export function startTemplateSync(db: SocialDeskDB): TemplateSync {
  // Some browsers (or policies) have no sync area; templates then stay local.
  const area = (browser.storage.sync as SyncArea | undefined) ?? null;
  const sync = createTemplateSync(db, area, { now: () => Date.now() });
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (touchesTemplates(changes, areaName)) void sync.pull().catch((e: unknown) => console.warn('[social-desk] template sync merge failed', e));
  });
  void ensureStarterTemplates(db, Date.now())
    .then(() => sync.push())
    .catch((e: unknown) => console.warn('[social-desk] template sync at start-up failed', e));
  return sync;
}
