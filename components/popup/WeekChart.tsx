import { useT } from '@/lib/i18n';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';
import { formatDay, platformName } from '@/lib/stats/summary-text';
import { formatCount } from '@/components/ui/format';
import { PLATFORM_COLORS } from '@/components/ui/platform-colors';

export interface WeekChartProps {
  /** The seven days of the week, each with its comments received per platform. */
  days: Array<{ day: string; byPlatform: Record<string, number> }>;
  today: string;
  locale?: string;
}

const W = 332;
const H = 118;
const TOP = 14;
const BOTTOM = 18;
const SLOT = W / 7;
const BAR = 26;

function weekdayLabel(day: string, locale?: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * Comments received per day this week, one bar per day stacked by platform
 * (inline SVG). The drawing is hidden from screen readers; the list below it
 * says the same in words.
 */
export function WeekChart({ days, today, locale }: WeekChartProps) {
  const t = useT();
  const totals = days.map((d) => Object.values(d.byPlatform).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const used = PLATFORMS.filter((p) => days.some((d) => (d.byPlatform[p] ?? 0) > 0));
  const scale = (H - TOP - BOTTOM) / max;
  const describe = (d: WeekChartProps['days'][number], total: number) => {
    const parts = used.filter((p) => (d.byPlatform[p] ?? 0) > 0).map((p) => `${platformName(p, t)} ${formatCount(d.byPlatform[p] ?? 0)}`);
    return parts.length > 1
      ? t('popupChartDayDetail', [formatDay(d.day, locale), formatCount(total), parts.join(', ')])
      : t('popupChartDay', [formatDay(d.day, locale), formatCount(total)]);
  };
  return (
    <figure className="sd-chart" data-testid="week-chart">
      <figcaption className="sd-subhead">{t('popupChartTitle')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" aria-hidden="true" focusable="false">
        <line x1={0} x2={W} y1={H - BOTTOM + 0.5} y2={H - BOTTOM + 0.5} className="sd-axis" />
        {days.map((d, i) => {
          const x = i * SLOT + (SLOT - BAR) / 2;
          const future = d.day > today;
          let y = H - BOTTOM;
          const total = totals[i] ?? 0;
          return (
            <g key={d.day} data-day={d.day}>
              <title>{describe(d, total)}</title>
              {future ? (
                <rect x={x} y={H - BOTTOM - 4} width={BAR} height={4} className="sd-future" />
              ) : (
                used.map((p: Platform) => {
                  const v = d.byPlatform[p] ?? 0;
                  if (v <= 0) return null;
                  const h = v * scale;
                  y -= h;
                  return <rect key={p} x={x} y={y} width={BAR} height={h} fill={PLATFORM_COLORS[p]} data-platform={p} />;
                })
              )}
              {!future && total > 0 && (
                <text x={x + BAR / 2} y={y - 3} textAnchor="middle" className="sd-bar-value">
                  {formatCount(total)}
                </text>
              )}
              <text x={x + BAR / 2} y={H - 4} textAnchor="middle" className={d.day === today ? 'sd-bar-label sd-today' : 'sd-bar-label'}>
                {weekdayLabel(d.day, locale)}
              </text>
            </g>
          );
        })}
      </svg>
      {used.length > 0 ? (
        <ul className="sd-legend" aria-hidden="true">
          {used.map((p) => (
            <li key={p}>
              <span className="sd-swatch" style={{ background: PLATFORM_COLORS[p] }} />
              {platformName(p, t)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="sd-muted">{t('popupChartNoComments')}</p>
      )}
      <ul className="sd-sr-only" data-testid="week-chart-text">
        {days.map((d, i) => (d.day <= today ? <li key={d.day}>{describe(d, totals[i] ?? 0)}</li> : null))}
      </ul>
    </figure>
  );
}
