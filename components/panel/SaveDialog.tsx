import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { TagInput } from '@/components/ui/TagInput';
import { useT } from '@/lib/i18n';

export interface AnchorRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What the in-page save dialog shows; the content script owns it (lib/content/start.ts). */
export interface SaveDialogState {
  key: string;
  authorName: string;
  /** The start of the post's text, shown so the user sees which post was saved. */
  excerpt: string;
  /** saving: the first save is on its way; saved: tags and note can be edited; updating/removing: a change is on its way. */
  status: 'saving' | 'saved' | 'updating' | 'removing' | 'error';
  /** Whether this save added the post (false: it was in the library and was updated). */
  created: boolean;
  tags: string[];
  note: string;
  suggestions: string[];
  error: string | null;
  /** Where the Save action that opened the dialog is, in viewport pixels. */
  anchor: AnchorRect;
}

export interface SaveDialogProps {
  state: SaveDialogState;
  viewport: { width: number; height: number };
  onSubmit(tags: string[], note: string): void;
  onRemove(): void;
  onClose(): void;
}

const WIDTH = 320;
const ROOM_BELOW = 380;

/** Below the Save action when there is room, else above it; always inside the window. */
export function dialogPosition(anchor: AnchorRect, viewport: { width: number; height: number }): { left: number; top?: number; bottom?: number } {
  const left = Math.max(8, Math.min(anchor.right - WIDTH, viewport.width - WIDTH - 8));
  if (anchor.bottom + ROOM_BELOW <= viewport.height || anchor.top < ROOM_BELOW) return { left, top: Math.max(8, Math.min(anchor.bottom + 8, viewport.height - 120)) };
  return { left, bottom: Math.max(8, viewport.height - anchor.top + 8) };
}

/**
 * After the feed's (or the panel's) Save: says the post is in the library, and
 * lets the user add tags (suggested from the ones in use) and a note, or take
 * it out again. Pure: the content script does the messaging.
 */
export function SaveDialog({ state, viewport, onSubmit, onRemove, onClose }: SaveDialogProps) {
  const t = useT();
  const titleId = useId();
  const position = dialogPosition(state.anchor, viewport);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    const el = ref.current;
    el?.addEventListener('keydown', onKey);
    return () => el?.removeEventListener('keydown', onKey);
  }, [onClose]);

  const busy = state.status === 'saving' || state.status === 'updating' || state.status === 'removing';
  return (
    <div ref={ref} className="sd-save-dialog" role="dialog" aria-labelledby={titleId} data-testid="save-dialog" style={{ ...position, width: WIDTH }}>
      <div className="sd-save-head">
        <strong id={titleId}>{state.status === 'saving' ? t('saveDialogSaving') : state.created ? t('saveDialogSaved') : t('saveDialogUpdated')}</strong>
        <button type="button" className="sd-icon" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </div>
      <p className="sd-save-excerpt">
        <span className="sd-save-author">{state.authorName}</span> {state.excerpt}
      </p>
      {state.error && (
        <p className="sd-error" role="alert">
          {state.error}
        </p>
      )}
      {state.status !== 'saving' && state.status !== 'error' && <SaveDetails key={state.key} state={state} busy={busy} onSubmit={onSubmit} onRemove={onRemove} />}
    </div>
  );
}

function SaveDetails({ state, busy, onSubmit, onRemove }: { state: SaveDialogState; busy: boolean; onSubmit(tags: string[], note: string): void; onRemove(): void }) {
  const t = useT();
  const [tags, setTags] = useState(state.tags);
  const [note, setNote] = useState(state.note);
  const noteId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(tags, note);
  };
  return (
    <form onSubmit={submit}>
      <TagInput tags={tags} onChange={setTags} suggestions={state.suggestions} label={t('saveDialogTags')} autoFocus />
      <label htmlFor={noteId} className="sd-save-label">
        {t('saveDialogNote')}
      </label>
      <textarea id={noteId} rows={3} value={note} maxLength={20_000} onChange={(e) => setNote(e.target.value)} placeholder={t('saveDialogNoteHint')} />
      <div className="sd-row sd-save-actions">
        <button type="submit" disabled={busy}>
          {t('saveDialogDone')}
        </button>
        <button type="button" className="sd-secondary" disabled={busy} onClick={onRemove}>
          {t('saveDialogRemove')}
        </button>
      </div>
    </form>
  );
}
