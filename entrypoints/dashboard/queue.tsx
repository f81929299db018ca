import { useCallback, useEffect, useState } from 'react';
import { Queue } from '@/components/dashboard/Queue';
import { useT } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import type { ResponseData } from '@/lib/messaging/protocol';

/** How many waiting comments the page lists (the newest); the heading counts them all. */
const QUEUE_LIMIT = 1000;

/** The dashboard's Reply queue tab: the waiting comments of every platform (lib/db/queue.ts). */
export function QueueTab() {
  const t = useT();
  const [data, setData] = useState<ResponseData<'UI_LIST_WAITING'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const load = useCallback(() => {
    request({ type: 'UI_LIST_WAITING', limit: QUEUE_LIMIT }).then(
      (d) => {
        setNow(Date.now());
        setData(d);
      },
      (e: unknown) => setError(t('errorLoadFailed', e instanceof Error ? e.message : String(e))),
    );
  }, [t]);
  useEffect(() => {
    load();
    // Comments answered or captured in another tab meanwhile: the list is read again when the user comes back.
    const onVisible = () => document.visibilityState === 'visible' && load();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load]);

  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t('loading')}</p>;
  const setStatus = async (interactionId: string, status: 'open' | 'dismissed') => {
    await request({ type: 'UI_SET_COMMENT_STATUS', interactionId, status });
  };
  return (
    <Queue
      key={`${data.total}:${data.items[0]?.interactionId ?? ''}:${now}`}
      items={data.items}
      total={data.total}
      now={now}
      onDismiss={(item) => setStatus(item.interactionId, 'dismissed')}
      onReopen={(item) => setStatus(item.interactionId, 'open')}
    />
  );
}
