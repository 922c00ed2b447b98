// Who an authenticated principal is to the engine. The engine only sees an Actor; a seller's
// staff member acts as the store (the seller id), with the user id kept for the audit trail.
import type { Actor, BuyerId, SellerId, StaffId } from '../../domain/index.ts';
import type { ApiKeyRecord } from './api-keys.ts';
import type { UserRecord } from './users.ts';

export function actorForUser(user: UserRecord): Actor {
  switch (user.role) {
    case 'buyer':
      // A buyer's user id is the buyer id the marketplace uses on orders.
      return { role: 'buyer', id: user.id as BuyerId };
    case 'seller':
      if (user.sellerId === undefined)
        throw new Error(`seller user ${user.id} has no store (the users table forbids this)`);
      return { role: 'seller', id: user.sellerId as SellerId, userId: user.id };
    case 'arbitrator':
      return { role: 'arbitrator', id: user.id as StaffId };
    case 'admin':
      return { role: 'admin', id: user.id as StaffId };
  }
}

/** An admin-scoped key acts as an admin; any other key as the marketplace integration. */
export function actorForApiKey(key: ApiKeyRecord): Actor {
  return key.scopes.includes('admin')
    ? { role: 'admin', id: key.id as StaffId }
    : { role: 'integration', id: key.id };
}
