import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TemplateInput } from '@/lib/messaging/protocol';
import { STARTER_TEMPLATES } from '@/lib/templates/starter';
import { comment, ME, NOW, post, reading } from '@/test/builders';
import { recordCapture } from './capture';
import { computeRollupsFromLog } from './rollups';
import { SocialDeskDB } from './schema';
import {
  deleteTemplate,
  ensureStarterTemplates,
  listTemplates,
  recordTemplateUse,
  restoreStarterTemplates,
  saveTemplate,
  templateStats,
} from './templates';

const TZ = 'Asia/Taipei';
const HOUR = 3_600_000;
const DAY = 86_400_000;
let db: SocialDeskDB;
let n = 0;
beforeEach(async () => {
  db = new SocialDeskDB(`templates-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const input = (over: Partial<TemplateInput> = {}): TemplateInput => ({
  id: null,
  name: 'Thanks',
  body: '{Thanks|Thank you}, {first_name}!',
  category: 'thanks',
  language: 'en',
  platforms: [],
  shortCode: null,
  ...over,
});

async function create(over: Partial<TemplateInput> = {}, now = NOW) {
  const result = await saveTemplate(db, input(over), now);
  if (!result.ok) throw new Error(`not saved: ${result.reason}`);
  return result.template;
}

describe('saveTemplate', () => {
  it('creates and edits, keeping creation time and usage', async () => {
    const created = await create({ shortCode: '/Thanks ' });
    expect(created).toMatchObject({ name: 'Thanks', shortCode: 'thanks', builtIn: false, createdAt: NOW, updatedAt: NOW, useCount: 0, deletedAt: null });
    await db.templates.update(created.id, { useCount: 4, lastUsedAt: NOW });
    const edited = await saveTemplate(db, input({ id: created.id, name: ' Thank you ', platforms: ['x', 'x', 'threads'] }), NOW + 5);
    expect(edited).toMatchObject({ ok: true, template: { id: created.id, name: 'Thank you', platforms: ['x', 'threads'], createdAt: NOW, updatedAt: NOW + 5, useCount: 4, shortCode: null } });
  });

  it('always moves updatedAt forward, even with a clock that went back', async () => {
    const created = await create({}, NOW);
    const edited = await saveTemplate(db, input({ id: created.id }), NOW - 1000);
    expect(edited.ok && edited.template.updatedAt).toBe(NOW + 1);
  });

  it('refuses a body with errors, with their positions', async () => {
    expect(await saveTemplate(db, input({ body: 'Hi {firstname}' }), NOW)).toEqual({
      ok: false,
      reason: 'body_errors',
      errors: [{ code: 'unknown_variable', start: 3, end: 14, detail: 'firstname' }],
      conflictName: null,
    });
    expect(await db.templates.count()).toBe(0);
  });

  it('keeps short codes unique among live templates, in any case and with or without the slash', async () => {
    await create({ name: 'First', shortCode: 'thanks' });
    expect(await saveTemplate(db, input({ name: 'Second', shortCode: '/THANKS' }), NOW)).toMatchObject({ ok: false, reason: 'short_code_taken', conflictName: 'First' });
    expect(await saveTemplate(db, input({ shortCode: 'two words' }), NOW)).toMatchObject({ ok: false, reason: 'short_code_invalid' });
    expect(await saveTemplate(db, input({ shortCode: '/謝謝' }), NOW)).toMatchObject({ ok: true, template: { shortCode: '謝謝' } });
    // Editing a template keeps its own code; a deleted template frees it.
    const first = (await listTemplates(db, { query: '/thanks' }, NOW))[0]!;
    expect(await saveTemplate(db, input({ id: first.id, name: 'First again', shortCode: 'thanks' }), NOW)).toMatchObject({ ok: true });
    await deleteTemplate(db, first.id, NOW);
    expect(await saveTemplate(db, input({ name: 'Third', shortCode: 'thanks' }), NOW)).toMatchObject({ ok: true });
  });

  it('cannot edit a template that is gone', async () => {
    const created = await create();
    await deleteTemplate(db, created.id, NOW);
    expect(await saveTemplate(db, input({ id: created.id }), NOW)).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await saveTemplate(db, input({ id: 'nope' }), NOW)).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it('duplicates by saving a copy as a new template', async () => {
    const original = await create({ shortCode: 'ty' });
    const copy = await create({ name: `${original.name} (copy)`, body: original.body, shortCode: null });
    expect(copy.id).not.toBe(original.id);
    expect((await listTemplates(db, {}, NOW)).map((t) => t.name).sort()).toEqual(['Thanks', 'Thanks (copy)']);
  });
});

describe('deleteTemplate', () => {
  it('hides the template everywhere and leaves a tombstone without its content', async () => {
    const created = await create({ shortCode: 'ty' });
    expect(await deleteTemplate(db, created.id, NOW + 10)).toBe(true);
    expect(await deleteTemplate(db, created.id, NOW + 20)).toBe(false);
    expect(await listTemplates(db, {}, NOW)).toEqual([]);
    expect(await templateStats(db)).toEqual([]);
    expect(await db.templates.get(created.id)).toMatchObject({ name: '', body: '', shortCode: null, deletedAt: NOW + 10, updatedAt: NOW + 10 });
  });
});

describe('listTemplates', () => {
  it('puts recently and most used first, then the rest by name', async () => {
    const a = await create({ name: 'A never used' });
    const b = await create({ name: 'B used often long ago' });
    const c = await create({ name: 'C used once today' });
    const d = await create({ name: 'D used often this week' });
    await db.templates.update(b.id, { useCount: 40, lastUsedAt: NOW - 120 * DAY });
    await db.templates.update(c.id, { useCount: 1, lastUsedAt: NOW - HOUR });
    await db.templates.update(d.id, { useCount: 12, lastUsedAt: NOW - 3 * DAY });
    expect((await listTemplates(db, {}, NOW)).map((t) => t.id)).toEqual([d.id, c.id, b.id, a.id]);
  });

  it('filters by platform (templates for every platform always fit) and by the comment’s language', async () => {
    await create({ name: 'en all' });
    await create({ name: 'en fb', platforms: ['facebook'] });
    await create({ name: 'tw ig', language: 'zh-TW', platforms: ['instagram'] });
    await create({ name: 'hk all', language: 'zh-HK' });
    await create({ name: 'any', language: 'any' });
    const names = async (filter: Parameters<typeof listTemplates>[1]) => (await listTemplates(db, filter, NOW)).map((t) => t.name).sort();
    expect(await names({ platform: 'facebook', language: 'en' })).toEqual(['any', 'en all', 'en fb']);
    expect(await names({ platform: 'instagram', language: 'zh' })).toEqual(['any', 'hk all', 'tw ig']);
    expect(await names({ platform: 'linkedin', language: 'other' })).toEqual(['any', 'en all', 'hk all']);
    expect(await names({ language: null })).toHaveLength(5);
  });

  it('searches name, text, category and short code, every word, any case', async () => {
    await create({ name: 'Restock soon', body: 'Sold out, back next week', category: 'restock', shortCode: 'restock' });
    await create({ name: '價格詢問', body: '{first_name}你好，價格在這裡', category: 'price', shortCode: '價格' });
    const names = async (query: string) => (await listTemplates(db, { query }, NOW)).map((t) => t.name);
    expect(await names('SOLD week')).toEqual(['Restock soon']);
    expect(await names('/restock')).toEqual(['Restock soon']);
    expect(await names('價格')).toEqual(['價格詢問']);
    expect(await names('price')).toEqual(['價格詢問']);
    expect(await names('sold 價格')).toEqual([]);
  });
});

describe('starter templates', () => {
  it('are seeded once, on first use, in both languages, as never edited', async () => {
    expect(await ensureStarterTemplates(db, NOW)).toBe(STARTER_TEMPLATES.length);
    expect(await ensureStarterTemplates(db, NOW)).toBe(0);
    const rows = await db.templates.toArray();
    expect(rows.every((r) => r.builtIn && r.updatedAt === 0 && r.createdAt === NOW)).toBe(true);
    expect(new Set(rows.map((r) => r.language))).toEqual(new Set(['en', 'zh-TW']));
  });

  it('are not seeded again after the user deleted them all', async () => {
    await ensureStarterTemplates(db, NOW);
    for (const t of await db.templates.toArray()) await deleteTemplate(db, t.id, NOW);
    expect(await ensureStarterTemplates(db, NOW)).toBe(0);
    expect(await listTemplates(db, {}, NOW)).toEqual([]);
  });

  it('restore brings back deleted and edited ones, keeps usage and the user’s own templates', async () => {
    await ensureStarterTemplates(db, NOW);
    await deleteTemplate(db, 'starter-en-thanks', NOW);
    await db.templates.update('starter-en-price', { useCount: 7 });
    await saveTemplate(db, input({ id: 'starter-en-price', name: 'My prices', body: 'See our menu' }), NOW);
    // The user's own template took a starter's short code meanwhile.
    await create({ name: 'Mine', shortCode: 'thanks' });
    const restored = await restoreStarterTemplates(db, ['en'], NOW + 1000);
    expect(restored).toBe(2);
    expect(await db.templates.get('starter-en-thanks')).toMatchObject({ deletedAt: null, shortCode: null, updatedAt: NOW + 1000 });
    expect(await db.templates.get('starter-en-price')).toMatchObject({ name: 'Price enquiry', useCount: 7, shortCode: 'price' });
    expect((await listTemplates(db, { query: 'Mine' }, NOW)).map((t) => t.shortCode)).toEqual(['thanks']);
    expect(await restoreStarterTemplates(db, ['en'], NOW + 2000)).toBe(0);
    // Chinese ones are restored on their own.
    await deleteTemplate(db, 'starter-zh-TW-price', NOW);
    expect(await restoreStarterTemplates(db, ['zh-TW'], NOW + 3000)).toBe(1);
  });
});

describe('usage and stats', () => {
  async function captureComments() {
    await recordCapture(
      db,
      reading(
        [post('1')],
        [
          comment('c1', '1', { author: { name: 'Amy Chen', profileUrl: 'https://www.linkedin.com/in/amy/' }, time: { at: NOW - 10 * HOUR, precision: 'hour' } }),
          comment('c2', '1', { author: { name: 'Ben Wu', profileUrl: 'https://www.linkedin.com/in/ben/' }, time: { at: NOW - 9 * HOUR, precision: 'hour' } }),
        ],
      ),
      { now: NOW - 8 * HOUR, timeZone: TZ, ownProfileUrl: ME },
    );
  }

  it('counts uses, links the template to the comment, and moves it onto the reply when capture links it', async () => {
    await captureComments();
    const t = await create();
    expect(await recordTemplateUse(db, t.id, 'linkedin:comment_received:c1', NOW - 8 * HOUR)).toEqual({ useCount: 1 });
    expect(await recordTemplateUse(db, t.id, 'linkedin:comment_received:c2', NOW - 7 * HOUR)).toEqual({ useCount: 2 });
    expect(await db.templates.get(t.id)).toMatchObject({ useCount: 2, lastUsedAt: NOW - 7 * HOUR });
    expect((await db.interactions.get('linkedin:comment_received:c1'))?.templateId).toBe(t.id);
    // The user's reply to Amy appears.
    await recordCapture(db, reading([post('1')], [comment('r1', '1', { parentId: 'c1', author: { name: 'Mei Lin', profileUrl: ME }, time: { at: NOW - 6 * HOUR, precision: 'hour' } })]), {
      now: NOW - 6 * HOUR,
      timeZone: TZ,
      ownProfileUrl: ME,
    });
    expect((await db.interactions.get('linkedin:reply_sent:r1'))?.templateId).toBe(t.id);
    expect(await templateStats(db)).toEqual([{ templateId: t.id, uses: 2, lastUsedAt: NOW - 7 * HOUR, replies: 1, answeredAgain: 0 }]);
    // Rollups do not depend on which template answered.
    const stored = (await db.dailyRollups.toArray()).sort((a, b) => (a.day + a.platform).localeCompare(b.day + b.platform));
    expect(stored).toEqual(await computeRollupsFromLog(db, { timeZone: TZ }));
  });

  it('counts a reply as answered again when the same person comments on the same post after it', async () => {
    await captureComments();
    const t = await create();
    const other = await create({ name: 'Other' });
    await recordTemplateUse(db, t.id, 'linkedin:comment_received:c1', NOW - 8 * HOUR);
    await recordTemplateUse(db, other.id, 'linkedin:comment_received:c2', NOW - 8 * HOUR);
    const mine = (id: string, parentId: string, at: number) => comment(id, '1', { parentId, author: { name: 'Mei Lin', profileUrl: ME }, time: { at, precision: 'hour' } });
    await recordCapture(
      db,
      reading(
        [post('1')],
        [
          mine('r1', 'c1', NOW - 6 * HOUR),
          mine('r2', 'c2', NOW - 6 * HOUR),
          // Amy answers after the reply; Ben's only other comment came before his reply.
          comment('c3', '1', { parentId: 'c1', author: { name: 'Amy Chen', profileUrl: 'https://www.linkedin.com/in/amy/' }, time: { at: NOW - 5 * HOUR, precision: 'hour' } }),
          comment('c0', '1', { author: { name: 'Ben Wu', profileUrl: 'https://www.linkedin.com/in/ben/' }, time: { at: NOW - 20 * HOUR, precision: 'hour' } }),
        ],
      ),
      { now: NOW - 4 * HOUR, timeZone: TZ, ownProfileUrl: ME },
    );
    const stats = await templateStats(db);
    expect(stats.find((s) => s.templateId === t.id)).toMatchObject({ uses: 1, replies: 1, answeredAgain: 1 });
    expect(stats.find((s) => s.templateId === other.id)).toMatchObject({ uses: 1, replies: 1, answeredAgain: 0 });
  });

  it('gives a used template to a reply already in the log', async () => {
    await captureComments();
    await recordCapture(db, reading([post('1')], [comment('r1', '1', { parentId: 'c1', author: { name: 'Mei Lin', profileUrl: ME }, time: { at: NOW - 6 * HOUR, precision: 'hour' } })]), {
      now: NOW - 6 * HOUR,
      timeZone: TZ,
      ownProfileUrl: ME,
    });
    const t = await create();
    await recordTemplateUse(db, t.id, 'linkedin:comment_received:c1', NOW);
    expect((await db.interactions.get('linkedin:reply_sent:r1'))?.templateId).toBe(t.id);
    expect((await db.interactions.get('linkedin:comment_received:c1'))?.templateId).toBeNull();
    expect((await templateStats(db))[0]).toMatchObject({ uses: 1, replies: 1 });
  });

  it('refuses a use of a deleted or unknown template, and counts a use for a comment not in the log', async () => {
    const t = await create();
    expect(await recordTemplateUse(db, t.id, 'linkedin:comment_received:unknown', NOW)).toEqual({ useCount: 1 });
    await deleteTemplate(db, t.id, NOW);
    await expect(recordTemplateUse(db, t.id, 'linkedin:comment_received:unknown', NOW)).rejects.toThrow();
    await expect(recordTemplateUse(db, 'nope', 'x', NOW)).rejects.toThrow();
  });
});
