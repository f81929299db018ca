import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SocialDeskDB } from '../db/schema';
import { responseSchemaFor, type RequestType } from '../messaging/protocol';
import { createRouter } from '../messaging/router';
import type { SettingsValues } from '../storage';
import { createHandlers } from './handlers';
import { NOW } from '@/test/builders';
import { dumpDatabase, SEED_SETTINGS, seedDatabase } from '@/test/seed';

/** The "Your data" messages behind the real router, database and a settings store. */

const ID = 'ext-id';
const page = { id: ID, url: `chrome-extension://${ID}/dashboard.html` };
const DEFAULTS: SettingsValues = { ownProfiles: {}, weekStart: 1, timeZone: '', panelOpen: true, templateCampaign: 'social-replies', weeklySummaryNotify: false };
const SMALL = { captures: 2, inspirations: 4, bulkPosts: 10, bulkSnapshots: 30, bulkInteractions: 60, templates: 3 };

let n = 0;
const dbs: SocialDeskDB[] = [];

async function setup(initial: SettingsValues) {
  const db = new SocialDeskDB(`data-handlers-test-${n++}`);
  await db.open();
  dbs.push(db);
  const settings = { value: initial, writes: 0 };
  const route = createRouter(
    createHandlers(db, {
      getOwnProfiles: async () => settings.value.ownProfiles,
      setOwnProfiles: async (v) => void (settings.value = { ...settings.value, ownProfiles: v }),
      getWeekStart: async () => settings.value.weekStart,
      getTimeZone: async () => settings.value.timeZone,
      getAllSettings: async () => settings.value,
      setAllSettings: async (v) => {
        settings.value = v;
        settings.writes++;
      },
      clearAllSettings: async () => {
        settings.value = DEFAULTS;
        settings.writes++;
      },
      now: () => NOW,
    }),
    { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/` },
  );
  /** Sends like the page would, and checks the answer against the schema the page's client checks. */
  const send = async (message: { type: RequestType } & Record<string, unknown>) => {
    const response = await route(message, page);
    expect(responseSchemaFor(message.type).safeParse(response).success, `${message.type} response shape`).toBe(true);
    return response;
  };
  return { db, settings, send };
}

beforeEach(() => {
  dbs.length = 0;
});
afterEach(async () => {
  for (const db of dbs) await db.delete();
});

describe('backup messages', () => {
  it('exports, previews and imports into another database', async () => {
    const source = await setup(SEED_SETTINGS);
    await seedDatabase(source.db, SMALL);
    const exported = await source.send({ type: 'UI_EXPORT_BACKUP' });
    if (!exported.ok) throw new Error(exported.error.message);
    const text = JSON.stringify(exported.data);

    const target = await setup(DEFAULTS);
    const preview = await target.send({ type: 'UI_PREVIEW_IMPORT', text });
    expect(preview).toMatchObject({ ok: true, data: { ok: true, summary: { rows: { templates: 3 } }, plan: { tables: { templates: { add: 3, replace: 0 } } } } });
    expect(target.settings.writes).toBe(0);
    expect(await target.db.posts.count()).toBe(0);

    const imported = await target.send({ type: 'UI_IMPORT_BACKUP', text });
    expect(imported).toMatchObject({ ok: true, data: { ok: true, result: { tables: { templates: { add: 3, replace: 0 } } } } });
    expect(await dumpDatabase(target.db)).toStrictEqual(await dumpDatabase(source.db));
    expect(target.settings.value).toEqual(SEED_SETTINGS);
  });

  it('answers a bad file with the record and field, and changes nothing', async () => {
    const source = await setup(SEED_SETTINGS);
    await seedDatabase(source.db, SMALL);
    const exported = await source.send({ type: 'UI_EXPORT_BACKUP' });
    if (!exported.ok) throw new Error(exported.error.message);
    const text = JSON.stringify(exported.data);
    const before = await dumpDatabase(source.db);

    const truncated = await source.send({ type: 'UI_IMPORT_BACKUP', text: text.slice(0, -10) });
    expect(truncated).toMatchObject({ ok: true, data: { ok: false, error: { kind: 'json', path: '(file)' } } });
    const raw = JSON.parse(text);
    raw.tables.interactions[3].occurredAt = -1;
    const wrong = await source.send({ type: 'UI_IMPORT_BACKUP', text: JSON.stringify(raw) });
    expect(wrong).toMatchObject({ ok: true, data: { ok: false, error: { kind: 'invalid', path: 'tables.interactions[3].occurredAt' } } });
    expect(await source.send({ type: 'UI_PREVIEW_IMPORT', text: '{"format":"zip"}' })).toMatchObject({ ok: true, data: { ok: false, error: { kind: 'format' } } });

    expect(await dumpDatabase(source.db)).toStrictEqual(before);
    expect(source.settings.writes).toBe(0);
  });
});

describe('storage messages', () => {
  it('reports usage, cleans up snapshots and refuses a cleanup of nothing', async () => {
    const { db, send } = await setup(SEED_SETTINGS);
    await seedDatabase(db, SMALL);
    const usage = await send({ type: 'UI_STORAGE_USAGE' });
    expect(usage).toMatchObject({ ok: true, data: { tables: { templates: 3, interactions: await db.interactions.count() } } });
    expect(await send({ type: 'UI_CLEANUP_SNAPSHOTS', olderThanDays: 365 })).toMatchObject({ ok: true, data: { deleted: expect.any(Number) } });
    expect(await send({ type: 'UI_CLEANUP_SNAPSHOTS', olderThanDays: 0 })).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
  });

  it('deletes all data and settings only with the literal DELETE', async () => {
    const { db, settings, send } = await setup(SEED_SETTINGS);
    await seedDatabase(db, SMALL);
    const before = await dumpDatabase(db);
    for (const confirm of [undefined, 'delete', 'DELETE ', 'yes']) {
      expect(await send({ type: 'UI_DELETE_ALL_DATA', confirm })).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    }
    expect(await dumpDatabase(db)).toStrictEqual(before);
    expect(settings.value).toEqual(SEED_SETTINGS);

    expect(await send({ type: 'UI_DELETE_ALL_DATA', confirm: 'DELETE' })).toMatchObject({ ok: true, data: { deletedRows: expect.any(Number) } });
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    expect(settings.value).toEqual(DEFAULTS);
  });
});
