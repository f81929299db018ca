// @vitest-environment happy-dom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageReadingSchema } from '../messaging/protocol';
import { readPage } from './read';
import type { PlatformAdapter } from './types';

/**
 * Every adapter on mutated versions of its own fixtures (elements removed,
 * attributes renamed, texts swapped): no exception escapes, what it reads is
 * still a valid message, and no comment ends up on a post it did not belong to.
 */

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures');
const NOW = Date.UTC(2026, 10, 28, 12);
const MUTATIONS_PER_PAGE = 18;

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (doc: Document, r: () => number) => string;

const pick = <T,>(items: ArrayLike<T>, r: () => number): T | undefined => items[Math.floor(r() * items.length)];

const mutations: Mutation[] = [
  (doc, r) => {
    const el = pick(doc.body.querySelectorAll('*'), r);
    el?.remove();
    return `removed <${el?.tagName.toLowerCase()}>`;
  },
  (doc, r) => {
    const withAttrs = [...doc.body.querySelectorAll('*')].filter((e) => e.attributes.length > 0);
    const el = pick(withAttrs, r);
    if (!el) return 'nothing to rename';
    const attr = pick(el.attributes, r)!;
    el.setAttribute(`x-${attr.name}`, attr.value);
    el.removeAttribute(attr.name);
    return `renamed ${attr.name} on <${el.tagName.toLowerCase()}>`;
  },
  (doc, r) => {
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    const texts: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n.textContent ?? '').trim()) texts.push(n as Text);
    const a = pick(texts, r);
    const b = pick(texts, r);
    if (!a || !b) return 'no text';
    [a.data, b.data] = [b.data, a.data];
    return `swapped "${a.data.slice(0, 20)}" and "${b.data.slice(0, 20)}"`;
  },
];

const platforms = readdirSync(FIXTURES).filter((p) => existsSync(join(ROOT, 'lib/platforms', p, 'index.ts')));

describe.each(platforms)('%s adapter on mutated fixtures', (platform) => {
  const files = readdirSync(join(FIXTURES, platform)).filter((f) => f.endsWith('.html'));
  it.each(files)('%s', async (file) => {
    const mod = (await import(`./${platform}/index.ts`)) as Record<string, PlatformAdapter>;
    const adapter = mod[`${platform}Adapter`] as PlatformAdapter;
    const html = readFileSync(join(FIXTURES, platform, file), 'utf8');
    const url = new URL(/<!--\s*url:\s*(\S+)\s*-->/.exec(html)?.[1] ?? `https://${platform}.invalid/`);
    const parse = () => new DOMParser().parseFromString(html, 'text/html');
    const original = readPage(adapter, parse(), { pageUrl: url, now: NOW });
    const postOf = new Map(original.comments.map((c) => [c.commentId, c.postId]));
    const r = rng(file.length * 7919 + platform.length);
    for (let i = 0; i < MUTATIONS_PER_PAGE; i++) {
      const doc = parse();
      const mutation = mutations[i % mutations.length]!;
      const what = mutation(doc, r);
      const reading = readPage(adapter, doc, { pageUrl: url, now: NOW });
      const context = `${platform}/${file} after ${what}`;
      expect(reading.health.notes.filter((n) => /threw/.test(n)), context).toEqual([]);
      expect(pageReadingSchema.safeParse(reading).success, context).toBe(true);
      // What went missing is named: on a post page, no post read means 'broken'; comments that
      // were there and are all gone are never reported as read fine.
      if (adapter.expectsPost(url) && reading.posts.length === 0) expect(reading.health.post, context).toBe('broken');
      if (adapter.expectsPost(url) && original.comments.length > 0 && reading.posts.length > 0 && reading.comments.length === 0) {
        expect(reading.health.comments, context).not.toBe('ok');
      }
      const mutatedPostIds = new Set(reading.posts.map((p) => p.postId));
      for (const c of reading.comments) {
        expect(mutatedPostIds.has(c.postId), `${context}: comment ${c.commentId} on a post not read`).toBe(true);
        if (postOf.has(c.commentId)) expect(c.postId, `${context}: comment ${c.commentId} moved`).toBe(postOf.get(c.commentId));
      }
    }
  });
});
