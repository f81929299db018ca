/**
 * Builds an own post with many comments from each platform's own-post fixture
 * (for the start-up scenario's busy-post figure): in Node, on happy-dom, the
 * adapter reads the page, the reply site finds the element of each top-level
 * comment by someone else, and clones of those elements are added beside them,
 * each with ids of its own (every attribute naming the comment's id, in any of
 * the spellings the fixture uses) and its own text (so hashed ids differ too).
 * The result is read again with the adapter: every clone must read as a new
 * comment of the post, or the page is refused with the reason.
 */
import { readPage } from '../../lib/platforms/read';
import type { ReplySite } from '../../lib/content/reply-site';
import { sameProfile } from '../../lib/profiles';
import { stripScripts } from '../e2e/harness';
import { loadAdapter, parseHtml, readFixture } from './feed-page';
import { rewriteIds } from './page/feed-driver';

export interface CommentsPage {
  platform: string;
  url: string;
  html: string;
  /** Comments on the own post as read from the built page. */
  comments: number;
  /** Comments on the own post in the fixture it was built from. */
  fixtureComments: number;
}

async function loadReplySite(platform: string): Promise<ReplySite> {
  const mod = (await import(`../../lib/platforms/${platform}/insert.ts`)) as Record<string, unknown>;
  const site = Object.values(mod).find((v): v is ReplySite => typeof v === 'object' && v !== null && 'commentElements' in v);
  if (!site) throw new Error(`lib/platforms/${platform}/insert.ts exports no reply site`);
  return site;
}

/** The spellings of an id that appear in attribute values: as is, URL-encoded, and base64 of any "prefix_id" around it. */
function spellings(html: string, id: string): string[] {
  const out = new Set([id, encodeURIComponent(id)]);
  // Facebook's comment links also carry base64("comment:<post>_<id>"), URL-encoded.
  for (const m of html.matchAll(/[A-Za-z0-9+/]{16,}(?:%3D|=){0,2}/g)) {
    const decoded = Buffer.from(m[0].replace(/%3D/g, '='), 'base64').toString('utf8');
    if (decoded.includes(id) && /^[\x20-\x7e]+$/.test(decoded)) out.add(m[0]);
  }
  return [...out];
}

function respell(spelling: string, from: string, to: string): string {
  if (spelling.includes(from)) return spelling.split(from).join(to);
  const raw = spelling.replace(/%3D/g, '=');
  const decoded = Buffer.from(raw, 'base64').toString('utf8').split(from).join(to);
  const encoded = Buffer.from(decoded, 'utf8').toString('base64');
  return spelling.includes('%3D') ? encoded.replace(/=/g, '%3D') : encoded;
}

/** A new id of the same shape (`id` without any `hash:`): the same length, its last digits (or letters) replaced by the serial. */
function cloneCommentId(id: string, serial: number): string {
  const digits = String(serial).padStart(6, '0');
  if (id.length <= digits.length + 2) return `${id}${digits}`;
  return id.slice(0, id.length - digits.length) + digits;
}

/** Appends `suffix` to the first text node of the comment's text (its text may be split by emoji and links). */
function appendToText(root: Element, text: string, suffix: string): boolean {
  const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
  const whole = squash(text);
  const start = whole.slice(0, 20);
  const nodes: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const target =
    nodes.find((n) => start !== '' && squash(n.nodeValue ?? '').includes(start)) ??
    nodes.find((n) => {
      const value = squash(n.nodeValue ?? '');
      return value.length >= 2 && whole.includes(value);
    });
  if (target === undefined) return false;
  target.nodeValue = `${target.nodeValue}${suffix}`;
  return true;
}

export async function buildCommentsPage(platform: string, me: string, count: number): Promise<CommentsPage> {
  const fixture = readFixture(platform, 'own-post.html');
  const adapter = await loadAdapter(platform);
  const site = await loadReplySite(platform);
  const ctx = { pageUrl: new URL(fixture.url), now: Date.now() };
  const doc = parseHtml(fixture.html, fixture.url);
  const before = readPage(adapter, doc, ctx);
  const own = before.posts.find((p) => sameProfile(p.author.profileUrl, me));
  if (!own) throw new Error(`${platform}: the fixture's post is not by ${me}`);
  const onPost = before.comments.filter((c) => c.postId === own.postId);
  const templates = onPost.filter((c) => c.parentId === null && !sameProfile(c.author.profileUrl, me));
  const elements = site.commentElements(doc, templates.map((c) => c.commentId));
  const usable = templates.filter((c) => elements.has(c.commentId));
  if (usable.length === 0) throw new Error(`${platform}: no top-level comment by someone else to repeat`);

  for (let serial = 1; serial <= count; serial++) {
    const template = usable[serial % usable.length]!;
    const el = elements.get(template.commentId)!;
    const clone = el.cloneNode(true) as Element;
    const id = template.commentId.replace(/^hash:/, '');
    const newId = cloneCommentId(id, serial);
    const ids = template.commentId.startsWith('hash:') ? [] : spellings(fixture.html, id).map((s) => [s, respell(s, id, newId)] as const);
    rewriteIds(clone, ids);
    if (!appendToText(clone, template.text, ` #${serial}`)) throw new Error(`${platform}: the text of comment ${template.commentId} is not in its element`);
    el.after(clone);
  }

  // Serialised for serving (XMLSerializer writes XHTML-style markup, which Chromium parses as the same page; the read below checks it).
  const serializer = new (doc.defaultView as unknown as { XMLSerializer: typeof XMLSerializer }).XMLSerializer();
  const html = `<!DOCTYPE html>\n${serializer.serializeToString(doc.documentElement)}`;
  const after = readPage(adapter, parseHtml(html, fixture.url), ctx);
  const comments = after.comments.filter((c) => c.postId === own.postId);
  if (new Set(comments.map((c) => c.commentId)).size !== comments.length || comments.length !== onPost.length + count) {
    throw new Error(`${platform}: ${count} comments added, but the page reads as ${comments.length - onPost.length} more distinct comments`);
  }
  return { platform, url: fixture.url, html: stripScripts(html), comments: comments.length, fixtureComments: onPost.length };
}
