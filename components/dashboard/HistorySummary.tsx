import { useState } from 'react';
import { useT } from '@/lib/i18n';
import type { WeeklySummary } from '@/lib/stats/summary-format';
import { actionText, changeOf, formatDayRange, formatMetric, METRICS, platformName } from '@/lib/stats/summary-text';
import { formatCount, formatPercent } from '@/components/ui/format';

export interface HistorySummaryProps {
  summary: WeeklySummary;
  /** Shown unfolded (the newest week, or the one a notification opened). */
  open: boolean;
  /** Copies the summary as Markdown; rejects with the reason it could not. */
  onCopy(summary: WeeklySummary): Promise<void>;
  locale?: string;
}

/** One week, readable on its own: figures against the week before, platforms, top posts and people, conversations, next actions. */
export function HistorySummary({ summary: s, open, onCopy, locale }: HistorySummaryProps) {
  const t = useT();
  const [copy, setCopy] = useState<{ ok: boolean; text: string } | null>(null);
  const range = formatDayRange(s.startDay, s.endDay, locale);
  const headline = s.hasData
    ? `${t('metricCommentsReceived')} ${formatCount(s.total.commentsReceived)} · ${t('metricResponseRate')} ${formatMetric('ratio', s.total.responseRate, t)} · ${t('metricReactionsGained')} ${formatCount(s.total.reactionsGained)}`
    : t('summaryNoData');
  return (
    <details className="sd-summary" open={open} id={`week-${s.startDay}`} data-testid="summary" data-week={s.startDay}>
      <summary>
        <span className="sd-summary-title">{t('summaryHeading', range)}</span> <span className="sd-muted">{headline}</span>
      </summary>
      <article aria-label={t('summaryHeading', range)}>
        {s.hasData && (
          <>
            <table className="sd-metrics" data-testid="summary-figures">
              <thead>
                <tr>
                  <th scope="col">{t('metricColumn')}</th>
                  <th scope="col">{t('summaryThisWeek')}</th>
                  <th scope="col">{t('summaryWeekBefore')}</th>
                  <th scope="col">{t('summaryChange')}</th>
                </tr>
              </thead>
              <tbody>
                {METRICS.map((m) => {
                  const now = s.total[m.key];
                  const before = s.previousTotal[m.key];
                  const change = changeOf(now, before, m.kind, t, m.lowerIsBetter);
                  return (
                    <tr key={m.key} data-testid={`summary-${m.key}`}>
                      <th scope="row">{t(m.label)}</th>
                      <td className="sd-value">{formatMetric(m.kind, now, t)}</td>
                      <td className="sd-value sd-muted">{formatMetric(m.kind, before, t)}</td>
                      <td className={`sd-change${change.good === true ? ' sd-good' : change.good === false ? ' sd-bad' : ''}`}>{change.text}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>

            {s.byPlatform.length > 0 && (
              <>
                <h4>{t('summaryByPlatform')}</h4>
                <table className="sd-metrics sd-compact" data-testid="summary-platforms">
                  <thead>
                    <tr>
                      <th scope="col">{t('logPlatform')}</th>
                      <th scope="col">{t('metricCommentsReceived')}</th>
                      <th scope="col">{t('metricRepliesSent')}</th>
                      <th scope="col">{t('metricResponseRate')}</th>
                      <th scope="col">{t('metricMedianResponse')}</th>
                      <th scope="col">{t('metricReactionsGained')}</th>
                      <th scope="col">{t('metricSharesGained')}</th>
                      <th scope="col">{t('metricPostsPublished')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.byPlatform.map((p) => (
                      <tr key={p.platform}>
                        <th scope="row">{platformName(p.platform, t)}</th>
                        <td className="sd-value">{formatCount(p.totals.commentsReceived)}</td>
                        <td className="sd-value">{formatCount(p.totals.repliesSent)}</td>
                        <td className="sd-value">{formatMetric('ratio', p.totals.responseRate, t)}</td>
                        <td className="sd-value">{formatMetric('duration', p.totals.medianResponseMs, t)}</td>
                        <td className="sd-value">{formatCount(p.totals.reactionsGained)}</td>
                        <td className="sd-value">{formatCount(p.totals.sharesGained)}</td>
                        <td className="sd-value">{formatCount(p.totals.postsPublished)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}

            {s.topPosts.length > 0 && (
              <>
                <h4>{t('summaryTopPosts')}</h4>
                <ol className="sd-top-posts" data-testid="summary-top-posts">
                  {s.topPosts.map((p) => {
                    const label = p.excerpt || t('summaryPostWithoutText', platformName(p.platform, t));
                    return (
                      <li key={p.key}>
                        {p.url ? (
                          <a href={p.url} target="_blank" rel="noreferrer noopener">
                            {label}
                          </a>
                        ) : (
                          label
                        )}{' '}
                        <span className="sd-muted">
                          {platformName(p.platform, t)} · {t('summaryPostGain', [formatCount(p.engagement), formatCount(p.reactions), formatCount(p.comments), formatCount(p.shares)])}
                        </span>
                      </li>
                    );
                  })}
                </ol>
              </>
            )}

            {s.topEngagers.length > 0 && (
              <>
                <h4>{t('summaryTopEngagers')}</h4>
                <ul data-testid="summary-engagers">
                  {s.topEngagers.map((e) => (
                    <li key={`${e.platform}|${e.profileUrl ?? e.name}`}>
                      {e.profileUrl && /^https?:\/\//.test(e.profileUrl) ? (
                        <a href={e.profileUrl} target="_blank" rel="noreferrer noopener">
                          {e.name}
                        </a>
                      ) : (
                        e.name
                      )}{' '}
                      <span className="sd-muted">
                        ({platformName(e.platform, t)}) — {t('summaryEngagerComments', formatCount(e.comments))}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}

            <h4>{t('summaryConversations')}</h4>
            <ul data-testid="summary-conversations">
              <li>
                {t('summaryNegativeShare', s.tone.negativeShare === null ? '–' : formatPercent(s.tone.negativeShare))} <span className="sd-muted">{t('summaryHeuristicNote')}</span>
              </li>
              <li>
                {t('summaryUnanswered', formatCount(s.unanswered.total))}
                {s.unanswered.byPlatform.length > 0 && (
                  <ul>
                    {s.unanswered.byPlatform.map((u) => (
                      <li key={u.platform}>{t('summaryUnansweredByPlatform', [platformName(u.platform, t), formatCount(u.comments), formatCount(u.questions)])}</li>
                    ))}
                  </ul>
                )}
              </li>
            </ul>
          </>
        )}

        <h4>{t('summaryNextActions')}</h4>
        <ul className="sd-actions" data-testid="summary-actions">
          {s.actions.map((a, i) => (
            <li key={i}>{actionText(a, t)}</li>
          ))}
        </ul>

        <p className="sd-row">
          <button
            type="button"
            className="sd-secondary"
            onClick={() => {
              setCopy(null);
              onCopy(s).then(
                () => setCopy({ ok: true, text: t('summaryCopied') }),
                (e: unknown) => setCopy({ ok: false, text: t('summaryCopyFailed', e instanceof Error ? e.message : String(e)) }),
              );
            }}
          >
            {t('summaryCopy')}
          </button>
          {copy && (
            <span role="status" className={copy.ok ? 'sd-muted' : 'sd-error'}>
              {copy.text}
            </span>
          )}
        </p>
      </article>
    </details>
  );
}
