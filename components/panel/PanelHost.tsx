import { StrictMode, useMemo, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { I18nContext } from '@/lib/i18n';
import { renderDraft } from '@/lib/content/draft';
import { buildReplyQueue } from '@/lib/content/queue';
import type { PanelUiDeps } from '@/lib/content/panel-ui';
import { Panel } from './Panel';
import { ReplyPicker } from './ReplyPicker';
import { SaveDialog } from './SaveDialog';
import { Toast } from './Toast';
import panelCss from './panel.css?inline';

/** The panel, its dialogs and its notices, drawn from the content script's store (lib/content/store.ts). */
export function PanelHost({ store, replies, library, t, onToggle, onConfirmIdentity }: PanelUiDeps) {
  const s = useSyncExternalStore(store.subscribe, store.get);
  const now = Date.now();
  const picker = s.picker ?? null;
  // Classifying every comment again on each render is wasted work: only a new reading or log answer changes the queue.
  const queue = useMemo(() => (replies ? buildReplyQueue(s.reading, s.capture, Date.now()) : null), [replies, s.reading, s.capture]);
  return (
    <I18nContext.Provider value={t}>
      <div className="sd-root">
        <Panel
          open={s.open && !s.yielded}
          onToggle={onToggle}
          reading={s.reading}
          capture={s.capture}
          error={s.error}
          identity={s.identity}
          onConfirmIdentity={onConfirmIdentity}
          now={now}
          queue={queue}
          onReply={(item) => replies?.openForComment(item)}
          onDismiss={(item) => void replies?.dismiss(item)}
          onReopen={(item) => void replies?.reopen(item)}
          focusQueue={s.focusQueue ?? 0}
          inView={s.inView ?? null}
          savedKeys={s.savedKeys}
          onSaveInView={library.saveInView}
        />
        {s.notice && <Toast notice={s.notice} onDone={() => store.set({ notice: null })} />}
        {s.saveDialog && (
          <SaveDialog
            state={s.saveDialog}
            viewport={{ width: window.innerWidth, height: window.innerHeight }}
            onSubmit={library.submit}
            onRemove={library.remove}
            onClose={library.close}
          />
        )}
        {replies && picker && (
          <ReplyPicker
            key={picker.key}
            comment={picker.target.comment ? { authorName: picker.target.comment.author.name, text: picker.target.comment.text } : null}
            templates={picker.templates}
            allLanguages={picker.allLanguages}
            error={picker.error}
            initialQuery={picker.initialQuery}
            initialTemplateId={picker.initialTemplateId}
            render={(template, seed) => renderDraft(replies.draftContext(), template, seed)}
            busy={picker.busy}
            result={picker.result}
            onInsert={(template, text) => void replies.insert(template, text)}
            onClose={replies.close}
          />
        )}
      </div>
    </I18nContext.Provider>
  );
}

/**
 * Renders PanelHost into the panel's shadow root (the UI script's `mount`,
 * lib/content/panel-ui.ts): the panel's style goes in beside it.
 */
export function mountPanelUi(container: HTMLElement, deps: PanelUiDeps): { unmount(): void } {
  const doc = container.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = panelCss;
  const host = doc.createElement('div');
  container.append(style, host);
  const root = createRoot(host);
  // The first render is synchronous: the user is waiting for the panel they clicked open.
  flushSync(() =>
    root.render(
      <StrictMode>
        <PanelHost {...deps} />
      </StrictMode>,
    ),
  );
  return {
    unmount() {
      root.unmount();
      style.remove();
      host.remove();
    },
  };
}
