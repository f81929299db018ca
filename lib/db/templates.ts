import type { Platform } from '../platforms/types';
import type { TemplateInput, TemplateStats, TemplateView } from '../messaging/protocol';
import { validateTemplate, type TemplateError } from '../templates/engine';
import { frecency, isValidShortCode, languageMatches, normalizeShortCode } from '../templates/model';
import { starterTemplates } from '../templates/starter';
import type { InteractionRow, SocialDeskDB, TemplateRow } from './schema';

/**
 * Reply templates in the database. A deleted template stays as a tombstone
 * (`deletedAt`, no content) so the deletion reaches the user's other browsers
 * through sync; every query here hides tombstones.
 */

export function isLive(row: TemplateRow): boolean {
  return row.deletedAt === undefined || row.deletedAt === null;
}

export function templateView(row: TemplateRow): TemplateView {
  return {
    id: row.id,
    name: row.name,
    body: row.body,
    category: row.category,
    language: row.language,
    platforms: row.platforms,
    shortCode: row.shortCode,
    builtIn: row.builtIn,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    useCount: row.useCount,
    lastUsedAt: row.lastUsedAt,
  };
}

export interface TemplateFilter {
  /** Only templates for this platform (or for every platform). */
  platform?: Platform | null;
  /** The comment's language as the classifier says; null or 'other': every language. */
  language?: 'en' | 'zh' | 'other' | null;
  /** Words to find in the name, text, category or short code (all must match, any case). */
  query?: string;
}

function matchesQuery(row: TemplateRow, query: string): boolean {
  const words = query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = [row.name, row.body, row.category, row.shortCode ? `/${row.shortCode}` : ''].join('\n').normalize('NFKC').toLowerCase();
  return words.every((w) => hay.includes(w.replace(/^\/+/, '/')) || hay.includes(w.replace(/^\/+/, '')));
}

/** Live templates matching the filter, recently and most used first, then by name. */
export async function listTemplates(db: SocialDeskDB, filter: TemplateFilter, now: number): Promise<TemplateRow[]> {
  const rows = await db.templates.toArray();
  const language = filter.language ?? null;
  return rows
    .filter(isLive)
    .filter((r) => !filter.platform || r.platforms.length === 0 || r.platforms.includes(filter.platform))
    .filter((r) => languageMatches(r.language, language))
    .filter((r) => matchesQuery(r, filter.query ?? ''))
    .map((r) => ({ row: r, score: frecency(r, now) }))
    .sort((a, b) => b.score - a.score || (b.row.lastUsedAt ?? 0) - (a.row.lastUsedAt ?? 0) || a.row.name.localeCompare(b.row.name))
    .map((x) => x.row);
}

export type SaveTemplateResult =
  | { ok: true; template: TemplateRow }
  | {
      ok: false;
      reason: 'short_code_taken' | 'short_code_invalid' | 'body_errors' | 'not_found';
      errors: TemplateError[];
      conflictName: string | null;
    };

function newTemplateId(): string {
  return `tpl-${crypto.randomUUID()}`;
}

/**
 * Creates (input.id null) or edits a template. Refuses a body with errors (an
 * unknown variable would otherwise reach a customer as raw braces) and a short
 * code another live template has.
 */
export async function saveTemplate(db: SocialDeskDB, input: TemplateInput, now: number): Promise<SaveTemplateResult> {
  const errors = validateTemplate(input.body);
  if (errors.length > 0) return { ok: false, reason: 'body_errors', errors, conflictName: null };
  const shortCode = normalizeShortCode(input.shortCode);
  if (shortCode !== null && !isValidShortCode(shortCode)) return { ok: false, reason: 'short_code_invalid', errors: [], conflictName: null };
  return db.transaction('rw', db.templates, async (): Promise<SaveTemplateResult> => {
    const old = input.id === null ? undefined : await db.templates.get(input.id);
    if (input.id !== null && (!old || !isLive(old))) return { ok: false, reason: 'not_found', errors: [], conflictName: null };
    if (shortCode !== null) {
      const taken = (await db.templates.where('shortCode').equals(shortCode).toArray()).find((r) => isLive(r) && r.id !== input.id);
      if (taken) return { ok: false, reason: 'short_code_taken', errors: [], conflictName: taken.name };
    }
    const row: TemplateRow = {
      id: old ? old.id : newTemplateId(),
      name: input.name.trim(),
      body: input.body,
      category: input.category.trim(),
      language: input.language,
      platforms: [...new Set(input.platforms)],
      shortCode,
      builtIn: old ? old.builtIn : false,
      createdAt: old ? old.createdAt : now,
      // Strictly newer than what it replaces, so sync's last-writer-wins keeps this edit.
      updatedAt: old ? Math.max(now, old.updatedAt + 1) : now,
      useCount: old ? old.useCount : 0,
      lastUsedAt: old ? old.lastUsedAt : null,
      deletedAt: null,
    };
    await db.templates.put(row);
    return { ok: true, template: row };
  });
}

/** Deletes a template (leaves a tombstone for sync). False when there was none. */
export async function deleteTemplate(db: SocialDeskDB, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.templates, async () => {
    const old = await db.templates.get(id);
    if (!old || !isLive(old)) return false;
    await db.templates.put(tombstone(old, Math.max(now, old.updatedAt + 1)));
    return true;
  });
}

export function tombstone(row: TemplateRow, at: number): TemplateRow {
  return { ...row, name: '', body: '', shortCode: null, platforms: [], updatedAt: at, deletedAt: at };
}

function starterRow(t: ReturnType<typeof starterTemplates>[number], old: TemplateRow | undefined, now: number, updatedAt: number): TemplateRow {
  return {
    id: t.id,
    name: t.name,
    body: t.body,
    category: t.category,
    language: t.language,
    platforms: [],
    shortCode: t.shortCode,
    builtIn: true,
    createdAt: old && isLive(old) ? old.createdAt : now,
    updatedAt,
    useCount: old ? old.useCount : 0,
    lastUsedAt: old ? old.lastUsedAt : null,
    deletedAt: null,
  };
}

/**
 * Brings back the starter templates of these languages as shipped: deleted ones
 * return, edited ones get their original wording back (usage counts are kept).
 * The user's own templates are not touched; a starter whose short code one of
 * them uses comes back without a short code. Returns how many changed.
 */
export async function restoreStarterTemplates(db: SocialDeskDB, languages: ReadonlyArray<'en' | 'zh-TW'>, now: number): Promise<number> {
  const starters = starterTemplates(languages);
  return db.transaction('rw', db.templates, async () => {
    const all = await db.templates.toArray();
    const byId = new Map(all.map((r) => [r.id, r]));
    const starterIds = new Set(starters.map((t) => t.id));
    const takenCodes = new Set(all.filter((r) => isLive(r) && !starterIds.has(r.id) && r.shortCode !== null).map((r) => r.shortCode));
    const changed: TemplateRow[] = [];
    for (const t of starters) {
      const old = byId.get(t.id);
      const fresh = starterRow(t, old, now, old ? Math.max(now, old.updatedAt + 1) : now);
      if (takenCodes.has(t.shortCode)) fresh.shortCode = null;
      const same =
        old && isLive(old) && old.name === fresh.name && old.body === fresh.body && old.category === fresh.category && old.language === fresh.language && old.platforms.length === 0 && old.shortCode === fresh.shortCode;
      if (!same) changed.push(fresh);
    }
    await db.templates.bulkPut(changed);
    return changed.length;
  });
}

/**
 * On first use (no template rows at all, not even tombstones), the starter set
 * in both languages. Seeded rows carry updatedAt 0, so any edit or deletion the
 * user made of them in another browser wins when sync merges.
 */
export async function ensureStarterTemplates(db: SocialDeskDB, now: number): Promise<number> {
  return db.transaction('rw', db.templates, async () => {
    if ((await db.templates.count()) > 0) return 0;
    const rows = starterTemplates(['en', 'zh-TW']).map((t) => starterRow(t, undefined, now, 0));
    await db.templates.bulkAdd(rows);
    return rows.length;
  });
}

/**
 * Counts a use of a template and notes which template answered the comment.
 * Until the reply shows up, the received comment's templateId holds it as a
 * pending use; capture moves it onto the reply when it links the two
 * (lib/db/replies.ts applyPendingTemplate). If the reply is already linked,
 * the reply takes it directly.
 */
export async function recordTemplateUse(db: SocialDeskDB, templateId: string, commentInteractionId: string, now: number): Promise<{ useCount: number }> {
  return db.transaction('rw', db.templates, db.interactions, async () => {
    const template = await db.templates.get(templateId);
    if (!template || !isLive(template)) throw new Error(`No template ${templateId}`);
    const useCount = template.useCount + 1;
    await db.templates.update(templateId, { useCount, lastUsedAt: now });
    // templateId counts in no rollup, so no rollup changes here.
    const comment = await db.interactions.get(commentInteractionId);
    if (comment && comment.kind === 'comment_received') {
      const reply = comment.repliedById === null ? undefined : await db.interactions.get(comment.repliedById);
      if (reply) await db.interactions.update(reply.id, { templateId });
      else await db.interactions.update(comment.id, { templateId });
    }
    return { useCount };
  });
}

function sameAuthor(a: InteractionRow, b: InteractionRow): boolean {
  if (a.actorUrl !== null && b.actorUrl !== null) return a.actorUrl === b.actorUrl;
  return a.actorName.trim() !== '' && a.actorName === b.actorName;
}

/**
 * Per live template: how often it was used, how many of its replies the log has
 * seen, and how many of those the commenter answered again afterwards (a later
 * comment by the same person on the same post).
 */
export async function templateStats(db: SocialDeskDB): Promise<TemplateStats[]> {
  return db.transaction('r', db.templates, db.interactions, async () => {
    const templates = (await db.templates.toArray()).filter(isLive);
    // Rows without a templateId are not in the index (null is no IndexedDB key).
    const used = await db.interactions.orderBy('templateId').toArray();
    /** comment id → template id, from the comments and from replies that carry it. */
    const answered = new Map<string, string>();
    for (const r of used) {
      if (r.templateId === null) continue;
      if (r.kind === 'comment_received') answered.set(r.id, r.templateId);
    }
    for (const r of used) {
      if (r.templateId !== null && r.kind === 'reply_sent' && r.inReplyToId !== null && !answered.has(r.inReplyToId)) answered.set(r.inReplyToId, r.templateId);
    }
    const comments = await db.interactions.bulkGet([...answered.keys()]);
    const replies = await db.interactions.bulkGet(comments.map((c) => c?.repliedById ?? '\u0000none'));
    const perPost = new Map<string, InteractionRow[]>();
    const replyCount = new Map<string, number>();
    const againCount = new Map<string, number>();
    for (const [i, comment] of comments.entries()) {
      const reply = replies[i];
      if (!comment || !reply) continue;
      const templateId = answered.get(comment.id) as string;
      replyCount.set(templateId, (replyCount.get(templateId) ?? 0) + 1);
      if (comment.postKey === null) continue;
      let onPost = perPost.get(comment.postKey);
      if (!onPost) {
        onPost = await db.interactions.where('postKey').equals(comment.postKey).toArray();
        perPost.set(comment.postKey, onPost);
      }
      const again = onPost.some((o) => o.kind === 'comment_received' && o.id !== comment.id && o.occurredAt > reply.occurredAt && sameAuthor(o, comment));
      if (again) againCount.set(templateId, (againCount.get(templateId) ?? 0) + 1);
    }
    return templates.map((t) => ({
      templateId: t.id,
      uses: t.useCount,
      lastUsedAt: t.lastUsedAt,
      replies: replyCount.get(t.id) ?? 0,
      answeredAgain: againCount.get(t.id) ?? 0,
    }));
  });
}
