import type { TemplateSyncStatus } from '../messaging/protocol';
import { PLATFORMS, type Platform } from '../platforms/types';
import type { SocialDeskDB, TemplateRow } from '../db/schema';
import { isLive, tombstone } from '../db/templates';

/**
 * Templates follow the user to their other browsers through the browser's own
 * sync storage (`storage.sync`), when they fit its quota. The local database
 * stays the source of truth: sync holds a compact copy, written in chunks after
 * every template change, and merged back into the database at start-up and
 * whenever another browser changes it (last writer wins by `updatedAt`;
 * deletions travel as tombstones). Usage counts stay on each machine.
 *
 * Settings items (lib/storage.ts `sync:*`) sync on their own through wxt storage;
 * the budget here leaves room for them.
 */

/** chrome.storage.sync limits (Firefox's are the same or larger). */
export const SYNC_QUOTA = { QUOTA_BYTES: 102_400, QUOTA_BYTES_PER_ITEM: 8_192, MAX_ITEMS: 512 } as const;
/** Kept free for the settings items, so a growing template set never blocks a settings change. */
export const SETTINGS_RESERVE_BYTES = 10_240;
export const SETTINGS_RESERVE_ITEMS = 32;
/** Deletions older than this are not carried any more (another browser offline that long may bring a copy back). */
export const TOMBSTONE_DAYS = 180;

export const SYNC_PREFIX = 'sd_tpl_';
const META_KEY = `${SYNC_PREFIX}meta`;
const chunkKey = (i: number) => `${SYNC_PREFIX}${i}`;
const FORMAT = 1;

/** The parts of `browser.storage.sync` used here (WXT's fakeBrowser in tests). */
export interface SyncArea {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

interface Meta {
  v: number;
  n: number;
  hash: string;
}

/** One template as synced: [id, name, body, category, language, platforms, shortCode, builtIn, createdAt, updatedAt]. */
type CompactTemplate = [string, string, string, string, string, string, string | null, 0 | 1, number, number];
/** A deletion: [id, deletedAt]. */
type CompactTombstone = [string, number];
interface Payload {
  t: CompactTemplate[];
  d: CompactTombstone[];
}

export interface SyncedTemplate {
  id: string;
  name: string;
  body: string;
  category: string;
  language: string;
  platforms: Platform[];
  shortCode: string | null;
  builtIn: boolean;
  createdAt: number;
  updatedAt: number;
}

const encoder = new TextEncoder();
const utf8 = (s: string) => encoder.encode(s).length;
/** How Chrome counts an item against the quotas: its key plus its value as JSON, in bytes. */
export function itemBytes(key: string, value: unknown): number {
  return utf8(key) + utf8(JSON.stringify(value));
}

function hashOf(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${text.length.toString(36)}.${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}

const PLATFORM_SET = new Set<string>(PLATFORMS);

function toCompact(row: TemplateRow): CompactTemplate {
  return [row.id, row.name, row.body, row.category, row.language, row.platforms.join(','), row.shortCode, row.builtIn ? 1 : 0, row.createdAt, row.updatedAt];
}

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

/** Reads a payload another browser wrote; anything malformed is dropped, not trusted. */
function parsePayload(text: string): { templates: SyncedTemplate[]; tombstones: Array<{ id: string; deletedAt: number }> } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { t, d } = raw as { t?: unknown; d?: unknown };
  if (!Array.isArray(t) || !Array.isArray(d)) return null;
  const templates: SyncedTemplate[] = [];
  for (const item of t) {
    if (!Array.isArray(item) || item.length !== 10) continue;
    const [id, name, body, category, language, platforms, shortCode, builtIn, createdAt, updatedAt] = item as unknown[];
    if (typeof id !== 'string' || id === '' || id.length > 2_000) continue;
    if (typeof name !== 'string' || typeof body !== 'string' || typeof category !== 'string' || typeof language !== 'string' || typeof platforms !== 'string') continue;
    if (name.length > 2_000 || body.length > 20_000 || category.length > 2_000 || language.length > 2_000) continue;
    if (!(shortCode === null || (typeof shortCode === 'string' && shortCode.length <= 2_000))) continue;
    if (!isNum(createdAt) || !isNum(updatedAt)) continue;
    templates.push({
      id,
      name,
      body,
      category,
      language,
      platforms: platforms.split(',').filter((p): p is Platform => PLATFORM_SET.has(p)),
      shortCode,
      builtIn: builtIn === 1,
      createdAt,
      updatedAt,
    });
  }
  const tombstones: Array<{ id: string; deletedAt: number }> = [];
  for (const item of d) {
    if (!Array.isArray(item) || item.length !== 2) continue;
    const [id, deletedAt] = item as unknown[];
    if (typeof id === 'string' && id !== '' && id.length <= 2_000 && isNum(deletedAt)) tombstones.push({ id, deletedAt });
  }
  return { templates, tombstones };
}

/** Splits a string into pieces whose JSON form stays within `maxBytes` (never inside a surrogate pair). */
export function chunkString(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let current = '';
  let bytes = 2; // the quotes
  for (const ch of text) {
    const size = utf8(JSON.stringify(ch)) - 2;
    if (bytes + size > maxBytes && current !== '') {
      chunks.push(current);
      current = '';
      bytes = 2;
    }
    current += ch;
    bytes += size;
  }
  if (current !== '' || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** The compact copy of the database's templates, as it is written. */
function payloadOf(rows: TemplateRow[], now: number): string {
  const oldest = now - TOMBSTONE_DAYS * 86_400_000;
  const payload: Payload = {
    t: rows.filter(isLive).sort((a, b) => a.id.localeCompare(b.id)).map(toCompact),
    d: rows
      .filter((r) => !isLive(r) && (r.deletedAt as number) >= oldest)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r): CompactTombstone => [r.id, r.deletedAt as number]),
  };
  return JSON.stringify(payload);
}

interface Layout {
  items: Record<string, unknown>;
  bytes: number;
  count: number;
}

function layout(payload: string): Layout {
  // Room for the longest chunk key and a little slack for how a browser may count.
  const chunks = chunkString(payload, SYNC_QUOTA.QUOTA_BYTES_PER_ITEM - utf8(chunkKey(999)) - 16);
  const items: Record<string, unknown> = {};
  chunks.forEach((c, i) => (items[chunkKey(i)] = c));
  const meta: Meta = { v: FORMAT, n: chunks.length, hash: hashOf(payload) };
  items[META_KEY] = meta;
  let bytes = 0;
  for (const [k, v] of Object.entries(items)) bytes += itemBytes(k, v);
  return { items, bytes, count: chunks.length + 1 };
}

/** The items (meta and chunks) a copy is written as; for tests that play another browser. */
export function syncItemsFor(payload: string): Record<string, unknown> {
  return layout(payload).items;
}

interface RemoteState {
  /** Everything else in sync storage (settings). */
  otherBytes: number;
  otherItems: number;
  ourKeys: string[];
  meta: Meta | null;
  /** The joined payload, when all its chunks are there and match the meta's hash. */
  payload: string | null;
}

async function readRemote(area: SyncArea): Promise<RemoteState> {
  const all = await area.get(null);
  let otherBytes = 0;
  let otherItems = 0;
  const ourKeys: string[] = [];
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith(SYNC_PREFIX)) ourKeys.push(k);
    else {
      otherBytes += itemBytes(k, v);
      otherItems++;
    }
  }
  const rawMeta = all[META_KEY];
  const meta =
    typeof rawMeta === 'object' && rawMeta !== null && (rawMeta as Meta).v === FORMAT && Number.isInteger((rawMeta as Meta).n) && typeof (rawMeta as Meta).hash === 'string'
      ? (rawMeta as Meta)
      : null;
  let payload: string | null = null;
  if (meta && meta.n >= 0 && meta.n <= SYNC_QUOTA.MAX_ITEMS) {
    const parts: string[] = [];
    for (let i = 0; i < meta.n; i++) {
      const part = all[chunkKey(i)];
      if (typeof part !== 'string') break;
      parts.push(part);
    }
    const joined = parts.join('');
    // Chunks of one write can arrive from the sync server one by one: wait for the rest.
    if (parts.length === meta.n && hashOf(joined) === meta.hash) payload = joined;
  }
  return { otherBytes, otherItems, ourKeys, meta, payload };
}

function limitsFor(remote: RemoteState) {
  return {
    bytes: Math.max(0, SYNC_QUOTA.QUOTA_BYTES - remote.otherBytes - SETTINGS_RESERVE_BYTES),
    items: Math.max(0, SYNC_QUOTA.MAX_ITEMS - remote.otherItems - SETTINGS_RESERVE_ITEMS),
  };
}

/** Order on content, so two browsers that edited at the same millisecond settle on the same copy. */
function contentKey(t: Pick<SyncedTemplate, 'name' | 'body' | 'category' | 'language' | 'platforms' | 'shortCode'>): string {
  return JSON.stringify([t.name, t.body, t.category, t.language, t.platforms, t.shortCode]);
}

/**
 * Merges a synced copy into the database: a template newer than the local one
 * (or unknown here) replaces it, keeping this machine's usage counts; a
 * deletion newer than the local template removes it. Returns how many rows changed.
 */
export async function mergeRemoteTemplates(db: SocialDeskDB, payload: string): Promise<number> {
  const parsed = parsePayload(payload);
  if (!parsed) return 0;
  return db.transaction('rw', db.templates, async () => {
    const ids = [...parsed.templates.map((t) => t.id), ...parsed.tombstones.map((d) => d.id)];
    const locals = new Map((await db.templates.bulkGet(ids)).filter((r): r is TemplateRow => r !== undefined).map((r) => [r.id, r]));
    const changed = new Map<string, TemplateRow>();
    for (const t of parsed.templates) {
      const local = changed.get(t.id) ?? locals.get(t.id);
      const newer =
        !local ||
        t.updatedAt > local.updatedAt ||
        (t.updatedAt === local.updatedAt && (isLive(local) ? contentKey(t) > contentKey(local) : false));
      if (!newer) continue;
      changed.set(t.id, {
        ...t,
        useCount: local ? local.useCount : 0,
        lastUsedAt: local ? local.lastUsedAt : null,
        deletedAt: null,
      });
    }
    for (const d of parsed.tombstones) {
      const local = changed.get(d.id) ?? locals.get(d.id);
      if (local && !isLive(local)) continue;
      // A deletion wins a tie: the user saw the template and removed it.
      if (local && local.updatedAt > d.deletedAt) continue;
      const base: TemplateRow = local ?? {
        id: d.id,
        name: '',
        body: '',
        category: '',
        language: 'any',
        platforms: [],
        shortCode: null,
        builtIn: false,
        createdAt: d.deletedAt,
        updatedAt: d.deletedAt,
        useCount: 0,
        lastUsedAt: null,
      };
      changed.set(d.id, tombstone(base, d.deletedAt));
    }
    await db.templates.bulkPut([...changed.values()]);
    return changed.size;
  });
}

/**
 * Whether sync lacks something this database has: a live template it does not
 * hold in this version, or a template it still holds that was deleted here.
 * (Only a difference in which old deletions are still carried is no reason to
 * write: two browsers with slightly different clocks would otherwise rewrite
 * each other's copy forever.)
 */
function remoteIsBehind(remotePayload: string | null, rows: TemplateRow[]): boolean {
  const parsed = remotePayload === null ? null : parsePayload(remotePayload);
  if (!parsed) return true;
  const remote = new Map(parsed.templates.map((t) => [t.id, t]));
  for (const row of rows) {
    const r = remote.get(row.id);
    if (isLive(row)) {
      if (!r || r.updatedAt !== row.updatedAt || contentKey(r) !== contentKey(row)) return true;
    } else if (r) return true;
  }
  return false;
}

export interface TemplateSyncOptions {
  now(): number;
}

/**
 * Sync of the templates for the background: one operation at a time (a write
 * and a merge never interleave), with the outcome of the last write kept for
 * the dashboard.
 */
export function createTemplateSync(db: SocialDeskDB, area: SyncArea | null, options: TemplateSyncOptions) {
  let queue: Promise<unknown> = Promise.resolve();
  let lastError: { at: number; message: string } | null = null;
  let lastWriteAt: number | null = null;

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function statusNow(remote: RemoteState): Promise<TemplateSyncStatus> {
    const rows = await db.templates.toArray();
    const plan = layout(payloadOf(rows, options.now()));
    const limits = limitsFor(remote);
    const base = { bytes: plan.bytes, limit: limits.bytes, at: lastWriteAt };
    if (!remoteIsBehind(remote.payload, rows)) return { ...base, state: 'synced' };
    if (plan.bytes > limits.bytes || plan.count > limits.items) return { ...base, state: 'too_large' };
    if (lastError) return { ...base, state: 'error', at: lastError.at };
    return { ...base, state: 'pending' };
  }

  /** Merges what sync holds, then writes the (possibly merged) local copy if sync lacks something and it fits. */
  async function syncOnce(): Promise<TemplateSyncStatus> {
    if (!area) return { state: 'unavailable', bytes: 0, limit: 0, at: null };
    let remote = await readRemote(area);
    if (remote.payload !== null) await mergeRemoteTemplates(db, remote.payload);
    const rows = await db.templates.toArray();
    const plan = layout(payloadOf(rows, options.now()));
    const limits = limitsFor(remote);
    if (!remoteIsBehind(remote.payload, rows)) {
      lastError = null;
      return statusNow(remote);
    }
    if (plan.bytes > limits.bytes || plan.count > limits.items) return statusNow(remote);
    try {
      await area.set(plan.items);
      const stale = remote.ourKeys.filter((k) => !(k in plan.items));
      if (stale.length > 0) await area.remove(stale);
      lastError = null;
      lastWriteAt = options.now();
    } catch (error) {
      lastError = { at: options.now(), message: error instanceof Error ? error.message : String(error) };
      console.warn('[social-desk] template sync write failed', error);
    }
    remote = await readRemote(area);
    return statusNow(remote);
  }

  return {
    /** After a template change here, and at start-up. */
    push: () => serial(syncOnce),
    /** When another browser changed the synced copy: merge it (and write back what only this browser has). */
    pull: () => serial(syncOnce),
    /** "Delete all my data": the copy in sync storage goes too. */
    clear: () =>
      serial(async () => {
        if (!area) return;
        const remote = await readRemote(area);
        if (remote.ourKeys.length > 0) await area.remove(remote.ourKeys);
        lastError = null;
      }),
    /** What the dashboard shows, without writing. */
    status: () =>
      serial(async (): Promise<TemplateSyncStatus> => {
        if (!area) return { state: 'unavailable', bytes: 0, limit: 0, at: null };
        return statusNow(await readRemote(area));
      }),
  };
}
export type TemplateSync = ReturnType<typeof createTemplateSync>;

/** Whether a storage.onChanged event touches the synced templates. */
export function touchesTemplates(changes: Record<string, unknown>, areaName: string): boolean {
  return areaName === 'sync' && Object.keys(changes).some((k) => k.startsWith(SYNC_PREFIX));
}
