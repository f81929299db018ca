import { describe, expect, it, vi } from 'vitest';
import type { CaptureResult, Request, TemplateView } from '../messaging/protocol';
import type { PlatformAdapter } from '../platforms/types';
import { comment, ME, NOW, post, reading } from '@/test/builders';
import { tEn } from '@/test/i18n';
import { renderDraft } from './draft';
import { buildReplyQueue } from './queue';
import type { ReplySite } from './reply-site';
import { createReplyController, type ReplyDeps } from './replies';
import { createPanelStore } from './store';

function template(id: string, over: Partial<TemplateView> = {}): TemplateView {
  return { id, name: id, body: `{Thanks|Thank you} {first_name}!`, category: 'thanks', language: 'en', platforms: [], shortCode: null, builtIn: true, createdAt: 0, updatedAt: 0, useCount: 0, lastUsedAt: null, ...over };
}

const CAPTURE: CaptureResult = {
  ownPostKeys: ['linkedin:1'],
  comments: [
    { commentId: 'c1', interactionId: 'linkedin:comment_received:c1', kind: 'comment_received', status: 'open' },
    { commentId: 'c2', interactionId: 'linkedin:comment_received:c2', kind: 'comment_received', status: 'open' },
  ],
  added: 2,
  ownProfileUrl: ME,
};

function setup(over: { templates?: (language: string | null) => TemplateView[]; openEditor?: ReplySite['openEditor']; findReplyBox?: PlatformAdapter['findReplyBox']; insertOk?: boolean; clipboard?: (t: string) => Promise<void> } = {}) {
  const store = createPanelStore({
    open: true,
    yielded: false,
    reading: reading([post('1')], [comment('c1', '1', { text: 'Do you ship to Singapore?', author: { name: 'Sarah Johnson', profileUrl: 'https://www.linkedin.com/in/sarah/' } }), comment('c2', '1', { text: '請問週末有開嗎？' })]),
    capture: CAPTURE,
    error: null,
    identity: { name: 'Mei Lin', profileUrl: ME, confirmed: true },
  });
  const sent: Request[] = [];
  const send = vi.fn(async (m: Request) => {
    sent.push(m);
    switch (m.type) {
      case 'CS_LIST_TEMPLATES':
        return { ok: true, data: { templates: (over.templates ?? (() => [template('thanks', { shortCode: 'thanks' })]))(m.language), campaign: 'spring', myName: 'Mei Lin' } };
      case 'CS_RECORD_TEMPLATE_USE':
        return { ok: true, data: { useCount: 1 } };
      case 'CS_SET_COMMENT_STATUS':
        return { ok: true, data: { status: m.status } };
      default:
        throw new Error(m.type);
    }
  });
  const inserted: Array<{ editor: HTMLElement; text: string; replace: string | null | undefined }> = [];
  const site: ReplySite = {
    platform: 'linkedin',
    commentElement: () => null,
    commentElements: () => new Map(),
    openEditor: over.openEditor ?? (() => null),
    insert: vi.fn(async (editor, text, options) => {
      inserted.push({ editor, text, replace: options?.replace });
      return over.insertOk === false ? { ok: false as const, reason: 'untouched' as const } : { ok: true as const, strategy: 'test' };
    }),
  };
  const adapter = { platform: 'linkedin', findReplyBox: over.findReplyBox ?? (() => null) } as unknown as PlatformAdapter;
  const clipboard = vi.fn(over.clipboard ?? (async () => undefined));
  let now = NOW;
  const deps: ReplyDeps = {
    doc: document,
    adapter,
    site,
    store,
    t: tEn,
    send: send as unknown as ReplyDeps['send'],
    writeClipboard: clipboard,
    locale: 'en-US',
    now: () => now,
    isOwnUi: () => false,
    boxWaitMs: 400,
  };
  const controller = createReplyController({ ...deps, now: () => (now += 50) });
  const queue = () => buildReplyQueue(store.get().reading, store.get().capture, NOW);
  return { store, sent, site, inserted, clipboard, controller, queue };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
};

describe('reply controller', () => {
  it('opens the picker for a queued comment with the templates of its language, rendered for the commenter', async () => {
    const { controller, store, sent, queue } = setup();
    const item = queue().waiting.find((i) => i.comment.commentId === 'c1')!;
    controller.openForComment(item);
    await until(() => store.get().picker?.templates !== null);
    expect(sent[0]).toEqual({ type: 'CS_LIST_TEMPLATES', platform: 'linkedin', language: 'en' });
    const picker = store.get().picker!;
    expect(picker.target.interactionId).toBe('linkedin:comment_received:c1');
    expect(picker.target.postUrl).toBe('https://www.linkedin.com/feed/update/urn:li:activity:1/');
    expect(renderDraft(controller.draftContext(), picker.templates![0]!, 0).text).toMatch(/^(Thanks|Thank you) Sarah!$/);
  });

  it('lists every language when none is written for the comment’s', async () => {
    const { controller, store, sent, queue } = setup({ templates: (language) => (language === 'zh' ? [] : [template('hi')]) });
    controller.openForComment(queue().waiting.find((i) => i.comment.commentId === 'c2')!);
    await until(() => store.get().picker?.templates !== null);
    expect(sent.map((m) => (m.type === 'CS_LIST_TEMPLATES' ? m.language : null))).toEqual(['zh', null]);
    expect(store.get().picker).toMatchObject({ allLanguages: true });
  });

  it('opens the comment’s reply box (waiting while the page renders it), inserts the draft, logs the template and closes', async () => {
    const box = document.body.appendChild(document.createElement('div'));
    let polls = 0;
    const findReplyBox = vi.fn(() => null);
    const { controller, store, sent, inserted, clipboard, queue } = setup({ findReplyBox, openEditor: () => (++polls > 3 ? box : null) });
    controller.openForComment(queue().waiting[0]!);
    await until(() => store.get().picker?.templates !== null);
    await controller.insert(store.get().picker!.templates![0]!, 'Thanks Sarah!\nSee you');
    expect(findReplyBox).toHaveBeenCalledTimes(1);
    expect(inserted).toEqual([{ editor: box, text: 'Thanks Sarah!\nSee you', replace: null }]);
    expect(sent).toContainEqual({ type: 'CS_RECORD_TEMPLATE_USE', templateId: 'thanks', commentInteractionId: 'linkedin:comment_received:c1' });
    expect(store.get().picker).toBeNull();
    expect(store.get().notice?.text).toBe('Draft inserted in the reply box. Check it, then send it yourself.');
    expect(clipboard).not.toHaveBeenCalled();
    box.remove();
  });

  it('copies the draft to the clipboard and says so when no reply box can be found, or when insertion fails', async () => {
    const { controller, store, clipboard, queue } = setup();
    controller.openForComment(queue().waiting[0]!);
    await until(() => store.get().picker?.templates !== null);
    await controller.insert(template('thanks'), 'Thanks!');
    expect(clipboard).toHaveBeenCalledWith('Thanks!');
    expect(store.get().picker?.result).toEqual({ kind: 'copied', draft: 'Thanks!' });

    const failing = setup({ openEditor: () => document.body.appendChild(document.createElement('div')), insertOk: false, clipboard: () => Promise.reject(new Error('denied')) });
    failing.controller.openForComment(failing.queue().waiting[0]!);
    await until(() => failing.store.get().picker?.templates !== null);
    await failing.controller.insert(template('thanks'), 'Thanks!');
    expect(failing.store.get().picker?.result).toEqual({ kind: 'failed', draft: 'Thanks!' });
  });

  it('opens on a template when its short code is typed in a reply box, and the draft replaces the code', async () => {
    const { controller, store, inserted } = setup();
    await controller.refreshShortCodes(true);
    const area = document.createElement('textarea');
    document.body.append(area);
    area.value = 'Hi /Thanks';
    area.setSelectionRange(10, 10);
    const space = new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
    area.dispatchEvent(space);
    controller.onKeyDown(space);
    expect(space.defaultPrevented).toBe(true);
    await until(() => store.get().picker?.templates !== null);
    expect(store.get().picker).toMatchObject({ initialTemplateId: 'thanks', target: { editor: area, shortCode: '/Thanks' } });
    await controller.insert(template('thanks'), 'Thank you!');
    expect(inserted[0]).toMatchObject({ editor: area, replace: '/Thanks' });

    store.set({ picker: null });
    area.value = 'see /unknown';
    area.setSelectionRange(12, 12);
    const other = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    controller.onKeyDown(other);
    expect(other.defaultPrevented).toBe(false);
    expect(store.get().picker).toBeNull();
    area.remove();
  });

  it('opens for the box that has focus (keyboard command), naming the comment it answers', async () => {
    const area = document.createElement('textarea');
    document.body.append(area);
    const { controller, store } = setup({ openEditor: (_doc, id) => (id === 'c2' ? area : null) });
    expect(controller.openForFocusedBox()).toBe(false);
    area.focus();
    expect(controller.openForFocusedBox()).toBe(true);
    await settle();
    expect(store.get().picker?.target).toMatchObject({ editor: area, interactionId: 'linkedin:comment_received:c2', comment: { commentId: 'c2' } });
    area.remove();
  });

  it('dismisses a comment ("no reply needed") with an undo', async () => {
    const { controller, store, sent, queue } = setup();
    await controller.dismiss(queue().waiting[0]!);
    expect(sent).toContainEqual({ type: 'CS_SET_COMMENT_STATUS', interactionId: 'linkedin:comment_received:c1', status: 'dismissed' });
    expect(queue().waiting.map((i) => i.comment.commentId)).toEqual(['c2']);
    expect(queue().dismissed.map((i) => i.comment.commentId)).toEqual(['c1']);
    store.get().notice!.onUndo!();
    await until(() => queue().waiting.length === 2);
    expect(sent.at(-1)).toEqual({ type: 'CS_SET_COMMENT_STATUS', interactionId: 'linkedin:comment_received:c1', status: 'open' });
  });
});
