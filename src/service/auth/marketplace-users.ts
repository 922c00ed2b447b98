// The marketplace's own users, named the way its backend names them: `buyer:<buyerId>` (the id
// on its orders) or `seller:<sellerId>:<staffId>` (a staff account of that store). Used by the
// `Settle-Act-As` header and by sign-in links; both act for exactly one such person, who must
// exist, be of that kind and not be disabled. Arbitrators and admins are never named this way.
import type { Kysely } from 'kysely';
import type { Actor, BuyerId, SellerId, Via } from '../../domain/index.ts';
import { isId } from '../../domain/index.ts';
import type { Database } from '../../store/schema.ts';
import { type UserRecord, userRecord } from './users.ts';

type Db = Kysely<Database>;

export type MarketplaceUserRef =
  | { readonly kind: 'buyer'; readonly buyerId: string }
  /** Ids may hold `:`, so a seller reference may split several ways: each candidate is kept. */
  | { readonly kind: 'seller'; readonly candidates: readonly (readonly [string, string])[] };

/** Longer than any two ids and the prefix: nothing longer is parsed. */
const REF_LENGTH_MAX = 220;

/** The reference in `text`, or undefined when it is not one (a 400 for the caller). */
export function parseMarketplaceUser(text: string): MarketplaceUserRef | undefined {
  if (text.length > REF_LENGTH_MAX) return undefined;
  if (text.startsWith('buyer:')) {
    const buyerId = text.slice('buyer:'.length);
    return isId(buyerId) ? { kind: 'buyer', buyerId } : undefined;
  }
  if (text.startsWith('seller:')) {
    const rest = text.slice('seller:'.length);
    const candidates: (readonly [string, string])[] = [];
    for (let i = rest.indexOf(':'); i !== -1; i = rest.indexOf(':', i + 1)) {
      const sellerId = rest.slice(0, i);
      const staffId = rest.slice(i + 1);
      if (isId(sellerId) && isId(staffId)) candidates.push([sellerId, staffId]);
    }
    return candidates.length === 0 ? undefined : { kind: 'seller', candidates };
  }
  return undefined;
}

/**
 * The live account a reference names, or undefined: no such buyer, no such staff member of that
 * store, a disabled account, or (for seller ids holding `:`) more than one account that fits.
 * One answer for all of them, so a caller learns nothing about which part was wrong.
 */
export async function findMarketplaceUser(
  db: Db,
  ref: MarketplaceUserRef,
): Promise<UserRecord | undefined> {
  const query = db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'seller_id'])
    .where('disabled_at', 'is', null);
  if (ref.kind === 'buyer') {
    const row = await query
      .where('id', '=', ref.buyerId)
      .where('role', '=', 'buyer')
      .executeTakeFirst();
    return row === undefined ? undefined : userRecord(row);
  }
  const rows = await query
    .where('role', '=', 'seller')
    .where(
      'id',
      'in',
      ref.candidates.map(([, staffId]) => staffId),
    )
    .execute();
  const matches = rows.filter((row) =>
    ref.candidates.some(([sellerId, staffId]) => row.id === staffId && row.seller_id === sellerId),
  );
  return matches.length === 1 && matches[0] !== undefined ? userRecord(matches[0]) : undefined;
}

/** The engine's actor for a buyer or staff member acting through key `keyId`. */
export function actorActingFor(user: UserRecord, keyId: string): Actor {
  const via: Via = { role: 'integration', id: keyId };
  if (user.role === 'buyer') return { role: 'buyer', id: user.id as BuyerId, via };
  if (user.role === 'seller' && user.sellerId !== undefined)
    return { role: 'seller', id: user.sellerId as SellerId, userId: user.id, via };
  throw new Error(`user ${user.id} is not a buyer or a store's staff: no one acts for them`);
}
