import type { ReplySite } from './reply-site';
import { sharedStyle } from './shared-style';

/**
 * Small badges beside each comment on the user's own posts in the page
 * ("Waiting", "Replied by you", "No reply needed"), from the local log. Each is
 * a tiny element with its own shadow root placed after the comment's author
 * link: the page's styles and scripts cannot reach into it, and it adds no text
 * to the comment (adapters read light DOM text only). Badges go only where the
 * watcher read a comment, never inside an editor or form, and are removed when
 * the comment leaves the log's answer (another page, another post).
 */

export type BadgeStatus = 'open' | 'replied' | 'dismissed';

export interface BadgeItem {
  commentId: string;
  status: BadgeStatus;
  authorName: string;
}

export const BADGE_TAG = 'social-desk-badge';

const CSS = `
:host { all: initial; display: inline-block; margin-inline-start: 6px; vertical-align: middle; }
span { font: 600 11px/16px system-ui, -apple-system, 'Segoe UI', 'PingFang TC', 'Microsoft JhengHei', 'Noto Sans TC', sans-serif;
  border-radius: 8px; padding: 0 6px; border: 1px solid; white-space: nowrap; }
.open { background: #fde8e8; color: #8a1c1c; border-color: #f5b5b5; }
.replied { background: #e6f4ea; color: #1e5e2f; border-color: #a8d5b5; }
.dismissed { background: #f1f3f4; color: #5e6670; border-color: #d8dde3; }
`;

interface Placed {
  host: HTMLElement;
  label: HTMLSpanElement;
  status: BadgeStatus | null;
}

/** Where the badge goes in a comment: after its author's name link (else its time), never in an editor. */
export function badgeAnchor(commentEl: Element, authorName: string): Element | null {
  const name = authorName.trim();
  const usable = (el: Element) => el.closest('[contenteditable="true"], textarea, form') === null;
  const links = Array.from(commentEl.querySelectorAll('a[href]')).filter(usable);
  const byName = links.find((a) => name !== '' && (a.textContent ?? '').trim() === name);
  if (byName) return byName;
  const containing = links.find((a) => name !== '' && (a.textContent ?? '').includes(name));
  if (containing) return containing;
  const time = Array.from(commentEl.querySelectorAll('time')).find(usable);
  return time ? (time.closest('a') ?? time) : null;
}

export function createBadgeLayer(doc: Document, site: ReplySite, label: (status: BadgeStatus) => string) {
  const placed = new Map<string, Placed>();
  const applyStyle = sharedStyle(doc, CSS);

  function place(item: BadgeItem, commentEl: Element): Placed | null {
    const anchor = badgeAnchor(commentEl, item.authorName);
    if (anchor === null || anchor.parentNode === null) return null;
    const host = doc.createElement(BADGE_TAG);
    host.dataset.commentId = item.commentId;
    const shadow = host.attachShadow({ mode: 'open' });
    applyStyle(shadow);
    const span = doc.createElement('span');
    shadow.append(span);
    anchor.after(host);
    return { host, label: span, status: null };
  }

  return {
    /** Brings the badges in line with the log's statuses for the comments the watcher read. */
    sync(items: BadgeItem[]) {
      const wanted = new Set(items.map((i) => i.commentId));
      for (const [id, p] of placed) {
        if (!wanted.has(id) || !p.host.isConnected) {
          p.host.remove();
          placed.delete(id);
        }
      }
      // The comments without a badge yet, found in the page together (one read of it, not one per comment).
      const unplaced = items.filter((i) => !placed.has(i.commentId)).map((i) => i.commentId);
      const elements = unplaced.length === 0 ? new Map<string, Element>() : site.commentElements(doc, unplaced);
      for (const item of items) {
        let p = placed.get(item.commentId) ?? null;
        if (p === null) {
          const commentEl = elements.get(item.commentId);
          p = commentEl === undefined ? null : place(item, commentEl);
          if (p === null) continue;
          placed.set(item.commentId, p);
        }
        if (p.status !== item.status) {
          p.status = item.status;
          p.label.className = item.status;
          p.label.textContent = label(item.status);
          p.host.dataset.status = item.status;
        }
      }
    },
    clear() {
      for (const p of placed.values()) p.host.remove();
      placed.clear();
    },
  };
}
