// The arbitration queue with the workbench's filters and sorts. The database narrows by what it
// can index or read off the row (status, reason, market, channel, the ruling's author); what is
// computed from the case (the suggested responsibility, the ruling target, overdue) is judged on
// the longest-waiting QUEUE_SCAN_MAX cases, and the answer says when the queue was longer.
import { sql } from 'kysely';
import {
  type Dispute,
  type Instant,
  type Responsibility,
  suggestResponsibility,
} from '../../domain/index.ts';
import type { Store } from '../../store/store.ts';
import { decodeDispute } from '../state-codec.ts';
import { type Claim, liveClaims } from './claims.ts';

export const QUEUE_SCAN_MAX = 1_000;

export const QUEUE_SORTS = [
  'age',
  'target',
  'amount',
  'reason',
  'market',
  'channel',
  'suggested',
] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueueFilter {
  /** arbitration: waiting for a first ruling; appeal: an appeal to decide; undefined: both. */
  readonly kind?: 'arbitration' | 'appeal';
  readonly reason?: string;
  readonly market?: { readonly side: 'buyer' | 'seller'; readonly country: string };
  readonly channel?: 'platform' | 'seller';
  /** `unknown`: no rule suggests a responsibility yet. */
  readonly suggested?: Responsibility | 'unknown';
  readonly overdue?: boolean;
  /** Waiting at least this long (ms), by `now`. */
  readonly waitingAtLeastMs?: number;
  /** The ruling target falls within this long (ms) from `now` (overdue ones included). */
  readonly targetWithinMs?: number;
  /** The requested amount, in minor units of the dispute's own currency. */
  readonly amountMinMinor?: bigint;
  readonly amountMaxMinor?: bigint;
  readonly claimed?: 'mine' | 'others' | 'unclaimed';
  readonly sort: QueueSort;
  readonly descending: boolean;
  readonly limit: number;
}

export interface QueueItem {
  readonly dispute: Dispute;
  readonly version: number;
  readonly kind: 'arbitration' | 'appeal';
  readonly waitingSince: number;
  readonly rulingTargetAt: number;
  readonly overdue: boolean;
  readonly requestedMinor: bigint;
  readonly suggested?: Responsibility;
  readonly claim?: Claim;
}

/**
 * The queue for one staff member: an arbitrator never sees an appeal against their own ruling
 * (another arbitrator decides it), so such cases are left out for them.
 */
export async function workbenchQueue(
  store: Store,
  f: QueueFilter,
  viewer: { readonly role: string; readonly id: string },
  now: Instant,
): Promise<{ items: QueueItem[]; truncated: boolean }> {
  // The same expression as the partial index disputes_arbitration_waiting (migration 0021).
  const waitingSince = sql`(coalesce(state->'appeal'->>'at', state->'escalation'->>'at', state->>'openedAt'))::bigint`;
  let q = store.db
    .selectFrom('disputes')
    .select(['state', 'version'])
    .where(sql<boolean>`status in ('in_arbitration', 'appealed')`);
  if (f.kind !== undefined)
    q = q.where('status', '=', f.kind === 'appeal' ? 'appealed' : 'in_arbitration');
  if (f.reason !== undefined) q = q.where(sql<string>`state->>'reason'`, '=', f.reason);
  if (f.market !== undefined) {
    const field = f.market.side === 'buyer' ? 'buyerCountry' : 'sellerCountry';
    q = q.where(sql<string>`state->'order'->>${field}`, '=', f.market.country);
  }
  if (f.channel !== undefined)
    q = q.where(sql<string>`state->'order'->>'outboundChannel'`, '=', f.channel);
  if (viewer.role === 'arbitrator')
    q = q.where(
      sql<boolean>`not (status = 'appealed' and coalesce(state->'ruling'->>'by', '') = ${viewer.id})`,
    );
  // The default view (longest waiting first, nothing computed to judge) is the index's own
  // order: read only the page, as the plain queue did, instead of scanning QUEUE_SCAN_MAX cases.
  const computed = needsJudging(f);
  const scan = computed ? QUEUE_SCAN_MAX : f.limit;
  const direction = !computed && f.descending ? 'desc' : 'asc';
  const rows = await q
    .orderBy(waitingSince, direction)
    .orderBy('id')
    .limit(scan + 1)
    .execute();
  const scanned = rows.slice(0, scan).map((r) => ({
    dispute: decodeDispute(r.state),
    version: r.version,
  }));
  const claims = await liveClaims(
    store,
    scanned.map((s) => s.dispute.id),
    now,
  );
  const items = scanned
    .map((s) => queueItem(s.dispute, s.version, claims.get(s.dispute.id), now))
    .filter((i) => matches(i, f, viewer.id, now));
  items.sort(compareBy(f.sort, f.descending));
  return { items: items.slice(0, f.limit), truncated: computed && rows.length > scan };
}

/** Whether the filter or the sort needs what is computed from the case, not read off the row. */
function needsJudging(f: QueueFilter): boolean {
  return (
    f.sort !== 'age' ||
    f.suggested !== undefined ||
    f.overdue !== undefined ||
    f.waitingAtLeastMs !== undefined ||
    f.targetWithinMs !== undefined ||
    f.amountMinMinor !== undefined ||
    f.amountMaxMinor !== undefined ||
    f.claimed !== undefined
  );
}

function queueItem(d: Dispute, version: number, claim: Claim | undefined, now: Instant): QueueItem {
  const since = d.appeal?.at ?? d.escalation?.at ?? d.openedAt;
  const target = since + d.policy.values.rulingTargetMs;
  const suggested = suggestResponsibility(d).responsibility;
  return {
    dispute: d,
    version,
    kind: d.status === 'appealed' ? 'appeal' : 'arbitration',
    waitingSince: since,
    rulingTargetAt: target,
    overdue: now > target,
    requestedMinor: requestedMinor(d),
    ...(suggested === undefined ? {} : { suggested }),
    ...(claim === undefined ? {} : { claim }),
  };
}

function requestedMinor(d: Dispute): bigint {
  const request = d.offers.find((o) => o.id === d.requestOfferId);
  return request !== undefined &&
    (request.terms.kind === 'refund' || request.terms.kind === 'return_and_refund')
    ? request.terms.amount.minor
    : d.order.paid.minor;
}

function matches(i: QueueItem, f: QueueFilter, me: string, now: Instant): boolean {
  if (f.suggested !== undefined && (i.suggested ?? 'unknown') !== f.suggested) return false;
  if (f.overdue !== undefined && i.overdue !== f.overdue) return false;
  if (f.waitingAtLeastMs !== undefined && now - i.waitingSince < f.waitingAtLeastMs) return false;
  if (f.targetWithinMs !== undefined && i.rulingTargetAt - now > f.targetWithinMs) return false;
  if (f.amountMinMinor !== undefined && i.requestedMinor < f.amountMinMinor) return false;
  if (f.amountMaxMinor !== undefined && i.requestedMinor > f.amountMaxMinor) return false;
  if (f.claimed === 'unclaimed' && i.claim !== undefined) return false;
  if (f.claimed === 'mine' && i.claim?.staffId !== me) return false;
  if (f.claimed === 'others' && (i.claim === undefined || i.claim.staffId === me)) return false;
  return true;
}

type Compare = (a: QueueItem, b: QueueItem) => number;

const text =
  (pick: (i: QueueItem) => string): Compare =>
  (a, b) =>
    pick(a) < pick(b) ? -1 : pick(a) > pick(b) ? 1 : 0;

const KEYS: Readonly<Record<QueueSort, Compare>> = {
  age: (a, b) => a.waitingSince - b.waitingSince,
  target: (a, b) => a.rulingTargetAt - b.rulingTargetAt,
  // Amounts compare within one currency; across currencies the code orders them (no rates here).
  amount: (a, b) =>
    text((i) => i.dispute.order.paid.currency)(a, b) ||
    (a.requestedMinor < b.requestedMinor ? -1 : a.requestedMinor > b.requestedMinor ? 1 : 0),
  reason: text((i) => i.dispute.reason),
  market: text((i) => `${i.dispute.order.buyerCountry}/${i.dispute.order.sellerCountry}`),
  channel: text((i) => i.dispute.order.outboundChannel),
  suggested: text((i) => i.suggested ?? '~'),
};

/** The chosen key, then the longest waiting, then the id: a stable order for every sort. */
function compareBy(sort: QueueSort, descending: boolean): Compare {
  const key = KEYS[sort];
  return (a, b) =>
    (descending ? -key(a, b) : key(a, b)) ||
    a.waitingSince - b.waitingSince ||
    text((i) => i.dispute.id)(a, b);
}
