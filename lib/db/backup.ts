import Dexie, { type Table } from 'dexie';
import type { SettingsValues } from '../storage';
import { defaultTimeZone, isValidTimeZone } from '../stats/days';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  SETTING_NAMES,
  type Backup,
  type BackupSnapshotRow,
  type BackupTables,
  type ImportPlan,
} from './backup-format';
import { reindexInspirations } from './library-index';
import { replaceRollupsFromLog } from './rollups';
import type { MetricSnapshotRow, SocialDeskDB } from './schema';

export { parseBackup, type Backup, type ParsedBackup } from './backup-format';

/**
 * Backup and restore: the whole database (but the daily rollups, a cache of the
 * log) and every settings item as one JSON object (lib/db/backup-format.ts).
 * Restoring adds rows and replaces rows with the same key, keeps all others,
 * rebuilds the rollups from the log, all in one transaction; settings are
 * written after it succeeded.
 */

/** Everything, read in one transaction so the file is one consistent moment. */
export async function exportBackup(db: SocialDeskDB, settings: SettingsValues, now: number = Date.now()): Promise<Backup> {
  const tables = await db.transaction('r', BACKUP_TABLES.map((name) => db.table(name)), async () => ({
    posts: await db.posts.toArray(),
    // Stored snapshots always have their (auto-incremented) id.
    metricSnapshots: (await db.metricSnapshots.toArray()) as BackupSnapshotRow[],
    interactions: await db.interactions.toArray(),
    templates: await db.templates.toArray(),
    inspirations: await db.inspirations.toArray(),
  }));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    schemaVersion: db.verno,
    settings,
    tables,
  };
}

/**
 * The settings after an import: the backup's, except that profiles are merged
 * per platform like table rows (a profile set here since the backup is kept).
 */
export function mergeSettings(current: SettingsValues, incoming: SettingsValues): SettingsValues {
  return { ...incoming, ownProfiles: { ...current.ownProfiles, ...incoming.ownProfiles } };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function changedSettings(current: SettingsValues, next: SettingsValues): ImportPlan['settingsChanged'] {
  return SETTING_NAMES.filter((name) => !sameValue(current[name], next[name]));
}

interface RowsToWrite {
  tables: Omit<BackupTables, 'metricSnapshots'> & { metricSnapshots: MetricSnapshotRow[] };
  counts: ImportPlan['tables'];
}

/** How many of `keys` are stored. A Dexie promise all the way: an await of a plain one would leave the transaction. */
function countExisting(table: Table, keys: string[]): Promise<number> {
  return table
    .where(':id')
    .anyOf(keys)
    .primaryKeys()
    .then((found) => found.length);
}

/**
 * Snapshot ids are auto-incremented, so the same id in the backup and here can
 * be two unrelated snapshots (a reinstalled extension counts from 1 again). A
 * snapshot is the same one when its post and time are: it then replaces the
 * stored one; one whose id is taken by another snapshot gets a new id.
 */
async function planSnapshots(db: SocialDeskDB, rows: BackupSnapshotRow[]) {
  const slotOf = (postKey: string, capturedAt: number) => JSON.stringify([postKey, capturedAt]);
  const localSlotById = new Map<number, string>();
  const localIdsBySlot = new Map<string, number[]>();
  await db.metricSnapshots.orderBy('[postKey+capturedAt]').eachKey((indexKey, cursor) => {
    const [postKey, capturedAt] = indexKey as [string, number];
    const id = cursor.primaryKey as number;
    const slot = slotOf(postKey, capturedAt);
    localSlotById.set(id, slot);
    const ids = localIdsBySlot.get(slot);
    if (ids) ids.push(id);
    else localIdsBySlot.set(slot, [id]);
  });

  const claimed = new Set<number>();
  const planned: (MetricSnapshotRow | undefined)[] = new Array(rows.length);
  let replace = 0;
  // First the rows that are the very same snapshot (same id, post and time), so none of them loses its id.
  for (const [i, row] of rows.entries()) {
    if (localSlotById.get(row.id) === slotOf(row.postKey, row.capturedAt)) {
      planned[i] = row;
      claimed.add(row.id);
      replace++;
    }
  }
  const withoutId: MetricSnapshotRow[] = [];
  for (const [i, row] of rows.entries()) {
    if (planned[i]) continue;
    const sameSlot = (localIdsBySlot.get(slotOf(row.postKey, row.capturedAt)) ?? []).find((id) => !claimed.has(id));
    if (sameSlot !== undefined) {
      planned[i] = { ...row, id: sameSlot };
      claimed.add(sameSlot);
      replace++;
    } else if (!localSlotById.has(row.id) && !claimed.has(row.id)) {
      planned[i] = row;
      claimed.add(row.id);
    } else {
      const fresh: MetricSnapshotRow = { ...row };
      delete fresh.id;
      withoutId.push(fresh);
    }
  }
  // Rows with ids first: a generated id is then above all of them and cannot collide.
  const toWrite = [...(planned.filter(Boolean) as MetricSnapshotRow[]), ...withoutId];
  return { rows: toWrite, change: { add: rows.length - replace, replace } };
}

async function planRows(db: SocialDeskDB, tables: BackupTables): Promise<RowsToWrite> {
  const change = (table: Table, keys: string[]) => countExisting(table, keys).then((replace) => ({ add: keys.length - replace, replace }));
  const snapshots = await planSnapshots(db, tables.metricSnapshots);
  const [posts, interactions, templates, inspirations] = await Dexie.Promise.all([
    change(db.posts, tables.posts.map((r) => r.key)),
    change(db.interactions, tables.interactions.map((r) => r.id)),
    change(db.templates, tables.templates.map((r) => r.id)),
    change(db.inspirations, tables.inspirations.map((r) => r.key)),
  ]);
  return {
    tables: { ...tables, metricSnapshots: snapshots.rows },
    counts: { posts, metricSnapshots: snapshots.change, interactions, templates, inspirations },
  };
}

/** What importing this backup would do: rows added and replaced per table, and which settings change. */
export async function previewImport(db: SocialDeskDB, backup: Backup, currentSettings: SettingsValues): Promise<ImportPlan> {
  const plan = await db.transaction('r', BACKUP_TABLES.map((name) => db.table(name)), () => planRows(db, backup.tables));
  return { tables: plan.counts, settingsChanged: changedSettings(currentSettings, mergeSettings(currentSettings, backup.settings)) };
}

export interface ImportContext {
  readSettings(): Promise<SettingsValues>;
  writeSettings(values: SettingsValues): Promise<void>;
}

/**
 * Writes a parsed backup: every table in one rw transaction (rows with the same
 * key replaced, others kept) with the rollups rebuilt from the resulting log in
 * the same transaction, in the time zone the imported settings give. Any
 * failure rolls all of it back. Settings are written only after it committed.
 */
export async function importBackup(db: SocialDeskDB, backup: Backup, ctx: ImportContext): Promise<ImportPlan> {
  const current = await ctx.readSettings();
  const settings = mergeSettings(current, backup.settings);
  const timeZone = settings.timeZone && isValidTimeZone(settings.timeZone) ? settings.timeZone : defaultTimeZone();
  const counts = await db.transaction('rw', [...BACKUP_TABLES.map((name) => db.table(name)), db.dailyRollups, db.libraryIndex], async () => {
    const plan = await planRows(db, backup.tables);
    const replaced = await db.inspirations.bulkGet(plan.tables.inspirations.map((r) => r.key));
    await db.posts.bulkPut(plan.tables.posts);
    await db.metricSnapshots.bulkPut(plan.tables.metricSnapshots);
    await db.interactions.bulkPut(plan.tables.interactions);
    await db.templates.bulkPut(plan.tables.templates);
    await db.inspirations.bulkPut(plan.tables.inspirations);
    await reindexInspirations(
      db.libraryIndex,
      plan.tables.inspirations.map((after, i) => ({ before: replaced[i], after })),
    );
    await replaceRollupsFromLog(db, { timeZone });
    return plan.counts;
  });
  await ctx.writeSettings(settings);
  return { tables: counts, settingsChanged: changedSettings(current, settings) };
}
