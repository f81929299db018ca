import type { Translate } from '../i18n';
import type { LibraryController } from './library';
import type { ReplyController } from './replies';
import type { PanelStore } from './store';

/**
 * The contract between the always-loaded content script (lib/content/start.ts)
 * and the panel's React UI (entrypoints/panel-ui), a separate script the
 * background injects into the same isolated world the first time the panel is
 * needed: a click on its tab, the keyboard command, a dialog or a notice. The
 * UI registers itself on that world's global object, which the page cannot
 * see, and the content script takes it from there once the injection is done.
 */

/** What the content script hands the UI: everything it shows comes from the store, everything it does goes back through these. */
export interface PanelUiDeps {
  store: PanelStore;
  replies: ReplyController | null;
  library: LibraryController;
  t: Translate;
  /** The user opened or closed the panel (remembered for the next pages). */
  onToggle(): void;
  /** "Yes, that's me" / "No" for the detected signed-in profile. */
  onConfirmIdentity(yes: boolean): void;
}

export interface PanelUi {
  /** Renders the panel into the shadow root's container (its style included) until unmount. */
  mount(container: HTMLElement, deps: PanelUiDeps): { unmount(): void };
}

/** The file the background injects (WXT's unlisted script entrypoints/panel-ui). */
export const PANEL_UI_FILE = '/panel-ui.js';

const GLOBAL_KEY = '__socialDeskPanelUi';

/** Called by the injected UI script. */
export function providePanelUi(ui: PanelUi): void {
  (globalThis as Record<string, unknown>)[GLOBAL_KEY] = ui;
}

/**
 * Takes the UI the injected script registered (and clears the slot, so a UI of
 * an earlier injection, or of an earlier version of the extension, is never
 * picked up later), or null when there is none.
 */
export function takePanelUi(): PanelUi | null {
  const g = globalThis as Record<string, unknown>;
  const ui = g[GLOBAL_KEY];
  delete g[GLOBAL_KEY];
  return typeof ui === 'object' && ui !== null && typeof (ui as PanelUi).mount === 'function' ? (ui as PanelUi) : null;
}

/** Whether the store's state needs the React UI on screen (the closed tab alone does not). */
export function needsPanelUi(s: ReturnType<PanelStore['get']>): boolean {
  return (s.open && !s.yielded) || Boolean(s.notice) || Boolean(s.saveDialog) || Boolean(s.picker);
}
