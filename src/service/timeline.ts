// A dispute's timeline as one viewer sees it, read a page at a time from the event log's own
// columns (seq, type, at, actor_role), so reading it costs the page, not the dispute's history.
// A party never sees the other side's arbitrator-only messages and files (dispute-case.ts,
// visibleTo); the same rule is written here in SQL so the hidden events are never read out.
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Dispute } from '../domain/index.ts';
import type { Database } from '../store/schema.ts';
import { type Viewer, versionFor } from './dispute-case.ts';

/** How many of the latest timeline entries a dispute view carries; the rest are paged. */
export const TIMELINE_IN_VIEW = 50;
export const TIMELINE_PAGE_DEFAULT = 100;
export const TIMELINE_PAGE_MAX = 200;

export interface TimelineEntry {
  readonly seq: number;
  readonly type: string;
  readonly at: number;
  readonly by: string;
  /** The API key that acted for the party (Settle-Act-As), when one did. */
  readonly via?: string;
}

interface EventHead {
  seq: number;
  type: string;
  at: Date;
  actor_role: string;
  via: string | null;
}

/**
 * Whether a party may see an event row: a message or file marked for the arbitrator only is
 * visible to its author alone. Exactly `eventVisibleTo` of dispute-case.ts, on the payload.
 */
function visibleToParty(party: string) {
  return sql<SqlBool>`not (
    type in ('message_posted', 'evidence_added')
    and coalesce(coalesce(payload->'message', payload->'evidence')->>'arbitratorOnly' = 'true', false)
    and (coalesce(payload->'message', payload->'evidence')->>'by') is distinct from ${party}
  )`;
}

function entry(row: EventHead, seq: number): TimelineEntry {
  const e = { seq, type: row.type, at: row.at.getTime(), by: row.actor_role };
  return row.via === null ? e : { ...e, via: row.via };
}

const VIA = sql<string | null>`payload->'actor'->'via'->>'id'`.as('via');

/**
 * The latest `limit` entries the viewer may see, oldest first, numbered as they see them (a
 * party's entries 1..n with no gap where something is hidden; staff the stored seq). A party's
 * count of visible events is their version (`versionFor`), so the newest is numbered that.
 */
export async function latestTimeline(
  db: Kysely<Database>,
  dispute: Dispute,
  version: number,
  viewer: Viewer,
  limit = TIMELINE_IN_VIEW,
): Promise<TimelineEntry[]> {
  let q = db
    .selectFrom('dispute_events')
    .select(['seq', 'type', 'at', 'actor_role', VIA])
    .where('dispute_id', '=', dispute.id);
  if (viewer.kind === 'party') q = q.where(visibleToParty(viewer.party));
  // The marketplace sees no arbitrator-only item, numbered as stored (like its webhooks).
  if (viewer.kind === 'marketplace') q = q.where(visibleToParty(''));
  const rows = await q.orderBy('seq', 'desc').limit(limit).execute();
  const newest = versionFor(dispute, version, viewer);
  return rows.map((row, i) => entry(row, viewer.kind === 'party' ? newest - i : row.seq)).reverse();
}

/**
 * Entries after the viewer's own number `after`, oldest first, up to `limit`; `nextAfter` when
 * there are more. A party's numbers count only what they may see, so their page is an offset
 * into their visible events (their numbers never reveal a stored seq).
 */
export async function timelinePage(
  db: Kysely<Database>,
  disputeId: string,
  viewer: Viewer,
  after: number,
  limit: number,
): Promise<{ items: TimelineEntry[]; nextAfter?: number }> {
  let q = db
    .selectFrom('dispute_events')
    .select(['seq', 'type', 'at', 'actor_role', VIA])
    .where('dispute_id', '=', disputeId);
  if (viewer.kind === 'party') q = q.where(visibleToParty(viewer.party)).offset(after);
  else q = q.where('seq', '>', after);
  if (viewer.kind === 'marketplace') q = q.where(visibleToParty(''));
  const rows = await q
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const page = rows
    .slice(0, limit)
    .map((row, i) => entry(row, viewer.kind === 'party' ? after + 1 + i : row.seq));
  const last = page.at(-1);
  return {
    items: page,
    ...(rows.length > limit && last !== undefined ? { nextAfter: last.seq } : {}),
  };
}
