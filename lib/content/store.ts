import type { CaptureResult } from '../messaging/protocol';
import type { ExtractedPost, PageReading } from '../platforms/types';
import type { SaveDialogState } from '@/components/panel/SaveDialog';
import type { PanelIdentity, PanelNotice } from '@/components/panel/Panel';
import type { PickerState } from './replies';

export interface PanelState {
  open: boolean;
  /** Collapsed for the moment because a page editor the user is typing in sits under the panel. */
  yielded: boolean;
  reading: PageReading | null;
  capture: CaptureResult | null;
  error: string | null;
  identity: PanelIdentity | null;
  /** The template picker, when open. */
  picker?: PickerState | null;
  /** A short message after an action (dismissed, draft inserted), with Undo where it applies. */
  notice?: PanelNotice | null;
  /** Bumped when the keyboard command asks for the queue. */
  focusQueue?: number;
  /** The post most in view, which the panel can save to the inspiration library (lib/content/library.ts). */
  inView?: { key: string; post: ExtractedPost } | null;
  /** Keys of the posts on this page that are in the inspiration library. */
  savedKeys?: ReadonlySet<string>;
  /** The dialog for tags and a note after saving a post. */
  saveDialog?: SaveDialogState | null;
}

/** A minimal external store for useSyncExternalStore: the content script writes, the panel reads. */
export function createPanelStore(initial: PanelState) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch: Partial<PanelState>) {
      state = { ...state, ...patch };
      for (const l of listeners) l();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type PanelStore = ReturnType<typeof createPanelStore>;
