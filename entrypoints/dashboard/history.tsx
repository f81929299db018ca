import { useCallback, useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import { History } from '@/components/dashboard/History';
import type { ExportKind } from '@/components/dashboard/HistoryExports';
import { useT } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import type { OwnPostView, PostHistory, WeeklySummaries } from '@/lib/messaging/protocol';
import { exportTable, interactionsFormat, snapshotsFormat, summariesCsv } from '@/lib/stats/export';
import type { WeeklySummary } from '@/lib/stats/summary-format';
import { summaryMarkdown } from '@/lib/stats/summary-text';
import { weeklySummaryNotifyItem } from '@/lib/storage';

/** Rows per message: well under the browser's message size even with 20,000-character comments. */
const LOG_BATCH = 500;
const SNAPSHOT_BATCH = 5000;
const POSTS_PAGE = 200;

function focusFromHash(): string | null {
  const query = location.hash.split('?')[1] ?? '';
  const week = new URLSearchParams(query).get('week');
  return week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? week : null;
}

/** Hands a file to the browser's downloads through an object URL and a `download` link. */
function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The dashboard's History tab: loads the summaries, the notification setting and the own posts, and makes the exports. */
export function HistoryTab() {
  const t = useT();
  const locale = browser.i18n.getUILanguage();
  const [data, setData] = useState<WeeklySummaries | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notify, setNotify] = useState(false);
  const [focusWeek, setFocusWeek] = useState(focusFromHash);
  const [posts, setPosts] = useState<OwnPostView[]>([]);
  const [more, setMore] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [history, setHistory] = useState<PostHistory | null>(null);

  useEffect(() => {
    request({ type: 'UI_LIST_WEEKLY_SUMMARIES', limit: 520 }).then(setData, (e: unknown) => setError(t('errorLoadFailed', e instanceof Error ? e.message : String(e))));
    request({ type: 'UI_LIST_OWN_POSTS', before: null, limit: POSTS_PAGE }).then(
      (r) => {
        setPosts(r.posts);
        setMore(r.more);
      },
      () => undefined,
    );
    void weeklySummaryNotifyItem.getValue().then(setNotify);
    const unwatch = weeklySummaryNotifyItem.watch(setNotify);
    const onHash = () => setFocusWeek(focusFromHash());
    window.addEventListener('hashchange', onHash);
    return () => {
      unwatch();
      window.removeEventListener('hashchange', onHash);
    };
  }, [t]);

  // A notification or a link asked for one week: bring it into view once it is there.
  useEffect(() => {
    if (!data || !focusWeek) return;
    document.getElementById(`week-${focusWeek}`)?.scrollIntoView({ block: 'start' });
  }, [data, focusWeek]);

  // Show the best post of the newest week first, else the newest post.
  useEffect(() => {
    if (selected !== null || posts.length === 0 || (data === null && error === null)) return;
    const best = data?.summaries[0]?.topPosts[0]?.key;
    setSelected(best && posts.some((p) => p.key === best) ? best : (posts[0]?.key ?? null));
  }, [data, error, posts, selected]);

  useEffect(() => {
    if (selected === null) return;
    let live = true;
    setHistory(null);
    request({ type: 'UI_GET_POST_HISTORY', postKey: selected }).then(
      (h) => live && setHistory(h),
      () => live && setHistory({ post: null, snapshots: [] }),
    );
    return () => {
      live = false;
    };
  }, [selected]);

  const onExport = useCallback(
    async (kind: ExportKind, onProgress: (rows: number) => void) => {
      const now = new Date();
      const stamp = now.toISOString().slice(0, 10);
      const timeZone = data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
      let file: string;
      let result: { blob: Blob; rows: number };
      if (kind === 'summaries') {
        const summaries = data?.summaries ?? [];
        result = { blob: new Blob([summariesCsv(summaries)], { type: 'text/csv;charset=utf-8' }), rows: summaries.length };
        file = `social-desk-weekly-summaries-${stamp}.csv`;
      } else if (kind === 'logCsv' || kind === 'logJson') {
        const format = kind === 'logCsv' ? 'csv' : 'json';
        result = await exportTable(format, interactionsFormat(timeZone), (after: string | null) => request({ type: 'UI_EXPORT_INTERACTIONS', after, limit: LOG_BATCH }), now.toISOString(), onProgress);
        file = `social-desk-interactions-${stamp}.${format}`;
      } else {
        const format = kind === 'countsCsv' ? 'csv' : 'json';
        result = await exportTable(format, snapshotsFormat(timeZone), (after: number | null) => request({ type: 'UI_EXPORT_SNAPSHOTS', after, limit: SNAPSHOT_BATCH }), now.toISOString(), onProgress);
        file = `social-desk-count-history-${stamp}.${format}`;
      }
      saveFile(result.blob, file);
      return { file, rows: result.rows };
    },
    [data],
  );

  const onCopy = useCallback((summary: WeeklySummary) => navigator.clipboard.writeText(summaryMarkdown(summary, t, locale)), [t, locale]);

  return (
    <History
      data={data}
      error={error}
      notify={notify}
      onNotify={(on) => {
        setNotify(on);
        void weeklySummaryNotifyItem.setValue(on);
      }}
      focusWeek={focusWeek}
      onCopy={onCopy}
      onExport={onExport}
      locale={locale}
      posts={{
        posts,
        more,
        selected,
        history,
        onSelect: setSelected,
        onLoadMore: () => {
          const last = posts[posts.length - 1];
          if (!last) return;
          void request({ type: 'UI_LIST_OWN_POSTS', before: last.cursor, limit: POSTS_PAGE }).then((r) => {
            setPosts((p) => [...p, ...r.posts]);
            setMore(r.more);
          });
        },
      }}
    />
  );
}
