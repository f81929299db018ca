// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Request, Response, RequestType } from '../messaging/protocol';
import type { ContainerReading, ExtractedPost } from '../platforms/types';
import { createLibraryController } from './library';
import { SAVE_HOST_TAG } from './save-actions';
import { createPanelStore } from './store';
import { post as buildPost } from '@/test/builders';
import { tEn } from '@/test/i18n';

/**
 * The in-page Save action and what the content script sends for it, with a
 * fake background: buttons only in the containers read, events kept from the
 * page, a save opens the dialog, and saved posts' counts are sent once and
 * again only when they change.
 */

function page(html: string) {
  document.body.replaceChildren(...Array.from(new DOMParser().parseFromString(html, 'text/html').body.childNodes));
  return document;
}

const FEED = `
  <main>
    <article id="p1"><p>first</p><div class="bar"><button>Like</button><button>Comment</button></div></article>
    <article id="p2"><p>second</p></article>
  </main>`;

const other = (id: string, over: Partial<ExtractedPost> = {}) =>
  buildPost(id, { author: { name: 'Rival Café', profileUrl: 'https://www.linkedin.com/in/rival/' }, text: `post ${id}`, ...over });

const reading = (posts: ExtractedPost[]): ContainerReading => ({ posts, comments: [], health: { post: 'ok', counts: 'ok', comments: 'absent', replyBox: 'absent', notes: [] } });

type Sent = Request;
function fakeBackground(savedKeys: Set<string>) {
  const sent: Sent[] = [];
  const send = vi.fn(async (message: Sent): Promise<Response<RequestType>> => {
    sent.push(message);
    switch (message.type) {
      case 'CS_SEEN_POSTS':
        return { ok: true, data: { saved: message.posts.map((p) => `${p.platform}:${p.postId}`).filter((k) => savedKeys.has(k)) } };
      case 'CS_SAVE_POST': {
        const key = `${message.post.platform}:${message.post.postId}`;
        const created = !savedKeys.has(key);
        savedKeys.add(key);
        return {
          ok: true,
          data: {
            created,
            suggestedTags: ['coffee', 'launch'],
            item: {
              key,
              platform: message.post.platform,
              postId: message.post.postId,
              url: message.post.url,
              authorName: message.post.author.name,
              authorUrl: message.post.author.profileUrl,
              text: message.post.text,
              mediaKind: message.post.mediaKind,
              mediaUrl: message.post.mediaUrl,
              publishedAt: null,
              savedFromUrl: message.pageUrl,
              site: null,
              savedAt: 1,
              updatedAt: 1,
              tags: created ? [] : ['coffee'],
              note: '',
              countsAtSave: null,
              counts: null,
              countsAt: null,
              engagement: null,
              growth: null,
            },
          },
        };
      }
      case 'CS_EDIT_SAVED':
        return { ok: true, data: { item: {} as never } };
      case 'CS_UNSAVE':
        savedKeys.delete(message.key);
        return { ok: true, data: { deleted: 1 } };
      default:
        throw new Error(`unexpected ${message.type}`);
    }
  });
  return { sent, send };
}

function setup(savedKeys = new Set<string>(), readPost: (el: Element) => ExtractedPost | null = (el) => other(el.id.slice(1)), anchorMeansPost = true) {
  const doc = page(FEED);
  const store = createPanelStore({ open: true, yielded: false, reading: null, capture: null, error: null, identity: null });
  const bg = fakeBackground(savedKeys);
  const controller = createLibraryController({
    doc,
    adapter: { containerSelector: 'article', actionAnchor: (el) => el.querySelector('.bar'), anchorMeansPost },
    store,
    t: tEn,
    send: bg.send as never,
    pageUrl: () => 'https://www.linkedin.com/feed/',
    readPost: vi.fn(readPost),
    isInvalid: () => false,
  });
  const p1 = doc.getElementById('p1')!;
  const p2 = doc.getElementById('p2')!;
  return { doc, store, controller, bg, p1, p2 };
}

const buttonOf = (container: Element) => container.querySelector(SAVE_HOST_TAG)!.shadowRoot!.querySelector('button')!;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the in-page Save action', () => {
  it('goes into the post’s action bar, or its corner when it has none, once per post', () => {
    const { controller, p1, p2 } = setup();
    controller.track(p1, reading([other('1')]));
    controller.track(p2, reading([other('2')]));
    controller.track(p1, reading([other('1')]));
    expect(p1.querySelector('.bar')!.lastElementChild!.tagName.toLowerCase()).toBe(SAVE_HOST_TAG);
    expect(p1.querySelectorAll(SAVE_HOST_TAG)).toHaveLength(1);
    expect(p2.firstElementChild!.tagName.toLowerCase()).toBe(SAVE_HOST_TAG);
    expect((p2.firstElementChild as HTMLElement).dataset.placement).toBe('corner');
    expect(buttonOf(p1).textContent).toBe('Save');
    expect(buttonOf(p1).getAttribute('aria-pressed')).toBe('false');
    // Its text lives in the shadow root: the page's own text is unchanged.
    expect(p1.textContent).not.toContain('Save');
  });

  it('is removed when the container no longer shows a post, and forgotten when it leaves the page', () => {
    const { controller, p1, p2 } = setup();
    controller.track(p1, reading([other('1')]));
    controller.track(p2, reading([other('2')]));
    controller.track(p2, reading([]));
    expect(p2.querySelector(SAVE_HOST_TAG)).toBeNull();
    p1.remove();
    controller.afterBatch([]);
    expect(controller.actions.size).toBe(0);
  });

  it('goes in as its post arrives, before it is read, where the post has an action bar; the reading then shows its saved state', async () => {
    const { controller, p1, p2 } = setup(new Set(['linkedin:1']));
    expect(controller.arrived(p1)).toBe(true);
    expect(controller.arrived(p2)).toBe(false);
    expect(controller.arrived(p1)).toBe(true);
    expect(p1.querySelector('.bar')!.lastElementChild!.tagName.toLowerCase()).toBe(SAVE_HOST_TAG);
    expect(p1.querySelectorAll(SAVE_HOST_TAG)).toHaveLength(1);
    expect(buttonOf(p1).textContent).toBe('Save');
    // No bar yet: nothing until the post is read.
    expect(p2.querySelector(SAVE_HOST_TAG)).toBeNull();
    const placed = p1.querySelector(SAVE_HOST_TAG);
    controller.track(p1, reading([other('1')]));
    controller.afterBatch([other('1')]);
    await flush();
    expect(p1.querySelector(SAVE_HOST_TAG)).toBe(placed);
    expect(buttonOf(p1).textContent).toBe('Saved');
    expect(buttonOf(p1).getAttribute('aria-pressed')).toBe('true');
  });

  it('waits for the reading where an action bar does not always mean a post (replies with the same bar)', () => {
    const { controller, p1 } = setup(new Set(), undefined, false);
    expect(controller.arrived(p1)).toBe(false);
    expect(p1.querySelector(SAVE_HOST_TAG)).toBeNull();
    controller.track(p1, reading([other('1')]));
    expect(p1.querySelectorAll(SAVE_HOST_TAG)).toHaveLength(1);
  });

  it('put in before its post was read goes when the reading finds no post', () => {
    const { controller, p1 } = setup();
    controller.arrived(p1);
    controller.track(p1, reading([]));
    expect(p1.querySelector(SAVE_HOST_TAG)).toBeNull();
    expect(controller.actions.size).toBe(0);
  });

  it('chosen before its post was read: the post is read then, and saved', async () => {
    const { controller, p1, store, bg } = setup();
    controller.arrived(p1);
    buttonOf(p1).click();
    expect(store.get().saveDialog).toMatchObject({ key: 'linkedin:1', status: 'saving', excerpt: 'post 1' });
    await flush();
    expect(bg.sent.find((m) => m.type === 'CS_SAVE_POST')).toMatchObject({ post: { postId: '1' } });
    expect(buttonOf(p1).textContent).toBe('Saved');
  });

  it('chosen before it was read on a container that holds no post: the action goes and nothing is saved', async () => {
    const { controller, p1, store, bg } = setup(new Set(), () => null);
    controller.arrived(p1);
    buttonOf(p1).click();
    await flush();
    expect(p1.querySelector(SAVE_HOST_TAG)).toBeNull();
    expect(store.get().saveDialog ?? null).toBeNull();
    expect(bg.sent.filter((m) => m.type === 'CS_SAVE_POST')).toHaveLength(0);
  });

  it('keeps its clicks and keys from the page, and saves the post with its counts, opening the dialog', async () => {
    const { controller, p1, store, bg } = setup();
    const seen: string[] = [];
    for (const type of ['click', 'keydown', 'mousedown', 'pointerdown', 'pointerover', 'focusin']) document.body.addEventListener(type, (e) => seen.push(e.type));
    controller.track(p1, reading([other('1', { counts: { reactions: 12, comments: 3, shares: null, views: null } })]));
    // As a pointer does it: over the button first (the page may see that), then the press.
    const fire = (e: Event) => buttonOf(p1).dispatchEvent(e);
    fire(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    fire(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    fire(new MouseEvent('mousedown', { bubbles: true, composed: true }));
    buttonOf(p1).click();
    // As the keyboard does it: focus first, then the key.
    fire(new FocusEvent('focusin', { bubbles: true, composed: true }));
    fire(new KeyboardEvent('keydown', { key: 'l', bubbles: true, composed: true }));
    expect(seen).toEqual(['pointerover']);
    expect(store.get().saveDialog).toMatchObject({ status: 'saving', authorName: 'Rival Café', excerpt: 'post 1' });
    await flush();
    const save = bg.sent.find((m) => m.type === 'CS_SAVE_POST');
    expect(save).toMatchObject({ pageUrl: 'https://www.linkedin.com/feed/', post: { postId: '1', counts: { reactions: 12, comments: 3 }, mediaUrl: null } });
    expect(store.get().saveDialog).toMatchObject({ status: 'saved', created: true, suggestions: ['coffee', 'launch'] });
    expect(store.get().savedKeys?.has('linkedin:1')).toBe(true);
    expect(buttonOf(p1).textContent).toBe('Saved');
    expect(buttonOf(p1).getAttribute('aria-pressed')).toBe('true');

    controller.submit(['coffee', 'pour-over'], 'for Friday');
    expect(store.get().saveDialog?.status).toBe('updating');
    await flush();
    expect(bg.sent.at(-1)).toEqual({ type: 'CS_EDIT_SAVED', key: 'linkedin:1', tags: ['coffee', 'pour-over'], note: 'for Friday' });
    expect(store.get().saveDialog).toBeNull();
  });

  it('keeps focus and keys from the page (focus comes before any key)', () => {
    const { controller, p2 } = setup();
    const seen: string[] = [];
    for (const type of ['focusin', 'keydown', 'keyup', 'focusout']) document.body.addEventListener(type, (e) => seen.push(e.type));
    controller.track(p2, reading([other('2')]));
    const button = buttonOf(p2);
    for (const type of ['focusin', 'keydown', 'keyup', 'focusout']) {
      const init = { bubbles: true, composed: true };
      button.dispatchEvent(type.startsWith('key') ? new KeyboardEvent(type, { ...init, key: 'Enter' }) : new FocusEvent(type, init));
    }
    expect(seen).toEqual([]);
  });

  it('builds its own shadow root and button where the browser does not clone them with the element', () => {
    const clone = Node.prototype.cloneNode;
    const spy = vi.spyOn(Node.prototype, 'cloneNode').mockImplementation(function (this: Node, deep?: boolean) {
      if (this instanceof Element && this.tagName.toLowerCase() === SAVE_HOST_TAG) {
        const bare = document.createElement(SAVE_HOST_TAG);
        for (const a of this.attributes) bare.setAttribute(a.name, a.value);
        return bare;
      }
      return clone.call(this, deep);
    });
    try {
      const { controller, p1, p2 } = setup();
      controller.track(p1, reading([other('1')]));
      controller.track(p2, reading([other('2')]));
      expect(spy).toHaveBeenCalled();
      for (const p of [p1, p2]) {
        expect(buttonOf(p).textContent).toBe('Save');
        expect(buttonOf(p).getAttribute('aria-pressed')).toBe('false');
        expect(p.querySelector(SAVE_HOST_TAG)!.shadowRoot!.querySelectorAll('button')).toHaveLength(1);
      }
      expect((p2.firstElementChild as HTMLElement).dataset.placement).toBe('corner');
    } finally {
      spy.mockRestore();
    }
  });

  it('takes a post out of the library again from the dialog', async () => {
    const { controller, p1, store, bg } = setup(new Set(['linkedin:1']));
    controller.track(p1, reading([other('1')]));
    controller.afterBatch([other('1')]);
    await flush();
    expect(buttonOf(p1).textContent).toBe('Saved');
    buttonOf(p1).click();
    await flush();
    expect(store.get().saveDialog).toMatchObject({ status: 'saved', created: false, tags: ['coffee'] });
    controller.remove();
    await flush();
    expect(bg.sent.at(-1)).toEqual({ type: 'CS_UNSAVE', key: 'linkedin:1' });
    expect(buttonOf(p1).textContent).toBe('Save');
    expect(store.get().saveDialog).toBeNull();
  });

  it('saves the post in view from the panel', async () => {
    const { controller, p1, p2, store, bg } = setup();
    controller.track(p1, reading([other('1')]));
    controller.track(p2, reading([other('2')]));
    // Without an IntersectionObserver (here), the first post read counts as in view.
    expect(store.get().inView?.key).toBe('linkedin:1');
    controller.saveInView({ top: 10, left: 10, bottom: 30, right: 100 });
    await flush();
    expect(bg.sent.filter((m) => m.type === 'CS_SAVE_POST')).toHaveLength(1);
    expect(store.get().saveDialog?.key).toBe('linkedin:1');
  });
});

describe('saved posts seen again', () => {
  it('asks once per post which are saved, and sends a saved post’s counts again only when they change', async () => {
    const { controller, bg } = setup(new Set(['linkedin:2']));
    const counts = (reactions: number) => ({ reactions, comments: 1, shares: null, views: null });
    controller.afterBatch([other('1', { counts: counts(5) }), other('2', { counts: counts(7) })]);
    await flush();
    controller.afterBatch([other('1', { counts: counts(5) }), other('2', { counts: counts(7) })]);
    await flush();
    // A post that is not saved is not sent again, even when its counts change.
    controller.afterBatch([other('1', { counts: counts(6) }), other('2', { counts: counts(9) })]);
    await flush();
    const seen = bg.sent.filter((m): m is Extract<Request, { type: 'CS_SEEN_POSTS' }> => m.type === 'CS_SEEN_POSTS');
    expect(seen.map((m) => m.posts.map((p) => `${p.postId}:${p.counts.reactions}`))).toEqual([['1:5', '2:7'], ['2:9']]);
  });

  it('asks again when the background did not answer', async () => {
    const { controller, bg } = setup();
    bg.send.mockRejectedValueOnce(new Error('service worker stopped'));
    controller.afterBatch([other('1')]);
    await flush();
    controller.afterBatch([other('1')]);
    await flush();
    expect(bg.send).toHaveBeenCalledTimes(2);
  });
});

describe('the post in view', () => {
  function setUp(open: boolean) {
    const doc = page(FEED);
    const observers: Array<{ cb: IntersectionObserverCallback; targets: Set<Element> }> = [];
    class FakeObserver {
      targets = new Set<Element>();
      constructor(cb: IntersectionObserverCallback) {
        observers.push({ cb, targets: this.targets });
      }
      observe(el: Element) {
        this.targets.add(el);
      }
      unobserve(el: Element) {
        this.targets.delete(el);
      }
      disconnect() {
        this.targets.clear();
      }
    }
    const store = createPanelStore({ open, yielded: false, reading: null, capture: null, error: null, identity: null });
    const controller = createLibraryController({
      doc,
      adapter: { containerSelector: 'article', actionAnchor: () => null },
      store,
      t: tEn,
      send: vi.fn() as never,
      pageUrl: () => 'https://www.linkedin.com/feed/',
      readPost: () => null,
      isInvalid: () => false,
      IntersectionObserver: FakeObserver as unknown as typeof IntersectionObserver,
    });
    const entry = (target: Element, height: number) => ({ target, isIntersecting: height > 0, intersectionRect: { width: 600, height } }) as unknown as IntersectionObserverEntry;
    return { doc, store, controller, io: observers[0]!, entry, p1: doc.getElementById('p1')!, p2: doc.getElementById('p2')! };
  }

  it('is the post that shows most of itself in the window, followed as the page scrolls', () => {
    const { store, controller, io, entry, p1, p2 } = setUp(true);
    controller.track(p1, reading([other('1')]));
    controller.track(p2, reading([other('2')]));
    expect([...io.targets]).toEqual([p1, p2]);
    io.cb([entry(p1, 500), entry(p2, 100)], {} as IntersectionObserver);
    expect(store.get().inView?.key).toBe('linkedin:1');
    io.cb([entry(p1, 50), entry(p2, 600)], {} as IntersectionObserver);
    expect(store.get().inView?.key).toBe('linkedin:2');
    // A post read again (new counts) while in view: the panel gets the new reading.
    controller.track(p2, reading([other('2', { counts: { reactions: 99, comments: null, shares: null, views: null } })]));
    expect(store.get().inView?.post.counts.reactions).toBe(99);
    p2.remove();
    controller.afterBatch([]);
    expect(store.get().inView?.key).toBe('linkedin:1');
    expect(io.targets.has(p2)).toBe(false);
  });

  it('is followed only while the panel is open: no post is observed while it is closed', () => {
    const { store, controller, io, entry, p1, p2 } = setUp(false);
    controller.track(p1, reading([other('1')]));
    controller.track(p2, reading([other('2')]));
    expect(io.targets.size).toBe(0);
    expect(controller.actions.size).toBe(2);

    store.set({ open: true });
    expect([...io.targets]).toEqual([p1, p2]);
    io.cb([entry(p1, 100), entry(p2, 500)], {} as IntersectionObserver);
    expect(store.get().inView?.key).toBe('linkedin:2');

    store.set({ open: false });
    expect(io.targets.size).toBe(0);
    expect(store.get().inView).toBeNull();
    // Entries the browser queued before the panel closed change nothing.
    io.cb([entry(p1, 600)], {} as IntersectionObserver);
    expect(store.get().inView).toBeNull();
    // A post read while the panel is closed is not observed either.
    controller.track(p1, reading([other('1', { counts: { reactions: 5, comments: null, shares: null, views: null } })]));
    expect(io.targets.size).toBe(0);

    store.set({ open: true });
    expect([...io.targets]).toEqual([p1, p2]);
    controller.stop();
    expect(io.targets.size).toBe(0);
    store.set({ open: false });
    store.set({ open: true });
    expect(io.targets.size).toBe(0);
  });
});
