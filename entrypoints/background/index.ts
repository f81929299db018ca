import browser, { type Runtime } from 'webextension-polyfill';
import { createHandlers } from '@/lib/background/handlers';
import { commandMessage } from '@/lib/background/commands';
import { injectIntoOpenTabs } from '@/lib/background/lifecycle';
import { startWeeklySummaries } from '@/lib/background/alarms';
import { createMenus, onMenuClicked } from '@/lib/background/menus';
import { startTemplateSync } from '@/lib/background/template-sync';
import { SocialDeskDB } from '@/lib/db/schema';
import type { BgToContent } from '@/lib/messaging/protocol';
import { createRouter } from '@/lib/messaging/router';
import { PANEL_UI_FILE } from '@/lib/content/panel-ui';
import { contentModules } from '@/lib/build/content-loaders';
import { createStorageState, storageFullItem } from '@/lib/background/storage-state';
import { cachedItem } from '@/lib/background/cached-item';
import { buildCatalogue, storeCatalogue } from '@/lib/i18n/catalogue';
import englishMessages from '@/public/_locales/en/messages.json';
import { clearAllSettings, ownProfilesItem, readAllSettings, timeZoneItem, weekStartItem, weeklySummaryNotifyItem, writeAllSettings } from '@/lib/storage';
import { defaultTimeZone, isValidTimeZone } from '@/lib/stats/days';

export default defineBackground({
  type: 'module',
  main() {
    const db = new SocialDeskDB();
    // The content scripts' UI strings, stored once per language and build (lib/i18n/catalogue.ts).
    void storeCatalogue(
      browser.storage.local,
      buildCatalogue(Object.keys(englishMessages), (key, subs) => browser.i18n.getMessage(key, subs), browser.i18n.getUILanguage()),
    ).catch(() => undefined);
    const templateSync = startTemplateSync(db);
    const storageState = createStorageState(storageFullItem, () => Date.now());
    // Read on every captured page: kept in memory, current through storage change events.
    const ownProfiles = cachedItem(ownProfilesItem);
    const timeZone = cachedItem(timeZoneItem);
    const route = createRouter(
      createHandlers(db, {
        getOwnProfiles: () => ownProfiles.get(),
        setOwnProfiles: (v) => ownProfiles.set(v),
        getWeekStart: () => weekStartItem.getValue(),
        getTimeZone: () => timeZone.get(),
        getAllSettings: readAllSettings,
        setAllSettings: writeAllSettings,
        clearAllSettings,
        now: () => Date.now(),
        templateSync,
        storageFullSince: () => storageState.fullSince(),
      }, {
        injectPanelUi: async (tabId, frameId) => {
          await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PANEL_UI_FILE] });
        },
        startContentScript: async (tabId, frameId, script) => {
          // Only a bundle this build's loaders import (and so made web-accessible) is injected.
          if (!contentModules(browser.runtime.getManifest()).includes(script)) throw new Error(`${script} is not a content script of this build.`);
          await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [script] });
        },
      }),
      { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/'), storage: storageState },
    );

    browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
    // Other extensions can message any extension by default; they get the router's typed refusal.
    browser.runtime.onMessageExternal.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

    browser.commands.onCommand.addListener(async (command) => {
      const message: BgToContent | null = commandMessage(command);
      if (message === null) return;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      // A tab without our content script has no listener; that is not an error worth reporting.
      await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
    });

    browser.runtime.onInstalled.addListener(({ reason }) => {
      void createMenus();
      if (reason === 'install' || reason === 'update') void injectIntoOpenTabs();
    });
    browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));

    // Weekly summaries: the alarm is re-created and missed weeks are caught up every time this worker starts.
    startWeeklySummaries({
      db,
      getTimeZone: async () => {
        const tz = await timeZoneItem.getValue();
        return tz && isValidTimeZone(tz) ? tz : defaultTimeZone();
      },
      getWeekStart: () => weekStartItem.getValue(),
      getNotify: () => weeklySummaryNotifyItem.getValue(),
      now: () => Date.now(),
      t: (key, subs) => browser.i18n.getMessage(key, subs),
      locale: browser.i18n.getUILanguage(),
    });

    // Ask the browser not to evict our data under storage pressure.
    void navigator.storage?.persist?.();
  },
});
