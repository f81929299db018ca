import browser, { type Menus, type Tabs } from 'webextension-polyfill';

/**
 * Manual mode on any site: context-menu items that open the record form with
 * the page, link or selection filled in. Context menus need no access to the
 * page itself, so no host permission is asked for other sites.
 */
export const MENU_SAVE = 'sd-save-inspiration';
export const MENU_RECORD = 'sd-record-interaction';

const contexts: Menus.ContextType[] = ['page', 'selection', 'link'];

export async function createMenus() {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_SAVE, title: browser.i18n.getMessage('menuSaveInspiration'), contexts });
  browser.contextMenus.create({ id: MENU_RECORD, title: browser.i18n.getMessage('menuRecordInteraction'), contexts });
}

export function recordPageUrl(mode: 'inspiration' | 'interaction', info: { url: string; page?: string; text?: string; source?: string }): string {
  const q = new URLSearchParams({ mode, url: info.url, page: info.page ?? info.url, text: info.text ?? '', source: info.source ?? '' });
  return browser.runtime.getURL(`/record.html?${q.toString()}`);
}

export async function openRecordWindow(url: string) {
  await browser.windows.create({ url, type: 'popup', width: 520, height: 720 });
}

export async function onMenuClicked(info: Menus.OnClickData, tab: Tabs.Tab | undefined) {
  if (info.menuItemId !== MENU_SAVE && info.menuItemId !== MENU_RECORD) return;
  const pageUrl = info.pageUrl ?? tab?.url;
  const url = info.linkUrl ?? pageUrl;
  if (!url || !/^https?:/.test(url)) return;
  await openRecordWindow(
    recordPageUrl(info.menuItemId === MENU_SAVE ? 'inspiration' : 'interaction', {
      url,
      page: pageUrl,
      text: info.selectionText ?? '',
      source: info.linkUrl ? '' : (tab?.title ?? ''),
    }),
  );
}
