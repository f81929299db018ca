import { useEffect, useId, useState } from 'react';
import type { LibraryFacets, LibraryFilter, LibrarySort, SortDirection } from '@/lib/db/library';
import type { ExportFormat } from '@/lib/library/export';
import { useT } from '@/lib/i18n';
import type { Platform } from '@/lib/platforms/types';

export type LibraryView = 'grid' | 'list';

export interface LibraryControls {
  filter: LibraryFilter;
  sort: LibrarySort;
  direction: SortDirection;
  view: LibraryView;
}

export interface LibraryToolbarProps {
  controls: LibraryControls;
  onChange(controls: LibraryControls): void;
  facets: LibraryFacets | null;
  /** How many saved posts match the current filter (null while loading). */
  total: number | null;
  onExport(format: ExportFormat, scope: 'filter' | 'all'): void;
  exporting: boolean;
}

const SORTS: Array<[LibrarySort, SortDirection, string]> = [
  ['saved', 'desc', 'librarySortNewest'],
  ['saved', 'asc', 'librarySortOldest'],
  ['engagement', 'desc', 'librarySortEngagement'],
  ['growth', 'desc', 'librarySortGrowth'],
];

/** `YYYY-MM-DD` of a local day ↔ the epoch ms of its first (or last) millisecond. */
export function dayToMs(day: string, end: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return end ? d.getTime() + 86_400_000 - 1 : d.getTime();
}

export function msToDay(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export function hasFilter(f: LibraryFilter): boolean {
  return f.query.trim() !== '' || f.platforms.length > 0 || f.author !== null || f.tags.length > 0 || f.savedFrom !== null || f.savedTo !== null;
}

/** Search, filters, sort, view and export of the library. */
export function LibraryToolbar({ controls, onChange, facets, total, onExport, exporting }: LibraryToolbarProps) {
  const t = useT();
  const ids = { q: useId(), platform: useId(), author: useId(), tag: useId(), from: useId(), to: useId(), sort: useId(), scope: useId() };
  const { filter } = controls;
  // The search box answers as the user types, a moment after the last key.
  const [query, setQuery] = useState(filter.query);
  useEffect(() => setQuery(filter.query), [filter.query]);
  useEffect(() => {
    if (query === filter.query) return;
    const timer = setTimeout(() => onChange({ ...controls, filter: { ...filter, query } }), 200);
    return () => clearTimeout(timer);
  }, [query, filter, controls, onChange]);

  const setFilter = (patch: Partial<LibraryFilter>) => onChange({ ...controls, filter: { ...filter, ...patch } });
  const [scope, setScope] = useState<'filter' | 'all'>('filter');
  const filtered = hasFilter(filter);
  const platformName = (p: Platform) => t(`platform_${p}`);
  const authorValue = filter.author ? `${filter.author.platform}\u0000${filter.author.name}` : '';
  const sortValue = `${controls.sort}:${controls.direction}`;

  return (
    <div className="sd-lib-toolbar">
      <div className="sd-lib-search">
        <label htmlFor={ids.q}>{t('librarySearch')}</label>
        <input id={ids.q} type="search" value={query} placeholder={t('librarySearchHint')} onChange={(e) => setQuery(e.target.value)} maxLength={500} />
      </div>
      <div className="sd-lib-filters">
        <label htmlFor={ids.platform}>{t('libraryFilterPlatform')}</label>
        <select id={ids.platform} value={filter.platforms[0] ?? ''} onChange={(e) => setFilter({ platforms: e.target.value ? [e.target.value as Platform] : [] })}>
          <option value="">{t('libraryAllPlatforms')}</option>
          {(facets?.platforms ?? []).map((p) => (
            <option key={p.platform} value={p.platform}>
              {platformName(p.platform)} ({p.count})
            </option>
          ))}
        </select>
        <label htmlFor={ids.author}>{t('libraryFilterAuthor')}</label>
        <select
          id={ids.author}
          value={authorValue}
          onChange={(e) => {
            const [platform, name] = e.target.value.split('\u0000');
            setFilter({ author: platform && name !== undefined ? { platform: platform as Platform, name } : null });
          }}
        >
          <option value="">{t('libraryAllAuthors')}</option>
          {filter.author && !(facets?.authors ?? []).some((a) => a.platform === filter.author?.platform && a.name === filter.author.name) && (
            <option value={authorValue}>{filter.author.name}</option>
          )}
          {(facets?.authors ?? []).map((a) => (
            <option key={`${a.platform}\u0000${a.name}`} value={`${a.platform}\u0000${a.name}`}>
              {a.name} · {platformName(a.platform)} ({a.count})
            </option>
          ))}
        </select>
        <label htmlFor={ids.tag}>{t('libraryFilterTag')}</label>
        <select
          id={ids.tag}
          value=""
          onChange={(e) => {
            if (e.target.value && !filter.tags.includes(e.target.value)) setFilter({ tags: [...filter.tags, e.target.value] });
          }}
        >
          <option value="">{filter.tags.length ? t('libraryAddTag') : t('libraryAllTags')}</option>
          {(facets?.tags ?? [])
            .filter((x) => !filter.tags.includes(x.tag))
            .map((x) => (
              <option key={x.tag} value={x.tag}>
                #{x.tag} ({x.count})
              </option>
            ))}
        </select>
        <label htmlFor={ids.from}>{t('libraryFilterFrom')}</label>
        <input id={ids.from} type="date" value={msToDay(filter.savedFrom)} onChange={(e) => setFilter({ savedFrom: dayToMs(e.target.value, false) })} />
        <label htmlFor={ids.to}>{t('libraryFilterTo')}</label>
        <input id={ids.to} type="date" value={msToDay(filter.savedTo)} onChange={(e) => setFilter({ savedTo: dayToMs(e.target.value, true) })} />
      </div>
      {(filter.tags.length > 0 || filtered) && (
        <div className="sd-row sd-lib-active">
          {filter.tags.map((tag) => (
            <span key={tag} className="sd-chip" data-testid="active-tag">
              #{tag}
              <button type="button" className="sd-chip-remove" aria-label={t('tagRemove', tag)} onClick={() => setFilter({ tags: filter.tags.filter((x) => x !== tag) })}>
                ×
              </button>
            </span>
          ))}
          {filtered && (
            <button
              type="button"
              className="sd-secondary"
              onClick={() => {
                setQuery('');
                onChange({ ...controls, filter: { query: '', platforms: [], author: null, tags: [], savedFrom: null, savedTo: null } });
              }}
            >
              {t('libraryClearFilters')}
            </button>
          )}
        </div>
      )}
      <div className="sd-row sd-lib-viewbar">
        <span role="status" data-testid="library-total">
          {total === null ? t('loading') : filtered ? t('libraryMatching', [String(total), String(facets?.total ?? total)]) : t('libraryCount', String(total))}
        </span>
        <label htmlFor={ids.sort}>{t('librarySort')}</label>
        <select
          id={ids.sort}
          value={sortValue}
          onChange={(e) => {
            const [sort, direction] = e.target.value.split(':') as [LibrarySort, SortDirection];
            onChange({ ...controls, sort, direction });
          }}
        >
          {SORTS.map(([sort, direction, key]) => (
            <option key={`${sort}:${direction}`} value={`${sort}:${direction}`}>
              {t(key)}
            </option>
          ))}
        </select>
        <div role="group" aria-label={t('libraryView')} className="sd-row">
          {(['grid', 'list'] as const).map((view) => (
            <button key={view} type="button" aria-pressed={controls.view === view} className={controls.view === view ? undefined : 'sd-secondary'} onClick={() => onChange({ ...controls, view })}>
              {t(view === 'grid' ? 'libraryViewGrid' : 'libraryViewList')}
            </button>
          ))}
        </div>
      </div>
      <div className="sd-row sd-lib-export">
        <label htmlFor={ids.scope}>{t('libraryExport')}</label>
        <select id={ids.scope} value={filtered ? scope : 'all'} onChange={(e) => setScope(e.target.value as 'filter' | 'all')}>
          <option value="filter" disabled={!filtered}>
            {t('libraryExportFilter')}
          </option>
          <option value="all">{t('libraryExportAll')}</option>
        </select>
        {(['csv', 'json', 'markdown'] as const).map((format) => (
          <button key={format} type="button" className="sd-secondary" disabled={exporting} onClick={() => onExport(format, filtered ? scope : 'all')}>
            {t(`libraryExport_${format}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
