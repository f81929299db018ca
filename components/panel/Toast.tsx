import { useEffect } from 'react';
import { useT } from '@/lib/i18n';
import type { PanelNotice } from './Panel';

/** How long a message stays up (Undo included) before it goes by itself. */
export const TOAST_MS = 10_000;

/**
 * A short message after an action ("draft inserted", "marked no reply needed" with
 * Undo). It floats apart from the panel, so it shows while the panel is collapsed
 * or stepped aside for the editor the user types in.
 */
export function Toast({ notice, onDone }: { notice: PanelNotice; onDone(): void }) {
  const t = useT();
  useEffect(() => {
    const id = setTimeout(onDone, TOAST_MS);
    return () => clearTimeout(id);
  }, [notice, onDone]);
  return (
    <div className="sd-toast sd-row" role="status" data-testid="panel-notice">
      <p>{notice.text}</p>
      {notice.onUndo && (
        <button
          type="button"
          className="sd-secondary"
          data-testid="notice-undo"
          onClick={() => {
            notice.onUndo?.();
            onDone();
          }}
        >
          {t('queueUndo')}
        </button>
      )}
      <button type="button" className="sd-icon" onClick={onDone} aria-label={t('toastClose')}>
        ✕
      </button>
    </div>
  );
}
