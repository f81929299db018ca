import { describe, expect, it, vi } from 'vitest';
import { createPublisher, frameScheduler, taskScheduler, watchElements, type Scheduler, type WatchOptions } from './watcher';

/** A scheduler run by hand: its one pending run is cleared when it runs or is cancelled. */
const manual = () => {
  let pending: (() => void) | null = null;
  const schedule: Scheduler = (run) => {
    pending = run;
    return () => (pending = null);
  };
  return {
    schedule,
    pending: () => pending !== null,
    run: () => {
      const run = pending;
      pending = null;
      run?.();
    },
  };
};

function feed(n: number) {
  document.body.replaceChildren();
  const list = document.createElement('div');
  for (let i = 0; i < n; i++) list.append(postEl(i));
  document.body.append(list);
  return list;
}
function postEl(i: number) {
  const el = document.createElement('article');
  el.className = 'post';
  el.dataset.id = String(i);
  el.textContent = `post ${i}`;
  return el;
}
const flushMutations = () => new Promise((r) => setTimeout(r, 0));

describe('watchElements', () => {
  it('reads every container once at start, then only the ones that changed or arrived', async () => {
    const list = feed(3);
    const read = vi.fn((el: Element) => (el as HTMLElement).dataset.id);
    const onBatch = vi.fn();
    const s = manual();
    const w = watchElements({ root: document.body, selector: 'article.post', read, onBatch, schedule: s.schedule });
    w.flush();
    expect(read).toHaveBeenCalledTimes(3);
    expect(onBatch).toHaveBeenLastCalledWith(['0', '1', '2'], 3);

    list.append(postEl(3), postEl(4));
    (list.children[1] as HTMLElement).append(document.createElement('span'));
    await flushMutations();
    s.run();
    expect(read).toHaveBeenCalledTimes(6); // 3 at start + 2 new + 1 changed
    expect(onBatch).toHaveBeenLastCalledWith(['0', '1', '2', '3', '4'], 3);
    w.disconnect();
  });

  it('does not read a post again when only our own elements were added to it or removed from it', async () => {
    const list = feed(2);
    const read = vi.fn((el: Element) => (el as HTMLElement).dataset.id);
    const onBatch = vi.fn();
    const s = manual();
    const w = watchElements({ root: document.body, selector: 'article.post', read, onBatch, schedule: s.schedule, ignore: 'social-desk-save' });
    w.flush();
    expect(read).toHaveBeenCalledTimes(2);
    const action = document.createElement('social-desk-save');
    list.children[0]!.append(action);
    await flushMutations();
    s.run();
    action.remove();
    await flushMutations();
    s.run();
    expect(read).toHaveBeenCalledTimes(2);
    // A change of the page's own beside ours still counts.
    list.children[1]!.append(document.createElement('social-desk-save'), document.createElement('span'));
    await flushMutations();
    s.run();
    expect(read).toHaveBeenCalledTimes(3);
    expect(onBatch).toHaveBeenCalledTimes(2);
    w.disconnect();
  });

  it('forgets containers that leave the DOM', async () => {
    const list = feed(3);
    const onBatch = vi.fn();
    const s = manual();
    const w = watchElements({ root: document.body, selector: 'article.post', read: (el) => (el as HTMLElement).dataset.id, onBatch, schedule: s.schedule });
    w.flush();
    list.firstElementChild?.remove();
    await flushMutations();
    s.run();
    expect(onBatch).toHaveBeenLastCalledWith(['1', '2'], 0);
    w.disconnect();
  });

  it('keeps and reports only containers whose reading is worth keeping, until they change again', async () => {
    const list = feed(4);
    (list.children[1] as HTMLElement).textContent = '';
    const read = vi.fn((el: Element) => (el.textContent === '' ? null : (el as HTMLElement).dataset.id));
    const onBatch = vi.fn();
    const s = manual();
    const w = watchElements({ root: document.body, selector: 'article.post', read, onBatch, schedule: s.schedule, keep: (r) => r !== null });
    w.flush();
    expect(onBatch).toHaveBeenLastCalledWith(['0', '2', '3'], 4);
    // The feed empties a post far above: it is no longer reported; filled again, it is.
    (list.children[0] as HTMLElement).textContent = '';
    await flushMutations();
    s.run();
    expect(onBatch).toHaveBeenLastCalledWith(['2', '3'], 1);
    (list.children[1] as HTMLElement).textContent = 'back';
    await flushMutations();
    s.run();
    expect(onBatch).toHaveBeenLastCalledWith(['1', '2', '3'], 1);
    w.disconnect();
  });

  it('keeps document order when posts arrive at the end, at the top, or in between', async () => {
    const list = feed(2);
    const onBatch = vi.fn();
    const s = manual();
    const w = watchElements({ root: document.body, selector: 'article.post', read: (el) => (el as HTMLElement).dataset.id, onBatch, schedule: s.schedule });
    w.flush();
    list.append(postEl(5), postEl(6));
    await flushMutations();
    s.run();
    expect(onBatch).toHaveBeenLastCalledWith(['0', '1', '5', '6'], 2);
    list.prepend(postEl(9));
    list.children[2]!.after(postEl(3));
    await flushMutations();
    s.run();
    expect(onBatch).toHaveBeenLastCalledWith(['9', '0', '1', '3', '5', '6'], 2);
    w.disconnect();
  });

  it('ignores changes inside ignored elements (our own panel)', async () => {
    feed(1);
    const host = document.createElement('social-desk-panel');
    document.body.append(host);
    const read = vi.fn(() => 1);
    const s = manual();
    const w = watchElements({ root: document.body, selector: 'article.post', read, onBatch: vi.fn(), schedule: s.schedule, ignore: 'social-desk-panel' });
    w.flush();
    host.append(postEl(9));
    await flushMutations();
    s.run();
    expect(read).toHaveBeenCalledTimes(1);
    w.disconnect();
  });

  it('batches many mutations into one read per container', async () => {
    const list = feed(2);
    const read = vi.fn(() => 1);
    const s = manual();
    const w = watchElements({ root: document.body, selector: 'article.post', read, onBatch: vi.fn(), schedule: s.schedule });
    w.flush();
    for (let i = 0; i < 50; i++) (list.children[0] as HTMLElement).append(document.createElement('i'));
    await flushMutations();
    s.run();
    expect(read).toHaveBeenCalledTimes(3);
    expect(w.stats.batches).toBe(2);
    w.disconnect();
  });
});

describe('watchElements with a slice', () => {
  /** A clock that moves 3 ms with every read. */
  const sliced = (list: HTMLElement, more: Partial<WatchOptions<string | undefined>> = {}) => {
    let clock = 0;
    const read = vi.fn((el: Element) => {
      clock += 3;
      return (el as HTMLElement).dataset.id;
    });
    const onBatch = vi.fn();
    const s = manual();
    const w = watchElements({ root: list, selector: 'article.post', read, onBatch, schedule: s.schedule, sliceMs: 10, now: () => clock, ...more });
    return { read, onBatch, s, w };
  };

  it('reads a large batch in runs of one slice each and reports it once, whole and in page order', () => {
    const list = feed(10);
    const { read, onBatch, s, w } = sliced(list);
    w.flush();
    // 3 ms a read: the fourth read crosses the 10 ms slice, and the run yields.
    expect(read).toHaveBeenCalledTimes(4);
    expect(onBatch).not.toHaveBeenCalled();
    s.run();
    expect(read).toHaveBeenCalledTimes(8);
    expect(onBatch).not.toHaveBeenCalled();
    s.run();
    expect(read).toHaveBeenCalledTimes(10);
    expect(onBatch).toHaveBeenCalledTimes(1);
    expect(onBatch.mock.calls[0]![0]).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(w.stats).toEqual({ batches: 1, reads: 10 });
    w.disconnect();
  });

  it('goes on with `resume` after a slice, and starts the next batch with `schedule`', async () => {
    const list = feed(10);
    const start = manual();
    const resume = manual();
    const startSpy = vi.fn(start.schedule);
    const resumeSpy = vi.fn(resume.schedule);
    const { read, onBatch, w } = sliced(list, { schedule: startSpy, resume: resumeSpy });
    startSpy.mockClear();
    w.flush();
    expect(read).toHaveBeenCalledTimes(4);
    expect(resumeSpy).toHaveBeenCalledTimes(1);
    expect(startSpy).not.toHaveBeenCalled();
    resume.run();
    resume.run();
    expect(read).toHaveBeenCalledTimes(10);
    expect(onBatch).toHaveBeenCalledTimes(1);
    expect(resumeSpy).toHaveBeenCalledTimes(2);
    list.append(postEl(10));
    await flushMutations();
    expect(startSpy).toHaveBeenCalledTimes(1);
    expect(resumeSpy).toHaveBeenCalledTimes(2);
    start.run();
    expect(onBatch).toHaveBeenCalledTimes(2);
    expect(onBatch.mock.calls[1]![0]).toHaveLength(11);
    w.disconnect();
  });

  it('cancels a pending resume when disconnected', () => {
    const list = feed(10);
    const resume = manual();
    const { read, w } = sliced(list, { resume: resume.schedule });
    w.flush();
    expect(read).toHaveBeenCalledTimes(4);
    w.disconnect();
    resume.run();
    expect(read).toHaveBeenCalledTimes(4);
  });

  it('leaves what changes while it is read to the next batch, and leaves out a post removed meanwhile', async () => {
    const list = feed(8);
    const { read, onBatch, s, w } = sliced(list);
    w.flush();
    expect(read).toHaveBeenCalledTimes(4);
    list.append(postEl(8));
    list.children[6]!.remove();
    const first = list.children[0] as HTMLElement;
    first.dataset.id = '0b';
    first.append(document.createElement('i'));
    await flushMutations();
    s.run();
    expect(onBatch).toHaveBeenCalledTimes(1);
    expect(onBatch.mock.calls[0]![0]).toEqual(['0', '1', '2', '3', '4', '5', '7']);
    // The next batch was asked for when this one ended.
    s.run();
    expect(onBatch).toHaveBeenCalledTimes(2);
    expect(onBatch.mock.calls[1]![0]).toEqual(['0b', '1', '2', '3', '4', '5', '7', '8']);
    expect(w.stats.batches).toBe(2);
    w.disconnect();
  });

  it('ends every batch when the page changes all the time', async () => {
    const list = feed(10);
    const { onBatch, s, w } = sliced(list);
    w.flush();
    for (let i = 0; i < 10 && onBatch.mock.calls.length === 0; i++) {
      // Every post changes between every two runs.
      for (const el of list.children) el.append(document.createElement('i'));
      await flushMutations();
      s.run();
    }
    expect(onBatch).toHaveBeenCalled();
    w.disconnect();
  });

  it('stops between runs when disconnected', () => {
    const list = feed(10);
    const { onBatch, s, w } = sliced(list);
    w.flush();
    w.disconnect();
    s.run();
    expect(onBatch).not.toHaveBeenCalled();
  });
});

describe('watchElements with a frame', () => {
  /** `arrived` puts every new post's action in unread unless a test says otherwise. */
  const framed = (list: HTMLElement, { arrived = () => true, ...more }: Partial<WatchOptions<string | undefined>> & { arrived?: (el: Element) => boolean } = {}) => {
    const read = vi.fn((el: Element) => (el as HTMLElement).dataset.id);
    const onBatch = vi.fn();
    const idle = manual();
    const frame = manual();
    const w = watchElements({ root: list, selector: 'article.post', read, onBatch, schedule: idle.schedule, frame: { schedule: frame.schedule, arrived }, ignore: 'social-desk-save', ...more });
    w.flush();
    read.mockClear();
    onBatch.mockClear();
    return { read, onBatch, idle, frame, w };
  };

  it('reads in the next frame the posts that arrive unready, and the idle run after it reports them without reading them again', async () => {
    const list = feed(2);
    const { read, onBatch, idle, frame, w } = framed(list, { arrived: () => false });
    list.append(postEl(2), postEl(3));
    await flushMutations();
    expect(frame.pending()).toBe(true);
    expect(idle.pending()).toBe(true);
    frame.run();
    expect(read.mock.calls.map(([el]) => (el as HTMLElement).dataset.id)).toEqual(['2', '3']);
    expect(onBatch).not.toHaveBeenCalled();
    idle.run();
    expect(read).toHaveBeenCalledTimes(2);
    expect(onBatch).toHaveBeenLastCalledWith(['0', '1', '2', '3'], 2);
    expect(w.stats.batches).toBe(2);
    w.disconnect();
  });

  it('leaves changes that add no element (text, our own Save action) to idle time', async () => {
    const list = feed(2);
    const { read, onBatch, idle, frame, w } = framed(list);
    list.children[0]!.firstChild!.textContent = 'post 0, edited';
    list.children[1]!.append(document.createElement('social-desk-save'));
    list.children[1]!.append(document.createTextNode(' and more'));
    await flushMutations();
    expect(frame.pending()).toBe(false);
    expect(idle.pending()).toBe(true);
    idle.run();
    expect(read).toHaveBeenCalledTimes(2);
    expect(onBatch).toHaveBeenCalledTimes(1);
    w.disconnect();
  });

  it('reads at idle time where frames never come (a background tab), and drops the frame it asked for', async () => {
    const list = feed(1);
    const { read, onBatch, idle, frame, w } = framed(list);
    list.append(postEl(1));
    await flushMutations();
    idle.run();
    expect(read).toHaveBeenCalledTimes(1);
    expect(onBatch).toHaveBeenLastCalledWith(['0', '1'], 1);
    expect(frame.pending()).toBe(false);
    w.disconnect();
  });

  it('does nothing in a frame while a batch is being read in slices; what arrived meanwhile gets its own frame after it', async () => {
    const list = feed(10);
    let clock = 0;
    const resume = manual();
    const arrived = vi.fn((_el: Element) => false);
    const { read, onBatch, idle, frame, w } = framed(list, {
      arrived,
      sliceMs: 10,
      now: () => clock,
      resume: resume.schedule,
      read: (el: Element) => {
        clock += 3;
        return (el as HTMLElement).dataset.id;
      },
    });
    // flush() read the first slice of the page (4 posts); 6 are left.
    void read;
    list.append(postEl(10));
    await flushMutations();
    const readsBefore = w.stats.reads;
    frame.run();
    expect(arrived).not.toHaveBeenCalled();
    expect(w.stats.reads).toBe(readsBefore);
    resume.run();
    resume.run();
    expect(onBatch).toHaveBeenCalledTimes(1);
    expect(onBatch.mock.calls[0]![0]).toHaveLength(10);
    // The batch ended with the new post still to read: a frame is asked for again, and it reads the post.
    expect(frame.pending()).toBe(true);
    frame.run();
    expect(arrived).toHaveBeenCalledTimes(1);
    expect(w.stats.reads).toBe(readsBefore + 7);
    idle.run();
    expect(onBatch).toHaveBeenCalledTimes(2);
    expect(onBatch.mock.calls[1]![0]).toHaveLength(11);
    expect(w.stats.reads).toBe(readsBefore + 7);
    w.disconnect();
  });

  it('the frame only hands over the containers that arrived, and reading waits for idle time', async () => {
    const list = feed(2);
    const arrived = vi.fn((_el: Element) => true);
    const { read, onBatch, idle, frame, w } = framed(list, { arrived });
    list.append(postEl(2), postEl(3));
    (list.children[0] as HTMLElement).append(document.createElement('b'));
    await flushMutations();
    frame.run();
    // Post 0 changed but was read before: only the new ones.
    expect(arrived.mock.calls.map(([el]) => (el as HTMLElement).dataset.id)).toEqual(['2', '3']);
    expect(read).not.toHaveBeenCalled();
    expect(onBatch).not.toHaveBeenCalled();
    expect(idle.pending()).toBe(true);
    idle.run();
    expect(read.mock.calls.map(([el]) => (el as HTMLElement).dataset.id)).toEqual(['0', '2', '3']);
    expect(onBatch).toHaveBeenLastCalledWith(['0', '1', '2', '3'], 3);
    expect(w.stats.batches).toBe(2);
    w.disconnect();
  });

  it('reads in the frame only the containers that could not be made ready; the next batch reports them without reading them again', async () => {
    const list = feed(1);
    const arrived = vi.fn((el: Element) => (el as HTMLElement).dataset.id !== '2');
    const { read, onBatch, idle, frame, w } = framed(list, { arrived });
    list.append(postEl(1), postEl(2), postEl(3));
    await flushMutations();
    frame.run();
    expect(arrived).toHaveBeenCalledTimes(3);
    expect(read.mock.results.map((r) => r.value)).toEqual(['2']);
    expect(onBatch).not.toHaveBeenCalled();
    // Post 2 changes after the frame: its early reading is dropped, and it is read again at idle time.
    (list.children[2] as HTMLElement).dataset.id = '2b';
    list.children[2]!.append(document.createElement('i'));
    await flushMutations();
    idle.run();
    expect(read.mock.results.map((r) => r.value)).toEqual(['2', '1', '2b', '3']);
    expect(onBatch).toHaveBeenLastCalledWith(['0', '1', '2b', '3'], 3);
    // With post 0's reading at start: every reading is counted once.
    expect(w.stats.reads).toBe(5);
    w.disconnect();
  });

  it('hands the frame the posts that arrived, not the container around them that only gained them (the main element on Instagram)', async () => {
    const list = feed(1);
    list.className = 'feed';
    const arrived = vi.fn((_el: Element) => false);
    const { read, onBatch, idle, frame, w } = framed(list, { root: document.body, selector: 'article.post, div.feed', keep: (r) => r !== undefined, arrived });
    const wrapper = document.createElement('div');
    wrapper.append(postEl(2));
    list.append(postEl(1), wrapper);
    await flushMutations();
    frame.run();
    expect(arrived.mock.calls.map(([el]) => (el as HTMLElement).dataset.id)).toEqual(['1', '2']);
    expect(read.mock.results.map((r) => r.value)).toEqual(['1', '2']);
    // The feed's element changed too (the wrapper went into it): it is read at idle time, with the rest.
    idle.run();
    expect(read.mock.calls.map(([el]) => el)).toEqual([list.children[1], wrapper.firstChild, list]);
    expect(onBatch).toHaveBeenLastCalledWith(['0', '1', '2'], 3);
    w.disconnect();
  });

  it('hands the frame a container filled in place with content of its own (a placeholder that becomes a post)', async () => {
    const list = feed(1);
    const placeholder = postEl(1);
    delete placeholder.dataset.id;
    list.append(placeholder);
    const arrived = vi.fn((_el: Element) => false);
    const { read, onBatch, idle, frame, w } = framed(list, { keep: (r) => r !== undefined, arrived });
    placeholder.dataset.id = '1';
    placeholder.append(document.createElement('span'));
    await flushMutations();
    expect(frame.pending()).toBe(true);
    frame.run();
    expect(arrived.mock.calls.map(([el]) => el)).toEqual([placeholder]);
    expect(read.mock.results.map((r) => r.value)).toEqual(['1']);
    idle.run();
    expect(read).toHaveBeenCalledTimes(1);
    expect(onBatch).toHaveBeenLastCalledWith(['0', '1'], 1);
    w.disconnect();
  });

  it('reads again after invalidateAll a container read early in a frame', async () => {
    const list = feed(1);
    const { read, onBatch, idle, frame, w } = framed(list, { arrived: () => false });
    list.append(postEl(1));
    await flushMutations();
    frame.run();
    (list.children[1] as HTMLElement).dataset.id = '1b';
    w.invalidateAll();
    idle.run();
    expect(read.mock.results.map((r) => r.value)).toEqual(['1', '1b', '0']);
    expect(onBatch).toHaveBeenLastCalledWith(['0', '1b'], 2);
    w.disconnect();
  });

  it('reads no more in the frame than one slice', async () => {
    const list = feed(1);
    let clock = 0;
    const { onBatch, idle, frame, w } = framed(list, {
      arrived: () => false,
      sliceMs: 10,
      now: () => clock,
      read: (el: Element) => {
        clock += 3;
        return (el as HTMLElement).dataset.id;
      },
    });
    for (let i = 1; i <= 6; i++) list.append(postEl(i));
    await flushMutations();
    const readsBefore = w.stats.reads;
    frame.run();
    // 3 ms a read: the fourth crosses the 10 ms slice.
    expect(w.stats.reads - readsBefore).toBe(4);
    idle.run();
    expect(w.stats.reads - readsBefore).toBe(6);
    expect(onBatch).toHaveBeenLastCalledWith(['0', '1', '2', '3', '4', '5', '6'], 6);
    w.disconnect();
  });

  it('cancels a pending frame when disconnected', async () => {
    const list = feed(1);
    const { read, frame, w } = framed(list);
    list.append(postEl(1));
    await flushMutations();
    expect(frame.pending()).toBe(true);
    w.disconnect();
    expect(frame.pending()).toBe(false);
    expect(read).not.toHaveBeenCalled();
  });
});

describe('createPublisher', () => {
  it('passes the first batch on at once, then at most one batch per interval, always the latest', () => {
    let clock = 0;
    const timers: Array<{ at: number; run: () => void }> = [];
    const published: Array<[string[], number]> = [];
    const p = createPublisher<string, number>(750, (r, c) => published.push([r, c]), (run, ms) => timers.push({ at: clock + ms, run }), () => clock);
    p.update(['a'], 1);
    expect(published).toEqual([[['a'], 1]]);
    clock = 100;
    p.update(['a', 'b'], 2);
    clock = 300;
    p.update(['a', 'b', 'c'], 3);
    expect(published).toHaveLength(1);
    expect(timers).toHaveLength(1);
    clock = timers[0]!.at;
    timers[0]!.run();
    expect(published).toEqual([
      [['a'], 1],
      [['a', 'b', 'c'], 3],
    ]);
    // After a navigation the next batch goes out at once again.
    clock = 900;
    p.flushNext();
    p.update(['d'], 4);
    expect(published).toHaveLength(3);
    expect(published[2]).toEqual([['d'], 4]);
  });
});

describe('taskScheduler', () => {
  /** Schedules two runs and cancels the second: only the first runs. */
  const runsOneAndCancelsOne = async () => {
    const ran = vi.fn();
    taskScheduler(ran);
    const cancelled = vi.fn();
    taskScheduler(cancelled)();
    await new Promise((r) => setTimeout(r, 5));
    expect(ran).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  };

  it('runs on a timer where the page has no scheduler.postTask, and can be cancelled', async () => {
    expect((globalThis as { scheduler?: unknown }).scheduler).toBeUndefined();
    await runsOneAndCancelsOne();
  });

  it('falls back to the timer when scheduler.postTask throws', async () => {
    const postTask = vi.fn(() => {
      throw new TypeError('refused');
    });
    vi.stubGlobal('scheduler', { postTask });
    try {
      await runsOneAndCancelsOne();
      expect(postTask).toHaveBeenCalledTimes(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('posts a task with scheduler.postTask where there is one, aborted by its cancel', async () => {
    const signals: AbortSignal[] = [];
    const postTask = vi.fn((run: () => void, options: { signal: AbortSignal }) => {
      signals.push(options.signal);
      return new Promise((resolve, reject) => {
        options.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        setTimeout(() => {
          if (!options.signal.aborted) resolve(run());
        }, 0);
      });
    });
    vi.stubGlobal('scheduler', { postTask });
    try {
      await runsOneAndCancelsOne();
      expect(postTask).toHaveBeenCalledTimes(2);
      expect(signals.map((s) => s.aborted)).toEqual([false, true]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('frameScheduler', () => {
  it('runs in the next animation frame and can be cancelled', async () => {
    const ran = vi.fn();
    const cancelled = vi.fn();
    frameScheduler(ran);
    frameScheduler(cancelled)();
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('never runs where there are no animation frames', () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    try {
      const ran = vi.fn();
      expect(() => frameScheduler(ran)()).not.toThrow();
      expect(ran).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
