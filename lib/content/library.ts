import type { SaveDialogState, AnchorRect } from '@/components/panel/SaveDialog';
import type { Translate } from '../i18n';
import type { SendContentRequest } from '../messaging/content-client';
import type { MessageError } from '../messaging/protocol';
import { firstMediaUrl } from '../platforms/media';
import type { ContainerReading, ExtractedPost, PlatformAdapter } from '../platforms/types';
import { createSaveActions, type SaveActions, type SaveTarget } from './save-actions';
import type { PanelStore } from './store';

/**
 * The inspiration library in the page: the Save action on every post read,
 * the panel's "post in view", the dialog for tags and a note after saving,
 * and the counts of saved posts seen again (sent once per post, and again
 * only when they change, so the library can show how a post grew). The
 * background checks every key against the library: nothing of other posts is
 * stored.
 */

export interface LibraryControllerOptions {
  doc: Document;
  adapter: Pick<PlatformAdapter, 'containerSelector' | 'actionAnchor' | 'anchorMeansPost'>;
  store: PanelStore;
  t: Translate;
  send: SendContentRequest;
  pageUrl(): string;
  /** Reads a container's post now (a Save action chosen before its container was read). */
  readPost(container: Element): ExtractedPost | null;
  /** True once the extension was updated or removed under this page. */
  isInvalid(): boolean;
  IntersectionObserver?: typeof IntersectionObserver;
}

export interface LibraryController {
  /** A container that has just arrived, not read yet: its Save action goes in now if it can (`SaveActions.prepare`). Never throws. */
  arrived(container: Element): boolean;
  /** Wraps the watcher's read of one container: adds its Save action. Never throws. */
  track(container: Element, reading: ContainerReading): ContainerReading;
  /** After each watcher batch: forgets posts that left, reports the counts of saved posts seen. */
  afterBatch(posts: readonly ExtractedPost[]): void;
  saveInView(anchor: AnchorRect): void;
  submit(tags: string[], note: string): void;
  remove(): void;
  close(): void;
  stop(): void;
  /** For tests. */
  readonly actions: SaveActions;
}

const MAX_TEXT = 20_000;
const MAX_SHORT = 2_000;
const BATCH = 500;

export function postKeyOf(post: Pick<ExtractedPost, 'platform' | 'postId'>): string {
  return `${post.platform}:${post.postId}`;
}

function excerptOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 90 ? `${line.slice(0, 90)}…` : line;
}

export function createLibraryController(o: LibraryControllerOptions): LibraryController {
  const saved = new Set<string>();
  /** Keys already asked about, with the counts last sent for them. */
  const sent = new Map<string, string>();
  /** The post the open dialog is about. */
  let dialogTarget: SaveTarget | null = null;

  const actions = createSaveActions(o.doc, {
    adapter: o.adapter,
    t: o.t,
    isSaved: (key) => saved.has(key),
    onSave: (target, anchor) => void save(target, anchor),
    onInView: (target) => o.store.set({ inView: target ? { key: target.key, post: target.post } : null }),
    readPost: (container) => o.readPost(container),
    IntersectionObserver: o.IntersectionObserver,
  });

  // The post in view is followed only while the panel, which shows it, is open.
  const followPanel = () => actions.watchInView(o.store.get().open);
  const unsubscribe = o.store.subscribe(followPanel);
  followPanel();

  const publish = () => {
    actions.refresh();
    o.store.set({ savedKeys: new Set(saved) });
  };
  const dialog = () => o.store.get().saveDialog ?? null;
  const setDialog = (patch: Partial<SaveDialogState>) => {
    const current = dialog();
    if (current) o.store.set({ saveDialog: { ...current, ...patch } });
  };
  const describe = (error: MessageError) => (error.code === 'STORAGE_FULL' ? o.t('errorStorageFull') : o.t('saveFailed', error.message));

  async function reportSightings(posts: readonly ExtractedPost[]) {
    const due: ExtractedPost[] = [];
    for (const post of posts) {
      const key = postKeyOf(post);
      const counts = JSON.stringify(post.counts);
      // Asked once per post; after that only a saved post whose counts changed is sent again.
      if (!sent.has(key) || (saved.has(key) && sent.get(key) !== counts)) {
        due.push(post);
        sent.set(key, counts);
      }
    }
    for (let i = 0; i < due.length; i += BATCH) {
      const chunk = due.slice(i, i + BATCH);
      try {
        const response = await o.send({
          type: 'CS_SEEN_POSTS',
          posts: chunk.map((p) => ({ platform: p.platform, postId: p.postId.slice(0, MAX_SHORT), counts: p.counts })),
        });
        if (!response.ok) throw new Error(response.error.message);
        const answer = new Set(response.data.saved);
        for (const p of chunk) {
          if (answer.has(postKeyOf(p))) saved.add(postKeyOf(p));
          else saved.delete(postKeyOf(p));
        }
        publish();
      } catch {
        // Asked again with the next batch (the service worker may have been stopped mid-message).
        for (const p of chunk) sent.delete(postKeyOf(p));
        if (o.isInvalid()) return;
      }
    }
  }

  function toMessagePost(target: SaveTarget) {
    const post = target.post;
    let mediaUrl = post.mediaUrl ?? null;
    if (post.mediaUrl === undefined) {
      try {
        mediaUrl = firstMediaUrl(target.container, post, o.adapter.containerSelector);
      } catch {
        mediaUrl = null;
      }
    }
    return {
      platform: post.platform,
      postId: post.postId,
      url: post.url,
      author: { name: post.author.name.slice(0, MAX_SHORT), profileUrl: post.author.profileUrl },
      text: post.text.slice(0, MAX_TEXT),
      mediaKind: post.mediaKind,
      publishedAt: post.publishedAt,
      counts: post.counts,
      mediaUrl: mediaUrl !== null && mediaUrl.length <= MAX_SHORT && /^https?:\/\//.test(mediaUrl) ? mediaUrl : null,
    };
  }

  async function save(target: SaveTarget, anchor: AnchorRect) {
    dialogTarget = target;
    o.store.set({
      saveDialog: {
        key: target.key,
        authorName: target.post.author.name,
        excerpt: excerptOf(target.post.text),
        status: 'saving',
        created: false,
        tags: [],
        note: '',
        suggestions: [],
        error: null,
        anchor,
      },
    });
    try {
      const response = await o.send({ type: 'CS_SAVE_POST', pageUrl: o.pageUrl(), post: toMessagePost(target) });
      if (dialogTarget !== target) return;
      if (!response.ok) {
        setDialog({ status: 'error', error: describe(response.error) });
        return;
      }
      const { item, created, suggestedTags } = response.data;
      saved.add(target.key);
      sent.set(target.key, JSON.stringify(target.post.counts));
      publish();
      setDialog({ status: 'saved', created, tags: item.tags, note: item.note, suggestions: suggestedTags });
    } catch {
      if (dialogTarget === target) setDialog({ status: 'error', error: o.t('errorExtensionReloaded') });
    }
  }

  async function change(status: 'updating' | 'removing', run: () => Promise<{ ok: true } | { ok: false; error: MessageError }>) {
    const current = dialog();
    if (!current) return;
    setDialog({ status, error: null });
    try {
      const response = await run();
      if (dialog()?.key !== current.key) return;
      if (response.ok) o.store.set({ saveDialog: null });
      else setDialog({ status: 'saved', error: describe(response.error) });
    } catch {
      setDialog({ status: 'saved', error: o.t('errorExtensionReloaded') });
    }
  }

  return {
    arrived(container) {
      try {
        return actions.prepare(container);
      } catch {
        // As in `track`: an extra, never at the page's expense.
        return true;
      }
    },
    track(container, reading) {
      try {
        actions.attach(container, reading.posts);
      } catch {
        // The Save action is an extra: the page's reading must never suffer for it.
      }
      return reading;
    },
    afterBatch(posts) {
      actions.prune();
      void reportSightings(posts);
    },
    saveInView(anchor) {
      const target = actions.inView();
      if (target) void save(target, anchor);
    },
    submit(tags, note) {
      const key = dialog()?.key;
      if (!key) return;
      void change('updating', () => o.send({ type: 'CS_EDIT_SAVED', key, tags: tags.slice(0, 30), note: note.slice(0, MAX_TEXT) }));
    },
    remove() {
      const key = dialog()?.key;
      if (!key) return;
      void change('removing', async () => {
        const response = await o.send({ type: 'CS_UNSAVE', key });
        if (response.ok) {
          saved.delete(key);
          publish();
        }
        return response;
      });
    },
    close() {
      dialogTarget = null;
      o.store.set({ saveDialog: null });
    },
    stop() {
      unsubscribe();
      actions.disconnect();
      o.store.set({ saveDialog: null, inView: null });
    },
    actions,
  };
}
