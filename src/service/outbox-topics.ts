// Which events leave the building, under which webhook topic (domain.md's webhook list).
import type { DisputeEvent } from '../domain/index.ts';

export type Topic =
  | 'dispute.opened'
  | 'dispute.updated'
  | 'dispute.resolved'
  | 'offer.made'
  | 'money.refunded'
  | 'money.released'
  /** Refund execution: the marketplace's payment side reported, or is asked again. */
  | 'refund.succeeded'
  | 'refund.failed'
  | 'refund.retry_requested'
  | 'refund.escalated'
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
    case 'refund_succeeded':
      return 'refund.succeeded';
    case 'refund_failed':
      return 'refund.failed';
    case 'refund_retry_requested':
      return 'refund.retry_requested';
    case 'refund_escalated':
      return 'refund.escalated';
    case 'deadline_fired':
    case 'order_completed':
      return undefined;
    default:
      return 'dispute.updated';
  }
}
