import type { Translate } from '../i18n';

/** The closed panel's tab: its accessible name says how many comments wait. */
export function tabLabel(t: Translate, waiting: number): string {
  return waiting > 0 ? t('panelOpenWaiting', String(waiting)) : t('panelOpen');
}

export interface LauncherState {
  /** Comments on the user's posts on this page that wait for an answer. */
  waiting: number;
  /** The panel's UI is being loaded after a click. */
  busy: boolean;
  /** Loading it failed: the tab says so, and a click tries again. */
  failed: boolean;
}

export interface Launcher {
  readonly element: HTMLButtonElement;
  update(state: LauncherState): void;
  remove(): void;
}

/**
 * The closed panel's tab as every page shows it, in plain DOM: the panel's
 * React UI (entrypoints/panel-ui) is loaded only when it is needed, and then
 * draws the same tab (components/panel/Panel.tsx) in place of this one.
 * Hovering or focusing the tab starts loading the UI, so a click rarely waits.
 */
export function createLauncher(container: HTMLElement, t: Translate, on: { open(): void; preload(): void }): Launcher {
  const doc = container.ownerDocument;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'sd-tab';
  button.setAttribute('aria-expanded', 'false');
  const arrow = doc.createElement('span');
  arrow.setAttribute('aria-hidden', 'true');
  arrow.textContent = '◀';
  const count = doc.createElement('span');
  count.className = 'sd-tab-count';
  count.setAttribute('aria-hidden', 'true');
  button.append(arrow, ` ${t('extShortName')}`);
  button.addEventListener('click', () => on.open());
  button.addEventListener('pointerenter', () => on.preload());
  button.addEventListener('focus', () => on.preload());
  const root = doc.createElement('div');
  root.className = 'sd-root';
  root.append(button);
  container.append(root);

  let last = '';
  const update = (state: LauncherState) => {
    const key = `${state.waiting}|${state.busy}|${state.failed}`;
    if (key === last) return;
    last = key;
    const label = state.failed ? t('panelLoadFailed') : tabLabel(t, state.waiting);
    button.setAttribute('aria-label', label);
    if (state.failed) button.title = label;
    else button.removeAttribute('title');
    button.setAttribute('aria-busy', String(state.busy));
    if (state.waiting > 0) {
      count.textContent = String(state.waiting);
      if (!count.isConnected) button.append(count);
    } else count.remove();
  };
  update({ waiting: 0, busy: false, failed: false });
  return { element: button, update, remove: () => root.remove() };
}
