import type { ContainerReading, OwnIdentity, PageHealth, PageReading, PartHealth, PlatformAdapter, ReadContext } from './types';

/**
 * Turns container readings into one page reading, the same way for the live
 * watcher and for a whole document (inspect-page, conformance, tests).
 */

/** One part's health over several containers: any broken part is reported; ok if anything was read. */
export function combineHealth(states: readonly PartHealth[]): PartHealth {
  if (states.includes('broken')) return 'broken';
  if (states.includes('ok')) return 'ok';
  return 'absent';
}

const PARTS = ['post', 'counts', 'comments', 'replyBox'] as const;

/** Whether a container reading says anything: a post, a comment, or a part that is not simply absent. */
export function readsAnything(r: ContainerReading): boolean {
  return r.posts.length > 0 || r.comments.length > 0 || PARTS.some((part) => r.health[part] !== 'absent');
}

/** Reads a container, turning a thrown error into a broken reading instead of losing the page. */
export function safeReadContainer(adapter: PlatformAdapter, el: Element, ctx: ReadContext): ContainerReading {
  try {
    return adapter.readContainer(el, ctx);
  } catch (error) {
    return brokenReading('readContainer', error);
  }
}

function brokenReading(step: string, error: unknown): ContainerReading {
  const note = `${step} threw: ${error instanceof Error ? error.message : String(error)}`;
  return { posts: [], comments: [], health: { post: 'broken', counts: 'broken', comments: 'broken', replyBox: 'broken', notes: [note] } };
}

export function safeReadIdentity(adapter: PlatformAdapter, doc: Document, ctx: ReadContext): OwnIdentity | null {
  try {
    return adapter.readOwnIdentity(doc, ctx);
  } catch {
    return null;
  }
}

export function mergeReadings(adapter: PlatformAdapter, readings: readonly ContainerReading[], ownIdentity: OwnIdentity | null, ctx: ReadContext): PageReading {
  const posts = new Map<string, PageReading['posts'][number]>();
  const comments = new Map<string, PageReading['comments'][number]>();
  const notes: string[] = [];
  for (const r of readings) {
    for (const p of r.posts) if (!posts.has(p.postId)) posts.set(p.postId, p);
    for (const c of r.comments) if (!comments.has(c.commentId)) comments.set(c.commentId, c);
    notes.push(...r.health.notes);
  }
  const health = Object.fromEntries(PARTS.map((part) => [part, combineHealth(readings.map((r) => r.health[part]))])) as Omit<PageHealth, 'notes'>;
  if (posts.size === 0 && health.post !== 'broken' && adapter.expectsPost(ctx.pageUrl)) {
    health.post = 'broken';
    notes.push(`a post page, but no post was read (${readings.length} containers matched ${adapter.containerSelector})`);
  }
  return {
    platform: adapter.platform,
    adapterVersion: adapter.version,
    posts: [...posts.values()],
    comments: [...comments.values()],
    ownIdentity,
    health: { ...health, notes: notes.slice(0, 50) },
  };
}

/** Every container of the document, outermost first, in document order. */
export function findContainers(adapter: PlatformAdapter, root: ParentNode): Element[] {
  return [...root.querySelectorAll(adapter.containerSelector)].filter((el) => !(adapter.ignoreSelector && el.closest(adapter.ignoreSelector)));
}

/** Reads a whole document with an adapter. Never throws. */
export function readPage(adapter: PlatformAdapter, doc: Document, ctx: ReadContext): PageReading {
  let containers: Element[];
  try {
    containers = findContainers(adapter, doc);
  } catch (error) {
    return mergeReadings(adapter, [brokenReading('finding containers', error)], null, ctx);
  }
  const readings = containers.map((el) => safeReadContainer(adapter, el, ctx));
  return mergeReadings(adapter, readings, safeReadIdentity(adapter, doc, ctx), ctx);
}

const perRead = new WeakMap<ReadContext, Map<string, unknown>>();

/**
 * A fact about the whole document (is someone signed in, who), computed once per
 * read of the page. A watcher batch reads many containers with one ReadContext,
 * and the page does not change within it; asked per container, such a search
 * of the document would cost more with every post the feed has scrolled past.
 * Without a context (a one-off read) it is simply computed.
 */
export function oncePerRead<T>(ctx: ReadContext | undefined, key: string, compute: () => T): T {
  if (ctx === undefined) return compute();
  let facts = perRead.get(ctx);
  if (facts === undefined) {
    facts = new Map();
    perRead.set(ctx, facts);
  }
  return remembered(facts, key, compute);
}

/** `known`'s value for `key`, computed and kept there the first time. */
function remembered<K, T>(known: Map<K, unknown>, key: K, compute: () => T): T {
  if (known.has(key)) return known.get(key) as T;
  const value = compute();
  known.set(key, value);
  return value;
}

/**
 * What a synchronous run of reads has found once (e.g. every reply of a post page
 * asks for the same focal post): `name` (what it is) of `scope` (the document or
 * element it is of), kept until the run ends (the next microtask), so a page that
 * changes afterwards is looked at afresh.
 */
let thisTurn: Map<string, Map<object, unknown>> | null = null;
export function onceThisTurn<T>(name: string, scope: object, compute: () => T): T {
  if (thisTurn === null) {
    thisTurn = new Map();
    queueMicrotask(() => void (thisTurn = null));
  }
  const known = remembered(thisTurn, name, () => new Map<object, unknown>());
  return remembered(known, scope, compute);
}

/** The first element paired with `id` (an adapter's page of comments with their ids), or null. */
export function elementWithId<T>(pairs: Iterable<readonly [string, T]>, id: string): T | null {
  for (const [key, el] of pairs) if (key === id) return el;
  return null;
}
