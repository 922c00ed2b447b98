// Which events leave the building, under which webhook topic (domain.md's webhook list).
import type { DisputeEvent } from '../domain/index.ts';

export type Topic =
  | 'dispute.opened'
  | 'dispute.updated'
  | 'dispute.resolved'
  | 'offer.made'
  | 'money.refunded'
  | 'money.released'
  /** Written by the chargeback writer, not by topicOf: chargebacks are not dispute events. */
  | 'chargeback.updated'
  /** Written by seller-standing.ts when a seller crosses a policy threshold, either way. */
  | 'seller.standing_changed';

export function topicOf(e: DisputeEvent): Topic | undefined {
  switch (e.type) {
    case 'dispute_opened':
      return 'dispute.opened';
    case 'dispute_resolved':
    case 'appeal_decided':
      return 'dispute.resolved';
    case 'offer_proposed':
      return 'offer.made';
    case 'refund_issued':
      return 'money.refunded';
    case 'funds_released':
      return 'money.released';
    case 'deadline_fired':
    case 'order_completed':
      return undefined;
    default:
      return 'dispute.updated';
  }
}
