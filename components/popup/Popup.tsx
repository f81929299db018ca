import type { WeekStats } from '@/lib/messaging/protocol';
import { useT } from '@/lib/i18n';
import { addDays } from '@/lib/stats/days';
import { changeOf, formatDayRange, formatMetric, METRICS, platformName } from '@/lib/stats/summary-text';
import { formatCount } from '@/components/ui/format';
import { WeekChart } from './WeekChart';

export interface PopupProps {
  stats: WeekStats | null;
  error: string | null;
  /** Where "N comments waiting" leads: the dashboard's reply queue. */
  waitingHref: string;
  /** The dashboard's weekly summaries. */
  historyHref: string;
  onOpenDashboard(): void;
  /** Manual mode: save the current tab's page, or record an interaction seen there. */
  onSavePage(): void;
  onRecordInteraction(): void;
  /** For dates; the browser's UI language when omitted. */
  locale?: string;
  /** Since when the browser refuses our writes for want of room (read-only), or null. */
  storageFullSince?: number | null;
}

/** This week so far against the same days of last week. */
export function Popup({ stats, error, waitingHref, historyHref, onOpenDashboard, onSavePage, onRecordInteraction, locale, storageFullSince = null }: PopupProps) {
  const t = useT();
  return (
    <main className="sd-popup">
      <header>
        <h1>{t('popupTitle')}</h1>
        {stats && <p className="sd-muted">{t('popupWeekRange', formatDayRange(stats.weekStartDay, addDays(stats.weekStartDay, 6), locale))}</p>}
      </header>
      {error && (
        <p role="alert" className="sd-error">
          {error}
        </p>
      )}
      {storageFullSince !== null && (
        <p role="alert" className="sd-error" data-testid="storage-full">
          {t('storageFullReadOnly')}
        </p>
      )}
      {!stats && !error && <p className="sd-muted">{t('loading')}</p>}
      {stats && !stats.hasAnyData && (
        <section className="sd-empty" data-testid="empty-state">
          <h2>{t('emptyTitle')}</h2>
          <p>{t('emptyBody')}</p>
          <h3>{t('emptyHowTitle')}</h3>
          <p className="sd-muted">{t('emptyHowBody')}</p>
        </section>
      )}
      {stats && stats.hasAnyData && <WeekAtAGlance stats={stats} waitingHref={waitingHref} historyHref={historyHref} locale={locale} />}
      <footer className="sd-row">
        <button type="button" onClick={onOpenDashboard}>
          {t('openDashboard')}
        </button>
        <button type="button" className="sd-secondary" onClick={onSavePage}>
          {t('popupSavePage')}
        </button>
        <button type="button" className="sd-secondary" onClick={onRecordInteraction}>
          {t('popupRecordInteraction')}
        </button>
      </footer>
    </main>
  );
}

function WeekAtAGlance({ stats, waitingHref, historyHref, locale }: { stats: WeekStats; waitingHref: string; historyHref: string; locale?: string }) {
  const t = useT();
  const top = stats.topPost;
  return (
    <>
      <table className="sd-metrics">
        <thead>
          <tr>
            <th scope="col">{t('metricColumn')}</th>
            <th scope="col">{t('thisWeek')}</th>
            <th scope="col">{t('vsLastWeek')}</th>
          </tr>
        </thead>
        <tbody>
          {METRICS.map((m) => {
            const now = stats.thisWeek[m.key];
            const before = stats.lastWeekSameDays[m.key];
            const change = changeOf(now, before, m.kind, t, m.lowerIsBetter);
            return (
              <tr key={m.key} data-testid={m.label}>
                <th scope="row">{t(m.label)}</th>
                <td className="sd-value">{formatMetric(m.kind, now, t)}</td>
                <td
                  className={`sd-change${change.good === true ? ' sd-good' : change.good === false ? ' sd-bad' : ''}`}
                  title={`${formatMetric(m.kind, before, t)}${change.good === null ? '' : ` · ${t(change.good ? 'changeBetter' : 'changeWorse')}`}`}
                >
                  {change.text}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <WeekChart days={stats.days} today={stats.today} locale={locale} />

      {stats.byPlatform.length > 0 && (
        <section aria-labelledby="sd-by-platform">
          <h2 id="sd-by-platform" className="sd-subhead">
            {t('popupByPlatform')}
          </h2>
          <table className="sd-metrics sd-compact" data-testid="by-platform">
            <thead>
              <tr>
                <th scope="col">{t('logPlatform')}</th>
                <th scope="col">{t('metricCommentsReceived')}</th>
                <th scope="col">{t('metricRepliesSent')}</th>
                <th scope="col">{t('metricReactionsGained')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.byPlatform.map((p) => {
                const change = changeOf(p.thisWeek.commentsReceived, p.lastWeekSameDays.commentsReceived, 'count', t);
                return (
                  <tr key={p.platform} data-testid={`platform-${p.platform}`}>
                    <th scope="row">{platformName(p.platform, t)}</th>
                    <td className="sd-value">
                      {formatCount(p.thisWeek.commentsReceived)} <span className={`sd-change${change.good === true ? ' sd-good' : change.good === false ? ' sd-bad' : ''}`}>{change.text}</span>
                    </td>
                    <td className="sd-value">{formatCount(p.thisWeek.repliesSent)}</td>
                    <td className="sd-value">{formatCount(p.thisWeek.reactionsGained)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      <section aria-labelledby="sd-top-post" data-testid="top-post">
        <h2 id="sd-top-post" className="sd-subhead">
          {t('popupTopPost')}
        </h2>
        {top ? (
          <p className="sd-top-post">
            {top.url ? (
              <a href={top.url} target="_blank" rel="noreferrer noopener">
                {top.excerpt || t('popupPostWithoutText', platformName(top.platform, t))}
              </a>
            ) : (
              <span>{top.excerpt || t('popupPostWithoutText', platformName(top.platform, t))}</span>
            )}{' '}
            <span className="sd-muted">
              {platformName(top.platform, t)} · {t('popupTopPostGain', [formatCount(top.engagement), formatCount(top.reactions), formatCount(top.comments), formatCount(top.shares)])}
            </span>
          </p>
        ) : (
          <p className="sd-muted">{t('popupNoTopPost')}</p>
        )}
      </section>

      <p data-testid="waiting" className="sd-waiting">
        {stats.waiting > 0 ? (
          <a href={waitingHref} target="_blank" rel="noreferrer">
            {t('waitingLink', `${formatCount(stats.waiting)}${stats.waitingMore ? '+' : ''}`)}
          </a>
        ) : (
          <span className="sd-muted">{t('waitingNone')}</span>
        )}
      </p>
      <p>
        <a href={historyHref} target="_blank" rel="noreferrer" data-testid="history-link">
          {t('popupHistoryLink')}
        </a>
      </p>
    </>
  );
}
