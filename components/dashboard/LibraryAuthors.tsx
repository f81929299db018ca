import type { AuthorSummary, OwnBaseline } from '@/lib/db/library';
import { useT } from '@/lib/i18n';
import type { Platform } from '@/lib/platforms/types';

export interface LibraryAuthorsProps {
  authors: AuthorSummary[];
  own: OwnBaseline[];
  onAuthor(platform: Platform, name: string): void;
}

const average = (n: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: n < 10 ? 1 : 0 }).format(n);

/**
 * Which competitors were saved most, their average engagement (reactions +
 * comments + shares of the saved posts whose counts are known), and the user's
 * own average on the same platform to compare with.
 */
export function LibraryAuthors({ authors, own, onAuthor }: LibraryAuthorsProps) {
  const t = useT();
  if (authors.length === 0) return <p className="sd-muted">{t('libraryAuthorsEmpty')}</p>;
  const baseline = new Map(own.map((o) => [o.platform, o]));
  return (
    <>
      <p className="sd-muted">{t('libraryAuthorsHelp')}</p>
      <table className="sd-log sd-lib-authors" data-testid="library-authors">
        <thead>
          <tr>
            <th scope="col">{t('libraryAuthor')}</th>
            <th scope="col">{t('logPlatform')}</th>
            <th scope="col">{t('libraryAuthorSaved')}</th>
            <th scope="col">{t('libraryAuthorAvg')}</th>
            <th scope="col">{t('libraryAuthorYours')}</th>
            <th scope="col">{t('libraryAuthorCompare')}</th>
          </tr>
        </thead>
        <tbody>
          {authors.map((a) => {
            const mine = baseline.get(a.platform);
            const ratio = a.avgEngagement !== null && mine?.avgEngagement ? a.avgEngagement / mine.avgEngagement : null;
            return (
              <tr key={`${a.platform}:${a.name}`} data-testid="author-row">
                <td>
                  <button type="button" className="sd-linkish" onClick={() => onAuthor(a.platform, a.name)} title={t('libraryFilterByAuthor')}>
                    {a.name}
                  </button>{' '}
                  {a.url && (
                    <a href={a.url} target="_blank" rel="noopener noreferrer" aria-label={t('libraryOpenProfile', a.name)}>
                      ↗
                    </a>
                  )}
                </td>
                <td>{t(`platform_${a.platform}`)}</td>
                <td>{a.saved}</td>
                <td>{a.avgEngagement === null ? <span className="sd-muted">{t('countUnknown')}</span> : t('libraryAvgOf', [average(a.avgEngagement), String(a.measured)])}</td>
                <td>
                  {a.platform === 'other' ? (
                    '—'
                  ) : mine?.avgEngagement === null || mine === undefined ? (
                    <span className="sd-muted">{t('libraryNoOwnPosts')}</span>
                  ) : (
                    t('libraryAvgOf', [average(mine.avgEngagement), String(mine.posts)])
                  )}
                </td>
                <td>{ratio === null ? '—' : t('libraryTimesYours', average(ratio))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
