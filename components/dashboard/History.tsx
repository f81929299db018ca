import { useState } from 'react';
import { useT } from '@/lib/i18n';
import type { WeeklySummaries } from '@/lib/messaging/protocol';
import { addDays } from '@/lib/stats/days';
import type { WeeklySummary } from '@/lib/stats/summary-format';
import { formatDay } from '@/lib/stats/summary-text';
import { HistoryCharts } from './HistoryCharts';
import { HistoryExports, type HistoryExportsProps } from './HistoryExports';
import { HistoryPostCurve, type HistoryPostCurveProps } from './HistoryPostCurve';
import { HistorySummary } from './HistorySummary';

const WEEKDAYS = ['weekdaySunday', 'weekdayMonday', 'weekdayTuesday', 'weekdayWednesday', 'weekdayThursday', 'weekdayFriday', 'weekdaySaturday'];
export const WEEK_CHOICES = [12, 26, 52] as const;
const PAGE = 12;

export interface HistoryProps {
  data: WeeklySummaries | null;
  error: string | null;
  notify: boolean;
  onNotify(on: boolean): void;
  /** The week a link or notification asked for (`#/history?week=YYYY-MM-DD`). */
  focusWeek: string | null;
  onCopy(summary: WeeklySummary): Promise<void>;
  onExport: HistoryExportsProps['onExport'];
  posts: Omit<HistoryPostCurveProps, 'locale'>;
  locale?: string;
}

/** The dashboard's history: week-over-week charts, every weekly summary, exports, and each post's curve. */
export function History({ data, error, notify, onNotify, focusWeek, onCopy, onExport, posts, locale }: HistoryProps) {
  const t = useT();
  const [weeks, setWeeks] = useState<number>(WEEK_CHOICES[0]);
  const [shown, setShown] = useState(PAGE);
  if (error) {
    return (
      <p role="alert" className="sd-error">
        {error}
      </p>
    );
  }
  if (!data) return <p className="sd-muted">{t('loading')}</p>;
  const summaries = data.summaries;
  const newest = summaries[0];
  // A focused week further down the list is shown even when it is older than the first page.
  const focusIndex = focusWeek ? summaries.findIndex((s) => s.startDay === focusWeek) : -1;
  const visible = summaries.slice(0, Math.max(shown, focusIndex + 1));
  return (
    <div className="sd-history">
      <section aria-labelledby="sd-history-title">
        <h2 id="sd-history-title">{t('historyTitle')}</h2>
        <p className="sd-muted">{t('historyIntro', [t(WEEKDAYS[data.weekStart] ?? 'weekdayMonday'), data.timeZone])}</p>
        <p className="sd-muted">{t('historyNext', formatDay(data.nextSummaryDay, locale))}</p>
        <label className="sd-check">
          <input type="checkbox" checked={notify} onChange={(e) => onNotify(e.target.checked)} /> {t('historyNotify')}
        </label>
      </section>

      {newest ? (
        <>
          <p className="sd-row">
            <label>
              {t('historyWeeksShown')}{' '}
              <select value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
                {WEEK_CHOICES.map((n) => (
                  <option key={n} value={n}>
                    {t('historyWeeksOption', String(n))}
                  </option>
                ))}
              </select>
            </label>
          </p>
          <HistoryCharts summaries={summaries} lastWeek={addDays(data.nextSummaryDay, -14)} weeks={weeks} locale={locale} />
          <section aria-labelledby="sd-history-list">
            <h2 id="sd-history-list">{t('historySummaries')}</h2>
            {visible.map((s, i) => (
              <HistorySummary key={s.startDay} summary={s} open={focusWeek ? s.startDay === focusWeek : i === 0} onCopy={onCopy} locale={locale} />
            ))}
            {visible.length < summaries.length && (
              <button type="button" className="sd-secondary" onClick={() => setShown(visible.length + PAGE)}>
                {t('historyShowMore')}
              </button>
            )}
          </section>
        </>
      ) : (
        <p className="sd-empty" data-testid="history-empty">
          {t('historyEmpty', formatDay(data.nextSummaryDay, locale))}
        </p>
      )}

      <HistoryExports onExport={onExport} />
      <HistoryPostCurve {...posts} locale={locale} />
    </div>
  );
}
