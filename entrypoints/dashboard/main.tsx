import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import browser from 'webextension-polyfill';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { Shell } from '@/components/dashboard/Shell';
import { DataSection } from '@/components/dashboard/DataSection';
import '@/components/ui/page.css';
import type { StorageUsage } from '@/lib/db/backup-format';
import { I18nContext, type Translate } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import type { InteractionView } from '@/lib/messaging/protocol';
import { ownProfilesItem, weekStartItem, type OwnProfiles } from '@/lib/storage';
import { extraTabs } from './tabs';

const t: Translate = (key, subs) => browser.i18n.getMessage(key, subs) || key;

function currentTab(): string {
  return location.hash.replace(/^#\/?/, '').split('?')[0] || (extraTabs[0]?.id ?? 'settings');
}

function DashboardApp() {
  const [active, setActive] = useState(currentTab);
  useEffect(() => {
    const onHash = () => setActive(currentTab());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const tabs = [...extraTabs, { id: 'settings', titleKey: 'tabSettings', Component: SettingsAndDataTab }];
  const Current = (tabs.find((tab) => tab.id === active) ?? tabs[0]!).Component;
  return (
    <main className="sd-dashboard">
      <h1>{t('dashboardTitle')}</h1>
      <Shell tabs={tabs} active={active} onSelect={(id) => (location.hash = `#/${id}`)}>
        <Current />
      </Shell>
    </main>
  );
}

/** Settings (own profiles, week start), the interaction log, and the user's data (backup, storage, delete). */
function SettingsAndDataTab() {
  const [profiles, setProfiles] = useState<OwnProfiles>({});
  const [weekStart, setWeekStart] = useState(1);
  const [interactions, setInteractions] = useState<InteractionView[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [usage, setUsage] = useState<StorageUsage | null>(null);
  const [storageFullSince, setStorageFullSince] = useState<number | null>(null);
  /** Bumped when the data changed underneath the page: the dashboard's forms start again from the new values. */
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    void Promise.all([ownProfilesItem.getValue(), weekStartItem.getValue(), request({ type: 'UI_LIST_INTERACTIONS', limit: 200 })]).then(
      ([p, w, rows]) => {
        setProfiles(p);
        setWeekStart(w);
        setInteractions(rows);
        setLoaded(true);
      },
    );
    void request({ type: 'UI_STORAGE_USAGE' }).then(setUsage);
    void request({ type: 'UI_STORAGE_STATE' }).then((s) => setStorageFullSince(s.fullSince));
    return ownProfilesItem.watch(setProfiles);
  }, []);
  // After a restore, a cleanup or a delete: what the page shows comes from the database and settings again.
  const refresh = useCallback(async () => {
    const [p, w, rows, u, state] = await Promise.all([
      ownProfilesItem.getValue(),
      weekStartItem.getValue(),
      request({ type: 'UI_LIST_INTERACTIONS', limit: 200 }),
      request({ type: 'UI_STORAGE_USAGE' }),
      request({ type: 'UI_STORAGE_STATE' }),
    ]);
    setStorageFullSince(state.fullSince);
    setProfiles(p);
    setWeekStart(w);
    setInteractions(rows);
    setUsage(u);
    setGeneration((g) => g + 1);
  }, []);
  if (!loaded) return <p>{t('loading')}</p>;
  return (
    <>
      <Dashboard
        key={generation}
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
      <DataSection
        usage={usage}
        storageFullSince={storageFullSince}
        onExport={async () => JSON.stringify(await request({ type: 'UI_EXPORT_BACKUP' }))}
        onPreviewImport={(text) => request({ type: 'UI_PREVIEW_IMPORT', text })}
        onImport={async (text) => {
          const answer = await request({ type: 'UI_IMPORT_BACKUP', text });
          await refresh();
          return answer;
        }}
        onCleanupSnapshots={async () => {
          const { deleted } = await request({ type: 'UI_CLEANUP_SNAPSHOTS', olderThanDays: 365 });
          await refresh();
          return deleted;
        }}
        onDeleteAll={async () => {
          await request({ type: 'UI_DELETE_ALL_DATA', confirm: 'DELETE' });
          await refresh();
        }}
      />
    </>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nContext.Provider value={t}>
      <DashboardApp />
    </I18nContext.Provider>
  </StrictMode>,
);
