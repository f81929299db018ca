import { useState } from 'react';
import { formatCount } from '@/components/ui/format';
import { TagInput } from '@/components/ui/TagInput';
import type { LibraryItem as Item } from '@/lib/db/library';
import type { SavedCounts } from '@/lib/db/schema';
import { useT, type Translate } from '@/lib/i18n';
import type { LibraryView } from './LibraryToolbar';

export interface CountHistoryRow extends SavedCounts {
  capturedAt: number;
}

export interface LibraryItemProps {
  item: Item;
  view: LibraryView;
  selected: boolean;
  onSelect(selected: boolean): void;
  /** Existing tags, most used first (suggestions while editing). */
  tagSuggestions: readonly string[];
  onEdit(tags: string[], note: string): Promise<void>;
  onDelete(): Promise<void>;
  onInspire(): void;
  onTag(tag: string): void;
  onAuthor(): void;
  onHistory(): Promise<CountHistoryRow[]>;
}

const date = (ms: number) => new Date(ms).toLocaleDateString();
const dateTime = (ms: number) => new Date(ms).toLocaleString();

export function sourceName(item: Pick<Item, 'platform' | 'site'>, t: Translate): string {
  return item.platform === 'other' && item.site ? item.site : t(`platform_${item.platform}`);
}

function CountLine({ counts }: { counts: SavedCounts }) {
  const t = useT();
  const parts: Array<[string, number | null]> = [
    ['countReactions', counts.reactions],
    ['countComments', counts.comments],
    ['countShares', counts.shares],
    ['countViews', counts.views],
  ];
  return (
    <span className="sd-lib-counts">
      {parts
        .filter(([, v]) => v !== null)
        .map(([key, v]) => (
          <span key={key}>
            {t(key)} {formatCount(v as number)}
          </span>
        ))}
    </span>
  );
}

/** One saved post, as a card (grid) or a row (list). Page text is shown as text only. */
export function LibraryItem(props: LibraryItemProps) {
  const { item, view } = props;
  const t = useT();
  const [mode, setMode] = useState<'view' | 'edit' | 'history' | 'confirm-delete'>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<CountHistoryRow[] | null>(null);
  const source = sourceName(item, t);
  const text = view === 'list' && item.text.length > 280 ? `${item.text.slice(0, 280)}…` : item.text;
  const grew = item.growth !== null && item.countsAt !== null && item.countsAt > item.savedAt;

  const run = async (action: () => Promise<void>, after: typeof mode = 'view') => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setMode(after);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className={`sd-lib-item sd-lib-${view}`} data-testid="library-item" data-key={item.key} aria-label={`${item.authorName} · ${source}`}>
      <header className="sd-lib-item-head">
        <input type="checkbox" checked={props.selected} onChange={(e) => props.onSelect(e.target.checked)} aria-label={t('librarySelect', item.authorName)} />
        <span className={`sd-lib-platform sd-lib-platform-${item.platform}`}>{source}</span>
        <button type="button" className="sd-linkish" onClick={props.onAuthor} title={t('libraryFilterByAuthor')}>
          {item.authorName || source}
        </button>
        {item.authorUrl && (
          <a href={item.authorUrl} target="_blank" rel="noopener noreferrer" className="sd-muted" aria-label={t('libraryOpenProfile', item.authorName)}>
            ↗
          </a>
        )}
        <span className="sd-muted sd-lib-date" title={t('librarySavedOn', dateTime(item.savedAt))}>
          {t('librarySavedOn', date(item.savedAt))}
        </span>
      </header>
      {text && (
        <p className="sd-lib-text" data-testid="library-text">
          {text}
        </p>
      )}
      <div className="sd-lib-meta">
        {item.publishedAt !== null && <span className="sd-muted">{t('libraryPublished', date(item.publishedAt))}</span>}
        {item.mediaUrl && (
          <a href={item.mediaUrl} target="_blank" rel="noopener noreferrer">
            {t(`libraryMedia_${item.mediaKind === 'video' ? 'video' : 'image'}`)}
          </a>
        )}
        {item.counts && (
          <span data-testid="library-counts">
            <CountLine counts={item.counts} />
            {grew && (
              <span className={`sd-lib-growth ${(item.growth ?? 0) >= 0 ? 'sd-up' : 'sd-down'}`}>
                {' '}
                {t('libraryGrowth', `${(item.growth ?? 0) >= 0 ? '+' : ''}${formatCount(item.growth ?? 0)}`)}
              </span>
            )}
          </span>
        )}
      </div>
      {item.tags.length > 0 && (
        <div className="sd-lib-tags">
          {item.tags.map((tag) => (
            <button key={tag} type="button" className="sd-suggestion" onClick={() => props.onTag(tag)} data-testid="library-tag">
              #{tag}
            </button>
          ))}
        </div>
      )}
      {item.note && mode !== 'edit' && <p className="sd-lib-note">{item.note}</p>}
      {error && (
        <p className="sd-error" role="alert">
          {t('libraryError', error)}
        </p>
      )}
      {mode === 'edit' && (
        <Editor
          item={item}
          suggestions={props.tagSuggestions}
          busy={busy}
          onCancel={() => setMode('view')}
          onSave={(tags, note) => void run(() => props.onEdit(tags, note))}
        />
      )}
      {mode === 'history' && history && (
        <table className="sd-log sd-lib-history" data-testid="library-history">
          <thead>
            <tr>
              <th scope="col">{t('libraryHistoryWhen')}</th>
              <th scope="col">{t('countReactions')}</th>
              <th scope="col">{t('countComments')}</th>
              <th scope="col">{t('countShares')}</th>
              <th scope="col">{t('countViews')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.capturedAt}>
                <td>{dateTime(h.capturedAt)}</td>
                {(['reactions', 'comments', 'shares', 'views'] as const).map((k) => (
                  <td key={k}>{h[k] === null ? '—' : formatCount(h[k] as number)}</td>
                ))}
              </tr>
            ))}
            {history.length === 0 && (
              <tr>
                <td colSpan={5} className="sd-muted">
                  {t('libraryHistoryNone')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {mode === 'confirm-delete' ? (
        <div className="sd-row sd-lib-confirm" role="group" aria-label={t('libraryDeleteOneConfirm')}>
          <span>{t('libraryDeleteOneConfirm')}</span>
          <button type="button" disabled={busy} onClick={() => void run(props.onDelete)}>
            {t('libraryDelete')}
          </button>
          <button type="button" className="sd-secondary" onClick={() => setMode('view')}>
            {t('libraryCancel')}
          </button>
        </div>
      ) : (
        <footer className="sd-row sd-lib-actions">
          <a href={item.url} target="_blank" rel="noopener noreferrer">
            {t('libraryOpenPost')}
          </a>
          <button type="button" onClick={props.onInspire}>
            {t('libraryInspire')}
          </button>
          <button type="button" className="sd-secondary" onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')} aria-expanded={mode === 'edit'}>
            {t('libraryEdit')}
          </button>
          <button
            type="button"
            className="sd-secondary"
            aria-expanded={mode === 'history'}
            onClick={() => {
              if (mode === 'history') setMode('view');
              else
                void run(async () => {
                  setHistory(await props.onHistory());
                }, 'history');
            }}
          >
            {t('libraryHistory')}
          </button>
          <button type="button" className="sd-secondary" onClick={() => setMode('confirm-delete')}>
            {t('libraryDelete')}
          </button>
        </footer>
      )}
    </article>
  );
}

function Editor({ item, suggestions, busy, onSave, onCancel }: { item: Item; suggestions: readonly string[]; busy: boolean; onSave(tags: string[], note: string): void; onCancel(): void }) {
  const t = useT();
  const [tags, setTags] = useState(item.tags);
  const [note, setNote] = useState(item.note);
  return (
    <form
      className="sd-lib-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(tags, note);
      }}
    >
      <TagInput tags={tags} onChange={setTags} suggestions={suggestions} label={t('saveDialogTags')} autoFocus />
      <label>
        {t('saveDialogNote')}
        <textarea rows={3} value={note} maxLength={20_000} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="sd-row">
        <button type="submit" disabled={busy}>
          {t('save')}
        </button>
        <button type="button" className="sd-secondary" onClick={onCancel}>
          {t('libraryCancel')}
        </button>
      </div>
    </form>
  );
}
