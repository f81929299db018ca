/**
 * The synthetic feed's own page script (main world), bundled by test/bench/feed.ts
 * and served inline in the feed page. At parse time it takes the fixture's feed
 * items out of the page as templates; `run()` then appends clones in batches, as
 * infinite scroll does, each with post ids of its own, empties the older items
 * as the real feeds do (LinkedIn and Facebook keep the wrapper with its height
 * and drop its content), scrolls to the end and waits for the page to be idle
 * before the next batch. Long tasks are observed from the start.
 *
 * Everything here is DOM cloning and attribute rewriting: no page markup is
 * parsed from strings.
 */

export interface FeedTemplate {
  /** Index of the item among the feed list's element children in the fixture. */
  index: number;
  /** The post ids it shows (rewritten in every clone). */
  postIds: string[];
}

export interface FeedConfig {
  /** Element-child indices from <html> down to the feed list (the items' common parent). */
  listPath: number[];
  templates: FeedTemplate[];
}

export interface RunOptions {
  posts: number;
  batch: number;
  /** Items kept with their content; older ones are emptied. */
  keepFull: number;
  /**
   * After each batch: `end` (default) jumps to the feed's end, so only the last posts come into view; `through`
   * scrolls each new post to the top of the window in turn, a frame each, as someone reading every post does.
   */
  scroll?: 'end' | 'through';
}

export interface LongTaskSummary {
  count: number;
  totalMs: number;
  maxMs: number;
}

export interface RunResult {
  posts: number;
  batches: number;
  items: number;
  durationMs: number;
  longTasks: LongTaskSummary;
}

/** A new id of the same shape: the template id's start with a unique 7-digit serial as its end. */
export function cloneId(templateId: string, serial: number): string {
  const digits = String(serial).padStart(7, '0');
  return templateId.length > 8 ? templateId.slice(0, templateId.length - digits.length) + digits : `${templateId}${digits}`;
}

/** Replaces every occurrence of each `from` id in the attribute values of `root` and its descendants. */
export function rewriteIds(root: Element, ids: ReadonlyArray<readonly [string, string]>): number {
  let rewritten = 0;
  const elements = [root, ...root.querySelectorAll('*')];
  for (const el of elements) {
    for (const attr of [...el.attributes]) {
      let value = attr.value;
      for (const [from, to] of ids) if (value.includes(from)) value = value.split(from).join(to);
      if (value !== attr.value) {
        el.setAttribute(attr.name, value);
        rewritten++;
      }
    }
  }
  return rewritten;
}

export function elementAtPath(doc: Document, path: readonly number[]): Element {
  let el: Element = doc.documentElement;
  for (const i of path) {
    const next = el.children[i];
    if (!next) throw new Error(`feed list path ${path.join('/')} does not exist in this page`);
    el = next;
  }
  return el;
}

export interface Feed {
  list: Element;
  /** Detached template items, in config order. */
  templates: Array<{ el: Element; postIds: string[] }>;
  /** Appends clones until `count` more posts were added. */
  append(count: number): { items: Element[]; posts: number };
  serial: number;
}

/** Takes the template items out of the page and returns a feed that appends clones of them. */
export function prepareFeed(doc: Document, config: FeedConfig): Feed {
  const list = elementAtPath(doc, config.listPath);
  const children = [...list.children];
  const templates = config.templates.map((t) => {
    const el = children[t.index];
    if (!el) throw new Error(`feed item ${t.index} missing`);
    for (const id of t.postIds) {
      if (![el, ...el.querySelectorAll('*')].some((e) => [...e.attributes].some((a) => a.value.includes(id)))) {
        throw new Error(`feed item ${t.index} does not carry post id ${id} in any attribute`);
      }
    }
    return { el, postIds: t.postIds };
  });
  for (const t of templates) t.el.remove();
  let next = 0;
  const feed: Feed = {
    list,
    templates,
    serial: 0,
    append(count) {
      const added: Element[] = [];
      let posts = 0;
      while (posts < count) {
        const t = templates[next++ % templates.length]!;
        const clone = t.el.cloneNode(true) as Element;
        rewriteIds(
          clone,
          t.postIds.map((id) => [id, cloneId(id, ++feed.serial)] as const),
        );
        list.append(clone);
        added.push(clone);
        posts += Math.max(1, t.postIds.length);
      }
      return { items: added, posts };
    },
  };
  return feed;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 }));

interface BenchGlobal {
  __SD_BENCH_CONFIG?: FeedConfig;
  __sdBench?: { run(options: RunOptions): Promise<RunResult>; longTasks(sinceMs: number): LongTaskSummary; error: string | null };
}

/** Installs `window.__sdBench` when loaded in the feed page. */
export function install(win: Window & BenchGlobal) {
  const longTasks: PerformanceEntry[] = [];
  try {
    new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: reported as 0 with a note by the runner.
  }
  const summarise = (since: number): LongTaskSummary => {
    const tasks = longTasks.filter((t) => t.startTime >= since);
    return { count: tasks.length, totalMs: tasks.reduce((s, t) => s + t.duration, 0), maxMs: Math.max(0, ...tasks.map((t) => t.duration)) };
  };
  let feed: Feed | null = null;
  let error: string | null = null;
  try {
    feed = prepareFeed(win.document, win.__SD_BENCH_CONFIG as FeedConfig);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const items: Element[] = [];
  win.__sdBench = {
    error,
    longTasks: summarise,
    async run(options) {
      if (!feed) throw new Error(error ?? 'feed not prepared');
      const start = performance.now();
      let posts = 0;
      let batches = 0;
      const scroller = win.document.scrollingElement ?? win.document.documentElement;
      while (posts < options.posts) {
        // Marks the batch in a trace (blink.user_timing), to group the work that follows it.
        performance.mark(`sd-bench-batch-${batches}`);
        const { items: added, posts: addedPosts } = feed.append(Math.min(options.batch, options.posts - posts));
        items.push(...added);
        posts += addedPosts;
        // Older items lose their content but keep their place, as LinkedIn's and Facebook's feeds do
        // (all heights read first, then all written: one layout, as a virtualised list does it).
        const old = items.slice(Math.max(0, items.length - options.keepFull - added.length), Math.max(0, items.length - options.keepFull));
        const heights = old.map((el) => el.getBoundingClientRect().height);
        old.forEach((el, i) => {
          el.replaceChildren();
          (el as HTMLElement).style.height = `${heights[i]}px`;
        });
        if (options.scroll === 'through') {
          for (const el of added) {
            el.scrollIntoView({ block: 'start' });
            await nextFrame();
          }
        } else scroller.scrollTop = scroller.scrollHeight;
        batches++;
        await nextFrame();
        await idle();
      }
      performance.mark('sd-bench-end');
      return { posts, batches, items: items.length, durationMs: performance.now() - start, longTasks: summarise(start) };
    },
  };
}
