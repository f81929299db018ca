import { StrictMode, useSyncExternalStore } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import browser from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Panel } from '@/components/panel/Panel';
import panelCss from '@/components/panel/panel.css?inline';
import { I18nContext, type Translate } from '../i18n';
import { sendRequest } from '../messaging/client';
import { bgToContentSchema } from '../messaging/protocol';
import { mergeReadings, safeReadContainer, safeReadIdentity } from '../platforms/read';
import type { ContainerReading, PageReading, PlatformAdapter } from '../platforms/types';
import { sameProfile } from '../profiles';
import { ownProfilesItem, panelOpenItem, type OwnProfiles } from '../storage';
import { createPanelStore, type PanelStore } from './store';
import { idleScheduler, watchElements } from './watcher';

const t: Translate = (key, subs) => browser.i18n.getMessage(key, subs) || key;

/** The longest a batch of page changes waits for an idle moment before it is read. */
const READ_DELAY_MS = 500;

function PanelHost({ store }: { store: PanelStore }) {
  const s = useSyncExternalStore(store.subscribe, store.get);
  return (
    <I18nContext.Provider value={t}>
      <div className="sd-root">
        <Panel
          open={s.open && !s.yielded}
          onToggle={() => {
            const open = !(s.open && !s.yielded);
            store.set({ open, yielded: false });
            void panelOpenItem.setValue(open);
          }}
          reading={s.reading}
          capture={s.capture}
          error={s.error}
          identity={s.identity}
          onConfirmIdentity={(yes) => void confirmIdentity(s.reading, yes)}
          now={Date.now()}
        />
      </div>
    </I18nContext.Provider>
  );
}

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
export async function startContent(ctx: ContentScriptContext, adapter: PlatformAdapter) {
  const store = createPanelStore({ open: await panelOpenItem.getValue(), yielded: false, reading: null, capture: null, error: null, identity: null });

  // A panel left by a script of an earlier version of the extension (updated while
  // this tab stayed open) is removed; that script has been cut off and stands down.
  for (const stale of document.querySelectorAll('social-desk-panel')) stale.remove();
  // Chrome gives no event when the extension is updated or removed under a
  // running content script; WXT's context notices on its next check, so check.
  ctx.setInterval(() => undefined, 1_000);

  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'social-desk-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: panelCss,
    isolateEvents: true,
    onMount(container) {
      const root = createRoot(container);
      root.render(
        <StrictMode>
          <PanelHost store={store} />
        </StrictMode>,
      );
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();

  const applyIdentity = (profiles: OwnProfiles) => {
    const p = profiles[adapter.platform];
    store.set({ identity: p ? { name: p.displayName, profileUrl: p.profileUrl, confirmed: p.confirmed } : null });
  };
  applyIdentity(await ownProfilesItem.getValue());
  const unwatchProfiles = ownProfilesItem.watch((v) => {
    applyIdentity(v);
    // Who counts as "own" changed: send the current reading again.
    const reading = store.get().reading;
    if (reading) void capture(reading);
  });
  const unwatchOpen = panelOpenItem.watch((open) => store.set({ open }));

  let lastSent = '';
  const readContext = () => ({ pageUrl: new URL(location.href), now: Date.now() });

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
      const response = await sendRequest({ type: 'CS_CAPTURE_PAGE', pageUrl: location.href, reading: toSend });
      if (response.ok) store.set({ capture: response.data, error: null });
      else {
        lastSent = '';
        store.set({ error: response.error.code === 'STORAGE_FULL' ? t('errorStorageFull') : t('errorSaveFailed', response.error.message) });
      }
    } catch {
      // The extension was updated or removed while this tab stayed open: go quiet.
      lastSent = '';
      if (!ctx.isInvalid) store.set({ error: t('errorExtensionReloaded') });
    }
  }

  const ignore = ['social-desk-panel', adapter.ignoreSelector].filter(Boolean).join(',');
  let batchContext = readContext();
  const watcher = watchElements<ContainerReading>({
    root: document.body,
    selector: adapter.containerSelector,
    ignore,
    read: (el) => safeReadContainer(adapter, el, batchContext),
    onBatch(readings) {
      const reading = mergeReadings(adapter, readings, safeReadIdentity(adapter, document, batchContext), batchContext);
      store.set({ reading });
      void capture(reading);
    },
    schedule: (run) =>
      idleScheduler(READ_DELAY_MS)(() => {
        batchContext = readContext();
        run();
      }),
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    lastSent = '';
    store.set({ reading: null, capture: null });
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
    const message = bgToContentSchema.safeParse(raw);
    if (!message.success) return undefined;
    if (message.data.type === 'BG_TOGGLE_PANEL') {
      const open = !(store.get().open && !store.get().yielded);
      store.set({ open, yielded: false });
      void panelOpenItem.setValue(open);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    watcher.disconnect();
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

  watcher.flush();
}
