import browser, { type Runtime } from 'webextension-polyfill';
import { createHandlers } from '@/lib/background/handlers';
import { injectIntoOpenTabs } from '@/lib/background/lifecycle';
import { createMenus, onMenuClicked } from '@/lib/background/menus';
import { SocialDeskDB } from '@/lib/db/schema';
import type { BgToContent } from '@/lib/messaging/protocol';
import { createRouter } from '@/lib/messaging/router';
import { clearAllSettings, ownProfilesItem, readAllSettings, timeZoneItem, weekStartItem, writeAllSettings } from '@/lib/storage';

export default defineBackground({
  type: 'module',
  main() {
    const db = new SocialDeskDB();
    const route = createRouter(
      createHandlers(db, {
        getOwnProfiles: () => ownProfilesItem.getValue(),
        setOwnProfiles: (v) => ownProfilesItem.setValue(v),
        getWeekStart: () => weekStartItem.getValue(),
        getTimeZone: () => timeZoneItem.getValue(),
        getAllSettings: readAllSettings,
        setAllSettings: writeAllSettings,
        clearAllSettings,
        now: () => Date.now(),
      }),
      { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') },
    );

    browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
    // Other extensions can message any extension by default; they get the router's typed refusal.
    browser.runtime.onMessageExternal.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

    browser.commands.onCommand.addListener(async (command) => {
      if (command !== 'toggle-panel') return;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      const message: BgToContent = { type: 'BG_TOGGLE_PANEL' };
      // A tab without our content script has no listener; that is not an error worth reporting.
      await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
    });

    browser.runtime.onInstalled.addListener(({ reason }) => {
      void createMenus();
      if (reason === 'install' || reason === 'update') void injectIntoOpenTabs();
    });
    browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));

    // Ask the browser not to evict our data under storage pressure.
    void navigator.storage?.persist?.();
  },
});
