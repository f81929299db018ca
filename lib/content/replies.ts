import type { PickerResult } from '@/components/panel/ReplyPicker';
import type { Translate } from '../i18n';
import type { SendContentRequest } from '../messaging/content-client';
import type { TemplateView } from '../messaging/protocol';
import type { ExtractedComment, PlatformAdapter } from '../platforms/types';
import { commentLanguage } from '../templates/language';
import { editableRoot } from './insert';
import type { DraftContext } from './draft';
import type { QueueItem } from './queue';
import type { ReplySite } from './reply-site';
import { shortCodeAtEnd, textBeforeCaret } from './shortcode';
import type { PanelStore } from './store';

/**
 * Reply drafting in the page: opens the template picker for a comment (from the
 * queue), for the reply box that has focus (keyboard command) or for a short
 * code typed in a box; renders the chosen template for that comment; finds the
 * comment's own reply box (opening it with the adapter, waiting briefly while
 * the page renders it) and inserts the draft; copies the draft to the clipboard
 * and says so when that fails. Never sends anything on the user's behalf.
 */

export interface PickerTarget {
  comment: ExtractedComment | null;
  /** The received comment's row in the log (null: not logged, e.g. a box on someone else's post). */
  interactionId: string | null;
  /** The box the picker was opened from (keyboard command, short code); null: find the comment's box. */
  editor: HTMLElement | null;
  /** The short code typed in the box (`/thanks`): the draft replaces it. */
  shortCode: string | null;
  postUrl: string | null;
}

export interface PickerState {
  /** Changes with every opening, so the picker starts afresh. */
  key: number;
  target: PickerTarget;
  templates: TemplateView[] | null;
  allLanguages: boolean;
  error: string | null;
  initialQuery: string;
  initialTemplateId: string | null;
  campaign: string;
  myName: string | null;
  busy: boolean;
  result: PickerResult | null;
}

type Send = SendContentRequest;

export interface ReplyDeps {
  doc: Document;
  adapter: PlatformAdapter;
  site: ReplySite;
  store: PanelStore;
  t: Translate;
  send: Send;
  writeClipboard(text: string): Promise<void>;
  /** The UI language, for `{date}`. */
  locale: string;
  now(): number;
  /** Elements of our own UI (the panel's shadow host): keys there are never short codes. */
  isOwnUi(el: EventTarget | null): boolean;
  /** How long to wait for a reply box the page renders after a click (ms). */
  boxWaitMs?: number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const SHORT_CODE_REFRESH_MS = 30_000;

/** The element that has focus, looking inside open shadow roots (YouTube's editor sits in one). */
export function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el !== null && el.shadowRoot !== null && el.shadowRoot.activeElement !== null) el = el.shadowRoot.activeElement;
  return el;
}

export function createReplyController(deps: ReplyDeps) {
  const { doc, adapter, site, store, t } = deps;
  let openings = 0;
  let shortCodes: TemplateView[] = [];
  let shortCodesAt = 0;

  function setPicker(patch: Partial<PickerState>) {
    const current = store.get().picker;
    if (current) store.set({ picker: { ...current, ...patch } });
  }

  async function listTemplates(language: 'en' | 'zh' | 'other' | null) {
    const response = await deps.send({ type: 'CS_LIST_TEMPLATES', platform: adapter.platform, language });
    if (!response.ok) throw new Error(response.error.message);
    return response.data;
  }

  async function open(target: PickerTarget, initial: { query?: string; templateId?: string | null } = {}) {
    const key = ++openings;
    store.set({
      picker: {
        key,
        target,
        templates: null,
        allLanguages: false,
        error: null,
        initialQuery: initial.query ?? '',
        initialTemplateId: initial.templateId ?? null,
        campaign: '',
        myName: null,
        busy: false,
        result: null,
      },
    });
    const language = target.comment ? commentLanguage(target.comment.text) : null;
    try {
      let data = await listTemplates(language);
      let allLanguages = false;
      // Nothing written for this language (yet): every language beats an empty list.
      if (data.templates.length === 0 && language !== null) {
        data = await listTemplates(null);
        allLanguages = data.templates.length > 0;
      }
      let templates = data.templates;
      // A short code names its template whatever the comment's language.
      const wanted = initial.templateId ?? null;
      if (wanted !== null && !templates.some((x) => x.id === wanted)) {
        const named = (await listTemplates(null)).templates.find((x) => x.id === wanted);
        if (named) templates = [named, ...templates];
      }
      if (store.get().picker?.key !== key) return;
      setPicker({ templates, allLanguages, campaign: data.campaign, myName: data.myName });
    } catch {
      if (store.get().picker?.key !== key) return;
      setPicker({ templates: [], error: t('pickerLoadFailed') });
    }
  }

  function interactionOf(commentId: string): string | null {
    const entry = store.get().capture?.comments.find((c) => c.commentId === commentId && c.kind === 'comment_received');
    return entry ? entry.interactionId : null;
  }

  function postUrlOf(comment: ExtractedComment | null): string | null {
    if (comment === null) return null;
    const post = store.get().reading?.posts.find((p) => p.postId === comment.postId);
    return post ? post.url : null;
  }

  /** The comment whose reply box this is: waiting comments first, top-level before replies. */
  function commentForEditor(editor: HTMLElement): ExtractedComment | null {
    const reading = store.get().reading;
    if (reading === null) return null;
    const status = new Map((store.get().capture?.comments ?? []).map((c) => [c.commentId, c]));
    const rank = (c: ExtractedComment) => {
      const s = status.get(c.commentId);
      return (s?.kind === 'comment_received' && s.status === 'open' ? 0 : s?.kind === 'comment_received' ? 2 : 4) + (c.parentId === null ? 0 : 1); // ?. : not every comment is logged
    };
    const candidates = [...reading.comments].sort((a, b) => rank(a) - rank(b));
    for (const c of candidates) {
      if (site.openEditor(doc, c.commentId) === editor) return c;
    }
    return null;
  }

  function targetForEditor(editor: HTMLElement, shortCode: string | null): PickerTarget {
    const comment = commentForEditor(editor);
    return { comment, interactionId: comment ? interactionOf(comment.commentId) : null, editor, shortCode, postUrl: postUrlOf(comment) };
  }

  /** Finds the comment's reply box, opening it with the adapter; waits while the page renders it. */
  async function openReplyBox(commentId: string): Promise<HTMLElement | null> {
    const waitMs = deps.boxWaitMs ?? 3_000;
    let box = site.openEditor(doc, commentId);
    if (box === null && adapter.findReplyBox) box = adapter.findReplyBox(doc, commentId);
    const start = deps.now();
    let askedAgain = false;
    while (box === null || !box.isConnected) {
      if (deps.now() - start > waitMs) return null;
      await wait(100);
      box = site.openEditor(doc, commentId);
      // Still nothing halfway through: the click may have come before the page could take it.
      if (box === null && !askedAgain && deps.now() - start > waitMs / 2 && adapter.findReplyBox) {
        askedAgain = true;
        box = adapter.findReplyBox(doc, commentId);
      }
    }
    return box;
  }

  async function insert(template: TemplateView, text: string) {
    const picker = store.get().picker;
    if (!picker || picker.busy) return;
    setPicker({ busy: true, result: null });
    const { target } = picker;
    let editor = target.editor !== null && target.editor.isConnected ? target.editor : null;
    if (editor === null && target.comment !== null) editor = await openReplyBox(target.comment.commentId);
    const outcome = editor === null ? null : await site.insert(editor, text, { replace: target.shortCode });
    if (store.get().picker?.key !== picker.key) return;
    // The draft was made for this comment: a reply captured under it later is logged with this template.
    if (target.interactionId !== null) {
      void deps.send({ type: 'CS_RECORD_TEMPLATE_USE', templateId: template.id, commentInteractionId: target.interactionId }).catch(() => undefined);
    }
    if (outcome !== null && outcome.ok && editor !== null) {
      store.set({ picker: null, notice: { text: t('replyInserted') } });
      editor.scrollIntoView({ block: 'center' });
      editor.focus({ preventScroll: true });
      return;
    }
    let result: PickerResult;
    try {
      await deps.writeClipboard(text);
      result = { kind: 'copied', draft: text };
    } catch {
      result = { kind: 'failed', draft: text };
    }
    setPicker({ busy: false, result });
  }

  async function setStatus(item: QueueItem, status: 'open' | 'dismissed') {
    const response = await deps.send({ type: 'CS_SET_COMMENT_STATUS', interactionId: item.interactionId, status });
    if (!response.ok) {
      store.set({ notice: { text: t('errorSaveFailed', response.error.message) } });
      return;
    }
    const capture = store.get().capture;
    if (capture) {
      store.set({
        capture: { ...capture, comments: capture.comments.map((c) => (c.interactionId === item.interactionId ? { ...c, status: response.data.status } : c)) },
      });
    }
    store.set({
      notice:
        status === 'dismissed' && response.data.status === 'dismissed'
          ? { text: t('queueDismissedNotice', item.comment.author.name), onUndo: () => void setStatus(item, 'open') }
          : null,
    });
  }

  async function refreshShortCodes(force = false) {
    if (!force && deps.now() - shortCodesAt < SHORT_CODE_REFRESH_MS) return;
    shortCodesAt = deps.now();
    try {
      shortCodes = (await listTemplates(null)).templates.filter((x) => x.shortCode !== null);
    } catch {
      shortCodesAt = 0;
    }
  }

  return {
    /** The queue's Reply: the picker for that comment; its box is found when the draft is inserted. */
    openForComment(item: QueueItem) {
      const comment = item.comment;
      void open({ comment, interactionId: item.interactionId, editor: null, shortCode: null, postUrl: postUrlOf(comment) });
    },
    /** The keyboard command: the picker for the reply box that has focus. Returns false when no box has focus. */
    openForFocusedBox(): boolean {
      const active = deepActiveElement(doc);
      if (active === null || deps.isOwnUi(active)) return false;
      const editor = editableRoot(active);
      if (editor === null) return false;
      void open(targetForEditor(editor, null));
      return true;
    },
    /** Space or Tab after a known short code in a reply box opens the picker on that template. */
    onKeyDown(event: KeyboardEvent) {
      if ((event.key !== ' ' && event.key !== 'Tab') || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
      const origin = event.composedPath()[0] ?? event.target;
      if (deps.isOwnUi(event.target) || !(origin instanceof Element)) return;
      const editor = editableRoot(origin);
      if (editor === null) return;
      const before = textBeforeCaret(editor);
      const typed = before === null ? null : shortCodeAtEnd(before);
      if (typed === null) return;
      const template = shortCodes.find((x) => x.shortCode === typed.code);
      if (!template) return;
      // The key would type a space or move focus: the picker takes over instead.
      event.preventDefault();
      event.stopPropagation();
      void open(targetForEditor(editor, typed.typed), { query: typed.typed, templateId: template.id });
    },
    /** Focus went into an editor: make sure the short codes are known before the user types one. */
    onFocusIn(event: FocusEvent) {
      const origin = event.composedPath()[0] ?? event.target;
      if (origin instanceof Element && !deps.isOwnUi(event.target) && editableRoot(origin) !== null) void refreshShortCodes();
    },
    /** What a draft for the open picker is rendered from (lib/content/draft.ts, in the panel's UI). */
    draftContext(): DraftContext {
      return { picker: store.get().picker ?? null, identityName: store.get().identity?.name ?? null, platform: adapter.platform, locale: deps.locale, now: deps.now() };
    },
    insert,
    close() {
      const picker = store.get().picker;
      store.set({ picker: null });
      // Back to the box the picker came from, caret where it was.
      if (picker?.target.editor?.isConnected) picker.target.editor.focus({ preventScroll: true });
    },
    dismiss: (item: QueueItem) => setStatus(item, 'dismissed'),
    reopen: (item: QueueItem) => setStatus(item, 'open'),
    refreshShortCodes,
  };
}
export type ReplyController = ReturnType<typeof createReplyController>;
