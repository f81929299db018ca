import { useEffect, useRef } from 'react';
import type { CaptureResult } from '@/lib/messaging/protocol';
import type { ExtractedComment, ExtractedPost, PageReading } from '@/lib/platforms/types';
import type { QueueItem, ReplyQueue } from '@/lib/content/queue';
import { ClassifierHint } from '@/components/ui/ClassifierHint';
import { useT } from '@/lib/i18n';
import { tabLabel } from '@/lib/content/launcher';
import { formatCount, formatRelative } from '@/components/ui/format';
import type { AnchorRect } from './SaveDialog';

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
  /** Comments on the user's posts here that wait for an answer (lib/content/queue.ts). */
  queue?: ReplyQueue | null;
  /** Opens the template picker for a waiting comment. */
  onReply?(item: QueueItem): void;
  /** "No reply needed", and back. */
  onDismiss?(item: QueueItem): void;
  onReopen?(item: QueueItem): void;
  /** Changes when the keyboard command asks for the queue: its first item takes focus. */
  focusQueue?: number;
  /** The post most in view (any author), which the panel can save to the inspiration library. */
  inView?: { key: string; post: ExtractedPost } | null;
  /** Keys of the posts on this page that are in the library. */
  savedKeys?: ReadonlySet<string>;
  onSaveInView?(anchor: AnchorRect): void;
}

/** A short message after an action, with Undo when it can be undone (shown by Toast). */
export interface PanelNotice {
  text: string;
  onUndo?(): void;
}

const PARTS = ['post', 'counts', 'comments', 'replyBox'] as const;

/** The in-page side panel. Pure React: everything it shows arrives as props. */
export function Panel(props: PanelProps) {
  const t = useT();
  if (!props.open) {
    // The same tab as the one every page shows before the panel's UI is loaded (lib/content/launcher.ts).
    const waiting = props.queue?.waiting.length ?? 0;
    return (
      <button type="button" className="sd-tab" onClick={props.onToggle} aria-label={tabLabel(t, waiting)} aria-expanded="false">
        <span aria-hidden="true">◀</span> {t('extShortName')}
        {waiting > 0 && (
          <span className="sd-tab-count" aria-hidden="true">
            {waiting}
          </span>
        )}
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
        {props.queue && (props.queue.waiting.length > 0 || props.queue.dismissed.length > 0) && (
          <ReplyQueueSection
            queue={props.queue}
            now={props.now}
            onReply={props.onReply}
            onDismiss={props.onDismiss}
            onReopen={props.onReopen}
            focusQueue={props.focusQueue ?? 0}
          />
        )}
        {props.inView && props.onSaveInView && (
          <InViewPost post={props.inView.post} saved={props.savedKeys?.has(props.inView.key) ?? false} onSave={props.onSaveInView} />
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

/** The post in view with a Save action, so a post can be saved from the panel too. */
function InViewPost({ post, saved, onSave }: { post: ExtractedPost; saved: boolean; onSave(anchor: AnchorRect): void }) {
  const t = useT();
  const excerpt = post.text.length > 100 ? `${post.text.slice(0, 100)}…` : post.text;
  return (
    <section className="sd-inview" data-testid="in-view" aria-label={t('panelInViewTitle')}>
      <h2>{t('panelInViewTitle')}</h2>
      <p className="sd-inview-text">
        <strong>{post.author.name}</strong> {excerpt}
      </p>
      <button
        type="button"
        className={saved ? 'sd-secondary' : undefined}
        aria-pressed={saved}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          onSave({ top: r.top, left: r.left, bottom: r.bottom, right: r.right });
        }}
      >
        {saved ? t('panelInViewSaved') : t('panelInViewSave')}
      </button>
    </section>
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

interface QueueSectionProps {
  queue: ReplyQueue;
  now: number;
  onReply?(item: QueueItem): void;
  onDismiss?(item: QueueItem): void;
  onReopen?(item: QueueItem): void;
  focusQueue: number;
}

/** Waiting comments, most urgent first, each with the classifier's hint, Reply and "No reply needed". */
function ReplyQueueSection({ queue, now, onReply, onDismiss, onReopen, focusQueue }: QueueSectionProps) {
  const t = useT();
  const firstReply = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusQueue > 0) firstReply.current?.focus();
  }, [focusQueue]);
  return (
    <section className="sd-queue" aria-labelledby="sd-queue-title" data-testid="reply-queue">
      <h2 id="sd-queue-title">{t('queueTitle', String(queue.waiting.length))}</h2>
      {queue.waiting.length === 0 && <p className="sd-muted">{t('queueEmpty')}</p>}
      <ol className="sd-comments">
        {queue.waiting.map((item, i) => (
          <li key={item.comment.commentId} data-testid="queue-item" data-comment-id={item.comment.commentId}>
            <div className="sd-comment-head">
              <strong>{item.comment.author.name}</strong>
              {item.comment.time && <time dateTime={new Date(item.comment.time.at).toISOString()}>{formatRelative(item.comment.time.at, now, t)}</time>}
            </div>
            <p className="sd-comment-text">{item.comment.text}</p>
            <ClassifierHint classification={item.classification} />
            <div className="sd-row">
              <button type="button" ref={i === 0 ? firstReply : undefined} onClick={() => onReply?.(item)} data-testid="queue-reply">
                {t('queueReply')}
              </button>
              <button type="button" className="sd-secondary" onClick={() => onDismiss?.(item)} data-testid="queue-dismiss">
                {t('queueDismiss')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {queue.dismissed.length > 0 && (
        <details className="sd-dismissed-list">
          <summary>{t('queueDismissedTitle', String(queue.dismissed.length))}</summary>
          <ol className="sd-comments">
            {queue.dismissed.map((item) => (
              <li key={item.comment.commentId} data-testid="dismissed-item" data-comment-id={item.comment.commentId}>
                <div className="sd-comment-head">
                  <strong>{item.comment.author.name}</strong>
                </div>
                <p className="sd-comment-text">{item.comment.text}</p>
                <button type="button" className="sd-secondary" onClick={() => onReopen?.(item)}>
                  {t('queueReopen')}
                </button>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

