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
import type { PageReading, PlatformAdapter } from '../platforms/types';
import { ownProfilesItem, panelOpenItem, type OwnProfiles } from '../storage';
import { createPanelStore, type PanelStore } from './store';

const t: Translate = (key, subs) => browser.i18n.getMessage(key, subs) || key;

/** Waits for a quiet moment after page changes before reading again. */
const READ_DELAY_MS = 400;

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

/** A stable fingerprint of what matters in a reading, so an unchanged page is not sent again. */
function fingerprint(r: PageReading): string {
  return JSON.stringify([r.posts, r.comments, r.ownIdentity, r.health]);
}

/**
 * Runs a platform adapter in the page: mounts the panel in a shadow root, reads
 * the page when it settles, and sends what it read to the background. Ends
 * cleanly when the extension is updated (ctx invalidated) or the SPA navigates.
 */
export async function startContent(ctx: ContentScriptContext, adapter: PlatformAdapter) {
  const store = createPanelStore({ open: await panelOpenItem.getValue(), yielded: false, reading: null, capture: null, error: null, identity: null });

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
    lastSent = ''; // who counts as "own" changed: store again
    scheduleRead();
  });
  const unwatchOpen = panelOpenItem.watch((open) => store.set({ open }));

  let lastSent = '';
  let timer: number | undefined;

  async function readAndCapture() {
    timer = undefined;
    if (ctx.isInvalid) return;
    const reading = adapter.read(document, new URL(location.href));
    store.set({ reading });
    const fp = fingerprint(reading);
    if (fp === lastSent) return;
    lastSent = fp;
    try {
      const response = await sendRequest({ type: 'CS_CAPTURE_PAGE', pageUrl: location.href, reading });
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

  function scheduleRead() {
    if (timer !== undefined || ctx.isInvalid) return;
    timer = ctx.setTimeout(() => void readAndCapture(), READ_DELAY_MS);
  }

  const observer = new MutationObserver(() => scheduleRead());
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    lastSent = '';
    store.set({ reading: null, capture: null });
    scheduleRead();
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
    observer.disconnect();
    unwatchProfiles();
    unwatchOpen();
    browser.runtime.onMessage.removeListener(onMessage);
    ui.remove();
  });

  await readAndCapture();
}
