// Who acts. The shell takes the actor from authentication, never from a request body.
import type { BuyerId, SellerId, StaffId } from './ids.ts';

export type Role = 'buyer' | 'seller' | 'arbitrator' | 'admin' | 'integration' | 'system';
export type Party = 'buyer' | 'seller';

/**
 * The marketplace key a buyer or seller acted through (`Settle-Act-As`): the user is the actor
 * and is authorized as themselves; the key is recorded beside them for the audit trail.
 */
export type Via = { readonly role: 'integration'; readonly id: string };

export type Actor =
  | { readonly role: 'buyer'; readonly id: BuyerId; readonly via?: Via }
  | {
      readonly role: 'seller';
      readonly id: SellerId;
      readonly userId?: string;
      readonly via?: Via;
    }
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

/** The key a party acted through, if any. */
export function viaOf(actor: Actor): Via | undefined {
  return actor.role === 'buyer' || actor.role === 'seller' ? actor.via : undefined;
}
