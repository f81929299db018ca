import { recordCapture, setCommentStatus } from '@/lib/db/capture';
import { saveInspiration } from '@/lib/db/inspirations';
import { recordManualInteraction } from '@/lib/db/manual';
import { replaceRollupsFromLog } from '@/lib/db/rollups';
import { COMMENT_STATUSES, type InteractionRow, type MetricSnapshotRow, type PostRow, type SocialDeskDB, type TemplateRow } from '@/lib/db/schema';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';
import type { SettingsValues } from '@/lib/storage';
import { comment, ME, NOW, post, reading } from './builders';

/** A large database with every kind of row, for backup and maintenance tests. */

export const SEED_TZ = 'Asia/Taipei';
const DAY = 86_400_000;

export const SEED_SETTINGS: SettingsValues = {
  ownProfiles: { linkedin: { profileUrl: ME, displayName: 'Mei Lin 林美', confirmed: true, detectedAt: NOW - 90 * DAY } },
  weekStart: 0,
  timeZone: SEED_TZ,
  panelOpen: false,
  templateCampaign: 'spring-sale',
  weeklySummaryNotify: false,
};

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Text that is easy to get wrong on the way through JSON: CJK, emoji, a lone surrogate, quotes, newlines, NUL.
const TEXTS = ['請問有賣掛耳包嗎？', 'Love it 😍🔥', '多謝晒！幾錢？', 'say "hi"\nline two\ttab', 'lone \ud800 surrogate', 'nul\u0000char', '', 'x'.repeat(20_000)];

export interface SeedCounts {
  captures: number;
  inspirations: number;
  bulkPosts: number;
  bulkSnapshots: number;
  bulkInteractions: number;
  templates: number;
}

export const LARGE: SeedCounts = { captures: 40, inspirations: 300, bulkPosts: 200, bulkSnapshots: 1_700, bulkInteractions: 3_700, templates: 50 };

/**
 * Fills `db` through the real write paths (captures with replies, dismissed
 * comments, manual interactions, saved inspirations), then in bulk for volume,
 * and finally rebuilds the rollups so they match the log.
 */
export async function seedDatabase(db: SocialDeskDB, counts: SeedCounts = LARGE): Promise<void> {
  const r = rng(20261127);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

  for (let p = 0; p < counts.captures; p++) {
    const at = NOW - p * 9 * DAY;
    const id = `p${p}`;
    const comments = [];
    for (let c = 0; c < 25; c++) {
      comments.push(comment(`${id}c${c}`, id, { text: pick(TEXTS), time: { at: at + c * 60_000, precision: 'minute' } }));
    }
    for (let c = 0; c < 25; c += 3) {
      comments.push(
        comment(`${id}r${c}`, id, {
          parentId: `${id}c${c}`,
          author: { name: 'Mei Lin', profileUrl: ME },
          text: '謝謝！',
          time: { at: at + c * 60_000 + 3_600_000, precision: 'hour' },
        }),
      );
    }
    for (let k = 0; k < 3; k++) {
      const counts_ = { reactions: 10 * k + p, comments: 25, shares: k, views: k === 0 ? null : 100 * k };
      await recordCapture(db, reading([post(id, { publishedAt: { at, precision: 'day' }, counts: counts_ })], k === 0 ? comments : []), {
        now: at + (k + 1) * DAY,
        timeZone: SEED_TZ,
        ownProfileUrl: ME,
      });
    }
    if (p % 4 === 0) await setCommentStatus(db, `linkedin:comment_received:${id}c1`, 'dismissed', { timeZone: SEED_TZ });
  }
  for (let m = 0; m < 20; m++) {
    await recordManualInteraction(
      db,
      { kind: pick(['comment_received', 'reply_sent', 'mention'] as const), platform: 'other', url: `https://shop.example.tw/p/${m}`, actorName: `Ka Ming ${m}`, text: pick(TEXTS), occurredAt: NOW - m * DAY },
      NOW,
      { timeZone: SEED_TZ },
    );
  }
  for (let i = 0; i < counts.inspirations; i++) {
    const platform = pick(PLATFORMS);
    await saveInspiration(
      db,
      {
        platform,
        postId: platform === 'other' ? null : `insp${i}`,
        url: `https://www.example.com/${platform}/posts/${i}`,
        authorName: `Rival ${i} 競品`,
        authorUrl: i % 3 === 0 ? null : `https://www.example.com/${platform}/rival${i}`,
        text: `${pick(TEXTS).slice(0, 2_000)} 手沖咖啡豆 #${i}`,
        mediaKind: pick(['text', 'image', 'video', 'link', 'document', 'poll', 'article', 'unknown'] as const),
        mediaUrl: i % 2 ? `https://cdn.example.com/${i}.jpg` : null,
        publishedAt: i % 5 ? NOW - i * 3_600_000 : null,
        counts: i % 4 ? { reactions: i, comments: i % 7, shares: null, views: i * 10 } : null,
        savedFromUrl: `https://www.example.com/${platform}/feed`,
        tags: i % 2 ? ['Coffee', '#手沖', `tag${i % 9}`] : null,
        note: i % 3 ? `note ${i} 備註` : null,
      },
      NOW - i * 60_000,
    );
  }

  const platforms = PLATFORMS.filter((p): p is Exclude<Platform, 'other'> => p !== 'other');
  const bulkPosts: PostRow[] = [];
  for (let i = 0; i < counts.bulkPosts; i++) {
    const platform = pick(platforms);
    const own = i % 2 === 0;
    bulkPosts.push({
      key: `${platform}:bulk${i}`,
      platform,
      postId: `bulk${i}`,
      url: `https://www.example.com/${platform}/bulk${i}`,
      authorName: own ? 'Mei Lin' : `Someone ${i}`,
      authorUrl: own ? ME : null,
      isOwn: own,
      tracked: { own, saved: !own && i % 3 === 0, repliedOn: !own && i % 3 !== 0 },
      textExcerpt: pick(TEXTS).slice(0, 500),
      mediaKind: 'text',
      publishedAt: i % 6 ? NOW - i * 7_200_000 : null,
      publishedPrecision: i % 6 ? pick(['exact', 'hour', 'day']) : null,
      firstSeenAt: NOW - i * 3_600_000,
      lastSeenAt: NOW,
    });
  }
  await db.posts.bulkAdd(bulkPosts);

  const snapshots: MetricSnapshotRow[] = [];
  for (let i = 0; i < counts.bulkSnapshots; i++) {
    const target = bulkPosts[i % bulkPosts.length] as PostRow;
    const n = Math.floor(i / bulkPosts.length);
    snapshots.push({
      postKey: target.key,
      platform: target.platform,
      own: target.isOwn,
      capturedAt: NOW - 30 * DAY + n * DAY + (i % 97) * 1000,
      reactions: r() < 0.1 ? null : n * 5 + (i % 13),
      comments: r() < 0.2 ? null : n,
      shares: 0,
      views: r() < 0.5 ? null : n * 1000,
    });
  }
  await db.metricSnapshots.bulkAdd(snapshots);

  const interactions: InteractionRow[] = [];
  for (let i = 0; i < counts.bulkInteractions; i++) {
    const target = bulkPosts[i % bulkPosts.length] as PostRow;
    const kind = pick(['comment_received', 'reply_sent', 'mention', 'manual'] as const);
    const occurredAt = NOW - Math.floor(r() * 400) * 3_600_000;
    interactions.push({
      id: `${target.platform}:${kind}:bulk${i}`,
      kind,
      platform: target.platform,
      postKey: kind === 'manual' ? null : target.key,
      platformItemId: `bulk${i}`,
      parentItemId: kind === 'reply_sent' ? `bulk${i - 1}` : null,
      actorName: pick(['陳偉', 'Chen Wei', 'Ka Ming 🐱', '']),
      actorUrl: r() < 0.5 ? null : `https://www.example.com/${target.platform}/people/${i}`,
      text: pick(TEXTS),
      occurredAt,
      occurredPrecision: pick(['exact', 'minute', 'hour', 'day', 'captured']),
      capturedAt: occurredAt + 60_000,
      status: kind === 'comment_received' ? pick(COMMENT_STATUSES) : 'none',
      repliedById: null,
      inReplyToId: null,
      responseMs: kind === 'reply_sent' ? Math.floor(r() * 1e7) : null,
      templateId: r() < 0.1 ? `tpl${i % counts.templates}` : null,
      site: kind === 'manual' ? 'shop.example.tw' : null,
    });
  }
  await db.interactions.bulkAdd(interactions);

  const templates: TemplateRow[] = [];
  for (let i = 0; i < counts.templates; i++) {
    templates.push({
      id: `tpl${i}`,
      name: `Thanks ${i} 感謝`,
      body: `Hi {name}, ${pick(TEXTS).slice(0, 2_000)}`,
      category: pick(['thanks', 'price', 'shipping']),
      language: pick(['en', 'zh-TW', 'zh-HK']),
      platforms: i % 3 ? [pick(PLATFORMS)] : [],
      shortCode: i % 2 ? `/t${i}` : null,
      builtIn: i < 5,
      createdAt: NOW - i * DAY,
      updatedAt: NOW - i * 3_600_000,
      useCount: i * 3,
      lastUsedAt: i % 4 ? NOW - i * 60_000 : null,
    });
  }
  await db.templates.bulkAdd(templates);

  // The bulk rows bypassed the rollups: make them the log's again.
  await replaceRollupsFromLog(db, { timeZone: SEED_TZ });
}

/** Every table's rows, by name, in primary-key order. */
export async function dumpDatabase(db: SocialDeskDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}
