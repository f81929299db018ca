/**
 * Whether the browser's storage is full for us: set when a write was refused
 * for want of room (the router's STORAGE_FULL), cleared when a write goes
 * through again or the user frees space. Until then the extension works
 * read-only (every write is refused whole, nothing half-written) and the popup
 * and dashboard say so. Kept in session storage, so a restarted service worker
 * still knows, and a new browser session tries again.
 */
import { storage } from 'wxt/utils/storage';

/**
 * Where the state is kept. Not in lib/storage.ts, whose items are the user's
 * settings (backed up, restored and reset together): this is the browser's
 * state, and session storage refuses the content scripts that load that module.
 */
export const storageFullItem = storage.defineItem<number | null>('session:storageFullAt', { fallback: null });

export interface StorageStateItem {
  getValue(): Promise<number | null>;
  setValue(value: number | null): Promise<void>;
}

export interface StorageState {
  full(): void;
  wrote(): void;
  /** When a write was last refused for want of room, or null while writes go through. */
  fullSince(): Promise<number | null>;
}

export function createStorageState(item: StorageStateItem, now: () => number): StorageState {
  let since: number | null | undefined;
  const loaded = item.getValue().then(
    (value) => {
      if (since === undefined) since = value;
    },
    () => undefined,
  );
  const store = (value: number | null) => void item.setValue(value).catch(() => undefined);
  return {
    full() {
      since = now();
      store(since);
    },
    wrote() {
      if (since === null) return;
      since = null;
      store(null);
    },
    async fullSince() {
      await loaded;
      return since ?? null;
    },
  };
}
