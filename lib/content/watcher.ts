/**
 * Watches a page for elements matching a selector (the platform's post
 * containers) with one MutationObserver. The observer callback only queues
 * mutation targets; the work happens later in one idle-time batch, where each
 * affected container is read once. Readings are kept in a WeakMap and the set
 * of live containers is pruned every batch, so nothing is held after an
 * element leaves the DOM.
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

export interface WatchOptions<T> {
  root: Element;
  /** Matches the containers to read (a post). */
  selector: string;
  /** Reads one container. Called once per batch in which the container (or something inside it) changed. */
  read(el: Element): T;
  /** Called after each batch that changed something, with the readings of every live container in document order. */
  onBatch(readings: T[], changed: number): void;
  schedule: Scheduler;
  /** Elements inside these are ignored (our own UI host, video players). */
  ignore?: string;
}

export interface Watcher {
  /** Runs the pending batch now (tests, and the first read). */
  flush(): void;
  /** Marks every container dirty (after settings changed who counts as "own"). */
  invalidateAll(): void;
  disconnect(): void;
  /** Statistics for the benchmark. */
  stats: { batches: number; reads: number };
}

export function watchElements<T>(opts: WatchOptions<T>): Watcher {
  const readings = new WeakMap<Element, T>();
  let live = new Set<Element>();
  const dirty = new Set<Element>();
  /** Nodes whose content changed: only their enclosing container is dirty. */
  const pendingTargets = new Set<Node>();
  /** Nodes that were added: they may hold new containers too. */
  const pendingAdded = new Set<Node>();
  let cancel: (() => void) | null = null;
  let fullScan = true;
  const stats = { batches: 0, reads: 0 };

  const ignored = (node: Element) => (opts.ignore ? node.closest(opts.ignore) !== null : false);

  function collect(node: Node, added: boolean) {
    const el = node instanceof Element ? node : node.parentElement;
    if (!el || !el.isConnected || ignored(el)) return;
    const container = el.closest(opts.selector);
    if (container) dirty.add(container);
    // Containers inside an added subtree (a batch of feed posts arriving). Only
    // the added node is searched, never the parent it was added to.
    if (added && el === node) for (const inner of el.querySelectorAll(opts.selector)) dirty.add(inner);
  }

  function batch() {
    cancel = null;
    stats.batches++;
    const wasFullScan = fullScan;
    if (fullScan) {
      fullScan = false;
      for (const el of opts.root.querySelectorAll(opts.selector)) if (!ignored(el)) dirty.add(el);
    }
    for (const target of pendingTargets) collect(target, false);
    for (const node of pendingAdded) collect(node, true);
    pendingTargets.clear();
    pendingAdded.clear();
    // Prune containers that left the DOM; their readings go with the WeakMap.
    const nextLive = new Set<Element>();
    for (const el of live) if (el.isConnected) nextLive.add(el);
    let changed = 0;
    for (const el of dirty) {
      if (!el.isConnected) continue;
      readings.set(el, opts.read(el));
      stats.reads++;
      changed++;
      nextLive.add(el);
    }
    dirty.clear();
    const removed = live.size > 0 && [...live].some((el) => !nextLive.has(el));
    live = nextLive;
    // A full scan always reports, even an empty page: "nothing here" is an answer too.
    if (changed === 0 && !removed && !wasFullScan) return;
    const ordered = [...live].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    opts.onBatch(
      ordered.map((el) => readings.get(el) as T),
      changed,
    );
  }

  function request() {
    if (!cancel) cancel = opts.schedule(batch);
  }

  /** Our own elements (the Save action, badges) added to or removed from a post: no change to its content. */
  const ours = (nodes: NodeList) => {
    for (const n of nodes) if (!(n instanceof Element) || !opts.ignore || !n.matches(opts.ignore)) return false;
    return true;
  };

  const observer = new MutationObserver((records) => {
    let any = false;
    for (const r of records) {
      // Without this, putting a Save action into a post would make the post be read again in the next batch.
      if (r.type === 'childList' && ours(r.addedNodes) && ours(r.removedNodes)) continue;
      pendingTargets.add(r.target);
      for (const n of r.addedNodes) pendingAdded.add(n);
      any = true;
    }
    if (any) request();
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
    },
    stats,
  };
}
