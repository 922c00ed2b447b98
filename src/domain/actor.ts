// Who acts. The shell takes the actor from authentication, never from a request body.
import type { BuyerId, SellerId, StaffId } from './ids.ts';

export type Role = 'buyer' | 'seller' | 'arbitrator' | 'admin' | 'integration' | 'system';
export type Party = 'buyer' | 'seller';

export type Actor =
  | { readonly role: 'buyer'; readonly id: BuyerId }
  | { readonly role: 'seller'; readonly id: SellerId; readonly userId?: string }
  | { readonly role: 'arbitrator'; readonly id: StaffId }
  | { readonly role: 'admin'; readonly id: StaffId }
  /** The marketplace's backend, by API key: feeds orders, tracking and chargebacks. */
  | { readonly role: 'integration'; readonly id: string }
  | { readonly role: 'system' };

export const SYSTEM: Actor = { role: 'system' };

export function otherParty(party: Party): Party {
  return party === 'buyer' ? 'seller' : 'buyer';
}

export function actorId(actor: Actor): string | undefined {
  return actor.role === 'system' ? undefined : actor.id;
}
