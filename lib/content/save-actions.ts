import type { Translate } from '../i18n';
import type { ExtractedPost, PlatformAdapter } from '../platforms/types';
import type { AnchorRect } from '@/components/panel/SaveDialog';
import { sharedStyle } from './shared-style';

/**
 * The in-page "Save" action on every post the adapter reads. Each is a tiny
 * custom element with its own shadow root (the page's styles and scripts do
 * not reach inside), appended to the post's own action bar — or put at the
 * post's top-right corner when the adapter knows no bar. Buttons are added
 * only for containers the watcher reads or has just seen arrive (`prepare`;
 * never a scan of the document), and events stop at the element, so the page
 * never sees a click on it as a click on the post. No React here: one element
 * per post must stay cheap.
 */

export const SAVE_HOST_TAG = 'social-desk-save';

export interface SaveTarget {
  key: string;
  post: ExtractedPost;
  container: Element;
}

export interface SaveActionsOptions {
  adapter: Pick<PlatformAdapter, 'actionAnchor' | 'anchorMeansPost'>;
  t: Translate;
  isSaved(key: string): boolean;
  /** The user chose Save on a post (in the page or the panel). */
  onSave(target: SaveTarget, anchor: AnchorRect): void;
  /** The post most in view changed (null: none), while it is watched (`watchInView`). */
  onInView(target: SaveTarget | null): void;
  /**
   * Reads a container's post now: an action put in before its container was read (`prepare`) was chosen.
   * Null when the container holds no post.
   */
  readPost(container: Element): ExtractedPost | null;
  /** Absent where the browser has none (tests): the first post read counts as in view, watched or not. */
  IntersectionObserver?: typeof IntersectionObserver;
}

export interface SaveActions {
  /**
   * Puts an action into a container that has just arrived, before it is read, so that it is laid out and
   * painted with the container. Only where every container with an action bar is a post
   * (`PlatformAdapter.anchorMeansPost`) and the container shows its bar; false otherwise, and the action
   * waits for the reading (`attach`).
   */
  prepare(container: Element): boolean;
  /** Adds or updates the Save action of a container the watcher just read. */
  attach(container: Element, posts: readonly ExtractedPost[]): void;
  /** Forgets containers that left the page (after each watcher batch). */
  prune(): void;
  /** Shows every action's saved state again (after the saved set changed). */
  refresh(): void;
  /**
   * Starts or stops following which post is most in view. Only the open panel
   * shows it: while it is closed, no post is observed, so scrolling past posts
   * costs no observer work (BENCHMARKS.md, fourteenth session).
   */
  watchInView(on: boolean): void;
  /** The post most in view now (while watched), with its latest reading. */
  inView(): SaveTarget | null;
  /** Removes every action from the page. */
  disconnect(): void;
  /** How many actions are on the page (tests, benchmark). */
  readonly size: number;
}

interface Host {
  el: HTMLElement;
  button: HTMLButtonElement;
  label: HTMLSpanElement;
  container: Element;
  /** Null until the container is read (an action put in by `prepare`). */
  target: SaveTarget | null;
  shown: boolean | null;
}

const CSS = `
:host { all: initial; display: inline-flex; align-items: center; vertical-align: middle; margin: 0 4px; }
:host([data-placement="corner"]) { display: block; position: relative; height: 0; margin: 0; z-index: 2; }
:host([data-placement="corner"]) .sd-save { position: absolute; top: 6px; right: 6px; }
.sd-save { display: inline-flex; align-items: center; gap: 4px; box-sizing: border-box; margin: 0; padding: 4px 9px;
  font: 600 12px/1.2 system-ui, -apple-system, 'Segoe UI', 'PingFang TC', 'Microsoft JhengHei', 'Noto Sans TC', sans-serif;
  color: #0a66c2; background: rgba(255, 255, 255, 0.94); border: 1px solid rgba(10, 102, 194, 0.45); border-radius: 999px;
  cursor: pointer; white-space: nowrap; }
.sd-save:hover { background: #e8f1fb; }
.sd-save[aria-pressed="true"] { color: #fff; background: #0a66c2; border-color: #0a66c2; }
.sd-save:focus-visible { outline: 2px solid #0a66c2; outline-offset: 2px; }
/* The bookmark icon, drawn by CSS: an svg in every post's action cost a quarter to a half more script to put in
   (BENCHMARKS.md, eleventh session). Its colour stays the text's in forced-colors mode too. */
.sd-save::before { content: ''; flex: none; width: 8px; height: 10px; margin: 0 2px; background: currentColor; forced-color-adjust: none;
  clip-path: polygon(0 0, 100% 0, 100% 100%, 50% 74%, 0 100%); }
@media (prefers-color-scheme: dark) {
  .sd-save { color: #8cc4ff; background: rgba(22, 24, 28, 0.92); border-color: rgba(140, 196, 255, 0.5); }
  .sd-save:hover { background: #1d2a3a; }
  .sd-save[aria-pressed="true"] { color: #0b1b2e; background: #8cc4ff; border-color: #8cc4ff; }
}
`;

/** Events that must not reach the page's own handlers (post click-through, keyboard shortcuts). */
const ISOLATED = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'keydown', 'keyup', 'keypress', 'focusin', 'focusout'];

const stopPropagation = (e: Event) => e.stopPropagation();
/** A click stops at the action, and a post wrapped in a link (some grids) must not navigate. */
const keepClick = (e: Event) => {
  e.stopPropagation();
  e.preventDefault();
};

/**
 * Most actions are never touched, so each starts with three listeners (click,
 * pointerover, focusin) instead of one per isolated event: a pointer reaches
 * the element (pointerover comes before any press or touch) or focus does
 * (before any key) first, and only then are the others added.
 */
const armed = new WeakSet<EventTarget>();
function arm(e: Event) {
  const el = e.currentTarget;
  if (el === null) return;
  // Listeners added now do not run for this event: the focus that arms it is kept from the page here.
  if (e.type === 'focusin') e.stopPropagation();
  if (armed.has(el)) return;
  armed.add(el);
  for (const type of ISOLATED) if (type !== 'click') el.addEventListener(type, stopPropagation);
}

/** The action's button (its icon is the CSS above, its label empty). */
function buildButton(doc: Document): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'sd-save';
  button.append(doc.createElement('span'));
  return button;
}

/**
 * The whole action as it first shows (not saved, in a bar), built once per
 * document and cloned for every post: a shadow root made `clonable` is cloned
 * with its host, so one clone gives the element, its shadow root and the
 * labelled button (a third less than making them). Where the browser does not
 * clone shadow roots, the clone gets its own and a copy of the button.
 */
function hostTemplate(doc: Document, t: Translate): HTMLElement {
  const el = doc.createElement(SAVE_HOST_TAG);
  el.dataset.placement = 'bar';
  const button = buildButton(doc);
  setSavedState(button, button.lastElementChild as HTMLSpanElement, false, t);
  el.attachShadow({ mode: 'open', clonable: true } as ShadowRootInit).append(button);
  return el;
}

function setSavedState(button: HTMLButtonElement, label: HTMLSpanElement, saved: boolean, t: Translate) {
  label.textContent = t(saved ? 'savedAction' : 'saveAction');
  button.setAttribute('aria-pressed', String(saved));
  button.title = t(saved ? 'savedActionTitle' : 'saveActionTitle');
}

export function createSaveActions(doc: Document, opts: SaveActionsOptions): SaveActions {
  const hosts = new Map<Element, Host>();
  const applyStyle = sharedStyle(doc, CSS);
  let template: HTMLElement | null = null;
  const visible = new Map<Element, number>();
  let inViewKey: string | null = null;
  let watching = false;

  const observer = opts.IntersectionObserver
    ? new opts.IntersectionObserver(
        (entries) => {
          // Entries queued before the watching stopped.
          if (!watching) return;
          for (const e of entries) {
            if (e.isIntersecting && hosts.has(e.target)) visible.set(e.target, e.intersectionRect.height * e.intersectionRect.width);
            else visible.delete(e.target);
          }
          updateInView();
        },
        { threshold: [0, 0.1, 0.25, 0.5, 0.75, 1] },
      )
    : null;

  function mostVisible(): SaveTarget | null {
    if (observer === null) {
      for (const host of hosts.values()) if (host.target !== null) return host.target;
      return null;
    }
    let best: Host | null = null;
    let area = 0;
    for (const [el, a] of visible) {
      const host = hosts.get(el);
      if (host?.target && a > area) {
        best = host;
        area = a;
      }
    }
    return best?.target ?? null;
  }

  function updateInView() {
    const target = mostVisible();
    const key = target?.key ?? null;
    if (key === inViewKey) return;
    inViewKey = key;
    opts.onInView(target);
  }

  function show(host: Host) {
    if (host.target === null) return;
    const saved = opts.isSaved(host.target.key);
    if (host.shown === saved) return;
    host.shown = saved;
    setSavedState(host.button, host.label, saved, opts.t);
  }

  /** The post of an action chosen before its container was read: read now. */
  function resolve(host: Host): SaveTarget | null {
    if (host.target !== null) return host.target;
    let post: ExtractedPost | null = null;
    try {
      post = opts.readPost(host.container);
    } catch {
      post = null;
    }
    if (post === null) {
      // Not a post after all: the action goes.
      if (hosts.get(host.container) === host) forget(host.container, host);
      return null;
    }
    host.target = { key: `${post.platform}:${post.postId}`, post, container: host.container };
    show(host);
    return host.target;
  }

  function create(container: Element, target: SaveTarget | null): Host {
    template ??= hostTemplate(doc, opts.t);
    const el = template.cloneNode(true) as HTMLElement;
    let shadow = el.shadowRoot;
    if (shadow === null) {
      shadow = el.attachShadow({ mode: 'open' });
      shadow.append((template.shadowRoot as ShadowRoot).firstElementChild!.cloneNode(true));
    }
    applyStyle(shadow);
    const button = shadow.firstElementChild as HTMLButtonElement;
    const label = button.lastElementChild as HTMLSpanElement;
    // The clone already shows "Save" (not saved).
    const host: Host = { el, button, label, container, target, shown: false };
    el.addEventListener('click', keepClick);
    el.addEventListener('pointerover', arm);
    el.addEventListener('focusin', arm);
    button.addEventListener('click', () => {
      const target = resolve(host);
      if (target === null) return;
      const r = button.getBoundingClientRect();
      opts.onSave(target, { top: r.top, left: r.left, bottom: r.bottom, right: r.right });
    });
    return host;
  }

  function place(host: Host, container: Element, anchor: Element | null) {
    const placement = anchor !== null ? 'bar' : 'corner';
    if (host.el.dataset.placement !== placement) host.el.dataset.placement = placement;
    if (anchor !== null) {
      if (host.el.parentElement !== anchor) anchor.append(host.el);
    } else if (host.el.parentElement !== container) container.prepend(host.el);
  }

  function forget(container: Element, host: Host) {
    host.el.remove();
    hosts.delete(container);
    visible.delete(container);
    observer?.unobserve(container);
  }

  function anchorOf(container: Element): Element | null {
    try {
      return opts.adapter.actionAnchor ? opts.adapter.actionAnchor(container) : null;
    } catch {
      return null;
    }
  }

  return {
    prepare(container) {
      if (hosts.has(container)) return true;
      if (opts.adapter.anchorMeansPost !== true) return false;
      const anchor = anchorOf(container);
      if (anchor === null) return false;
      const host = create(container, null);
      hosts.set(container, host);
      if (watching) observer?.observe(container);
      place(host, container, anchor);
      return true;
    },
    attach(container, posts) {
      const post = posts[0];
      let host = hosts.get(container);
      if (post === undefined) {
        if (host) forget(container, host);
        return;
      }
      const target: SaveTarget = { key: `${post.platform}:${post.postId}`, post, container };
      // An action put in as its container arrived (`prepare`) sits in the bar found then: not looked for again.
      const anchor = host?.target === null && host.el.parentElement !== null && container.contains(host.el) ? host.el.parentElement : anchorOf(container);
      if (host === undefined) {
        host = create(container, target);
        hosts.set(container, host);
        if (watching) observer?.observe(container);
      } else if (host.target !== null && host.target.key !== target.key) {
        host.shown = null;
      }
      host.target = target;
      place(host, container, anchor);
      show(host);
      if (observer === null) updateInView();
      // The post in view was read again (new counts): the panel shows the fresh reading.
      else if (target.key === inViewKey) opts.onInView(target);
    },
    prune() {
      for (const [container, host] of hosts) if (!container.isConnected) forget(container, host);
      updateInView();
    },
    refresh() {
      for (const host of hosts.values()) show(host);
    },
    watchInView(on) {
      if (observer === null || on === watching) return;
      watching = on;
      if (on) {
        // Each observed post's first entry comes with the next frame, and says how much of it shows.
        for (const container of hosts.keys()) observer.observe(container);
        return;
      }
      observer.disconnect();
      visible.clear();
      updateInView();
    },
    inView() {
      return mostVisible();
    },
    disconnect() {
      watching = false;
      observer?.disconnect();
      for (const host of hosts.values()) host.el.remove();
      hosts.clear();
      visible.clear();
    },
    get size() {
      return hosts.size;
    },
  };
}
