import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup, parseBackup } from './backup';
import { deleteInspirations, editInspiration, saveInspiration, type InspirationInput } from './inspirations';
import { postsWithTerm, reindexInspirations, SHARDS } from './library-index';
import { SocialDeskDB } from './schema';
import { inspirationInput, NOW } from '@/test/builders';
import type { SettingsValues } from '@/lib/storage';

const DEFAULTS: SettingsValues = { ownProfiles: {}, weekStart: 1, timeZone: '', panelOpen: true, templateCampaign: 'social-replies', weeklySummaryNotify: false };

const opened: SocialDeskDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
let n = 0;
async function freshDb() {
  const db = new SocialDeskDB(`library-index-test-${n++}`);
  opened.push(db);
  await db.open();
  return db;
}

const input = (id: string, text: string, over: Partial<InspirationInput> = {}) => inspirationInput(id, { text, ...over });

/** The index as it would be built from the saved posts as they are now (what the version 3 upgrade does). */
async function rebuiltIndex(db: SocialDeskDB) {
  const copy = await freshDb();
  const rows = await db.inspirations.toArray();
  await copy.transaction('rw', copy.libraryIndex, () =>
    reindexInspirations(
      copy.libraryIndex,
      rows.map((after) => ({ before: undefined, after })),
    ),
  );
  return copy.libraryIndex.toArray();
}

describe('the library index', () => {
  it('stays equal to a rebuild from the saved posts through saves, saves again, edits, deletions and imports', async () => {
    const db = await freshDb();
    for (let i = 0; i < 60; i++) await saveInspiration(db, input(`p${i}`, `手沖咖啡豆 latte #${i % 7} 新品${i % 3 ? '上市' : ''}`, { tags: i % 4 ? ['咖啡'] : null }), NOW + i);
    await saveInspiration(db, input('p1', 'Completely new words 烘焙坊'), NOW + 100);
    await editInspiration(db, 'instagram:p2', ['Events', '早午餐'], 'brunch idea', NOW + 101);
    await editInspiration(db, 'instagram:p3', [], '', NOW + 102);
    await deleteInspirations(db, ['instagram:p4', 'instagram:p5']);
    expect(await db.libraryIndex.toArray()).toEqual(await rebuiltIndex(db));

    // A backup replaces some of them (another saved time too) and adds others.
    const source = await freshDb();
    await saveInspiration(source, input('p6', 'replaced by the backup 抹茶拿鐵'), NOW - 5);
    await saveInspiration(source, input('new', 'only in the backup 週年慶'), NOW - 6);
    const parsed = parseBackup(JSON.stringify(await exportBackup(source, DEFAULTS, NOW)));
    if (!parsed.ok) throw new Error(parsed.error.message);
    await importBackup(db, parsed.backup, { readSettings: async () => DEFAULTS, writeSettings: async () => undefined });
    expect(await db.libraryIndex.toArray()).toEqual(await rebuiltIndex(db));

    const latte = await db.transaction('r', db.libraryIndex, () => postsWithTerm(db, 'lat', true));
    expect(latte.has('instagram:p1')).toBe(false);
    expect(latte.has('instagram:p4')).toBe(false);
    expect(latte.has('instagram:p6')).toBe(false);
    expect(latte.get('instagram:p7')).toBe(NOW + 7);
    const matcha = await db.transaction('r', db.libraryIndex, () => postsWithTerm(db, '抹茶拿', true));
    expect([...matcha]).toEqual([['instagram:p6', NOW - 5]]);
  });

  it('splits a term’s posts over its shards, each list sorted, and drops a row when its last post goes', async () => {
    const db = await freshDb();
    for (let i = 0; i < 200; i++) await saveInspiration(db, input(`q${i}`, 'coffee'), NOW + i);
    const rows = await db.libraryIndex.where('[term+shard]').between(['coffee', 0], ['coffee', SHARDS]).toArray();
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.reduce((sum, r) => sum + r.keys.length, 0)).toBe(200);
    for (const r of rows) {
      expect(r.keys).toEqual([...r.keys].sort());
      expect(r.savedAt).toHaveLength(r.keys.length);
    }
    await deleteInspirations(db, (await db.inspirations.toCollection().primaryKeys()) as string[]);
    expect(await db.libraryIndex.count()).toBe(0);
  });
});
