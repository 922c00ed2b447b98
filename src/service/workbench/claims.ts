// Claims on cases in the arbitration queue: one arbitrator holds a case so two do not work it at
// once. A claim lapses after the market's `arbitrationClaimMs` (read from the current policy,
// not the dispute's copy: it is a desk arrangement, not one of the case's countdowns), and a
// lapsed claim is simply free: nothing has to run to clear it.
import { sql } from 'kysely';
import type { Dispute, Instant } from '../../domain/index.ts';
import type { Store } from '../../store/store.ts';
import { loadPolicy } from '../policy-store.ts';

export interface Claim {
  readonly disputeId: string;
  readonly staffId: string;
  readonly staffName: string;
  readonly claimedAt: number;
  readonly expiresAt: number;
}

export type ClaimResult =
  | { readonly ok: true; readonly claim: Claim }
  | { readonly ok: false; readonly heldBy: Claim };

/** The statuses in which a case waits for an arbitrator: only those can be claimed. */
export const WAITING_STATUSES = ['in_arbitration', 'appealed'] as const;

export function isWaiting(d: Dispute): boolean {
  return (WAITING_STATUSES as readonly string[]).includes(d.status);
}

/**
 * Claims the case for `staffId`, or renews their own claim. One statement: the upsert only
 * overwrites a claim that is the caller's or has lapsed, so two arbitrators claiming at once
 * cannot both win.
 */
export async function claimCase(
  store: Store,
  d: Dispute,
  staffId: string,
  now: Instant,
): Promise<ClaimResult> {
  const policy = await loadPolicy(store.db, {
    buyerCountry: d.order.buyerCountry,
    sellerCountry: d.order.sellerCountry,
  });
  const at = new Date(now);
  const expires = new Date(now + policy.values.arbitrationClaimMs);
  const won = await sql<{ dispute_id: string }>`
    insert into arbitration_claims (dispute_id, staff_id, claimed_at, expires_at)
    values (${d.id}, ${staffId}, ${at}, ${expires})
    on conflict (dispute_id) do update
      set staff_id = excluded.staff_id, claimed_at = excluded.claimed_at,
          expires_at = excluded.expires_at
      where arbitration_claims.staff_id = excluded.staff_id
         or arbitration_claims.expires_at <= ${at}
    returning dispute_id`.execute(store.db);
  const held = (await liveClaims(store, [d.id], now)).get(d.id);
  if (held === undefined) throw new Error(`claim on ${d.id} vanished while claiming`);
  return won.rows.length === 1 ? { ok: true, claim: held } : { ok: false, heldBy: held };
}

/**
 * Gives the case back. `anyone`: an admin may free a case someone else holds. Answers the claim
 * that still stands in the way, if any (releasing a free case is not an error: it is free).
 */
export async function releaseCase(
  store: Store,
  disputeId: string,
  staffId: string,
  now: Instant,
  anyone: boolean,
): Promise<Claim | undefined> {
  let q = store.db.deleteFrom('arbitration_claims').where('dispute_id', '=', disputeId);
  if (!anyone)
    q = q.where((eb) =>
      eb.or([eb('staff_id', '=', staffId), eb('expires_at', '<=', new Date(now))]),
    );
  await q.execute();
  return (await liveClaims(store, [disputeId], now)).get(disputeId);
}

/** The claims that still hold at `now` on these disputes, with the holder's name. */
export async function liveClaims(
  store: Store,
  disputeIds: readonly string[],
  now: Instant,
): Promise<Map<string, Claim>> {
  if (disputeIds.length === 0) return new Map();
  const rows = await store.db
    .selectFrom('arbitration_claims as c')
    .leftJoin('users as u', 'u.id', 'c.staff_id')
    .select(['c.dispute_id', 'c.staff_id', 'u.name', 'c.claimed_at', 'c.expires_at'])
    .where('c.dispute_id', 'in', [...disputeIds])
    .where('c.expires_at', '>', new Date(now))
    .execute();
  return new Map(
    rows.map((r) => [
      r.dispute_id,
      {
        disputeId: r.dispute_id,
        staffId: r.staff_id,
        staffName: r.name ?? r.staff_id,
        claimedAt: r.claimed_at.getTime(),
        expiresAt: r.expires_at.getTime(),
      },
    ]),
  );
}
