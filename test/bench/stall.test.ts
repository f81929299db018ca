import { describe, expect, it, vi } from 'vitest';
import { feedStallMs, guardStall, StallError } from './stall';

describe('guardStall', () => {
  it('returns what the work returns when it finishes in time', async () => {
    const onStall = vi.fn();
    await expect(guardStall(async (step) => (step('a'), 42), 1_000, onStall)).resolves.toBe(42);
    expect(onStall).not.toHaveBeenCalled();
  });

  it("passes the work's own error on", async () => {
    await expect(guardStall(async () => Promise.reject(new Error('boom')), 1_000, () => undefined)).rejects.toThrow('boom');
  });

  it('fails with the step it stalled in, after running onStall', async () => {
    vi.useFakeTimers();
    try {
      const order: string[] = [];
      let release: (() => void) | null = null;
      const guarded = guardStall(
        async (step) => {
          step('loading the page');
          step('scrolling the feed');
          await new Promise<void>((r) => (release = r));
          return 'late';
        },
        5_000,
        () => {
          order.push('closed');
          // The browser closing makes the stalled call fail; that failure is not reported.
          release?.();
        },
      );
      const result = guarded.catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(5_000);
      const error = await result;
      expect(error).toBeInstanceOf(StallError);
      expect((error as StallError).step).toBe('scrolling the feed');
      expect((error as StallError).message).toBe('stalled while scrolling the feed (not done in 5 s)');
      expect(order).toEqual(['closed']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not fire once the work is done', async () => {
    vi.useFakeTimers();
    try {
      const onStall = vi.fn();
      await guardStall(async () => 1, 5_000, onStall);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(onStall).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives a feed of 2,000 posts three minutes', () => {
    expect(feedStallMs(2000)).toBe(180_000);
  });
});
