import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { formatCount } from '@/components/ui/format';

export const EXPORT_KINDS = ['summaries', 'logCsv', 'logJson', 'countsCsv', 'countsJson'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const LABELS: Record<ExportKind, string> = {
  summaries: 'historyExportSummaries',
  logCsv: 'historyExportLogCsv',
  logJson: 'historyExportLogJson',
  countsCsv: 'historyExportCountsCsv',
  countsJson: 'historyExportCountsJson',
};

export interface HistoryExportsProps {
  /** Makes and saves the file; reports rows written so far; resolves with the file name and row count. */
  onExport(kind: ExportKind, onProgress: (rows: number) => void): Promise<{ file: string; rows: number }>;
}

type State = { kind: 'idle' } | { kind: 'busy'; rows: number } | { kind: 'done'; file: string; rows: number } | { kind: 'error'; message: string };

/** The history's files: summaries, the raw log and the per-post count history, as CSV or JSON. */
export function HistoryExports({ onExport }: HistoryExportsProps) {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const busy = state.kind === 'busy';
  return (
    <section aria-labelledby="sd-history-export">
      <h2 id="sd-history-export">{t('historyExportTitle')}</h2>
      <p className="sd-muted">{t('historyExportHelp')}</p>
      <p className="sd-row">
        {EXPORT_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="sd-secondary"
            disabled={busy}
            onClick={() => {
              setState({ kind: 'busy', rows: 0 });
              onExport(kind, (rows) => setState({ kind: 'busy', rows })).then(
                ({ file, rows }) => setState({ kind: 'done', file, rows }),
                (e: unknown) => setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
              );
            }}
          >
            {t(LABELS[kind])}
          </button>
        ))}
      </p>
      <p role="status" data-testid="export-status" className={state.kind === 'error' ? 'sd-error' : 'sd-muted'}>
        {state.kind === 'busy' && t('historyExporting', formatCount(state.rows))}
        {state.kind === 'done' && t('historyExported', [state.file, formatCount(state.rows)])}
        {state.kind === 'error' && t('historyExportFailed', state.message)}
      </p>
    </section>
  );
}
