import browser from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import launcherCss from '@/components/panel/launcher.css?inline';
import type { Translate } from '../i18n';
import { CATALOGUE_KEY, catalogueTranslator, readCatalogue } from '../i18n/catalogue';
import { sendContentRequest } from '../messaging/content-client';
import { lazyBgToContentSchema } from '../messaging/content-schemas';
import { mergeReadings, oncePerRead, readsAnything, safeReadContainer, safeReadIdentity } from '../platforms/read';
import type { ContainerReading, PageReading, PlatformAdapter, ReadContext } from '../platforms/types';
import { sameProfile } from '../profiles';
import { ownProfilesItem, panelOpenItem, type OwnProfiles } from '../storage';
import { BADGE_TAG, createBadgeLayer, type BadgeItem } from './badges';
import { createLauncher, type Launcher } from './launcher';
import { needsPanelUi, takePanelUi, type PanelUiDeps } from './panel-ui';
import { countWaiting, loggedOwnComments } from './queue';
import type { ReplySite } from './reply-site';
import { createReplyController } from './replies';
import { createLibraryController } from './library';
import { SAVE_HOST_TAG } from './save-actions';
import { createPanelStore } from './store';
import { createPublisher, frameScheduler, idleScheduler, taskScheduler, watchElements } from './watcher';

const plainMessages = new Map<string, string>();
/**
 * Chrome's own lookup, for strings the background's table (lib/i18n/catalogue.ts)
 * does not have. Messages without substitutions are looked up once: every Save
 * action and badge asks for the same few.
 */
const getMessage: Translate = (key, subs) => {
  if (subs !== undefined) return browser.i18n.getMessage(key, subs) || key;
  let message = plainMessages.get(key);
  if (message === undefined) {
    message = browser.i18n.getMessage(key) || key;
    plainMessages.set(key, message);
  }
  return message;
};

/** The UI strings table the background stored, read with the settings; an unreadable one is no table. */
async function storedStrings(): Promise<Record<string, string> | null> {
  try {
    const stored = await browser.storage.local.get(CATALOGUE_KEY);
    return readCatalogue(stored[CATALOGUE_KEY], browser.i18n.getUILanguage());
  } catch {
    return null;
  }
}

/** The longest a batch of page changes waits for an idle moment before it is read. */
const READ_DELAY_MS = 500;
/**
 * How long one run of the watcher reads before it lets the page go on: a busy post's replies (each its own
 * container on X and Threads) are read in several short tasks, never one long one (BENCHMARKS.md, busy own post).
 */
const READ_SLICE_MS = 10;
/** How long the page's document-wide facts (who is signed in) are taken as known (see readContext). */
const READ_CONTEXT_MS = 10_000;
/** The longest the panel, the log and the library wait for what a batch of posts read (see createPublisher). */
const PUBLISH_MS = 750;

async function confirmIdentity(reading: PageReading | null, yes: boolean) {
  if (!reading) return;
  const profiles = await ownProfilesItem.getValue();
  const current = profiles[reading.platform];
  if (!current) return;
  const next: OwnProfiles = { ...profiles };
  if (yes) next[reading.platform] = { ...current, confirmed: true };
  else delete next[reading.platform];
  await ownProfilesItem.setValue(next);
}

/**
 * Runs a platform adapter in the page: mounts the panel in a shadow root, reads
 * the page when it settles, and sends what it read to the background. Ends
 * cleanly when the extension is updated (ctx invalidated) or the SPA navigates.
 */
export async function startContent(ctx: ContentScriptContext, adapter: PlatformAdapter, replySite: ReplySite | null = null) {
  const [initialOpen, initialProfiles, strings] = await Promise.all([panelOpenItem.getValue(), ownProfilesItem.getValue(), storedStrings()]);
  const t = catalogueTranslator(strings, getMessage);
  // A newer instance of this script (injected after an install or update) may have
  // taken over while we waited: then this one must not set anything up.
  if (ctx.isInvalid) return;
  const store = createPanelStore({ open: initialOpen, yielded: false, reading: null, capture: null, error: null, identity: null });
  // The inspiration library's Save action on every post read, and the counts of saved posts seen again.
  const library = createLibraryController({
    doc: document,
    adapter,
    store,
    t,
    send: sendContentRequest,
    pageUrl: () => location.href,
    readPost: (el) => safeReadContainer(adapter, el, readContext()).posts[0] ?? null,
    isInvalid: () => ctx.isInvalid,
    IntersectionObserver: typeof IntersectionObserver === 'function' ? IntersectionObserver : undefined,
  });
  let shadowHost: HTMLElement | null = null;
  const replies =
    replySite === null
      ? null
      : createReplyController({
          doc: document,
          adapter,
          site: replySite,
          store,
          t,
          send: sendContentRequest,
          // The content script's clipboard, in the click's user gesture (the extension needs no clipboard permission for it).
          writeClipboard: (text) => navigator.clipboard.writeText(text),
          locale: browser.i18n.getUILanguage(),
          now: () => Date.now(),
          isOwnUi: (el) => el instanceof Node && shadowHost !== null && (el === shadowHost || shadowHost.contains(el)),
        });

  // A panel left by a script of an earlier version of the extension (updated while
  // this tab stayed open) is removed; that script has been cut off and stands down.
  // One walk of the document for all three (on a long feed each walk costs).
  for (const stale of document.querySelectorAll(`social-desk-panel, ${SAVE_HOST_TAG}, ${BADGE_TAG}`)) stale.remove();
  // Chrome gives no event when the extension is updated or removed under a
  // running content script; WXT's context notices on its next check, so check.
  ctx.setInterval(() => undefined, 1_000);

  const toggleOpen = () => {
    const open = !(store.get().open && !store.get().yielded);
    store.set({ open, yielded: false });
    void panelOpenItem.setValue(open);
  };
  const deps: PanelUiDeps = {
    store,
    replies,
    library,
    t,
    onToggle: toggleOpen,
    onConfirmIdentity: (yes) => void confirmIdentity(store.get().reading, yes),
  };

  // Every page gets the closed panel's tab in plain DOM; the panel's React UI is
  // loaded into this world the first time it is needed (lib/content/panel-ui.ts).
  let launcher: Launcher | null = null;
  let panelUi: { unmount(): void } | null = null;
  let loadingUi: Promise<void> | null = null;
  let uiFailed = false;
  const ui = await createShadowRootUi<Launcher>(ctx, {
    name: 'social-desk-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: launcherCss,
    isolateEvents: true,
    onMount(container) {
      const open = () => {
        if (!uiFailed) return toggleOpen();
        // After a failed load, a click on the tab tries again.
        uiFailed = false;
        store.set({ open: true, yielded: false });
        void loadUi(container);
      };
      launcher = createLauncher(container, t, { open, preload: () => void loadUi(container) });
      return launcher;
    },
    onRemove() {
      panelUi?.unmount();
      panelUi = null;
      launcher?.remove();
      launcher = null;
    },
  });
  let counted: { reading: unknown; capture: unknown; waiting: number } = { reading: null, capture: null, waiting: 0 };
  const updateLauncher = () => {
    const s = store.get();
    if (s.reading !== counted.reading || s.capture !== counted.capture) counted = { reading: s.reading, capture: s.capture, waiting: countWaiting(s.reading, s.capture) };
    launcher?.update({ waiting: counted.waiting, busy: loadingUi !== null && needsPanelUi(s), failed: uiFailed });
  };
  function loadUi(container: HTMLElement): Promise<void> {
    if (panelUi !== null) return Promise.resolve();
    loadingUi ??= (async () => {
      try {
        const response = await sendContentRequest({ type: 'CS_LOAD_PANEL_UI' });
        // A script that stood down meanwhile (a newer one started in this frame) leaves the UI to it.
        if (ctx.isInvalid) return;
        const loaded = response.ok ? takePanelUi() : null;
        if (loaded === null) throw new Error(response.ok ? 'the panel UI did not register' : response.error.message);
        launcher?.remove();
        launcher = null;
        uiFailed = false;
        panelUi = loaded.mount(container, deps);
      } catch {
        // The extension was updated under this tab, or the injection was refused: the tab says so, a click tries again.
        uiFailed = !ctx.isInvalid;
      } finally {
        loadingUi = null;
        updateLauncher();
      }
    })();
    updateLauncher();
    return loadingUi;
  }
  if (ctx.isInvalid) return;
  ui.mount();
  shadowHost = ui.shadowHost;
  const unsubscribeUi = store.subscribe(() => {
    if (panelUi !== null) return;
    updateLauncher();
    if (needsPanelUi(store.get()) && loadingUi === null && !uiFailed) void loadUi(ui.uiContainer);
  });
  if (needsPanelUi(store.get())) void loadUi(ui.uiContainer);

  // Badges beside the comments on the user's own posts, from the log's answer for what the watcher read.
  const badges = replySite === null ? null : createBadgeLayer(document, replySite, (status) => t(`badge_${status}`));
  const syncBadges = () => {
    const { reading, capture } = store.get();
    if (badges === null) return;
    const items: BadgeItem[] = [];
    for (const { comment, entry } of loggedOwnComments(reading, capture)) {
      if (entry.status === 'open' || entry.status === 'replied' || entry.status === 'dismissed') items.push({ commentId: comment.commentId, status: entry.status, authorName: comment.author.name });
    }
    badges.sync(items);
  };
  let lastReading: unknown = null;
  let lastCapture: unknown = null;
  const unsubscribeBadges = store.subscribe(() => {
    const { reading, capture } = store.get();
    if (reading === lastReading && capture === lastCapture) return;
    lastReading = reading;
    lastCapture = capture;
    syncBadges();
  });

  const applyIdentity = (profiles: OwnProfiles) => {
    const p = profiles[adapter.platform];
    store.set({ identity: p ? { name: p.displayName, profileUrl: p.profileUrl, confirmed: p.confirmed } : null });
  };
  applyIdentity(initialProfiles);
  /** Who counts as "own" changed: the current reading is sent again. */
  const takeProfiles = (profiles: OwnProfiles) => {
    applyIdentity(profiles);
    const reading = store.get().reading;
    if (reading) void capture(reading);
  };
  const unwatchProfiles = ownProfilesItem.watch(takeProfiles);
  const unwatchOpen = panelOpenItem.watch((open) => store.set({ open }));
  /** Takes the profile the background stored for this platform, if the store has none yet (the watch may not have told yet). */
  async function adoptDetectedIdentity() {
    const profiles = await ownProfilesItem.getValue();
    if (ctx.isInvalid || store.get().identity !== null || !profiles[adapter.platform]) return;
    takeProfiles(profiles);
  }

  let lastSent = '';
  let retries = 0;
  /**
   * Captures can overlap (the first one stores the detected profile, whose change sends the
   * reading again as the user's own): only the answer to the latest one is shown, or an older,
   * slower answer would leave the panel without the user's post until the page changed.
   */
  let captureSeq = 0;
  /**
   * One ReadContext serves the batches of up to READ_CONTEXT_MS on the same address:
   * what the adapters learn about the whole document through it (signed in? who?)
   * is then searched for once in that time, not for every batch of posts. `now`
   * only dates relative labels ("3 h"), whose precision is minutes at best.
   */
  let context: ReadContext | null = null;
  const readContext = (): ReadContext => {
    const now = Date.now();
    if (context === null || context.pageUrl.href !== location.href || now - context.now > READ_CONTEXT_MS) context = { pageUrl: new URL(location.href), now };
    return context;
  };

  async function capture(reading: PageReading) {
    if (ctx.isInvalid) return;
    // Only the user's own posts (with their comments) and posts the user replied on
    // (with the user's replies) are stored; the background applies the same rule again.
    const own = store.get().identity;
    const mine = (url: string | null) => own !== null && sameProfile(url, own.profileUrl);
    const keep = new Set(reading.posts.filter((p) => mine(p.author.profileUrl)).map((p) => p.postId));
    for (const c of reading.comments) if (mine(c.author.profileUrl)) keep.add(c.postId);
    const toSend: PageReading = {
      ...reading,
      posts: reading.posts.filter((p) => keep.has(p.postId)),
      comments: reading.comments.filter((c) => keep.has(c.postId)),
    };
    const fp = JSON.stringify([toSend.posts, toSend.comments, toSend.ownIdentity, own]);
    if (fp === lastSent) return;
    lastSent = fp;
    try {
      const seq = ++captureSeq;
      const response = await sendContentRequest({ type: 'CS_CAPTURE_PAGE', pageUrl: location.href, reading: toSend });
      if (seq !== captureSeq) return;
      if (response.ok) {
        store.set({ capture: response.data, error: null });
        // The background took the signed-in member this page shows as the user (first use): the stored
        // profile's change sends the page again as the user's own, but that event is not waited for.
        if (own === null && response.data.ownProfileUrl !== null) void adoptDetectedIdentity();
      } else {
        lastSent = '';
        store.set({ error: response.error.code === 'STORAGE_FULL' ? t('errorStorageFull') : t('errorSaveFailed', response.error.message) });
      }
    } catch {
      lastSent = '';
      // The extension was updated or removed while this tab stayed open: go quiet.
      if (ctx.isInvalid) return;
      // Otherwise the service worker was stopped mid-message (the browser does that): the
      // page still shows everything, so send it again shortly instead of losing it.
      if (retries++ < 3) ctx.setTimeout(() => void capture(reading), 1_000 * retries);
      else store.set({ error: t('errorNoAnswer') });
      return;
    }
    retries = 0;
  }

  // What the posts read say goes to the panel, the log and the library at most every PUBLISH_MS:
  // a fast scroll reads a batch of posts every frame or two, and each of these steps costs the
  // same for a batch of one post as for a batch of ten.
  const publisher = createPublisher<ContainerReading, ReadContext>(PUBLISH_MS, (readings, readCtx) => {
    const identity = oncePerRead(readCtx, 'own-identity', () => safeReadIdentity(adapter, document, readCtx));
    const reading = mergeReadings(adapter, readings, identity, readCtx);
    store.set({ reading });
    void capture(reading);
    library.afterBatch(reading.posts);
  }, (run, ms) => ctx.setTimeout(run, ms));

  const ignore = ['social-desk-panel', BADGE_TAG, SAVE_HOST_TAG, adapter.ignoreSelector].filter(Boolean).join(',');
  let batchContext = readContext();
  /** Each batch reads with the page's address and time as they are when it starts. */
  const freshContext = (run: () => void) => () => {
    batchContext = readContext();
    run();
  };
  const watcher = watchElements<ContainerReading>({
    root: document.body,
    selector: adapter.containerSelector,
    ignore,
    read: (el) => library.track(el, safeReadContainer(adapter, el, batchContext)),
    keep: readsAnything,
    sliceMs: READ_SLICE_MS,
    onBatch(readings) {
      publisher.update(readings, batchContext);
    },
    schedule: (run) => idleScheduler(READ_DELAY_MS)(freshContext(run)),
    frame: {
      schedule: (run) => frameScheduler(freshContext(run)),
      // Where the Save action can go in without reading (an action bar means a post), reading waits for idle time.
      arrived: (el) => library.arrived(el),
    },
    resume: taskScheduler,
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    lastSent = '';
    store.set({ reading: null, capture: null, picker: null, notice: null });
    badges?.clear();
    publisher.flushNext();
    watcher.invalidateAll();
  });

  // Step aside when the user types in a page editor that the panel would cover.
  ctx.addEventListener(document, 'focusin', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target === ui.shadowHost) return;
    const editable = target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement;
    if (!editable) return;
    const r = target.getBoundingClientRect();
    const panelLeft = window.innerWidth - 340;
    store.set({ yielded: r.right > panelLeft });
  });

  const onMessage = (raw: unknown, sender: browser.Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const message = lazyBgToContentSchema().safeParse(raw);
    if (!message.success) return undefined;
    if (message.data.type === 'BG_TOGGLE_PANEL') toggleOpen(); else if (message.data.type === 'BG_OPEN_REPLY_PICKER' && replies !== null) {
      // The box that has focus gets the picker; without one, the queue opens with its first comment focused.
      if (!replies.openForFocusedBox()) {
        store.set({ open: true, yielded: false, focusQueue: (store.get().focusQueue ?? 0) + 1 });
        if (countWaiting(store.get().reading, store.get().capture) === 0) store.set({ notice: { text: t('pickerNoBox') } });
      }
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  if (replies !== null) {
    // Capture phase, before the page's editor turns the Space into text.
    ctx.addEventListener(document, 'keydown', (event) => replies.onKeyDown(event), { capture: true });
    ctx.addEventListener(document, 'focusin', (event) => replies.onFocusIn(event));
  }

  ctx.onInvalidated(() => {
    watcher.disconnect();
    library.stop();
    unsubscribeUi();
    unsubscribeBadges();
    badges?.clear();
    ui.remove();
    // Once the extension is gone, touching its APIs throws "Extension context
    // invalidated"; the listeners die with the context anyway.
    for (const stop of [unwatchProfiles, unwatchOpen, () => browser.runtime.onMessage.removeListener(onMessage)]) {
      try {
        stop();
      } catch {
        // already gone
      }
    }
  });

  publisher.flushNext();
  watcher.flush();
}
