import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import browser from 'webextension-polyfill';
import { Dashboard } from '@/components/dashboard/Dashboard';
import '@/components/ui/page.css';
import { I18nContext, type Translate } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import type { InteractionView } from '@/lib/messaging/protocol';
import { ownProfilesItem, weekStartItem, type OwnProfiles } from '@/lib/storage';

const t: Translate = (key, subs) => browser.i18n.getMessage(key, subs) || key;

function DashboardPage() {
  const [profiles, setProfiles] = useState<OwnProfiles>({});
  const [weekStart, setWeekStart] = useState(1);
  const [interactions, setInteractions] = useState<InteractionView[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void Promise.all([ownProfilesItem.getValue(), weekStartItem.getValue(), request({ type: 'UI_LIST_INTERACTIONS', limit: 200 })]).then(
      ([p, w, rows]) => {
        setProfiles(p);
        setWeekStart(w);
        setInteractions(rows);
        setLoaded(true);
      },
    );
    return ownProfilesItem.watch(setProfiles);
  }, []);
  if (!loaded) return <p>{t('loading')}</p>;
  return (
    <Dashboard
      profiles={profiles}
      onSaveProfile={(platform, profileUrl, displayName) => {
        const next = { ...profiles };
        if (profileUrl) next[platform] = { profileUrl, displayName, confirmed: true, detectedAt: Date.now() };
        else delete next[platform];
        void ownProfilesItem.setValue(next);
      }}
      weekStart={weekStart}
      onWeekStart={(day) => {
        setWeekStart(day);
        void weekStartItem.setValue(day);
      }}
      interactions={interactions}
    />
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nContext.Provider value={t}>
      <DashboardPage />
    </I18nContext.Provider>
  </StrictMode>,
);
