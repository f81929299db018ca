import { useState, type ChangeEvent } from 'react';
import { ALL_TABLES, BACKUP_TABLES, MAX_BACKUP_CHARS, type BackupError, type StorageUsage } from '@/lib/db/backup-format';
import { useT, type Translate } from '@/lib/i18n';
import type { ResponseData } from '@/lib/messaging/protocol';

export type PreviewAnswer = ResponseData<'UI_PREVIEW_IMPORT'>;
export type ImportAnswer = ResponseData<'UI_IMPORT_BACKUP'>;

export interface DataSectionProps {
  /** Rows per table and bytes used; null while loading. */
  usage: StorageUsage | null;
  /** The backup file's text. */
  onExport(): Promise<string>;
  onPreviewImport(text: string): Promise<PreviewAnswer>;
  onImport(text: string): Promise<ImportAnswer>;
  /** Deletes count snapshots older than a year; resolves with how many. */
  onCleanupSnapshots(): Promise<number>;
  /** Deletes every row and resets the settings. */
  onDeleteAll(): Promise<void>;
  /** The clock for the backup's file name (fixed in tests). */
  now?: () => number;
  /** Since when the browser refuses our writes for want of room (read-only), or null. */
  storageFullSince?: number | null;
}

type Notice = { role: 'status' | 'alert'; text: string; path?: string } | null;
type Preview = Extract<PreviewAnswer, { ok: true }> & { text: string };
type Busy = 'export' | 'check' | 'import' | 'cleanup' | 'delete' | null;

const CONFIRM_WORD = 'DELETE';
const MB = 1024 * 1024;

function localDay(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** Hands the text to the browser's download through an object URL and a `download` link. */
function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const number = (n: number) => new Intl.NumberFormat().format(n);
const megabytes = (bytes: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(bytes / MB);

function describeError(error: BackupError, t: Translate): Notice {
  switch (error.kind) {
    case 'too_large':
      return { role: 'alert', text: t('dataImportErrorTooLarge') };
    case 'json':
      return { role: 'alert', text: t('dataImportErrorJson') };
    case 'format':
      return { role: 'alert', text: t('dataImportErrorFormat') };
    case 'version':
      return { role: 'alert', text: t('dataImportErrorVersion') };
    case 'invalid':
      return { role: 'alert', text: t('dataImportErrorInvalid'), path: `${error.path}: ${error.message}` };
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * "Your data": download a backup, restore one (after showing what it will add
 * and replace), see the space used, and delete old count snapshots or
 * everything. Only props: the dashboard page does the messaging.
 */
export function DataSection(props: DataSectionProps) {
  const t = useT();
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirmText, setConfirmText] = useState('');

  async function run(kind: Exclude<Busy, null>, action: () => Promise<Notice>) {
    setBusy(kind);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (error) {
      setNotice({ role: 'alert', text: t('dataError', messageOf(error)) });
    } finally {
      setBusy(null);
    }
  }

  const exportBackup = () =>
    run('export', async () => {
      const text = await props.onExport();
      const fileName = `social-desk-backup-${localDay((props.now ?? Date.now)())}.json`;
      download(fileName, text);
      return { role: 'status', text: t('dataExported', fileName) };
    });

  function chooseFile(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Choosing the same file again must fire a change too.
    input.value = '';
    if (!file) return;
    setPreview(null);
    void run('check', async () => {
      // UTF-8 takes at most 3 bytes per character: anything larger cannot be within the limit.
      if (file.size > MAX_BACKUP_CHARS * 3) return describeError({ kind: 'too_large', path: '(file)', message: '' }, t);
      const text = await file.text();
      if (text.length > MAX_BACKUP_CHARS) return describeError({ kind: 'too_large', path: '(file)', message: '' }, t);
      const answer = await props.onPreviewImport(text);
      if (!answer.ok) return describeError(answer.error, t);
      setPreview({ ...answer, text });
      return null;
    });
  }

  const confirmImport = (chosen: Preview) =>
    run('import', async () => {
      const answer = await props.onImport(chosen.text);
      setPreview(null);
      if (!answer.ok) return describeError(answer.error, t);
      const added = BACKUP_TABLES.reduce((sum, name) => sum + answer.result.tables[name].add, 0);
      const replaced = BACKUP_TABLES.reduce((sum, name) => sum + answer.result.tables[name].replace, 0);
      return { role: 'status', text: t('dataImported', [number(added), number(replaced)]) };
    });

  const cleanup = () =>
    run('cleanup', async () => {
      const deleted = await props.onCleanupSnapshots();
      return { role: 'status', text: t('dataCleaned', number(deleted)) };
    });

  const deleteAll = () =>
    run('delete', async () => {
      await props.onDeleteAll();
      setConfirmText('');
      setPreview(null);
      return { role: 'status', text: t('dataDeleted') };
    });

  const usage = props.usage;
  return (
    <section className="sd-data" aria-labelledby="sd-data">
      <h2 id="sd-data">{t('dataTitle')}</h2>
      <p className="sd-muted">{t('dataHelp')}</p>
      {props.storageFullSince != null && (
        <p role="alert" className="sd-error" data-testid="storage-full">
          {t('storageFullReadOnly')}
        </p>
      )}

      <div className="sd-row">
        <button type="button" onClick={() => void exportBackup()} disabled={busy !== null}>
          {busy === 'export' ? t('dataExporting') : t('dataExport')}
        </button>
        <label>
          {t('dataImport')}{' '}
          <input type="file" accept="application/json,.json" onChange={chooseFile} disabled={busy !== null} />
        </label>
      </div>
      {busy === 'check' && <p className="sd-muted">{t('dataImportChecking')}</p>}
      {busy === 'import' && <p className="sd-muted">{t('dataImporting')}</p>}

      {preview && (
        <div className="sd-empty" data-testid="import-preview">
          <h3>{t('dataImportPreviewTitle', new Date(preview.summary.exportedAt).toLocaleString())}</h3>
          <table className="sd-metrics">
            <thead>
              <tr>
                <th scope="col">{t('dataTableColumn')}</th>
                <th scope="col">{t('dataImportAdd')}</th>
                <th scope="col">{t('dataImportReplace')}</th>
              </tr>
            </thead>
            <tbody>
              {BACKUP_TABLES.map((name) => (
                <tr key={name} data-testid={`preview-${name}`}>
                  <th scope="row">{t(`table_${name}`)}</th>
                  <td className="sd-value">{number(preview.plan.tables[name].add)}</td>
                  <td className="sd-value">{number(preview.plan.tables[name].replace)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.plan.settingsChanged.length === 0 ? (
            <p className="sd-muted">{t('dataImportNoSettings')}</p>
          ) : (
            <>
              <p>{t('dataImportSettings')}</p>
              <ul>
                {preview.plan.settingsChanged.map((name) => (
                  <li key={name}>{t(`setting_${name}`)}</li>
                ))}
              </ul>
            </>
          )}
          <p className="sd-muted">{t('dataImportKeeps')}</p>
          <div className="sd-row">
            <button type="button" onClick={() => void confirmImport(preview)} disabled={busy !== null}>
              {t('dataImportConfirm')}
            </button>
            <button type="button" className="sd-secondary" onClick={() => setPreview(null)} disabled={busy !== null}>
              {t('dataImportCancel')}
            </button>
          </div>
        </div>
      )}

      {notice && (
        <div role={notice.role} className={notice.role === 'alert' ? 'sd-error' : undefined}>
          <p>{notice.text}</p>
          {notice.path && (
            <p>
              {t('dataImportErrorWhere')} <code>{notice.path}</code>
            </p>
          )}
        </div>
      )}

      <h3>{t('dataStorageTitle')}</h3>
      {usage === null ? (
        <p className="sd-muted">{t('loading')}</p>
      ) : (
        <>
          <table className="sd-metrics" data-testid="storage-usage">
            <thead>
              <tr>
                <th scope="col">{t('dataTableColumn')}</th>
                <th scope="col">{t('dataRowsColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {ALL_TABLES.map((name) => (
                <tr key={name}>
                  <th scope="row">{t(`table_${name}`)}</th>
                  <td className="sd-value">{number(usage.tables[name])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {usage.usage !== null && usage.quota !== null && usage.quota > 0
              ? t('dataStorageUsed', [megabytes(usage.usage), megabytes(usage.quota)])
              : t('dataStorageUnknown')}
          </p>
        </>
      )}

      <h3>{t('dataCleanupTitle')}</h3>
      <p className="sd-muted">{t('dataCleanupHelp')}</p>
      <button type="button" onClick={() => void cleanup()} disabled={busy !== null}>
        {t('dataCleanup')}
      </button>

      <h3>{t('dataDeleteTitle')}</h3>
      <p className="sd-muted">{t('dataDeleteHelp')}</p>
      <form
        className="sd-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (confirmText === CONFIRM_WORD) void deleteAll();
        }}
      >
        <label>
          {t('dataDeleteConfirmLabel')}{' '}
          <input value={confirmText} onChange={(e) => setConfirmText(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" disabled={busy !== null || confirmText !== CONFIRM_WORD}>
          {t('dataDeleteAll')}
        </button>
      </form>
    </section>
  );
}
