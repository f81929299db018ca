import type { WeekStats, WeekTotals } from '@/lib/messaging/protocol';
import { useT, type Translate } from '@/lib/i18n';
import { formatCount, formatDuration, formatPercent } from '@/components/ui/format';

export interface PopupProps {
  stats: WeekStats | null;
  error: string | null;
  onOpenDashboard(): void;
  /** Manual mode: save the current tab's page, or record an interaction seen there. */
  onSavePage(): void;
  onRecordInteraction(): void;
}

type Metric = {
  key: string;
  value(t: WeekTotals): number | null;
  format(v: number): string;
};

/** This week so far against the same days of last week. */
export function Popup({ stats, error, onOpenDashboard, onSavePage, onRecordInteraction }: PopupProps) {
  const t = useT();
  const metrics: Metric[] = [
    { key: 'metricCommentsReceived', value: (w) => w.commentsReceived, format: formatCount },
    { key: 'metricRepliesSent', value: (w) => w.repliesSent, format: formatCount },
    { key: 'metricResponseRate', value: (w) => w.responseRate, format: formatPercent },
    { key: 'metricMedianResponse', value: (w) => w.medianResponseMs, format: (v) => formatDuration(v, t) },
    { key: 'metricReactionsGained', value: (w) => w.reactionsGained, format: formatCount },
    { key: 'metricSharesGained', value: (w) => w.sharesGained, format: formatCount },
    { key: 'metricPostsPublished', value: (w) => w.postsPublished, format: formatCount },
  ];
  return (
    <main className="sd-popup">
      <header>
        <h1>{t('popupTitle')}</h1>
        {stats && <p className="sd-muted">{t('popupWeekRange', [stats.weekStartDay, stats.today])}</p>}
      </header>
      {error && (
        <p role="alert" className="sd-error">
          {error}
        </p>
      )}
      {!stats && !error && <p className="sd-muted">{t('loading')}</p>}
      {stats && !stats.hasAnyData && (
        <section className="sd-empty" data-testid="empty-state">
          <h2>{t('emptyTitle')}</h2>
          <p>{t('emptyBody')}</p>
        </section>
      )}
      {stats && stats.hasAnyData && (
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
              {metrics.map((m) => {
                const now = m.value(stats.thisWeek);
                const before = m.value(stats.lastWeekSameDays);
                return (
                  <tr key={m.key} data-testid={m.key}>
                    <th scope="row">{t(m.key)}</th>
                    <td className="sd-value">{now === null ? '–' : m.format(now)}</td>
                    <td className="sd-change">{change(now, before, t)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p data-testid="waiting">{t('waitingCount', String(stats.waiting))}</p>
        </>
      )}
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

function change(now: number | null, before: number | null, t: Translate): string {
  if (now === null || before === null) return '';
  if (before === 0) return now === 0 ? '→ 0%' : `↑ ${t('changeNew')}`;
  const pct = Math.round(((now - before) / Math.abs(before)) * 100);
  return `${pct > 0 ? '↑' : pct < 0 ? '↓' : '→'} ${Math.abs(pct)}%`;
}
