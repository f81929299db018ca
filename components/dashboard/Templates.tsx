import { useEffect, useMemo, useState } from 'react';
import { formatPercent } from '@/components/ui/format';
import { useT, type Translate } from '@/lib/i18n';
import type { TemplateInput, TemplateStats, TemplateSyncStatus, TemplateView } from '@/lib/messaging/protocol';
import { validateTemplate } from '@/lib/templates/engine';
import { TEMPLATE_LANGUAGES } from '@/lib/templates/model';
import { categoryLabel, describeTemplateError, languageLabel, TemplateEditor, templateToInput, type SaveAnswer } from './TemplateEditor';

export interface TemplatesProps {
  /** Every live template, recently and most used first; null while loading. */
  templates: TemplateView[] | null;
  stats: TemplateStats[];
  sync: TemplateSyncStatus | null;
  campaign: string;
  myName: string | null;
  now: number;
  onSave(input: TemplateInput): Promise<SaveAnswer>;
  onDelete(id: string): Promise<void>;
  onRestore(languages: Array<'en' | 'zh-TW'>): Promise<number>;
  onCampaign(value: string): Promise<void>;
}

type Editing = { input: TemplateInput } | null;
type Notice = { role: 'status' | 'alert'; text: string } | null;

const KB = 1024;
const kb = (bytes: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(bytes / KB);

function syncText(sync: TemplateSyncStatus, t: Translate): string {
  switch (sync.state) {
    case 'synced':
      return t('templatesSync_synced', [kb(sync.bytes), kb(sync.limit)]);
    case 'too_large':
      return t('templatesSync_too_large', [kb(sync.bytes), kb(sync.limit)]);
    case 'unavailable':
      return t('templatesSync_unavailable');
    case 'error':
      return t('templatesSync_error');
    case 'pending':
      return t('templatesSync_pending');
  }
}

const newTemplate = (language: TemplateInput['language']): TemplateInput => ({
  id: null,
  name: '',
  body: '',
  category: 'thanks',
  language,
  platforms: [],
  shortCode: null,
});

/**
 * The "Reply templates" tab: the list with usage per template, search and
 * filters, the editor, restoring the starter set, the campaign name for tracked
 * links and whether the templates fit the browser's sync. Only props.
 */
export function Templates(props: TemplatesProps) {
  const t = useT();
  const [editing, setEditing] = useState<Editing>(null);
  const [query, setQuery] = useState('');
  const [language, setLanguage] = useState('all');
  const [category, setCategory] = useState('all');
  const [notice, setNotice] = useState<Notice>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restoreLanguages, setRestoreLanguages] = useState<Array<'en' | 'zh-TW'>>(['en', 'zh-TW']);
  const [campaign, setCampaign] = useState(props.campaign);
  const [busy, setBusy] = useState(false);
  // The setting can change underneath (another browser, through sync): show the new value.
  useEffect(() => setCampaign(props.campaign), [props.campaign]);

  const templates = props.templates;
  const statsById = useMemo(() => new Map(props.stats.map((s) => [s.templateId, s])), [props.stats]);
  const categories = useMemo(() => [...new Set((templates ?? []).map((x) => x.category))].sort(), [templates]);
  const visible = useMemo(() => {
    const words = query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
    return (templates ?? []).filter((x) => {
      if (language !== 'all' && x.language !== language) return false;
      if (category !== 'all' && x.category !== category) return false;
      const hay = [x.name, x.body, categoryLabel(x.category, t), x.shortCode ? `/${x.shortCode}` : ''].join('\n').normalize('NFKC').toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }, [templates, query, language, category, t]);

  async function act(action: () => Promise<Notice>) {
    setBusy(true);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (error) {
      setNotice({ role: 'alert', text: t('templatesError', error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  }

  function shortCodesExcept(id: string | null): Map<string, string> {
    return new Map((templates ?? []).filter((x) => x.id !== id && x.shortCode !== null).map((x) => [x.shortCode as string, x.name]));
  }

  const duplicate = (x: TemplateView) =>
    act(async () => {
      const name = t('templatesCopyName', x.name).slice(0, 100);
      const answer = await props.onSave({ ...templateToInput(x), id: null, name, shortCode: null });
      return answer.ok ? { role: 'status', text: t('templatesDuplicated', name) } : { role: 'alert', text: t('templatesError', answer.reason) };
    });

  const remove = (x: TemplateView) =>
    act(async () => {
      await props.onDelete(x.id);
      setConfirmDelete(null);
      if (editing?.input.id === x.id) setEditing(null);
      return { role: 'status', text: t('templatesDeleted', x.name) };
    });

  const restore = () =>
    act(async () => {
      const restored = await props.onRestore(restoreLanguages);
      setRestoring(false);
      return { role: 'status', text: restored === 0 ? t('templatesRestoredNone') : t('templatesRestored', String(restored)) };
    });

  const saveCampaign = () =>
    act(async () => {
      await props.onCampaign(campaign.trim());
      return { role: 'status', text: t('templatesCampaignSaved') };
    });

  return (
    <div className="sd-templates">
      <section aria-labelledby="sd-templates-title">
        <h2 id="sd-templates-title">{t('tabTemplates')}</h2>
        <p className="sd-muted">{t('templatesHelp')}</p>
        {props.sync && (
          <p className={props.sync.state === 'too_large' || props.sync.state === 'error' ? 'sd-error' : 'sd-muted'} data-testid="templates-sync">
            {syncText(props.sync, t)}
          </p>
        )}
        <div className="sd-row">
          <button type="button" onClick={() => setEditing({ input: newTemplate(language === 'all' ? 'en' : (language as TemplateInput['language'])) })} disabled={busy}>
            {t('templatesNew')}
          </button>
          <button type="button" className="sd-secondary" onClick={() => setRestoring(true)} disabled={busy}>
            {t('templatesRestore')}
          </button>
        </div>
        {notice && (
          <p role={notice.role} className={notice.role === 'alert' ? 'sd-error' : 'sd-muted'}>
            {notice.text}
          </p>
        )}
        {restoring && (
          <div className="sd-empty" role="group" aria-labelledby="sd-restore-title">
            <h3 id="sd-restore-title">{t('templatesRestoreTitle')}</h3>
            <p className="sd-muted">{t('templatesRestoreHelp')}</p>
            {(['en', 'zh-TW'] as const).map((l) => (
              <label key={l} className="sd-inline">
                <input
                  type="checkbox"
                  checked={restoreLanguages.includes(l)}
                  onChange={(e) => setRestoreLanguages(e.target.checked ? [...restoreLanguages, l] : restoreLanguages.filter((x) => x !== l))}
                />
                {languageLabel(l, t)}
              </label>
            ))}
            <div className="sd-row">
              <button type="button" onClick={() => void restore()} disabled={busy || restoreLanguages.length === 0}>
                {t('templatesRestoreConfirm')}
              </button>
              <button type="button" className="sd-secondary" onClick={() => setRestoring(false)}>
                {t('templatesCancel')}
              </button>
            </div>
          </div>
        )}
      </section>

      {editing && (
        <TemplateEditor
          key={editing.input.id ?? 'new'}
          initial={editing.input}
          shortCodesInUse={shortCodesExcept(editing.input.id)}
          campaign={props.campaign}
          myName={props.myName}
          now={props.now}
          onCancel={() => setEditing(null)}
          onSave={async (input) => {
            const answer = await props.onSave(input);
            if (answer.ok) {
              setEditing(null);
              setNotice({ role: 'status', text: t('templateSaved', answer.template.name) });
            }
            return answer;
          }}
        />
      )}

      <section aria-labelledby="sd-templates-list">
        <h3 id="sd-templates-list" className="sd-visually-hidden">
          {t('templatesListTitle')}
        </h3>
        <div className="sd-row">
          <label className="sd-inline">
            {t('templatesSearch')} <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <label className="sd-inline">
            {t('templateFieldLanguage')}{' '}
            <select value={language} onChange={(e) => setLanguage(e.target.value)}>
              <option value="all">{t('templatesAll')}</option>
              {TEMPLATE_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {languageLabel(l, t)}
                </option>
              ))}
            </select>
          </label>
          <label className="sd-inline">
            {t('templateFieldCategory')}{' '}
            <select value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="all">{t('templatesAll')}</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {categoryLabel(c, t)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {templates === null ? (
          <p className="sd-muted">{t('loading')}</p>
        ) : templates.length === 0 ? (
          <p className="sd-empty">{t('templatesEmpty')}</p>
        ) : visible.length === 0 ? (
          <p className="sd-muted">{t('templatesNoMatch')}</p>
        ) : (
          <ul className="sd-template-list">
            {visible.map((x) => {
              const stats = statsById.get(x.id);
              const errors = validateTemplate(x.body);
              return (
                <li key={x.id} className="sd-template-item" data-testid="template-item">
                  <div className="sd-row">
                    <strong>{x.name}</strong>
                    {x.shortCode && <code>/{x.shortCode}</code>}
                    {x.builtIn && <span className="sd-badge">{t('templatesStarterBadge')}</span>}
                    <span className="sd-muted">
                      {[
                        categoryLabel(x.category, t),
                        languageLabel(x.language, t),
                        x.platforms.length === 0 ? t('templatesAllPlatforms') : x.platforms.map((p) => t(`platform_${p}`)).join(', '),
                      ].join(' · ')}
                    </span>
                  </div>
                  <p className="sd-template-text">{x.body}</p>
                  {errors.length > 0 && (
                    <p className="sd-error">
                      {errors.map((e) => describeTemplateError(e, x.body, t)).join(' ')}
                    </p>
                  )}
                  <p className="sd-muted" data-testid="template-stats">
                    {!stats || stats.uses === 0
                      ? t('templatesNeverUsed')
                      : t('templatesStats', [
                          String(stats.uses),
                          String(stats.replies),
                          stats.replies === 0 ? '—' : `${stats.answeredAgain} (${formatPercent(stats.answeredAgain / stats.replies)})`,
                        ])}
                    {stats?.lastUsedAt != null && ` · ${t('templatesLastUsed', new Date(stats.lastUsedAt).toLocaleDateString())}`}
                  </p>
                  <div className="sd-row">
                    <button type="button" className="sd-secondary" onClick={() => setEditing({ input: templateToInput(x) })} disabled={busy}>
                      {t('templatesEdit')}
                    </button>
                    <button type="button" className="sd-secondary" onClick={() => void duplicate(x)} disabled={busy}>
                      {t('templatesDuplicate')}
                    </button>
                    {confirmDelete === x.id ? (
                      <>
                        <span>{t('templatesDeleteConfirm', x.name)}</span>
                        <button type="button" onClick={() => void remove(x)} disabled={busy}>
                          {t('templatesDeleteYes')}
                        </button>
                        <button type="button" className="sd-secondary" onClick={() => setConfirmDelete(null)}>
                          {t('templatesCancel')}
                        </button>
                      </>
                    ) : (
                      <button type="button" className="sd-secondary" onClick={() => setConfirmDelete(x.id)} disabled={busy}>
                        {t('templatesDelete')}
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="sd-campaign">
        <h3 id="sd-campaign">{t('templatesCampaign')}</h3>
        <p className="sd-muted">{t('templatesCampaignHelp')}</p>
        <form
          className="sd-row"
          onSubmit={(e) => {
            e.preventDefault();
            void saveCampaign();
          }}
        >
          <input aria-labelledby="sd-campaign" value={campaign} maxLength={100} onChange={(e) => setCampaign(e.target.value)} />
          <button type="submit" disabled={busy || campaign.trim() === '' || campaign.trim() === props.campaign}>
            {t('templatesCampaignSave')}
          </button>
        </form>
        {campaign.trim() === '' && <p className="sd-error">{t('templatesCampaignEmpty')}</p>}
      </section>
    </div>
  );
}
