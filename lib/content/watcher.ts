/**
 * Watches a page for elements matching a selector (the platform's post
 * containers) with one MutationObserver. The observer callback only queues
 * mutation targets; the work happens later in one idle-time batch, where each
 * affected container is read once. Readings are kept in a WeakMap and the set
 * of live containers is pruned every batch, so nothing is held after an
 * element leaves the DOM.
 *
 * When new elements arrive (a feed's next posts), the next animation frame
 * (`frame`), before the page renders them, hands each new container to
 * `arrived`, which puts its Save action in without reading it (reading stays at
 * idle time); a container it cannot do that for is read in the frame, and that
 * reading is reported with the next batch. Either way the action is laid out
 * and painted with its post, once, instead of in a second rendering after idle
 * time.
 *
 * A batch that runs longer than its slice (many containers at once: a busy
 * post's replies, each its own container) stops after the slice and goes on in
 * the next scheduled run, so the page never waits on one long task of ours;
 * `onBatch` hears of it once, when every container of the batch is read.
 */

export type Scheduler = (run: () => void) => () => void;

/** requestIdleCallback with a deadline, falling back to a timer where it does not exist. */
export const idleScheduler =
  (timeoutMs: number): Scheduler =>
  (run) => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: timeoutMs });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(run, 16);
    return () => clearTimeout(id);
  };

/** The next animation frame, before the page renders it; nothing where there are no frames (never in a background tab). */
export const frameScheduler: Scheduler = (run) => {
  if (typeof requestAnimationFrame !== 'function') return () => undefined;
  const id = requestAnimationFrame(() => run());
  return () => cancelAnimationFrame(id);
};

/**
 * A task as soon as the page's own tasks allow (`scheduler.postTask`, or a timer where there is none), not
 * an idle period: how a batch that stopped after its slice goes on (see WatchOptions.resume).
 */
export const taskScheduler: Scheduler = (run) => {
  const scheduler = (globalThis as { scheduler?: { postTask?(run: () => void, options: { signal: AbortSignal }): Promise<unknown> } }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const abort = new AbortController();
    try {
      // An aborted task rejects; that is the cancel, not an error.
      scheduler.postTask(run, { signal: abort.signal }).catch(() => undefined);
      return () => abort.abort();
    } catch {
      // A browser whose postTask refuses a content script's callback: the timer below.
    }
  }
  const id = setTimeout(run, 0);
  return () => clearTimeout(id);
};

export interface WatchOptions<T> {
  root: Element;
  /** Matches the containers to read (a post). */
  selector: string;
  /** Reads one container. Called once per batch in which the container (or something inside it) changed. */
  read(el: Element): T;
  /** Called after each batch that changed something, with the readings of every live container in document order. */
  onBatch(readings: T[], changed: number): void;
  schedule: Scheduler;
  /**
   * How a batch that stopped after its slice goes on (default: `schedule`). With idle callbacks for both, the
   * rest of a batch waits behind any idle callback the page asked for meanwhile, and the page's next changes
   * (a feed's next posts) then arrive before it ends and are read with the following batch: from then on, two
   * batches' posts are read in each run.
   */
  resume?: Scheduler;
  /**
   * What the frame that would first paint new elements does (`schedule`: `frameScheduler`). Each container
   * that arrived is handed to `arrived` first: added, or filled in place with content of its own, and not
   * read before (not one that only gained containers, like the feed's element around its posts). `arrived`
   * puts in what must be rendered with it (its Save action) without reading it, so it is not laid out and
   * painted a second time after idle time (BENCHMARKS.md, fifteenth session), and says true when it did.
   * Only the containers it returns false for are read in the frame (within one slice), and their readings are
   * reported with the next batch; the rest wait for idle time, where reading costs our script less (reading
   * in the frame cost 10–30 % more a batch). `schedule` above is asked too and reads the batch (frames do not
   * run in a background tab).
   */
  frame?: { schedule: Scheduler; arrived(container: Element): boolean };
  /** Elements inside these are ignored (our own UI host, video players). */
  ignore?: string;
  /**
   * Whether a reading is worth keeping. A container that reads as nothing (a
   * placeholder, or a post the feed emptied after it scrolled far away, as
   * Facebook and LinkedIn do) is not kept or reported until it changes again, so
   * each batch's work follows the posts that have content, not every post the
   * feed ever showed.
   */
  keep?(reading: T): boolean;
  /** How long one run of a batch may read before it yields to the page (ms); unlimited when absent. */
  sliceMs?: number;
  /** The clock the slices are measured with (tests give their own). */
  now?: () => number;
}

export interface Watcher {
  /** Runs the pending batch now (tests, and the first read); with `sliceMs`, its first slice now and the rest scheduled. */
  flush(): void;
  /** Marks every container dirty (after settings changed who counts as "own"). */
  invalidateAll(): void;
  disconnect(): void;
  /** Statistics for the benchmark. */
  stats: { batches: number; reads: number };
}

/** Whether any of these nodes is an element (what can hold a new container), not only text. */
function anElement(nodes: Iterable<Node>): boolean {
  for (const n of nodes) if (n instanceof Element) return true;
  return false;
}

/**
 * Document order, for sort(). Chromium answers compareDocumentPosition for two posts of one list by walking back
 * from the node it is called on, so the earlier node of a pair is the one to ask: in a list of 2,000 posts,
 * earlier.compareDocumentPosition(later) took 0.6 µs and later.compareDocumentPosition(earlier) 11 µs, and sort()
 * compares each element with the one before it.
 */
const byDocumentPosition = (a: Element, b: Element) => (b.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_PRECEDING ? -1 : 1);
/** Whether `a` comes before `b` (asked of `a`, the fast way round when it does). */
const isBefore = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

/**
 * The next batch's containers in document order. A feed grows at its end, so the
 * containers new in this batch are sorted among themselves and appended when they
 * all come after the last known one; only otherwise is everything sorted again.
 */
function inDocumentOrder(previous: readonly Element[], before: ReadonlySet<Element>, now: ReadonlySet<Element>): Element[] {
  const kept = previous.filter((el) => now.has(el));
  const added: Element[] = [];
  for (const el of now) if (!before.has(el)) added.push(el);
  if (added.length === 0) return kept;
  added.sort(byDocumentPosition);
  const last = kept[kept.length - 1];
  if (last === undefined || isBefore(last, added[0] as Element)) return [...kept, ...added];
  return [...kept, ...added].sort(byDocumentPosition);
}

export function watchElements<T>(opts: WatchOptions<T>): Watcher {
  const readings = new WeakMap<Element, T>();
  let live = new Set<Element>();
  /** `live` in document order, kept from batch to batch. */
  let ordered: Element[] = [];
  const dirty = new Set<Element>();
  /** Nodes whose content changed: only their enclosing container is dirty. */
  const pendingTargets = new Set<Node>();
  /** Nodes that were added: they may hold new containers too. */
  const pendingAdded = new Set<Node>();
  let cancel: (() => void) | null = null;
  let cancelFrame: (() => void) | null = null;
  /** Readings taken in a frame (`arrived`), used by the next batch unless their container changed since. */
  const early = new WeakMap<Element, T>();
  let fullScan = true;
  const stats = { batches: 0, reads: 0 };

  const ignored = (node: Element) => (opts.ignore ? node.closest(opts.ignore) !== null : false);

  function collect(node: Node, added: boolean, arrivals: Set<Element>) {
    const el = node instanceof Element ? node : node.parentElement;
    if (!el || !el.isConnected || ignored(el)) return;
    const container = el.closest(opts.selector);
    if (container) markDirty(container);
    if (!added || el !== node) return;
    // Containers inside an added subtree (a batch of feed posts arriving). Only
    // the added node is searched, never the parent it was added to.
    let holdsContainers = container === el;
    if (holdsContainers) arrivals.add(el);
    for (const inner of el.querySelectorAll(opts.selector)) {
      markDirty(inner);
      arrivals.add(inner);
      holdsContainers = true;
    }
    // Content of its own added to a container (a placeholder filled in place) is new to it too. A container
    // that only gains containers (the feed's element around its posts, a container on Instagram) is not.
    if (!holdsContainers && container) arrivals.add(container);
  }

  function markDirty(container: Element) {
    dirty.add(container);
    early.delete(container);
  }

  /**
   * The containers the changes since the last batch touched become dirty. Returns the ones that arrived
   * (brought or filled by added nodes): what the frame hands to `arrived`.
   */
  function takePending(): Set<Element> {
    const arrivals = new Set<Element>();
    for (const target of pendingTargets) collect(target, false, arrivals);
    for (const node of pendingAdded) collect(node, true, arrivals);
    pendingTargets.clear();
    pendingAdded.clear();
    return arrivals;
  }

  /** The batch being read across runs: the live set it is building and what it has read so far. */
  let inProgress: { nextLive: Set<Element>; changed: number; fullScan: boolean } | null = null;
  const now = opts.now ?? (() => performance.now());

  function batch() {
    cancel = null;
    const sliceMs = opts.sliceMs ?? Number.POSITIVE_INFINITY;
    const started = now();
    if (inProgress === null) {
      // This batch takes every change so far, the frame's too.
      if (cancelFrame) cancelFrame();
      cancelFrame = null;
      stats.batches++;
      // Prune containers that left the DOM; their readings go with the WeakMap.
      const nextLive = new Set<Element>();
      for (const el of live) if (el.isConnected) nextLive.add(el);
      inProgress = { nextLive, changed: 0, fullScan };
      // What changed since the last batch. What changes while this one is read waits for the next, so a page
      // that keeps changing cannot keep a batch from ending.
      if (fullScan) {
        fullScan = false;
        // Every container is read afresh, one read early in a frame too (who counts as "own" may have changed).
        for (const el of opts.root.querySelectorAll(opts.selector)) if (!ignored(el)) markDirty(el);
      }
      takePending();
    }
    const state = inProgress;
    for (const el of dirty) {
      dirty.delete(el);
      const readEarly = early.has(el);
      const before = early.get(el) as T;
      early.delete(el);
      if (!el.isConnected) continue;
      let reading: T;
      if (readEarly) reading = before;
      else {
        reading = opts.read(el);
        stats.reads++;
      }
      state.changed++;
      if (opts.keep && !opts.keep(reading)) {
        readings.delete(el);
        state.nextLive.delete(el);
      } else {
        readings.set(el, reading);
        state.nextLive.add(el);
      }
      if (dirty.size > 0 && now() - started >= sliceMs) {
        cancel = (opts.resume ?? opts.schedule)(batch);
        return;
      }
    }
    inProgress = null;
    // Changes that came while the batch was read are the next batch's.
    if (fullScan || pendingTargets.size > 0 || pendingAdded.size > 0) request();
    if (anElement(pendingAdded)) requestFrame();
    const nextLive = new Set<Element>();
    for (const el of state.nextLive) if (el.isConnected) nextLive.add(el);
    const removed = live.size > 0 && [...live].some((el) => !nextLive.has(el));
    // A full scan always reports, even an empty page: "nothing here" is an answer too.
    if (state.changed === 0 && !removed && !state.fullScan) {
      live = nextLive;
      return;
    }
    ordered = inDocumentOrder(ordered, live, nextLive);
    live = nextLive;
    opts.onBatch(
      ordered.map((el) => readings.get(el) as T),
      state.changed,
    );
  }

  function request() {
    if (!cancel) cancel = opts.schedule(batch);
  }

  function requestFrame() {
    const frame = opts.frame;
    if (frame && !cancelFrame) cancelFrame = frame.schedule(() => fromFrame(frame));
  }

  function fromFrame(frame: NonNullable<WatchOptions<T>['frame']>) {
    cancelFrame = null;
    // A batch that stopped after its slice goes on with `resume`; what came meanwhile is the next batch's.
    if (inProgress !== null) return;
    const unready: Element[] = [];
    for (const el of takePending()) if (!live.has(el) && el.isConnected && !early.has(el) && !frame.arrived(el)) unready.push(el);
    // Read now what could not be made ready unread; the batch at idle time reports it with the rest.
    const started = now();
    const sliceMs = opts.sliceMs ?? Number.POSITIVE_INFINITY;
    for (const el of unready) {
      early.set(el, opts.read(el));
      stats.reads++;
      if (now() - started >= sliceMs) break;
    }
  }

  /** Our own elements (the Save action, badges) added to or removed from a post: no change to its content. */
  const ours = (nodes: NodeList) => {
    for (const n of nodes) if (!(n instanceof Element) || !opts.ignore || !n.matches(opts.ignore)) return false;
    return true;
  };

  const observer = new MutationObserver((records) => {
    let any = false;
    let elements = false;
    for (const r of records) {
      // Without this, putting a Save action into a post would make the post be read again in the next batch.
      if (r.type === 'childList' && ours(r.addedNodes) && ours(r.removedNodes)) continue;
      pendingTargets.add(r.target);
      for (const n of r.addedNodes) pendingAdded.add(n);
      elements ||= anElement(r.addedNodes);
      any = true;
    }
    if (any) request();
    if (elements) requestFrame();
  });
  observer.observe(opts.root, { childList: true, subtree: true, characterData: true });
  request();

  return {
    flush() {
      if (cancel) cancel();
      batch();
    },
    invalidateAll() {
      fullScan = true;
      request();
    },
    disconnect() {
      observer.disconnect();
      if (cancel) cancel();
      cancel = null;
      if (cancelFrame) cancelFrame();
      cancelFrame = null;
    },
    stats,
  };
}

export interface Publisher<T, C> {
  /** The latest readings of every live container: published now, or when PUBLISH_MS has passed since the last. */
  update(readings: T[], context: C): void;
  /** The next update is published at once (the first reading of a page, a navigation). */
  flushNext(): void;
}

/**
 * Passes the watcher's batches on at most once every `intervalMs`, always with
 * the latest: each batch hands over the readings of every live container, so the
 * last one replaces those before it and nothing is lost by waiting.
 */
export function createPublisher<T, C>(
  intervalMs: number,
  publish: (readings: T[], context: C) => void,
  setTimer: (run: () => void, ms: number) => unknown,
  clock: () => number = () => performance.now(),
): Publisher<T, C> {
  let pending: { readings: T[]; context: C } | null = null;
  let timer = false;
  let last = -Infinity;
  const run = () => {
    timer = false;
    if (pending === null) return;
    const { readings, context } = pending;
    pending = null;
    last = clock();
    publish(readings, context);
  };
  return {
    update(readings, context) {
      pending = { readings, context };
      const wait = intervalMs - (clock() - last);
      if (wait <= 0) run();
      else if (!timer) {
        timer = true;
        setTimer(run, wait);
      }
    },
    flushNext() {
      last = -Infinity;
    },
  };
}
