import type { CaptureResult } from '../messaging/protocol';
import type { PageReading } from '../platforms/types';
import type { PanelIdentity } from '@/components/panel/Panel';

export interface PanelState {
  open: boolean;
  /** Collapsed for the moment because a page editor the user is typing in sits under the panel. */
  yielded: boolean;
  reading: PageReading | null;
  capture: CaptureResult | null;
  error: string | null;
  identity: PanelIdentity | null;
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
