// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { linkedinAdapter, readLinkedInPage } from './index';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/linkedin');

function load(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html');
}

const POST_URL = new URL('https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000001/');
const comment = (n: string) => `urn:li:comment:(activity:7390000000000000001,${n})`;

/** Makes a Reply button behave like LinkedIn's: clicking it renders a reply composer into `host`. */
function opensComposer(button: Element, host: Element): { clicks: () => number } {
  let clicks = 0;
  button.addEventListener('click', () => {
    clicks++;
    const doc = host.ownerDocument;
    const box = doc.createElement('div');
    box.className = 'comments-comment-box--cr comments-comment-box--reply';
    const form = doc.createElement('form');
    form.className = 'comments-comment-box__form';
    const editor = doc.createElement('div');
    editor.className = 'ql-editor ql-blank';
    editor.setAttribute('contenteditable', 'true');
    editor.setAttribute('role', 'textbox');
    form.append(editor);
    box.append(form);
    host.append(box);
  });
  return { clicks: () => clicks };
}

function replyButtonOf(doc: Document, id: string): Element {
  const article = doc.querySelector(`[data-id="${id}"]`)!;
  return Array.from(article.querySelectorAll('button.comments-comment-social-bar__reply-action-button--cr')).find(
    (b) => b.closest('[data-id]') === article,
  )!;
}

describe('linkedinAdapter', () => {
  it('identifies itself', () => {
    expect(linkedinAdapter.platform).toBe('linkedin');
    expect(linkedinAdapter.version).toMatch(/^\d{4}\.\d+\.\d+$/);
  });

  it.each([
    ['https://www.linkedin.com/feed/', true],
    ['https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000001/', true],
    ['https://www.linkedin.com/posts/x-activity-1-AbCd', true],
    ['http://www.linkedin.com/feed/', false],
    ['https://linkedin.com/feed/', false],
    ['https://tw.linkedin.com/in/someone', false],
    ['https://www.linkedin.com.evil.example/feed/', false],
    ['https://www.facebook.com/', false],
  ])('matches(%s) is %s', (url, expected) => {
    expect(linkedinAdapter.matches(new URL(url))).toBe(expected);
  });

  it('reads a page with its version attached', () => {
    const reading = readLinkedInPage(load('own-post.html'), POST_URL, Date.now());
    expect(reading.platform).toBe('linkedin');
    expect(reading.adapterVersion).toBe(linkedinAdapter.version);
    expect(reading.posts).toHaveLength(1);
    expect(reading.comments).toHaveLength(5);
  });

  it('never throws: a failing reader becomes a broken reading', () => {
    const hostile = {
      querySelectorAll() {
        throw new Error('boom');
      },
      querySelector() {
        throw new Error('boom');
      },
    } as unknown as Document;
    const reading = readLinkedInPage(hostile, POST_URL, Date.now());
    expect(reading).toMatchObject({ platform: 'linkedin', posts: [], comments: [], ownIdentity: null });
    expect(reading.health).toMatchObject({ post: 'broken', counts: 'broken', comments: 'broken', replyBox: 'broken' });
    expect(reading.health.notes[0]).toMatch(/boom/);
  });

  it('reads an empty page as absent, not broken', () => {
    const empty = new DOMParser().parseFromString('<!DOCTYPE html><html><body></body></html>', 'text/html');
    const reading = readLinkedInPage(empty, new URL('https://www.linkedin.com/messaging/'), Date.now());
    expect(reading.health).toEqual({ post: 'absent', counts: 'absent', comments: 'absent', replyBox: 'absent', notes: [] });
  });
});

describe('linkedinAdapter.findReplyBox', () => {
  const findReplyBox = linkedinAdapter.findReplyBox!;

  it('returns the already open reply editor without clicking anything', () => {
    const doc = load('own-post.html');
    const click = vi.fn();
    doc.addEventListener('click', click, true);
    const editor = findReplyBox(doc, comment('7390000000000000104'))!;
    expect(editor).not.toBeNull();
    expect(editor.matches('.ql-editor[contenteditable="true"]')).toBe(true);
    expect(editor.closest('.comments-comment-box')).not.toBeNull();
    expect(editor.closest('[data-id]')!.getAttribute('data-id')).toBe(comment('7390000000000000104'));
    expect(click).not.toHaveBeenCalled();
  });

  it('accepts the guest spelling of the same comment urn', () => {
    const doc = load('own-post.html');
    const viaGuestUrn = findReplyBox(doc, 'urn:li:comment:(urn:li:activity:7390000000000000001,7390000000000000104)');
    expect(viaGuestUrn).toBe(findReplyBox(doc, comment('7390000000000000104')));
  });

  it('clicks the comment’s own Reply button and returns the editor it opens', () => {
    const doc = load('own-post.html');
    const article = doc.querySelector(`[data-id="${comment('7390000000000000102')}"]`)!;
    const button = replyButtonOf(doc, comment('7390000000000000102'));
    const composer = opensComposer(button, article);
    const editor = findReplyBox(doc, comment('7390000000000000102'))!;
    expect(composer.clicks()).toBe(1);
    expect(editor).not.toBeNull();
    expect(editor.closest('[data-id]')).toBe(article);
    // Not the post's main box.
    expect(editor.getAttribute('data-placeholder')).toBeNull();
  });

  it('for a reply, finds the composer LinkedIn opens on the thread’s top comment', () => {
    const doc = load('own-post.html');
    const parent = doc.querySelector(`[data-id="${comment('7390000000000000101')}"]`)!;
    const composer = opensComposer(replyButtonOf(doc, comment('7390000000000000105')), parent);
    const editor = findReplyBox(doc, comment('7390000000000000105'))!;
    expect(composer.clicks()).toBe(1);
    expect(editor.closest('[data-id]')).toBe(parent);
  });

  it('returns null when clicking opens nothing, and for unknown comments', () => {
    const doc = load('own-post.html');
    const button = replyButtonOf(doc, comment('7390000000000000103'));
    const click = vi.fn();
    button.addEventListener('click', click);
    expect(findReplyBox(doc, comment('7390000000000000103'))).toBeNull();
    expect(click).toHaveBeenCalledTimes(1);
    expect(findReplyBox(doc, comment('7390000000000000999'))).toBeNull();
    expect(findReplyBox(doc, 'not an id')).toBeNull();
  });

  it('never follows a guest page’s sign-up “Reply” link', () => {
    const doc = load('guest-post.html');
    const click = vi.fn((event: Event) => event.preventDefault());
    doc.addEventListener('click', click, true);
    const reading = readLinkedInPage(doc, new URL('https://www.linkedin.com/posts/shanlan-coffee_specialtycoffee-activity-7395555555555555555-AbCd'), Date.now());
    for (const c of reading.comments) expect(findReplyBox(doc, c.commentId)).toBeNull();
    expect(click).not.toHaveBeenCalled();
  });
});
