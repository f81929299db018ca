import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { StorageUsage } from '@/lib/db/backup-format';
import { renderWithI18n } from '@/test/i18n';
import { DataSection, type DataSectionProps, type PreviewAnswer } from './DataSection';

const usage: StorageUsage = {
  tables: { posts: 512, metricSnapshots: 2_048, interactions: 5_120, templates: 50, inspirations: 300, dailyRollups: 730, weeklySummaries: 104, libraryIndex: 4_000 },
  usage: 12.5 * 1024 * 1024,
  quota: 2048 * 1024 * 1024,
};

const plan = {
  tables: {
    posts: { add: 500, replace: 12 },
    metricSnapshots: { add: 2_000, replace: 0 },
    interactions: { add: 5_000, replace: 120 },
    templates: { add: 0, replace: 50 },
    inspirations: { add: 300, replace: 0 },
  },
  settingsChanged: ['weekStart' as const, 'timeZone' as const],
};
const goodPreview: PreviewAnswer = {
  ok: true,
  summary: { exportedAt: '2026-11-20T04:00:00.000Z', schemaVersion: 1, rows: { posts: 512, metricSnapshots: 2_000, interactions: 5_120, templates: 50, inspirations: 300 } },
  plan,
};

function setup(over: Partial<DataSectionProps> = {}, lang: 'en' | 'zh_TW' = 'en') {
  const props: DataSectionProps = {
    usage,
    onExport: vi.fn(async () => '{"format":"social-desk-backup"}'),
    onPreviewImport: vi.fn(async () => goodPreview),
    onImport: vi.fn(async () => ({ ok: true as const, result: plan })),
    onCleanupSnapshots: vi.fn(async () => 37),
    onDeleteAll: vi.fn(async () => undefined),
    now: () => new Date(2026, 10, 27, 9, 30).getTime(),
    ...over,
  };
  renderWithI18n(<DataSection {...props} />, lang);
  return props;
}

const file = (text: string, name = 'social-desk-backup-2026-11-20.json') => new File([text], name, { type: 'application/json' });

describe('DataSection', () => {
  it('says plainly when the storage is full and the extension is read-only, and not otherwise', () => {
    setup({ storageFullSince: 1000 });
    expect(screen.getByTestId('storage-full')).toHaveTextContent('no room left for Social Desk data, so it is read-only');
    expect(screen.getByRole('button', { name: /Delete count snapshots older than a year/ })).toBeEnabled();
  });

  it('shows no storage warning while writes go through', () => {
    setup({ storageFullSince: null }, 'zh_TW');
    expect(screen.queryByTestId('storage-full')).toBeNull();
  });

  it('downloads the backup as social-desk-backup-YYYY-MM-DD.json through an object URL', async () => {
    const createObjectURL = vi.fn((_: Blob) => 'blob:backup');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const props = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Download a backup' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Backup saved as social-desk-backup-2026-11-27.json.'));
    expect(props.onExport).toHaveBeenCalledOnce();
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('social-desk-backup-2026-11-27.json');
    expect(clicked[0]?.getAttribute('href')).toBe('blob:backup');
    expect(await createObjectURL.mock.calls[0]?.[0].text()).toBe('{"format":"social-desk-backup"}');
    vi.unstubAllGlobals();
  });

  it('shows what a restore will add and replace, and restores only on Confirm', async () => {
    const props = setup();
    await userEvent.upload(screen.getByLabelText(/Restore from a backup file/), file('{"the":"backup"}'));
    const preview = await screen.findByTestId('import-preview');
    expect(props.onPreviewImport).toHaveBeenCalledWith('{"the":"backup"}');
    expect(props.onImport).not.toHaveBeenCalled();
    const interactions = within(preview).getByTestId('preview-interactions');
    expect(interactions).toHaveTextContent('Comments, replies and mentions');
    expect(interactions).toHaveTextContent('5,000');
    expect(interactions).toHaveTextContent('120');
    expect(within(preview).getByTestId('preview-templates')).toHaveTextContent(/Reply templates\s*050/);
    expect(within(preview).getByRole('columnheader', { name: 'Will add' })).toBeInTheDocument();
    expect(within(preview).getByRole('columnheader', { name: 'Will replace' })).toBeInTheDocument();
    expect(within(preview).getByRole('list')).toHaveTextContent('Week starts on');
    expect(within(preview).getByRole('list')).toHaveTextContent('Time zone');

    fireEvent.click(within(preview).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Restored: 7,800 entries added, 182 replaced.'));
    expect(props.onImport).toHaveBeenCalledWith('{"the":"backup"}');
    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();
  });

  it('Cancel drops the preview without restoring', async () => {
    const props = setup();
    await userEvent.upload(screen.getByLabelText(/Restore from a backup file/), file('{}'));
    fireEvent.click(within(await screen.findByTestId('import-preview')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();
    expect(props.onImport).not.toHaveBeenCalled();
  });

  it('names the record and field of a bad file, and offers no restore', async () => {
    const onPreviewImport = vi.fn(async (): Promise<PreviewAnswer> => ({
      ok: false,
      error: { kind: 'invalid', path: 'tables.interactions[12].occurredAt', message: 'Invalid input: expected number, received string' },
    }));
    const props = setup({ onPreviewImport });
    await userEvent.upload(screen.getByLabelText(/Restore from a backup file/), file('{"format":"social-desk-backup"}'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This backup contains a value that is not allowed, so nothing was changed.');
    expect(alert).toHaveTextContent('tables.interactions[12].occurredAt');
    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();
    expect(props.onImport).not.toHaveBeenCalled();
  });

  it('explains a truncated file in the user’s language', async () => {
    const onPreviewImport = vi.fn(async (): Promise<PreviewAnswer> => ({ ok: false, error: { kind: 'json', path: '(file)', message: 'The file ends too early' } }));
    setup({ onPreviewImport }, 'zh_TW');
    await userEvent.upload(screen.getByLabelText(/從備份檔還原/), file('{"format":"soc'));
    expect(await screen.findByRole('alert')).toHaveTextContent('這個檔案不完整或已損壞');
  });

  it('shows the error when the restore itself fails', async () => {
    setup({ onImport: vi.fn(async () => Promise.reject(new Error('The browser has no room left'))) });
    await userEvent.upload(screen.getByLabelText(/Restore from a backup file/), file('{}'));
    fireEvent.click(within(await screen.findByTestId('import-preview')).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong: The browser has no room left');
  });

  it('shows the rows per table and the space used of the quota', () => {
    setup();
    const table = screen.getByTestId('storage-usage');
    expect(within(table).getByRole('row', { name: /Comments, replies and mentions/ })).toHaveTextContent('5,120');
    expect(within(table).getByRole('row', { name: /Daily totals/ })).toHaveTextContent('730');
    expect(screen.getByText('12.5 MB used of 2,048 MB available to this browser.')).toBeInTheDocument();
  });

  it('says so when the browser gives no estimate', () => {
    setup({ usage: { ...usage, usage: null, quota: null } });
    expect(screen.getByText('The browser does not say how much space is used.')).toBeInTheDocument();
  });

  it('deletes old count snapshots and says how many', async () => {
    const props = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Delete count snapshots older than a year' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Deleted 37 old count snapshots.'));
    expect(props.onCleanupSnapshots).toHaveBeenCalledOnce();
  });

  it('deletes all data only once DELETE is typed', async () => {
    const props = setup();
    const button = screen.getByRole('button', { name: 'Delete all my data' });
    const input = screen.getByLabelText('Type DELETE to confirm:');
    expect(button).toBeDisabled();
    for (const wrong of ['delete', 'DELET', 'DELETE!', ' DELETE']) {
      fireEvent.change(input, { target: { value: wrong } });
      expect(button).toBeDisabled();
      fireEvent.submit(input.closest('form') as HTMLFormElement);
    }
    expect(props.onDeleteAll).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: 'DELETE' } });
    expect(button).toBeEnabled();
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('All your data and settings were deleted.'));
    expect(props.onDeleteAll).toHaveBeenCalledOnce();
    expect(input).toHaveValue('');
  });
});
