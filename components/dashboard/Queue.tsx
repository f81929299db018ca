import { useMemo, useState } from 'react';
import type { WaitingComment } from '@/lib/messaging/protocol';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';
import { useT } from '@/lib/i18n';
import { ClassifierHint } from '@/components/ui/ClassifierHint';
import { formatCount, formatRelative } from '@/components/ui/format';

export interface QueueProps {
  /** The newest waiting comments, most urgent first, and how many wait in all. */
  items: WaitingComment[];
  total: number;
  now: number;
  /** "No reply needed"; resolves when stored. */
  onDismiss(item: WaitingComment): Promise<void>;
  /** Undo of a dismissal made here. */
  onReopen(item: WaitingComment): Promise<void>;
}

/** Only web addresses become links: the url was read from a page and is not trusted. */
const webUrl = (url: string | null) => (url !== null && /^https?:\/\//i.test(url) ? url : null);

/**
 * The reply queue across every platform: what the popup's "N comments waiting"
 * opens. Replying happens in the page itself (the panel inserts the draft into
 * the comment's own reply box), so each comment links to its post; here the user
 * sees what waits everywhere, most urgent first, and can mark "no reply needed".
 */
export function Queue({ items, total, now, onDismiss, onReopen }: QueueProps) {
  const t = useT();
  const [platform, setPlatform] = useState<Platform | null>(null);
  const [dismissed, setDismissed] = useState<Set<string>>(() => new Set());
  const [notice, setNotice] = useState<WaitingComment | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const waiting = useMemo(() => items.filter((i) => !dismissed.has(i.interactionId)), [items, dismissed]);
  const perPlatform = useMemo(() => {
    const counts = new Map<Platform, number>();
    for (const i of waiting) counts.set(i.platform, (counts.get(i.platform) ?? 0) + 1);
    return PLATFORMS.flatMap((p) => (counts.has(p) ? [[p, counts.get(p) as number] as const] : []));
  }, [waiting]);
  const shown = platform === null ? waiting : waiting.filter((i) => i.platform === platform);
  const remaining = total - dismissed.size;

  const act = async (item: WaitingComment, dismiss: boolean) => {
    setFailed(null);
    try {
      if (dismiss) await onDismiss(item);
      else await onReopen(item);
    } catch (e) {
      setFailed(t('queueActionFailed', e instanceof Error ? e.message : String(e)));
      return;
    }
    setDismissed((old) => {
      const next = new Set(old);
      if (dismiss) next.add(item.interactionId);
      else next.delete(item.interactionId);
      return next;
    });
    setNotice(dismiss ? item : null);
  };

  return (
    <section className="sd-queue-page" aria-labelledby="sd-queue-page-title" data-testid="queue-page">
      <h2 id="sd-queue-page-title">{t('queueTitle', formatCount(Math.max(0, remaining)))}</h2>
      <p className="sd-muted">{t('queuePageIntro')}</p>
      {failed && <p role="alert">{failed}</p>}
      {notice && (
        <p role="status" className="sd-notice" data-testid="queue-notice">
          {t('queueDismissedNotice', notice.actorName)}{' '}
          <button type="button" className="sd-secondary" onClick={() => void act(notice, false)}>
            {t('queueUndo')}
          </button>
        </p>
      )}
      {waiting.length === 0 ? (
        <p data-testid="queue-page-empty">{t('queuePageEmpty')}</p>
      ) : (
        <>
          {perPlatform.length > 1 && (
            <div className="sd-row" role="group" aria-label={t('queuePlatformFilter')}>
              <button type="button" aria-pressed={platform === null} className={platform === null ? undefined : 'sd-secondary'} onClick={() => setPlatform(null)}>
                {t('queueAllPlatforms', formatCount(waiting.length))}
              </button>
              {perPlatform.map(([p, n]) => (
                <button key={p} type="button" aria-pressed={platform === p} className={platform === p ? undefined : 'sd-secondary'} onClick={() => setPlatform(p)}>
                  {t(`platform_${p}`)} ({formatCount(n)})
                </button>
              ))}
            </div>
          )}
          <ol className="sd-queue-list">
            {shown.map((item) => {
              const postUrl = webUrl(item.postUrl);
              return (
                <li key={item.interactionId} data-testid="queue-page-item" data-platform={item.platform}>
                  <div className="sd-comment-head">
                    <span className="sd-muted">{item.platform === 'other' && item.site ? item.site : t(`platform_${item.platform}`)}</span>{' '}
                    <strong>{item.actorName}</strong>{' '}
                    <time dateTime={new Date(item.occurredAt).toISOString()} title={new Date(item.occurredAt).toLocaleString()}>
                      {formatRelative(item.occurredAt, now, t)}
                    </time>
                  </div>
                  <p className="sd-text">{item.text}</p>
                  <ClassifierHint classification={item} />
                  {item.postExcerpt !== null && <p className="sd-muted">{t('queueOnPost', item.postExcerpt)}</p>}
                  <div className="sd-row">
                    {postUrl && (
                      <a href={postUrl} target="_blank" rel="noreferrer noopener" data-testid="queue-open-post">
                        {t('queueOpenPost')}
                      </a>
                    )}
                    <button type="button" className="sd-secondary" onClick={() => void act(item, true)} data-testid="queue-page-dismiss">
                      {t('queueDismiss')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          {total > items.length && <p className="sd-muted">{t('queuePagePartial', [formatCount(items.length), formatCount(total)])}</p>}
        </>
      )}
    </section>
  );
}
