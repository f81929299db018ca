import { describe, expect, it } from 'vitest';
import { createStorageState } from './storage-state';

function memoryItem(initial: number | null) {
  let value = initial;
  const writes: Array<number | null> = [];
  return {
    item: {
      getValue: async () => value,
      setValue: async (v: number | null) => {
        value = v;
        writes.push(v);
      },
    },
    writes,
  };
}

describe('the storage-full state', () => {
  it('is set by a refused write and cleared by the next write that goes through, surviving a restarted worker', async () => {
    const { item, writes } = memoryItem(null);
    const state = createStorageState(item, () => 5000);
    expect(await state.fullSince()).toBeNull();
    state.wrote();
    expect(writes).toEqual([]);
    state.full();
    expect(await state.fullSince()).toBe(5000);
    // The browser stopped the service worker: the new one reads what was kept.
    const restarted = createStorageState(item, () => 9000);
    expect(await restarted.fullSince()).toBe(5000);
    restarted.wrote();
    expect(await restarted.fullSince()).toBeNull();
    expect(writes).toEqual([5000, null]);
  });
});
