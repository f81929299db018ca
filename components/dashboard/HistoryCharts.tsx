import { useId } from 'react';
import { useT } from '@/lib/i18n';
import { addDays } from '@/lib/stats/days';
import type { WeeklySummary } from '@/lib/stats/summary-format';
import { formatMetric, formatShortDay, formatShortDayRange, METRICS } from '@/lib/stats/summary-text';

export interface HistoryChartsProps {
  /** Stored summaries (any order). */
  summaries: WeeklySummary[];
  /** The last finished week's first day: the charts end there. */
  lastWeek: string;
  /** How many weeks to show (the slots before the first summary say "no data"). */
  weeks: number;
  locale?: string;
}

const W = 300;
const H = 110;
const TOP = 14;
const BOTTOM = 16;

export interface WeekSlot {
  startDay: string;
  summary: WeeklySummary | null;
}

export function weekSlots(summaries: WeeklySummary[], lastWeek: string, weeks: number): WeekSlot[] {
  const byStart = new Map(summaries.map((s) => [s.startDay, s]));
  return Array.from({ length: weeks }, (_, i) => {
    const startDay = addDays(lastWeek, -7 * (weeks - 1 - i));
    return { startDay, summary: byStart.get(startDay) ?? null };
  });
}

/** One small bar chart per main figure over the last weeks, and a table with every number as their text alternative. */
export function HistoryCharts({ summaries, lastWeek, weeks, locale }: HistoryChartsProps) {
  const t = useT();
  const slots = weekSlots(summaries, lastWeek, weeks);
  const range = (day: string) => formatShortDayRange(day, addDays(day, 6), locale);
  return (
    <section aria-labelledby="sd-history-charts">
      <h2 id="sd-history-charts">{t('historyCharts')}</h2>
      <div className="sd-chart-grid">
        {METRICS.map((m) => (
          <MetricChart key={m.key} label={t(m.label)} slots={slots} value={(s) => s.total[m.key]} format={(v) => formatMetric(m.kind, v, t)} range={range} locale={locale} />
        ))}
      </div>
      <details className="sd-chart-table">
        <summary>{t('historyChartTable')}</summary>
        <div className="sd-scroll">
          <table className="sd-log" data-testid="history-table">
            <thead>
              <tr>
                <th scope="col">{t('historyWeekColumn')}</th>
                {METRICS.map((m) => (
                  <th key={m.key} scope="col">
                    {t(m.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...slots].reverse().map((slot) => (
                <tr key={slot.startDay}>
                  <th scope="row">{range(slot.startDay)}</th>
                  {METRICS.map((m) => (
                    <td key={m.key}>{slot.summary ? formatMetric(m.kind, slot.summary.total[m.key], t) : t('historyNoWeek')}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function MetricChart({
  label,
  slots,
  value,
  format,
  range,
  locale,
}: {
  label: string;
  slots: WeekSlot[];
  value(s: WeeklySummary): number | null;
  format(v: number | null): string;
  range(day: string): string;
  locale?: string;
}) {
  const t = useT();
  const id = useId();
  const values = slots.map((s) => (s.summary ? value(s.summary) : null));
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const slot = W / slots.length;
  const bar = Math.max(2, slot * 0.7);
  const scale = max > 0 ? (H - TOP - BOTTOM) / max : 0;
  const first = slots[0];
  const last = slots[slots.length - 1];
  const lastValue = values[values.length - 1] ?? null;
  const alt = first && last ? t('historyChartAlt', [label, String(slots.length), range(first.startDay), range(last.startDay), format(lastValue)]) : label;
  return (
    <figure className="sd-mini-chart" data-testid="history-chart">
      <figcaption id={id}>
        {label} <span className="sd-muted">{format(lastValue)}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={alt}>
        <line x1={0} x2={W} y1={H - BOTTOM + 0.5} y2={H - BOTTOM + 0.5} className="sd-axis" />
        {slots.map((s, i) => {
          const v = values[i] ?? null;
          const x = i * slot + (slot - bar) / 2;
          const h = v === null ? 0 : v * scale;
          return (
            <g key={s.startDay} data-week={s.startDay}>
              <title>{`${range(s.startDay)}: ${s.summary ? format(v) : t('historyNoWeek')}`}</title>
              {s.summary === null ? (
                <rect x={x} y={H - BOTTOM - 2} width={bar} height={2} className="sd-future" />
              ) : (
                <rect x={x} y={H - BOTTOM - h} width={bar} height={h} className={i === slots.length - 1 ? 'sd-bar sd-bar-latest' : 'sd-bar'} />
              )}
              {(i === 0 || i === slots.length - 1 || i % Math.ceil(slots.length / 4) === 0) && (
                <text x={x + bar / 2} y={H - 3} textAnchor="middle" className="sd-bar-label">
                  {formatShortDay(s.startDay, locale)}
                </text>
              )}
            </g>
          );
        })}
        {max > 0 && (
          <text x={2} y={TOP - 3} className="sd-bar-value" textAnchor="start">
            {format(max)}
          </text>
        )}
      </svg>
    </figure>
  );
}
