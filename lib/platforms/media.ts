import type { ExtractedPost } from './types';

/**
 * The link to a post's first image or video poster, read from its container
 * when the adapter did not read one. Only the url is kept (never downloaded).
 * Avatars, emoji, reaction icons and other small pictures are skipped: an
 * image inside a link to the author's profile, one whose alt or class says it
 * is a profile picture, or one drawn smaller than 64 px. Images of a nested
 * post (a reshare) belong to that post.
 */

const MIN_SIDE = 64;
const AVATAR_ALT = /profile (picture|photo)|avatar|大頭貼|頭像|個人檔案相片|個人資料相片/i;
/** Emoji drawn as images (X, Facebook): an alt made of emoji only. */
const EMOJI_PART = /\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f|\s/gu;
const isEmojiAlt = (alt: string) => /\p{Extended_Pictographic}/u.test(alt) && alt.replace(EMOJI_PART, '') === '';
const AVATAR_CLASS = /avatar|entityphoto|actor__|profile-?pic|reactions?-icon|emoji/i;

function httpUrl(value: string | null, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href.length <= 2000 ? url.href : null;
  } catch {
    return null;
  }
}

function sameProfile(href: string | null, profileUrl: string | null, base: string): boolean {
  if (!href || !profileUrl) return false;
  const a = httpUrl(href, base);
  if (!a) return false;
  const strip = (u: string) => u.replace(/[?#].*$/, '').replace(/\/+$/, '').toLowerCase();
  return strip(a) === strip(profileUrl);
}

function tooSmall(img: HTMLImageElement): boolean {
  for (const attr of ['width', 'height']) {
    const v = img.getAttribute(attr);
    if (v !== null && /^\d+$/.test(v) && Number(v) < MIN_SIDE) return true;
  }
  // On a live page the drawn size tells (a detached or unrendered image measures 0: unknown).
  const box = img.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && (box.width < MIN_SIDE || box.height < MIN_SIDE);
}

function looksLikeAvatar(el: Element, container: Element): boolean {
  for (let node: Element | null = el; node !== null && node !== container; node = node.parentElement) {
    for (const attr of ['class', 'data-testid', 'data-e2e', 'id']) {
      const value = node.getAttribute(attr);
      if (value !== null && AVATAR_CLASS.test(value)) return true;
    }
  }
  return false;
}

export function firstMediaUrl(container: Element, post: Pick<ExtractedPost, 'author'>, containerSelector: string): string | null {
  const base = container.ownerDocument.baseURI;
  for (const el of Array.from(container.querySelectorAll('img, video[poster]'))) {
    const owner = el.parentElement?.closest(containerSelector) ?? null;
    if (owner !== null && owner !== container && container.contains(owner)) continue;
    const link = el.closest('a[href]');
    if (link !== null && container.contains(link) && sameProfile(link.getAttribute('href'), post.author.profileUrl, base)) continue;
    if (looksLikeAvatar(el, container)) continue;
    if (el instanceof HTMLVideoElement || el.tagName === 'VIDEO') {
      const poster = httpUrl(el.getAttribute('poster'), base);
      if (poster) return poster;
      continue;
    }
    const img = el as HTMLImageElement;
    const alt = img.getAttribute('alt') ?? '';
    if (AVATAR_ALT.test(alt) || isEmojiAlt(alt) || img.getAttribute('role') === 'presentation' || tooSmall(img)) continue;
    const src = httpUrl(img.currentSrc || img.getAttribute('src'), base);
    if (src) return src;
  }
  return null;
}
