import browser from 'webextension-polyfill';

/**
 * After an install or update, tabs that were already open still run the old
 * content script (now cut off from the extension) or none. Inject the current
 * one into them: WXT's content-script context makes the old instance stand
 * down when the new one starts, so each tab ends up with exactly one panel.
 */
export async function injectIntoOpenTabs() {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  for (const script of scripts) {
    if (!script.js?.length) continue;
    const tabs = await browser.tabs.query({ url: script.matches });
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined || tab.discarded
          ? undefined
          : browser.scripting.executeScript({ target: { tabId: tab.id }, files: script.js! }).catch(() => undefined),
      ),
    );
  }
}
