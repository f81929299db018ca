import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TemplateView } from '@/lib/messaging/protocol';
import type { TemplateError } from '@/lib/templates/engine';
import { useT } from '@/lib/i18n';

export interface PickerComment {
  authorName: string;
  text: string;
}

export interface PickerResult {
  /** `copied`: the draft is on the clipboard; `failed`: not even that, the user copies it from here. */
  kind: 'copied' | 'failed';
  draft: string;
}

export interface ReplyPickerProps {
  /** The comment being answered; null for a focused box that answers no known comment. */
  comment: PickerComment | null;
  /** Recently and most used first; null while loading. */
  templates: TemplateView[] | null;
  /** No template matched the comment's language, so every language is listed. */
  allLanguages: boolean;
  error: string | null;
  initialQuery?: string;
  /** Opens straight on this template's draft (a short code typed in the box). */
  initialTemplateId?: string | null;
  render(template: TemplateView, seed: number): { text: string; errors: TemplateError[] };
  /** Inserting into the page's reply box. */
  busy: boolean;
  result: PickerResult | null;
  onInsert(template: TemplateView, text: string): void;
  onClose(): void;
}

function matches(t: TemplateView, query: string): boolean {
  const q = query.trim().replace(/^\//, '').toLowerCase();
  if (q === '') return true;
  return [t.name, t.body, t.category, t.shortCode ?? ''].some((s) => s.toLowerCase().includes(q));
}

/**
 * The template picker: search, arrows and Enter to choose, the filled draft to
 * check and edit, then Insert (Ctrl+Enter). Esc goes back a step, then closes.
 * Pure React: the container renders templates and inserts.
 */
export function ReplyPicker(props: ReplyPickerProps) {
  const t = useT();
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<TemplateView | null>(null);
  const [seed, setSeed] = useState(0);
  const [draft, setDraft] = useState('');
  const [edited, setEdited] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const draftRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const openedWith = useRef<string | null>(null);

  const list = useMemo(() => (props.templates ?? []).filter((tpl) => matches(tpl, query)), [props.templates, query]);
  const rendered = useMemo(() => (chosen ? props.render(chosen, seed) : null), [chosen, seed, props]);

  function choose(tpl: TemplateView, nextSeed = seed) {
    setChosen(tpl);
    setSeed(nextSeed);
    setDraft(props.render(tpl, nextSeed).text);
    setEdited(false);
  }

  // A short code opens on its template once the list has arrived.
  useEffect(() => {
    const id = props.initialTemplateId ?? null;
    if (id === null || openedWith.current === id || props.templates === null) return;
    openedWith.current = id;
    const tpl = props.templates.find((x) => x.id === id);
    if (tpl) choose(tpl, 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.initialTemplateId, props.templates]);

  useEffect(() => {
    if (chosen) draftRef.current?.focus();
    else searchRef.current?.focus();
  }, [chosen]);

  useEffect(() => {
    if (active >= list.length) setActive(Math.max(0, list.length - 1));
  }, [active, list.length]);

  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const canInsert = chosen !== null && draft.trim() !== '' && !props.busy && (edited || (rendered?.errors.length ?? 0) === 0);

  function onListKey(e: KeyboardEvent) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(list.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Home' && e.ctrlKey) {
      setActive(0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const tpl = list[active];
      if (tpl) choose(tpl);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      props.onClose();
    }
  }

  function onDraftKey(e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (canInsert && chosen) props.onInsert(chosen, draft);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setChosen(null);
    }
  }

  const activeId = list[active] ? `sd-tpl-${list[active].id}` : undefined;
  const title = props.comment ? t('pickerTitleFor', props.comment.authorName) : t('pickerTitle');

  return (
    <div className="sd-picker" role="dialog" aria-label={title} data-testid="reply-picker">
      <header className="sd-picker-head">
        <h2>{title}</h2>
        <button type="button" className="sd-icon" onClick={props.onClose} aria-label={t('pickerClose')}>
          ✕
        </button>
      </header>
      {props.comment && <p className="sd-picker-comment">{props.comment.text}</p>}
      {props.error && (
        <p className="sd-error" role="alert">
          {props.error}
        </p>
      )}
      {props.result && (
        <div className="sd-notice" role="alert" data-testid="picker-result">
          <p>{props.result.kind === 'copied' ? t('pickerCopied') : t('pickerCopyFailed')}</p>
          {props.result.kind === 'failed' && <textarea className="sd-draft" readOnly value={props.result.draft} onFocus={(e) => e.currentTarget.select()} />}
        </div>
      )}
      {!chosen ? (
        <div onKeyDown={onListKey}>
          <input
            ref={searchRef}
            type="search"
            className="sd-search"
            value={query}
            placeholder={t('pickerSearch')}
            aria-label={t('pickerSearch')}
            role="combobox"
            aria-expanded="true"
            aria-controls="sd-tpl-list"
            aria-activedescendant={activeId}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
          />
          {props.allLanguages && <p className="sd-muted">{t('pickerAllLanguages')}</p>}
          {props.templates === null && !props.error && <p className="sd-muted">{t('pickerLoading')}</p>}
          {props.templates !== null && props.templates.length === 0 && <p className="sd-muted">{t('pickerNoTemplates')}</p>}
          {props.templates !== null && props.templates.length > 0 && list.length === 0 && <p className="sd-muted">{t('pickerNoMatch')}</p>}
          <ul id="sd-tpl-list" ref={listRef} role="listbox" className="sd-tpl-list" aria-label={t('pickerListLabel')}>
            {list.map((tpl, i) => (
              <li
                key={tpl.id}
                id={`sd-tpl-${tpl.id}`}
                data-index={i}
                data-testid="template-option"
                role="option"
                aria-selected={i === active}
                className={i === active ? 'sd-active' : undefined}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(tpl)}
              >
                <span className="sd-tpl-name">{tpl.name}</span>
                {tpl.shortCode && <span className="sd-tpl-code">/{tpl.shortCode}</span>}
                <span className="sd-tpl-body">{tpl.body}</span>
              </li>
            ))}
          </ul>
          <p className="sd-muted sd-keys">{t('pickerKeysList')}</p>
        </div>
      ) : (
        <div className="sd-picker-draft">
          <label className="sd-muted" htmlFor="sd-draft">
            {t('pickerDraftLabel', chosen.name)}
          </label>
          <textarea
            id="sd-draft"
            ref={draftRef}
            className="sd-draft"
            data-testid="draft"
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              setEdited(true);
            }}
            onKeyDown={onDraftKey}
            rows={Math.min(10, Math.max(3, draft.split('\n').length + 1))}
          />
          {rendered && rendered.errors.length > 0 && (
            <ul className="sd-errors" role="alert" data-testid="draft-errors">
              {rendered.errors.map((err, i) => (
                <li key={i}>{t(`pickerError_${err.code}`, chosen.body.slice(err.start, err.end) || (err.detail ?? ''))}</li>
              ))}
              <li className="sd-muted">{edited ? t('pickerErrorsEdited') : t('pickerErrorsHint')}</li>
            </ul>
          )}
          <div className="sd-row">
            <button type="button" disabled={!canInsert} onClick={() => props.onInsert(chosen, draft)} data-testid="insert-draft">
              {props.busy ? t('pickerInserting') : t('pickerInsert')}
            </button>
            {chosen.body.includes('|') && (
              <button type="button" className="sd-secondary" onClick={() => choose(chosen, seed + 1)}>
                {t('pickerOtherWording')}
              </button>
            )}
            <button type="button" className="sd-secondary" onClick={() => setChosen(null)}>
              {t('pickerBack')}
            </button>
          </div>
          <p className="sd-muted sd-keys">{t('pickerKeysDraft')}</p>
        </div>
      )}
    </div>
  );
}
