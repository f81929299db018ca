/**
 * A setting the service worker reads on every message (the user's own
 * profiles, the time zone), kept in memory after the first read instead of
 * asking the browser's storage each time (1–5 ms a read, on every captured
 * page). The storage's change events keep the copy current whoever writes (the
 * dashboard, another device through sync); a write through this wrapper is
 * seen at once. A stopped service worker simply reads it again.
 */
export interface WatchableItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(cb: (value: T) => void): () => void;
}

export interface CachedItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
}

export function cachedItem<T>(item: WatchableItem<T>): CachedItem<T> {
  let current: Promise<T> | null = null;
  item.watch((value) => {
    current = Promise.resolve(value);
  });
  return {
    get() {
      if (current === null) {
        const read = item.getValue();
        current = read;
        // A failed read is not kept: the next message asks the storage again.
        read.catch(() => {
          if (current === read) current = null;
        });
      }
      return current;
    },
    async set(value) {
      await item.setValue(value);
      current = Promise.resolve(value);
    },
  };
}
