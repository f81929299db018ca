import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import browser from 'webextension-polyfill';
import { Popup } from '@/components/popup/Popup';
import '@/components/ui/page.css';
import { I18nContext, type Translate } from '@/lib/i18n';
import { popupAnswers, type WeekStats } from '@/lib/messaging/popup-protocol';
import type { Response } from '@/lib/messaging/protocol';
import { sendChecked } from '@/lib/messaging/send';

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

interface PopupAnswers {
  weekStats: Promise<Response<'UI_GET_WEEK_STATS'>>;
  storageState: Promise<Response<'UI_STORAGE_STATE'>>;
}

function PopupPage({ answers }: { answers: PopupAnswers }) {
  const [stats, setStats] = useState<WeekStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [storageFullSince, setStorageFullSince] = useState<number | null>(null);
  useEffect(() => {
    answers.storageState.then(
      (r) => r.ok && setStorageFullSince(r.data.fullSince),
      () => undefined,
    );
    answers.weekStats.then(
      (r) => (r.ok ? setStats(r.data) : setError(t('errorLoadFailed', r.error.message))),
      (e: unknown) => setError(t('errorLoadFailed', String(e))),
    );
  }, [answers]);
  return (
    <Popup
      stats={stats}
      error={error}
      waitingHref={dashboardUrl('queue')}
      storageFullSince={storageFullSince}
      historyHref={dashboardUrl('history')}
      locale={browser.i18n.getUILanguage()}
      onOpenDashboard={() => {
        void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
        window.close();
      }}
      onSavePage={() => void openRecord('inspiration')}
      onRecordInteraction={() => void openRecord('interaction')}
    />
  );
}

// Asked before React renders anything: the background reads the week while the page mounts.
const answers: PopupAnswers = {
  weekStats: sendChecked({ type: 'UI_GET_WEEK_STATS' }, popupAnswers.UI_GET_WEEK_STATS),
  storageState: sendChecked({ type: 'UI_STORAGE_STATE' }, popupAnswers.UI_STORAGE_STATE),
};
document.documentElement.lang = browser.i18n.getUILanguage();
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nContext.Provider value={t}>
      <PopupPage answers={answers} />
    </I18nContext.Provider>
  </StrictMode>,
);
