import { useCallback, useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import { Templates } from '@/components/dashboard/Templates';
import { useT } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import type { TemplateStats, TemplateSyncStatus, TemplateView } from '@/lib/messaging/protocol';
import { ownProfilesItem, templateCampaignItem, type OwnProfiles } from '@/lib/storage';
import { touchesTemplates } from '@/lib/templates/sync';

/** The user's name as a profile they confirmed shows it, for {my_name} in the preview. */
function myNameFrom(profiles: OwnProfiles): string | null {
  const named = Object.values(profiles).filter((p) => p.displayName);
  return (named.find((p) => p.confirmed) ?? named[0])?.displayName ?? null;
}

/**
 * The dashboard's "Reply templates" tab: loads the templates, their usage and
 * sync state, and the campaign setting; reloads when another browser's changes
 * arrive through sync (the background merges them first).
 */
export function TemplatesTab() {
  const t = useT();
  const [templates, setTemplates] = useState<TemplateView[] | null>(null);
  const [stats, setStats] = useState<TemplateStats[]>([]);
  const [sync, setSync] = useState<TemplateSyncStatus | null>(null);
  const [campaign, setCampaign] = useState<string | null>(null);
  const [myName, setMyName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const [list, usage] = await Promise.all([
        request({ type: 'UI_LIST_TEMPLATES', platform: null, language: null, query: '' }),
        request({ type: 'UI_TEMPLATE_STATS' }),
      ]);
      setTemplates(list.templates);
      setSync(list.sync);
      setStats(usage);
      setError(null);
    } catch (e) {
      setError(t('templatesError', e instanceof Error ? e.message : String(e)));
    }
  }, [t]);

  useEffect(() => {
    void reload();
    void templateCampaignItem.getValue().then(setCampaign);
    void ownProfilesItem.getValue().then((p) => setMyName(myNameFrom(p)));
    const unwatchCampaign = templateCampaignItem.watch(setCampaign);
    const unwatchProfiles = ownProfilesItem.watch((p) => setMyName(myNameFrom(p)));
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Another browser's templates arrived: give the background a moment to merge them, then show them.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (!touchesTemplates(changes, area)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), 800);
    };
    browser.storage.onChanged.addListener(onStorage);
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => {
      unwatchCampaign();
      unwatchProfiles();
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(onStorage);
      window.removeEventListener('focus', onFocus);
    };
  }, [reload]);

  if (error && templates === null) return <p className="sd-error">{error}</p>;
  if (templates === null || campaign === null) return <p className="sd-muted">{t('loading')}</p>;
  return (
    <>
      {error && (
        <p className="sd-error" role="alert">
          {error}
        </p>
      )}
      <Templates
        templates={templates}
        stats={stats}
        sync={sync}
        campaign={campaign}
        myName={myName}
        now={Date.now()}
        onSave={async (template) => {
          const answer = await request({ type: 'UI_SAVE_TEMPLATE', template });
          if (answer.ok) {
            setSync(answer.sync);
            await reload();
          }
          return answer;
        }}
        onDelete={async (id) => {
          const answer = await request({ type: 'UI_DELETE_TEMPLATE', id });
          setSync(answer.sync);
          await reload();
        }}
        onRestore={async (languages) => {
          const answer = await request({ type: 'UI_RESTORE_STARTER_TEMPLATES', languages });
          await reload();
          return answer.restored;
        }}
        onCampaign={async (value) => {
          await templateCampaignItem.setValue(value);
          setCampaign(value);
        }}
      />
    </>
  );
}
