import { useState } from 'react';
import type { AuthorSummary, LibraryFacets, LibraryItem as Item, OwnBaseline } from '@/lib/db/library';
import { inspirationDraft } from '@/lib/library/draft';
import type { ExportFormat } from '@/lib/library/export';
import { useT } from '@/lib/i18n';
import type { Platform } from '@/lib/platforms/types';
import { LibraryAuthors } from './LibraryAuthors';
import { LibraryDraft } from './LibraryDraft';
import { LibraryItem, type CountHistoryRow } from './LibraryItem';
import { LibraryToolbar, type LibraryControls } from './LibraryToolbar';

export type LibrarySection = 'posts' | 'authors';

export interface LibraryProps {
  section: LibrarySection;
  onSection(section: LibrarySection): void;
  controls: LibraryControls;
  onControls(controls: LibraryControls): void;
  facets: LibraryFacets | null;
  /** The posts shown so far and how many match; null while the first page loads. */
  result: { total: number; items: Item[] } | null;
  error: string | null;
  loadingMore: boolean;
  onLoadMore(): void;
  authors: { authors: AuthorSummary[]; own: OwnBaseline[] } | null;
  onEdit(key: string, tags: string[], note: string): Promise<void>;
  onDelete(keys: string[]): Promise<number>;
  onDeleteAll(): Promise<number>;
  /** Every key matching the current filter (for "select all"). */
  onSelectAllMatching(): Promise<string[]>;
  onExport(format: ExportFormat, scope: 'filter' | 'all'): Promise<void>;
  onHistory(key: string): Promise<CountHistoryRow[]>;
  onCopy(text: string): Promise<void>;
}

/**
 * The inspiration library: saved posts in a grid or a list, searched and
 * filtered; tags and notes edited; drafts started from a post; authors
 * compared with the user's own engagement; export and delete. Pure: the
 * dashboard's container (entrypoints/dashboard/library.tsx) does the messaging.
 */
export function Library(props: LibraryProps) {
  const t = useT();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [draft, setDraft] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'selected' | 'all' | null>(null);
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<{ role: 'status' | 'alert'; text: string } | null>(null);
  const { controls, result } = props;
  const empty = props.facets !== null && props.facets.total === 0;
  const tagSuggestions = (props.facets?.tags ?? []).map((x) => x.tag);

  const setFilter = (patch: Partial<LibraryControls['filter']>) => props.onControls({ ...controls, filter: { ...controls.filter, ...patch } });
  const select = (keys: readonly string[], on: boolean) => {
    const next = new Set(selected);
    for (const k of keys) {
      if (on) next.add(k);
      else next.delete(k);
    }
    setSelected(next);
  };
  const guarded = async (action: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setNotice({ role: 'alert', text: t('libraryError', e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sd-library">
      <div className="sd-row sd-lib-sections" role="group" aria-label={t('tabLibrary')}>
        {(['posts', 'authors'] as const).map((s) => (
          <button key={s} type="button" aria-pressed={props.section === s} className={props.section === s ? undefined : 'sd-secondary'} onClick={() => props.onSection(s)}>
            {t(s === 'posts' ? 'librarySectionPosts' : 'librarySectionAuthors')}
          </button>
        ))}
      </div>
      {empty ? (
        <div className="sd-empty" data-testid="library-empty">
          <h2>{t('libraryEmptyTitle')}</h2>
          <p>{t('libraryEmptyBody')}</p>
        </div>
      ) : props.section === 'authors' ? (
        props.authors === null ? (
          <p>{t('loading')}</p>
        ) : (
          <LibraryAuthors
            authors={props.authors.authors}
            own={props.authors.own}
            onAuthor={(platform: Platform, name: string) => {
              props.onSection('posts');
              setFilter({ author: { platform, name } });
            }}
          />
        )
      ) : (
        <>
          <LibraryToolbar
            controls={controls}
            onChange={props.onControls}
            facets={props.facets}
            total={result?.total ?? null}
            exporting={exporting}
            onExport={(format, scope) => {
              setExporting(true);
              setNotice(null);
              props.onExport(format, scope).then(
                () => setExporting(false),
                (e: unknown) => {
                  setExporting(false);
                  setNotice({ role: 'alert', text: t('libraryError', e instanceof Error ? e.message : String(e)) });
                },
              );
            }}
          />
          <div className="sd-row sd-lib-bulk">
            {result && result.items.length > 0 && (
              <label className="sd-inline">
                <input
                  type="checkbox"
                  checked={result.items.every((i) => selected.has(i.key))}
                  onChange={(e) =>
                    select(
                      result.items.map((i) => i.key),
                      e.target.checked,
                    )
                  }
                />{' '}
                {t('librarySelectShown')}
              </label>
            )}
            {result && result.total > result.items.length && selected.size > 0 && (
              <button type="button" className="sd-secondary" disabled={busy} onClick={() => void guarded(async () => select(await props.onSelectAllMatching(), true))}>
                {t('librarySelectAllMatching', String(result.total))}
              </button>
            )}
            {selected.size > 0 && (
              <>
                <span data-testid="library-selected">{t('librarySelected', String(selected.size))}</span>
                <button type="button" className="sd-secondary" onClick={() => setSelected(new Set())}>
                  {t('libraryClearSelection')}
                </button>
                <button type="button" className="sd-secondary" onClick={() => setConfirm('selected')}>
                  {t('libraryDeleteSelected')}
                </button>
              </>
            )}
            <button type="button" className="sd-secondary sd-danger" onClick={() => setConfirm('all')}>
              {t('libraryDeleteAll')}
            </button>
          </div>
          {confirm && (
            <div className="sd-notice sd-row" role="alertdialog" aria-label={t('libraryDeleteTitle')} data-testid="library-confirm">
              <span>{confirm === 'all' ? t('libraryDeleteAllConfirm', String(props.facets?.total ?? 0)) : t('libraryDeleteSelectedConfirm', String(selected.size))}</span>
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void guarded(async () => {
                    const deleted = confirm === 'all' ? await props.onDeleteAll() : await props.onDelete([...selected]);
                    setSelected(new Set());
                    setConfirm(null);
                    setNotice({ role: 'status', text: t('libraryDeleted', String(deleted)) });
                  })
                }
              >
                {t('libraryDelete')}
              </button>
              <button type="button" className="sd-secondary" onClick={() => setConfirm(null)}>
                {t('libraryCancel')}
              </button>
            </div>
          )}
          {notice && (
            <p role={notice.role} className={notice.role === 'alert' ? 'sd-error' : undefined}>
              {notice.text}
            </p>
          )}
          {props.error && (
            <p className="sd-error" role="alert">
              {t('errorLoadFailed', props.error)}
            </p>
          )}
          {result === null ? (
            <p>{t('loading')}</p>
          ) : result.items.length === 0 ? (
            <p className="sd-muted" data-testid="library-no-match">
              {t('libraryNoMatch')}
            </p>
          ) : (
            <div className={controls.view === 'grid' ? 'sd-lib-grid' : 'sd-lib-list'} data-testid="library-items">
              {result.items.map((item) => (
                <LibraryItem
                  key={item.key}
                  item={item}
                  view={controls.view}
                  selected={selected.has(item.key)}
                  onSelect={(on) => select([item.key], on)}
                  tagSuggestions={tagSuggestions}
                  onEdit={(tags, note) => props.onEdit(item.key, tags, note)}
                  onDelete={async () => {
                    await props.onDelete([item.key]);
                    select([item.key], false);
                  }}
                  onInspire={() => setDraft(inspirationDraft(item, t))}
                  onTag={(tag) => !controls.filter.tags.includes(tag) && setFilter({ tags: [...controls.filter.tags, tag] })}
                  onAuthor={() => setFilter({ author: { platform: item.platform, name: item.authorName } })}
                  onHistory={() => props.onHistory(item.key)}
                />
              ))}
            </div>
          )}
          {result && result.items.length < result.total && (
            <button type="button" className="sd-secondary sd-lib-more" disabled={props.loadingMore} onClick={props.onLoadMore}>
              {props.loadingMore ? t('loading') : t('libraryShowMore', [String(result.items.length), String(result.total)])}
            </button>
          )}
        </>
      )}
      {draft !== null && <LibraryDraft initial={draft} onCopy={props.onCopy} onClose={() => setDraft(null)} />}
    </div>
  );
}
