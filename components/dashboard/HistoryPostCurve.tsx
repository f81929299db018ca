import { useT } from '@/lib/i18n';
import type { OwnPostView, PostHistory } from '@/lib/messaging/protocol';
import { platformName } from '@/lib/stats/summary-text';
import { formatCount } from '@/components/ui/format';

export interface HistoryPostCurveProps {
  posts: OwnPostView[];
  more: boolean;
  onLoadMore(): void;
  selected: string | null;
  onSelect(key: string): void;
  /** The selected post's snapshots (null while loading). */
  history: PostHistory | null;
  locale?: string;
}

type Series = 'reactions' | 'comments' | 'shares' | 'views';
const SERIES: Array<{ key: Series; label: string; color: string }> = [
  { key: 'reactions', label: 'countReactions', color: '#0a66c2' },
  { key: 'comments', label: 'countComments', color: '#7b61ff' },
  { key: 'shares', label: 'countShares', color: '#00a3a3' },
  { key: 'views', label: 'countViews', color: '#6b7280' },
];

const W = 600;
const H = 180;
const PAD = { left: 44, right: 10, top: 10, bottom: 22 };

function when(ms: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

function shortDate(ms: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric' }).format(new Date(ms));
}

/** Pick one of the user's own posts and see how its counts grew, from every snapshot. */
export function HistoryPostCurve({ posts, more, onLoadMore, selected, onSelect, history, locale }: HistoryPostCurveProps) {
  const t = useT();
  return (
    <section aria-labelledby="sd-history-posts">
      <h2 id="sd-history-posts">{t('historyPostsTitle')}</h2>
      <p className="sd-muted">{t('historyPostsHelp')}</p>
      {posts.length === 0 ? (
        <p className="sd-muted">{t('historyPostsEmpty')}</p>
      ) : (
        <p className="sd-row">
          <label>
            {t('historyPostPick')}{' '}
            <select value={selected ?? ''} onChange={(e) => onSelect(e.target.value)} data-testid="post-select">
              {selected === null && <option value="" />}
              {posts.map((p) => (
                <option key={p.key} value={p.key}>
                  {`${shortDate(p.publishedAt ?? p.firstSeenAt, locale)} · ${platformName(p.platform, t)} · ${p.excerpt || p.key}`}
                </option>
              ))}
            </select>
          </label>
          {more && (
            <button type="button" className="sd-secondary" onClick={onLoadMore}>
              {t('historyPostsMore')}
            </button>
          )}
        </p>
      )}
      {selected && history && <Curve history={history} locale={locale} />}
      {selected && !history && <p className="sd-muted">{t('loading')}</p>}
    </section>
  );
}

function Curve({ history, locale }: { history: PostHistory; locale?: string }) {
  const t = useT();
  const snaps = history.snapshots;
  const post = history.post;
  const known = SERIES.filter((s) => snaps.some((x) => x[s.key] !== null));
  const latest = snaps[snaps.length - 1];
  const latestText = latest
    ? known
        .map((s) => `${t(s.label)} ${latest[s.key] === null ? '–' : formatCount(latest[s.key] as number)}`)
        .join(', ')
    : '';
  return (
    <div data-testid="post-curve">
      {post && (
        <p>
          <a href={post.url} target="_blank" rel="noreferrer noopener">
            {t('historyOpenPost')}
          </a>{' '}
          <span className="sd-muted">
            {post.publishedAt !== null ? t('historyPostPublished', when(post.publishedAt, locale)) : t('historyPostFirstSeen', when(post.firstSeenAt, locale))}
          </span>
        </p>
      )}
      {snaps.length === 0 || known.length === 0 ? (
        <p className="sd-muted">{t('historyCurveNone')}</p>
      ) : snaps.length === 1 ? (
        <p>{t('historyCurveOne', latestText)}</p>
      ) : (
        <>
          {/* Views are usually far larger than the rest: they get their own scale. */}
          <LineChart
            snaps={snaps}
            series={known.filter((s) => s.key !== 'views')}
            alt={t('historyCurveAlt', [String(snaps.length), when(snaps[0]!.capturedAt, locale), when(latest!.capturedAt, locale), latestText])}
            locale={locale}
          />
          {known.some((s) => s.key === 'views') && (
            <LineChart snaps={snaps} series={known.filter((s) => s.key === 'views')} alt={`${t('countViews')}: ${latestText}`} locale={locale} />
          )}
          <ul className="sd-legend" aria-hidden="true">
            {known.map((s) => (
              <li key={s.key}>
                <span className="sd-swatch" style={{ background: s.color }} />
                {t(s.label)}
              </li>
            ))}
          </ul>
        </>
      )}
      {snaps.length > 0 && (
        <details>
          <summary>{t('historyChartTable')}</summary>
          <div className="sd-scroll">
            <table className="sd-log" data-testid="curve-table">
              <thead>
                <tr>
                  <th scope="col">{t('historyCurveWhen')}</th>
                  {known.map((s) => (
                    <th key={s.key} scope="col">
                      {t(s.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {snaps.map((x, i) => (
                  <tr key={i}>
                    <th scope="row">{when(x.capturedAt, locale)}</th>
                    {known.map((s) => (
                      <td key={s.key}>{x[s.key] === null ? '–' : formatCount(x[s.key] as number)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}

function LineChart({ snaps, series, alt, locale }: { snaps: PostHistory['snapshots']; series: typeof SERIES; alt: string; locale?: string }) {
  if (series.length === 0) return null;
  const t0 = snaps[0]!.capturedAt;
  const t1 = snaps[snaps.length - 1]!.capturedAt;
  const span = Math.max(1, t1 - t0);
  const max = Math.max(1, ...snaps.flatMap((x) => series.map((s) => x[s.key] ?? 0)));
  const x = (ms: number) => PAD.left + ((ms - t0) / span) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={alt} className="sd-curve">
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom + 0.5} y2={H - PAD.bottom + 0.5} className="sd-axis" />
      <text x={PAD.left - 4} y={PAD.top + 4} textAnchor="end" className="sd-bar-value">
        {formatCount(max)}
      </text>
      <text x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end" className="sd-bar-value">
        0
      </text>
      <text x={PAD.left} y={H - 6} textAnchor="start" className="sd-bar-label">
        {shortDate(t0, locale)}
      </text>
      <text x={W - PAD.right} y={H - 6} textAnchor="end" className="sd-bar-label">
        {shortDate(t1, locale)}
      </text>
      {series.map((s) => {
        // A count unknown at a reading breaks the line there instead of dropping to zero.
        const runs: string[][] = [[]];
        for (const snap of snaps) {
          const v = snap[s.key];
          if (v === null) runs.push([]);
          else runs[runs.length - 1]!.push(`${x(snap.capturedAt).toFixed(1)},${y(v).toFixed(1)}`);
        }
        return (
          <g key={s.key} data-series={s.key}>
            {runs
              .filter((r) => r.length > 0)
              .map((r, i) => (
                <polyline key={i} points={r.join(' ')} fill="none" stroke={s.color} strokeWidth={2} />
              ))}
            {snaps.map((snap, i) =>
              snap[s.key] === null ? null : <circle key={i} cx={x(snap.capturedAt)} cy={y(snap[s.key] as number)} r={2.5} fill={s.color} />,
            )}
          </g>
        );
      })}
    </svg>
  );
}
