import { stableHash } from '../parse/hash';
import type { Platform } from '../platforms/types';
import { applyContributions, interactionContributions, type RollupContext } from './rollups';
import type { InteractionRow, SocialDeskDB } from './schema';

export interface ManualInteractionInput {
  kind: 'comment_received' | 'reply_sent' | 'mention';
  platform: Platform;
  url: string;
  actorName: string;
  text: string;
  occurredAt: number;
}

/**
 * Records an interaction the user enters by hand (any site, manual mode). Its
 * key is a hash of what identifies it, so saving the same form twice does not
 * make a second row. It counts in the weekly numbers like a captured one.
 */
export async function recordManualInteraction(db: SocialDeskDB, input: ManualInteractionInput, now: number, ctx: RollupContext): Promise<InteractionRow> {
  let site: string | null = null;
  try {
    site = new URL(input.url).hostname;
  } catch {
    site = null;
  }
  const itemId = `manual:${stableHash([input.url, input.actorName, input.text, String(input.occurredAt)])}`;
  const row: InteractionRow = {
    id: `${input.platform}:${input.kind}:${itemId}`,
    kind: input.kind,
    platform: input.platform,
    postKey: null,
    platformItemId: itemId,
    parentItemId: null,
    actorName: input.actorName,
    actorUrl: null,
    text: input.text,
    occurredAt: input.occurredAt,
    occurredPrecision: 'minute',
    capturedAt: now,
    status: input.kind === 'comment_received' ? 'open' : 'none',
    repliedById: null,
    inReplyToId: null,
    responseMs: null,
    templateId: null,
    site,
  };
  return db.transaction('rw', [db.interactions, db.dailyRollups], async () => {
    const old = await db.interactions.get(row.id);
    if (old) return old;
    await db.interactions.add(row);
    await applyContributions(db, interactionContributions(row, ctx));
    return row;
  });
}
