import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsValues } from '@/lib/storage';
import { comment, ME, NOW, post, reading } from '@/test/builders';
import { dumpDatabase, SEED_SETTINGS, SEED_TZ, seedDatabase } from '@/test/seed';
import { exportBackup, importBackup, mergeSettings, parseBackup, previewImport, type Backup } from './backup';
import { ALL_TABLES, BACKUP_TABLES, formatPath } from './backup-format';
import { recordCapture } from './capture';
import { computeRollupsFromLog } from './rollups';
import { SocialDeskDB } from './schema';

const DEFAULTS: SettingsValues = { ownProfiles: {}, weekStart: 1, timeZone: '', panelOpen: true, templateCampaign: 'social-replies', weeklySummaryNotify: false };
const SMALL = { captures: 3, inspirations: 5, bulkPosts: 20, bulkSnapshots: 60, bulkInteractions: 200, templates: 5 };

let dbs: SocialDeskDB[] = [];
let n = 0;
async function freshDb(): Promise<SocialDeskDB> {
  const db = new SocialDeskDB(`backup-test-${n++}`);
  await db.open();
  dbs.push(db);
  return db;
}
beforeEach(() => {
  dbs = [];
});
afterEach(async () => {
  for (const db of dbs) await db.delete();
});

function settingsStore(initial: SettingsValues) {
  const store = { value: initial, writes: 0 };
  return {
    store,
    ctx: {
      readSettings: async () => store.value,
      writeSettings: async (v: SettingsValues) => {
        store.value = v;
        store.writes++;
      },
    },
  };
}

async function backupOf(db: SocialDeskDB, settings = SEED_SETTINGS): Promise<Backup> {
  return exportBackup(db, settings, NOW);
}

/** The backup as a file: JSON text, then a mutable copy for breaking it. */
function asFile(backup: Backup): string {
  return JSON.stringify(backup);
}
// A file being broken on purpose: any shape at all.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;
function broken(backup: Backup, change: (raw: Raw) => void): string {
  const raw: Raw = JSON.parse(asFile(backup));
  change(raw);
  return JSON.stringify(raw);
}

describe('export and import', () => {
  it('round-trips a large database exactly: every table, the rollups and the settings', { timeout: 120_000 }, async () => {
    const original = await freshDb();
    await seedDatabase(original);
    const counts = Object.fromEntries(await Promise.all(ALL_TABLES.map(async (t) => [t, await original.table(t).count()])));
    expect(counts.interactions).toBeGreaterThanOrEqual(5_000);
    expect(counts.posts).toBeGreaterThanOrEqual(500);
    expect(counts.metricSnapshots).toBeGreaterThanOrEqual(2_000);
    expect(counts.inspirations).toBe(300);
    expect(counts.templates).toBe(50);
    expect(counts.dailyRollups).toBeGreaterThan(50);

    const backup = await backupOf(original);
    expect(backup).toMatchObject({ format: 'social-desk-backup', version: 1, exportedAt: new Date(NOW).toISOString(), schemaVersion: original.verno });
    expect(Object.keys(backup.tables)).toEqual([...BACKUP_TABLES]);
    const text = asFile(backup);

    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(`${parsed.error.path}: ${parsed.error.message}`);
    expect(parsed.summary.rows).toEqual({
      posts: counts.posts,
      metricSnapshots: counts.metricSnapshots,
      interactions: counts.interactions,
      templates: counts.templates,
      inspirations: counts.inspirations,
    });

    const restored = await freshDb();
    const { store, ctx } = settingsStore(DEFAULTS);
    const result = await importBackup(restored, parsed.backup, ctx);
    for (const table of BACKUP_TABLES) expect(result.tables[table]).toEqual({ add: counts[table], replace: 0 });
    expect(result.settingsChanged).toEqual(['ownProfiles', 'weekStart', 'timeZone', 'panelOpen', 'templateCampaign']);

    const before = await dumpDatabase(original);
    const after = await dumpDatabase(restored);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) expect(after[table], table).toStrictEqual(before[table]);
    expect(store.value).toStrictEqual(SEED_SETTINGS);
    // And the copy exports to the same file (fields may come in another order).
    expect(JSON.parse(asFile(await exportBackup(restored, store.value, NOW)))).toStrictEqual(JSON.parse(text));
  });

  it('rebuilds the rollups from the log even when the backup’s were stale', async () => {
    const db = await freshDb();
    await seedDatabase(db, SMALL);
    await db.dailyRollups.clear();
    const restored = await freshDb();
    await importBackup(restored, await backupOf(db), settingsStore(DEFAULTS).ctx);
    expect(await restored.dailyRollups.count()).toBeGreaterThan(0);
    expect(await restored.dailyRollups.toArray()).toEqual(await computeRollupsFromLog(restored, { timeZone: SEED_TZ }));
  });

  it('replaces rows with the same key and keeps all others', async () => {
    const source = await freshDb();
    await recordCapture(source, reading([post('1')], [comment('c1', '1', { text: 'from the backup' }), comment('c2', '1')]), { now: NOW, timeZone: SEED_TZ, ownProfileUrl: ME });
    await source.templates.add({ id: 'tpl1', name: 'Backup', body: 'b', category: 'c', language: 'en', platforms: [], shortCode: null, builtIn: false, createdAt: 1, updatedAt: 1, useCount: 0, lastUsedAt: null });
    const backup = await backupOf(source);

    const target = await freshDb();
    // The target has its own life since: an older reading of the same comment, other comments and posts.
    await recordCapture(target, reading([post('9')], [comment('c9', '9')]), { now: NOW - 1000, timeZone: SEED_TZ, ownProfileUrl: ME });
    await recordCapture(target, reading([post('1', { counts: { reactions: 3, comments: 1, shares: 0, views: null } })], [comment('c1', '1', { text: 'stale here' })]), {
      now: NOW - 5000,
      timeZone: SEED_TZ,
      ownProfileUrl: ME,
    });
    await target.templates.add({ id: 'tpl1', name: 'Local', body: 'l', category: 'c', language: 'en', platforms: [], shortCode: null, builtIn: false, createdAt: 1, updatedAt: 2, useCount: 5, lastUsedAt: null });
    await target.templates.add({ id: 'tpl2', name: 'Only here', body: 'x', category: 'c', language: 'en', platforms: [], shortCode: null, builtIn: false, createdAt: 1, updatedAt: 2, useCount: 0, lastUsedAt: null });
    const targetSnapshots = await target.metricSnapshots.toArray();

    const current: SettingsValues = { ...DEFAULTS, ownProfiles: { facebook: { profileUrl: 'https://www.facebook.com/meilin', displayName: null, confirmed: true, detectedAt: 5 } } };
    const plan = await previewImport(target, backup, current);
    expect(plan.tables).toEqual({
      posts: { add: 0, replace: 1 },
      metricSnapshots: { add: 1, replace: 0 },
      interactions: { add: 1, replace: 1 },
      templates: { add: 0, replace: 1 },
      inspirations: { add: 0, replace: 0 },
    });
    expect(plan.settingsChanged).toEqual(['ownProfiles', 'weekStart', 'timeZone', 'panelOpen', 'templateCampaign']);

    const { store, ctx } = settingsStore(current);
    const result = await importBackup(target, backup, ctx);
    expect(result.tables).toEqual(plan.tables);

    expect((await target.interactions.get('linkedin:comment_received:c1'))?.text).toBe('from the backup');
    expect(await target.interactions.get('linkedin:comment_received:c2')).toBeDefined();
    expect(await target.interactions.get('linkedin:comment_received:c9')).toBeDefined();
    expect(await target.posts.get('linkedin:9')).toBeDefined();
    expect((await target.templates.get('tpl1'))?.name).toBe('Backup');
    expect((await target.templates.get('tpl2'))?.name).toBe('Only here');
    // The backup's snapshot 1 and the target's snapshot 1 are different snapshots: both are kept.
    const snapshots = await target.metricSnapshots.toArray();
    expect(snapshots).toHaveLength(targetSnapshots.length + 1);
    for (const s of targetSnapshots) expect(snapshots).toContainEqual(s);
    expect(snapshots.map((s) => s.id)).toEqual([...new Set(snapshots.map((s) => s.id))]);
    // Profiles are merged per platform; the other settings are the backup's.
    expect(store.value).toEqual({ ...SEED_SETTINGS, ownProfiles: { ...current.ownProfiles, ...SEED_SETTINGS.ownProfiles } });
    expect((await target.dailyRollups.toArray()).sort((a, b) => (a.day + a.platform).localeCompare(b.day + b.platform))).toEqual(
      await computeRollupsFromLog(target, { timeZone: SEED_TZ }),
    );
  });

  it('a snapshot is the same one by post and time, whatever its id', async () => {
    const snap = { postKey: 'linkedin:1', platform: 'linkedin' as const, own: true, capturedAt: NOW, reactions: 10, comments: 2, shares: 1, views: null };
    const source = await freshDb();
    await source.metricSnapshots.add({ ...snap, reactions: 12 });
    const target = await freshDb();
    await target.metricSnapshots.bulkAdd([{ ...snap, postKey: 'linkedin:0' }, { ...snap, postKey: 'linkedin:0', capturedAt: NOW + 1 }, snap]);
    const backup = await backupOf(source);
    expect(backup.tables.metricSnapshots.map((s) => s.id)).toEqual([1]);
    expect((await previewImport(target, backup, DEFAULTS)).tables.metricSnapshots).toEqual({ add: 0, replace: 1 });
    await importBackup(target, backup, settingsStore(DEFAULTS).ctx);
    expect(await target.metricSnapshots.toArray()).toEqual([
      { ...snap, id: 1, postKey: 'linkedin:0' },
      { ...snap, id: 2, postKey: 'linkedin:0', capturedAt: NOW + 1 },
      { ...snap, id: 3, reactions: 12 },
    ]);
  });

  it('importing the same backup twice changes nothing the second time', async () => {
    const source = await freshDb();
    await seedDatabase(source, SMALL);
    const backup = await backupOf(source);
    const target = await freshDb();
    await importBackup(target, backup, settingsStore(DEFAULTS).ctx);
    const once = await dumpDatabase(target);
    const plan = await previewImport(target, backup, SEED_SETTINGS);
    for (const table of BACKUP_TABLES) expect(plan.tables[table].add, table).toBe(0);
    expect(plan.settingsChanged).toEqual([]);
    await importBackup(target, backup, settingsStore(SEED_SETTINGS).ctx);
    expect(await dumpDatabase(target)).toStrictEqual(once);
  });

  it('a failure in the middle of the import leaves the database exactly as it was, settings included', async () => {
    const source = await freshDb();
    await seedDatabase(source, SMALL);
    const backup = await backupOf(source);
    const target = await freshDb();
    await recordCapture(target, reading([post('1'), post('2')], [comment('c1', '1'), comment('c2', '2')]), { now: NOW, timeZone: SEED_TZ, ownProfileUrl: ME });
    const before = await dumpDatabase(target);

    let created = 0;
    target.interactions.hook('creating', () => {
      if (++created === 100) throw new Error('disk full');
    });
    const { store, ctx } = settingsStore(DEFAULTS);
    await expect(importBackup(target, backup, ctx)).rejects.toThrow('disk full');
    expect(created).toBe(100);
    expect(await dumpDatabase(target)).toStrictEqual(before);
    expect(store.writes).toBe(0);
  });
});

describe('parseBackup', () => {
  let backup: Backup;
  beforeEach(async () => {
    const db = await freshDb();
    await seedDatabase(db, SMALL);
    backup = await backupOf(db);
  });

  const error = (text: string) => {
    const result = parseBackup(text);
    if (result.ok) throw new Error('expected the file to be refused');
    return result.error;
  };

  it('accepts an exported file and summarises it', () => {
    const result = parseBackup(asFile(backup));
    expect(result).toMatchObject({ ok: true, summary: { exportedAt: backup.exportedAt, rows: { templates: 5 } } });
  });

  it.each([0.999, 0.5, 0.01])('refuses a file cut off at %s of its length', (fraction) => {
    const text = asFile(backup);
    const e = error(text.slice(0, Math.floor(text.length * fraction)));
    expect(e).toMatchObject({ kind: 'json', path: '(file)' });
    expect(e.message).toMatch(/ends too early/);
  });

  it('refuses text that is not JSON, and JSON that is not a backup', () => {
    expect(error('')).toMatchObject({ kind: 'json' });
    expect(error('{"format": "social-desk-backup", oops}')).toMatchObject({ kind: 'json' });
    expect(error('[1, 2]')).toMatchObject({ kind: 'format', path: 'format' });
    expect(error('null')).toMatchObject({ kind: 'format' });
    expect(error(broken(backup, (raw) => (raw.format = 'other-app-export')))).toMatchObject({ kind: 'format', path: 'format' });
  });

  it('refuses another version of the format', () => {
    expect(error(broken(backup, (raw) => (raw.version = 2)))).toMatchObject({ kind: 'version', path: 'version', message: expect.stringMatching(/version 2/) });
    expect(error(broken(backup, (raw) => delete raw.version))).toMatchObject({ kind: 'version' });
  });

  it.each([
    ['a wrong type deep inside', (raw: Raw) => (raw.tables.interactions[12].occurredAt = '2026-11-27'), 'tables.interactions[12].occurredAt'],
    ['an unknown platform', (raw: Raw) => (raw.tables.posts[3].platform = 'myspace'), 'tables.posts[3].platform'],
    ['an unknown kind', (raw: Raw) => (raw.tables.interactions[7].kind = 'like'), 'tables.interactions[7].kind'],
    ['an unknown status', (raw: Raw) => (raw.tables.interactions[8].status = 'maybe'), 'tables.interactions[8].status'],
    ['an oversized text', (raw: Raw) => (raw.tables.interactions[4].text = 'x'.repeat(20_001)), 'tables.interactions[4].text'],
    ['an oversized name', (raw: Raw) => (raw.tables.templates[2].name = '名'.repeat(2_001)), 'tables.templates[2].name'],
    ['a javascript: url', (raw: Raw) => (raw.tables.inspirations[1].url = 'javascript:alert(1)'), 'tables.inspirations[1].url'],
    ['a missing field', (raw: Raw) => delete raw.tables.metricSnapshots[5].capturedAt, 'tables.metricSnapshots[5].capturedAt'],
    ['an unknown field', (raw: Raw) => (raw.tables.templates[0].color = 'red'), 'tables.templates[0].color'],
    ['a negative count', (raw: Raw) => (raw.tables.metricSnapshots[2].reactions = -1), 'tables.metricSnapshots[2].reactions'],
    ['a fractional time', (raw: Raw) => (raw.tables.posts[0].firstSeenAt = 1.5), 'tables.posts[0].firstSeenAt'],
    ['a missing table', (raw: Raw) => delete raw.tables.inspirations, 'tables.inspirations'],
    ['a table that is not a list', (raw: Raw) => (raw.tables.posts = {}), 'tables.posts'],
    ['a wrong setting', (raw: Raw) => (raw.settings.weekStart = 7), 'settings.weekStart'],
    ['a profile for an unknown platform', (raw: Raw) => (raw.settings.ownProfiles.myspace = raw.settings.ownProfiles.linkedin), 'settings.ownProfiles.myspace'],
    ['a duplicate key', (raw: Raw) => (raw.tables.posts[4].key = raw.tables.posts[1].key), 'tables.posts[4].key'],
    ['a bad export time', (raw: Raw) => (raw.exportedAt = 'yesterday'), 'exportedAt'],
  ])('refuses %s and names the record and field', (_, change, path) => {
    expect(error(broken(backup, change))).toMatchObject({ kind: 'invalid', path });
  });

  it('refuses a received comment stored with no status, which the log could not find, and names it', () => {
    const at = backup.tables.interactions.findIndex((r) => r.kind === 'comment_received');
    const reply = backup.tables.interactions.findIndex((r) => r.kind === 'reply_sent');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(error(broken(backup, (raw) => (raw.tables.interactions[at].status = 'none')))).toMatchObject({
      kind: 'invalid',
      path: `tables.interactions[${at}].status`,
      message: expect.stringMatching(/open, replied or dismissed/),
    });
    // A reply has no status of its own.
    expect(backup.tables.interactions[reply]!.status).toBe('none');
    expect(parseBackup(broken(backup, (raw) => (raw.tables.interactions[reply].text = 'edited'))).ok).toBe(true);
  });

  it('formats zod paths as record.field', () => {
    expect(formatPath(['tables', 'interactions', 12, 'occurredAt'])).toBe('tables.interactions[12].occurredAt');
    expect(formatPath([])).toBe('(root)');
  });
});

describe('mergeSettings', () => {
  it('takes the backup’s settings and keeps profiles the backup does not have', () => {
    const current: SettingsValues = { ...DEFAULTS, ownProfiles: { x: { profileUrl: 'https://x.com/meilin', displayName: null, confirmed: false, detectedAt: 1 } } };
    expect(mergeSettings(current, SEED_SETTINGS)).toEqual({ ...SEED_SETTINGS, ownProfiles: { ...current.ownProfiles, ...SEED_SETTINGS.ownProfiles } });
  });
});

describe('exportBackup', () => {
  it('reads all tables in one transaction (a write in between is all in or all out)', async () => {
    const db = await freshDb();
    await seedDatabase(db, SMALL);
    const spy = vi.spyOn(db, 'transaction');
    await backupOf(db);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toBe('r');
  });
});
