import { useState, type FormEvent } from 'react';
import { TagInput } from '@/components/ui/TagInput';
import { useT } from '@/lib/i18n';

export type RecordMode = 'inspiration' | 'interaction';
export type ManualKind = 'comment_received' | 'reply_sent' | 'mention';

export interface RecordDraft {
  mode: RecordMode;
  url: string;
  /** The page's title or the site's name, used as the author of a saved page. */
  source: string;
  text: string;
}

export interface RecordSubmission {
  mode: RecordMode;
  url: string;
  source: string;
  text: string;
  tags: string[];
  note: string;
  kind: ManualKind;
  actorName: string;
  occurredAt: number;
}

export interface RecordFormProps {
  initial: RecordDraft;
  now: number;
  onSubmit(submission: RecordSubmission): Promise<void>;
  onClose(): void;
  /** Tags already in the library, most used first. */
  tagSuggestions?: readonly string[];
}

function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/**
 * Manual mode for any site: save a page, link or selection to the inspiration
 * library, or record a comment/reply/mention the extension cannot read there.
 */
export function RecordForm({ initial, now, onSubmit, onClose, tagSuggestions = [] }: RecordFormProps) {
  const t = useT();
  const [mode, setMode] = useState<RecordMode>(initial.mode);
  const [url, setUrl] = useState(initial.url);
  const [source, setSource] = useState(initial.source);
  const [text, setText] = useState(initial.text);
  const [tags, setTags] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [kind, setKind] = useState<ManualKind>('comment_received');
  const [actorName, setActorName] = useState('');
  const [when, setWhen] = useState(toLocalInput(now));
  const [state, setState] = useState<{ status: 'idle' | 'saving' | 'saved' } | { status: 'error'; message: string }>({ status: 'idle' });

  const urlValid = /^https?:\/\/\S+$/.test(url.trim());

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!urlValid) return;
    setState({ status: 'saving' });
    try {
      await onSubmit({
        mode,
        url: url.trim(),
        source: source.trim(),
        text,
        tags,
        note,
        kind,
        actorName: actorName.trim(),
        occurredAt: new Date(when).getTime(),
      });
      setState({ status: 'saved' });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <form className="sd-record" onSubmit={submit}>
      <h1>{t('recordTitle')}</h1>
      <fieldset>
        <legend>{t('recordWhat')}</legend>
        <label>
          <input type="radio" name="mode" checked={mode === 'inspiration'} onChange={() => setMode('inspiration')} /> {t('recordModeInspiration')}
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'interaction'} onChange={() => setMode('interaction')} /> {t('recordModeInteraction')}
        </label>
      </fieldset>
      <label>
        {t('recordUrl')}
        <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} aria-invalid={!urlValid} />
      </label>
      {!urlValid && <p role="alert">{t('recordUrlInvalid')}</p>}
      {mode === 'inspiration' ? (
        <>
          <label>
            {t('recordSource')}
            <input value={source} onChange={(e) => setSource(e.target.value)} />
          </label>
          <label>
            {t('recordText')}
            <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <TagInput tags={tags} onChange={setTags} suggestions={tagSuggestions} label={t('recordTags')} />
          <label>
            {t('recordNote')}
            <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
        </>
      ) : (
        <>
          <label>
            {t('recordKind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as ManualKind)}>
              <option value="comment_received">{t('kind_comment_received')}</option>
              <option value="reply_sent">{t('kind_reply_sent')}</option>
              <option value="mention">{t('kind_mention')}</option>
            </select>
          </label>
          <label>
            {t('recordWho')}
            <input value={actorName} onChange={(e) => setActorName(e.target.value)} />
          </label>
          <label>
            {t('recordText')}
            <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <label>
            {t('recordWhen')}
            <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
          </label>
        </>
      )}
      <div className="sd-row">
        <button type="submit" disabled={state.status === 'saving' || !urlValid}>
          {t('save')}
        </button>
        <button type="button" className="sd-secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {state.status === 'saved' && <p role="status">{t(mode === 'inspiration' ? 'recordSavedInspiration' : 'recordSavedInteraction')}</p>}
      {state.status === 'error' && <p role="alert">{t('errorSaveFailed', state.message)}</p>}
    </form>
  );
}
