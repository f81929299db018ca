/**
 * A measured run that stops making progress (a frame, an answer or a browser
 * that never comes) would hold the whole benchmark forever. `guardStall` gives
 * the whole run a deadline (not each step): the work names each step as it
 * goes, and when the deadline passes first, `onStall` runs (closing the browser
 * ends the pending calls) and the run fails with a `StallError` naming the step.
 */
export class StallError extends Error {
  constructor(
    readonly step: string,
    readonly afterMs: number,
  ) {
    super(`stalled while ${step} (not done in ${Math.round(afterMs / 1000)} s)`);
    this.name = 'StallError';
  }
}

export async function guardStall<T>(
  work: (step: (name: string) => void) => Promise<T>,
  afterMs: number,
  onStall: () => Promise<void> | void,
): Promise<T> {
  let current = 'starting';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StallError(current, afterMs)), afterMs);
  });
  const running = work((name) => {
    current = name;
  });
  // The work's own failure after a stall (its browser closed under it) is not the run's error.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, stalled]);
  } catch (error) {
    if (error instanceof StallError) await Promise.resolve().then(onStall).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Time a feed run may take: a minute to start and settle, and 60 ms a post (a through-scrolled 2,000 posts take about 45 s). */
export function feedStallMs(posts: number): number {
  return 60_000 + posts * 60;
}
