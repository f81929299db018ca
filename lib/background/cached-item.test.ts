import { describe, expect, it } from 'vitest';
import { cachedItem, type WatchableItem } from './cached-item';

function fakeItem<T>(initial: T) {
  let value = initial;
  let reads = 0;
  let fail = false;
  const watchers = new Set<(v: T) => void>();
  const item: WatchableItem<T> = {
    async getValue() {
      reads++;
      if (fail) throw new Error('storage unavailable');
      return value;
    },
    async setValue(v) {
      value = v;
      // The browser's change event arrives after the write.
      queueMicrotask(() => watchers.forEach((w) => w(v)));
    },
    watch(cb) {
      watchers.add(cb);
      return () => watchers.delete(cb);
    },
  };
  return {
    item,
    reads: () => reads,
    failReads: (f: boolean) => void (fail = f),
    /** A write by another context (the dashboard, sync): only the change event tells. */
    changeElsewhere(v: T) {
      value = v;
      watchers.forEach((w) => w(v));
    },
  };
}

describe('cachedItem', () => {
  it('reads the storage once, then answers from memory', async () => {
    const f = fakeItem('Asia/Taipei');
    const c = cachedItem(f.item);
    expect(await Promise.all([c.get(), c.get()])).toEqual(['Asia/Taipei', 'Asia/Taipei']);
    expect(await c.get()).toBe('Asia/Taipei');
    expect(f.reads()).toBe(1);
  });

  it('follows writes made elsewhere and its own writes at once', async () => {
    const f = fakeItem('Asia/Taipei');
    const c = cachedItem(f.item);
    await c.get();
    f.changeElsewhere('Asia/Hong_Kong');
    expect(await c.get()).toBe('Asia/Hong_Kong');
    await c.set('Europe/London');
    expect(await c.get()).toBe('Europe/London');
    expect(f.reads()).toBe(1);
  });

  it('does not keep a failed read', async () => {
    const f = fakeItem('Asia/Taipei');
    const c = cachedItem(f.item);
    f.failReads(true);
    await expect(c.get()).rejects.toThrow('storage unavailable');
    f.failReads(false);
    expect(await c.get()).toBe('Asia/Taipei');
    expect(f.reads()).toBe(2);
  });
});
