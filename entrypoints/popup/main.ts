import browser from 'webextension-polyfill';
import '@/components/ui/page.css';
import type { Translate } from '@/lib/i18n';
import { popupAnswers } from '@/lib/messaging/popup-protocol';
import { sendChecked } from '@/lib/messaging/send';
import { createPopupView, type PopupState } from '@/components/popup/view';

const t: Translate = (key, subs) => browser.i18n.getMessage(key, subs) || key;

const dashboardUrl = (hash: string) => browser.runtime.getURL(`/dashboard.html#/${hash}`);

/** Opens the record form for the active tab (its url is readable through activeTab after the toolbar click). */
async function openRecord(mode: 'inspiration' | 'interaction') {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const url = tab?.url && /^https?:/.test(tab.url) ? tab.url : '';
  const q = new URLSearchParams({ mode, url, page: url, text: '', source: tab?.title ?? '' });
  await browser.windows.create({ url: browser.runtime.getURL(`/record.html?${q.toString()}`), type: 'popup', width: 520, height: 720 });
  window.close();
}

// Asked first: the background reads the week while the page draws its frame.
const weekStats = sendChecked({ type: 'UI_GET_WEEK_STATS' }, popupAnswers.UI_GET_WEEK_STATS);
const storageState = sendChecked({ type: 'UI_STORAGE_STATE' }, popupAnswers.UI_STORAGE_STATE);

document.documentElement.lang = browser.i18n.getUILanguage();
const view = createPopupView(document.getElementById('root') as HTMLElement, {
  t,
  locale: browser.i18n.getUILanguage(),
  waitingHref: dashboardUrl('queue'),
  historyHref: dashboardUrl('history'),
  onOpenDashboard: () => {
    void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
    window.close();
  },
  onSavePage: () => void openRecord('inspiration'),
  onRecordInteraction: () => void openRecord('interaction'),
});
const state: PopupState = { stats: null, error: null, storageFullSince: null };
const show = (change: Partial<PopupState>) => view.update(Object.assign(state, change));
show({});
storageState.then(
  (r) => r.ok && r.data.fullSince !== null && show({ storageFullSince: r.data.fullSince }),
  () => undefined,
);
weekStats.then(
  (r) => show(r.ok ? { stats: r.data } : { error: t('errorLoadFailed', r.error.message) }),
  (e: unknown) => show({ error: t('errorLoadFailed', String(e)) }),
);
