import { useCallback, useEffect, useRef, useState } from 'react';
import { Library, type LibrarySection } from '@/components/dashboard/Library';
import type { LibraryControls } from '@/components/dashboard/LibraryToolbar';
import { EMPTY_FILTER, type AuthorSummary, type LibraryFacets, type LibraryItem, type OwnBaseline } from '@/lib/db/library';
import { exportLibrary, localDay, type ExportFormat } from '@/lib/library/export';
import { useT } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';

const PAGE = 60;

/** Hands text to the browser's download through an object URL and a `download` link. */
function download(fileName: string, text: string, mime: string) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function copyText(text: string) {
  await navigator.clipboard.writeText(text);
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The dashboard's Library tab: loads saved posts page by page for the current filter and does what the page asks. */
export function LibraryTab() {
  const t = useT();
  const [section, setSection] = useState<LibrarySection>('posts');
  const [controls, setControls] = useState<LibraryControls>({ filter: EMPTY_FILTER, sort: 'saved', direction: 'desc', view: 'grid' });
  const [facets, setFacets] = useState<LibraryFacets | null>(null);
  const [result, setResult] = useState<{ total: number; items: LibraryItem[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [authors, setAuthors] = useState<{ authors: AuthorSummary[]; own: OwnBaseline[] } | null>(null);
  /** Answers to an older query are dropped when a newer one was asked. */
  const generation = useRef(0);

  const loadFacets = useCallback(async () => {
    try {
      setFacets(await request({ type: 'UI_LIBRARY_FACETS' }));
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);

  const loadFirstPage = useCallback(async (c: LibraryControls, keep = 0) => {
    const mine = ++generation.current;
    try {
      const answer = await request({ type: 'UI_LIBRARY_QUERY', filter: c.filter, sort: c.sort, direction: c.direction, offset: 0, limit: Math.min(500, Math.max(PAGE, keep)) });
      if (mine !== generation.current) return;
      setResult(answer);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    void loadFacets();
  }, [loadFacets]);
  // The view (grid or list) changes nothing to load: only the query does.
  const queryKey = JSON.stringify([controls.filter, controls.sort, controls.direction]);
  useEffect(() => {
    const [filter, sort, direction] = JSON.parse(queryKey) as [LibraryControls['filter'], LibraryControls['sort'], LibraryControls['direction']];
    void loadFirstPage({ filter, sort, direction, view: 'grid' });
  }, [queryKey, loadFirstPage]);
  useEffect(() => {
    if (section !== 'authors') return;
    setAuthors(null);
    request({ type: 'UI_LIBRARY_AUTHORS' }).then(setAuthors, (e: unknown) => setError(messageOf(e)));
  }, [section]);

  /** After an edit or a delete: the same posts again (as many as were shown), and fresh counts for the filters. */
  const refresh = useCallback(async () => {
    await Promise.all([loadFirstPage(controls, result?.items.length ?? 0), loadFacets()]);
  }, [controls, result, loadFirstPage, loadFacets]);

  return (
    <Library
      section={section}
      onSection={setSection}
      controls={controls}
      onControls={setControls}
      facets={facets}
      result={result}
      error={error}
      loadingMore={loadingMore}
      onLoadMore={() => {
        if (!result) return;
        const mine = generation.current;
        setLoadingMore(true);
        request({ type: 'UI_LIBRARY_QUERY', filter: controls.filter, sort: controls.sort, direction: controls.direction, offset: result.items.length, limit: PAGE })
          .then(
            (more) => {
              if (mine !== generation.current) return;
              setResult({ total: more.total, items: [...result.items, ...more.items.filter((i) => !result.items.some((r) => r.key === i.key))] });
            },
            (e: unknown) => setError(messageOf(e)),
          )
          .finally(() => setLoadingMore(false));
      }}
      authors={authors}
      onEdit={async (key, tags, note) => {
        const { item } = await request({ type: 'UI_LIBRARY_EDIT', key, tags, note });
        setResult((r) => (r ? { ...r, items: r.items.map((i) => (i.key === key ? item : i)) } : r));
        void loadFacets();
      }}
      onDelete={async (keys) => {
        let deleted = 0;
        for (let i = 0; i < keys.length; i += 10_000) {
          deleted += (await request({ type: 'UI_LIBRARY_DELETE', target: { kind: 'keys', keys: keys.slice(i, i + 10_000) } })).deleted;
        }
        await refresh();
        return deleted;
      }}
      onDeleteAll={async () => {
        const { deleted } = await request({ type: 'UI_LIBRARY_DELETE', target: { kind: 'all', confirm: 'DELETE' } });
        await refresh();
        return deleted;
      }}
      onSelectAllMatching={async () => (await request({ type: 'UI_LIBRARY_KEYS', filter: controls.filter })).keys}
      onExport={async (format: ExportFormat, scope) => {
        const now = Date.now();
        const { items } = await request({
          type: 'UI_LIBRARY_EXPORT',
          filter: scope === 'all' ? EMPTY_FILTER : controls.filter,
          sort: controls.sort,
          direction: controls.direction,
        });
        const file = exportLibrary(items, format, t, now);
        download(`social-desk-library-${localDay(now)}.${file.extension}`, file.text, file.mime);
      }}
      onHistory={async (key) => (await request({ type: 'UI_LIBRARY_HISTORY', key })).snapshots}
      onCopy={copyText}
    />
  );
}
