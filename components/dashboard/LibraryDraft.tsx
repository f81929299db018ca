import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '@/lib/i18n';

export interface LibraryDraftProps {
  /** The draft as first written (lib/library/draft.ts); the user can edit it before copying. */
  initial: string;
  onCopy(text: string): Promise<void>;
  onClose(): void;
}

/** "Use as inspiration": a draft note with the post quoted and a link back, to edit and copy. */
export function LibraryDraft({ initial, onCopy, onClose }: LibraryDraftProps) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(initial);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    area.current?.focus();
  }, []);
  return (
    <div className="sd-lib-draft" role="dialog" aria-labelledby={id} data-testid="library-draft" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2 id={id}>{t('draftTitle')}</h2>
      <p className="sd-muted">{t('draftHelp')}</p>
      <textarea ref={area} rows={12} value={text} onChange={(e) => setText(e.target.value)} aria-labelledby={id} />
      <div className="sd-row">
        <button
          type="button"
          onClick={() => {
            onCopy(text).then(
              () => setState('copied'),
              () => {
                // Without clipboard access the text is selected, for Ctrl+C.
                area.current?.select();
                setState('failed');
              },
            );
          }}
        >
          {t('draftCopy')}
        </button>
        <button type="button" className="sd-secondary" onClick={onClose}>
          {t('close')}
        </button>
        <span role="status">{state === 'copied' ? t('draftCopied') : state === 'failed' ? t('draftCopyFailed') : ''}</span>
      </div>
    </div>
  );
}
