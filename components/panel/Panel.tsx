import type { CaptureResult } from '@/lib/messaging/protocol';
import type { ExtractedComment, ExtractedPost, PageReading } from '@/lib/platforms/types';
import { useT } from '@/lib/i18n';
import { formatCount, formatRelative } from '@/components/ui/format';

export interface PanelIdentity {
  name: string | null;
  profileUrl: string;
  confirmed: boolean;
}

export interface PanelProps {
  open: boolean;
  onToggle(): void;
  reading: PageReading | null;
  capture: CaptureResult | null;
  /** A message for the user when saving failed (storage full, extension updated…). */
  error: string | null;
  identity: PanelIdentity | null;
  onConfirmIdentity(confirmed: boolean): void;
  now: number;
}

const PARTS = ['post', 'counts', 'comments', 'replyBox'] as const;

/** The in-page side panel. Pure React: everything it shows arrives as props. */
export function Panel(props: PanelProps) {
  const t = useT();
  if (!props.open) {
    return (
      <button type="button" className="sd-tab" onClick={props.onToggle} aria-label={t('panelOpen')} aria-expanded="false">
        <span aria-hidden="true">◀</span> {t('extShortName')}
      </button>
    );
  }
  const reading = props.reading;
  const broken = reading ? PARTS.filter((p) => reading.health[p] === 'broken') : [];
  const ownKeys = new Set(props.capture?.ownPostKeys ?? []);
  const ownPosts = reading ? reading.posts.filter((p) => ownKeys.has(`${p.platform}:${p.postId}`)) : [];
  const otherCount = reading ? reading.posts.length - ownPosts.length : 0;

  return (
    <aside className="sd-panel" aria-label={t('panelTitle')}>
      <header className="sd-header">
        <h1>{t('extShortName')}</h1>
        <button type="button" className="sd-icon" onClick={props.onToggle} aria-label={t('panelCollapse')} aria-expanded="true">
          ▶
        </button>
      </header>
      <div className="sd-body">
        {props.error && (
          <p className="sd-error" role="alert">
            {props.error}
          </p>
        )}
        {broken.length > 0 && reading && (
          <div className="sd-notice" role="status" data-testid="health-notice">
            {broken.map((part) => (
              <p key={part}>{t(`health_${part}`)}</p>
            ))}
            <p className="sd-muted">{t('healthAdapterVersion', [reading.platform, reading.adapterVersion])}</p>
          </div>
        )}
        {props.identity && !props.identity.confirmed && (
          <div className="sd-identity" data-testid="identity-prompt">
            <p>{t('identityQuestion', props.identity.name ?? props.identity.profileUrl)}</p>
            <div className="sd-row">
              <button type="button" onClick={() => props.onConfirmIdentity(true)}>
                {t('identityYes')}
              </button>
              <button type="button" className="sd-secondary" onClick={() => props.onConfirmIdentity(false)}>
                {t('identityNo')}
              </button>
            </div>
          </div>
        )}
        {!reading && <p className="sd-muted">{t('panelReading')}</p>}
        {reading && ownPosts.length === 0 && (
          <p className="sd-muted" data-testid="no-own-posts">
            {props.identity ? t('panelNoOwnPosts', String(otherCount)) : t('panelNoIdentity')}
          </p>
        )}
        {ownPosts.map((post) => (
          <OwnPost
            key={post.postId}
            post={post}
            comments={reading ? reading.comments.filter((c) => c.postId === post.postId) : []}
            capture={props.capture}
            now={props.now}
          />
        ))}
        {reading && ownPosts.length > 0 && otherCount > 0 && <p className="sd-muted">{t('panelOtherPosts', String(otherCount))}</p>}
      </div>
    </aside>
  );
}

function OwnPost({ post, comments, capture, now }: { post: ExtractedPost; comments: ExtractedComment[]; capture: CaptureResult | null; now: number }) {
  const t = useT();
  const status = new Map((capture?.comments ?? []).map((c) => [c.commentId, c]));
  const counts: Array<[string, number | null]> = [
    ['countReactions', post.counts.reactions],
    ['countComments', post.counts.comments],
    ['countShares', post.counts.shares],
  ];
  return (
    <section className="sd-post" data-testid="own-post" data-post-id={post.postId}>
      <p className="sd-post-text">{post.text.length > 160 ? `${post.text.slice(0, 160)}…` : post.text}</p>
      <dl className="sd-counts">
        {counts.map(([label, value]) => (
          <div key={label} data-testid={label}>
            <dt>{t(label)}</dt>
            <dd>{value === null ? t('countUnknown') : formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('commentsHeading', String(comments.length))}</h2>
      {comments.length === 0 && <p className="sd-muted">{t('commentsNoneLoaded')}</p>}
      <ol className="sd-comments">
        {comments.map((c) => {
          const s = status.get(c.commentId);
          return (
            <li key={c.commentId} data-testid="comment" data-comment-id={c.commentId} className={c.parentId ? 'sd-reply' : undefined}>
              <div className="sd-comment-head">
                <strong>{c.author.name}</strong>
                {c.time && <time dateTime={new Date(c.time.at).toISOString()}>{formatRelative(c.time.at, now, t)}</time>}
                {s && <span className={`sd-badge sd-${s.status}`}>{t(`status_${s.kind === 'reply_sent' ? 'yours' : s.status}`)}</span>}
              </div>
              <p className="sd-comment-text">{c.text}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
