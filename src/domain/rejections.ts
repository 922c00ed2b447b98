// One catalogue of the ways a command can be refused. Codes are stable API: clients branch on them.
// The HTTP layer maps every code to a status in a table the compiler checks against this list.

export const REJECTION_CODES = [
  'dispute.not_found',
  'dispute.already_exists',
  'dispute.wrong_state',
  'dispute.already_ruled',
  'dispute.line_in_open_dispute',
  'actor.not_party',
  'actor.role_not_allowed',
  'input.invalid',
  'open.too_early',
  'open.too_late',
  'open.not_delivered',
  'open.request_kind_invalid',
  'open.line_unknown',
  'open.line_quantity_invalid',
  'money.not_positive',
  'money.currency_mismatch',
  'money.exceeds_refundable',
  'offer.not_found',
  'offer.not_open',
  'offer.own_offer',
  'offer.id_reused',
  'offer.kind_not_allowed',
  'offer.counter_required',
  'offer.seller_must_respond_first',
  'offer.limit_reached',
  'coupon.expiry_in_past',
  'coupon.min_spend_invalid',
  'evidence.not_found',
  'evidence.id_reused',
  'evidence.ambiguous',
  'evidence.limit_reached',
  'evidence.request_limit_reached',
  'evidence.due_in_past',
  'message.id_reused',
  'message.limit_reached',
  'message.attachment_not_found',
  'escalation.not_yet_allowed',
  'escalation.not_yours',
  'return.goods_not_arrived',
  'return.goods_problem_required',
  'return.label_not_found',
  'return.postage_payer_not_allowed',
  'refund.not_found',
  'refund.already_succeeded',
  'refund.already_failed',
  'refund.not_pending',
  'ruling.refund_with_buyer_responsibility',
  'ruling.own_ruling',
  'appeal.window_closed',
  'appeal.already_used',
  'appeal.new_evidence_required',
  'appeal.no_ruling',
  'appeal.ruling_required',
  'deadline.not_due',
  'deadline.not_pending',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  readonly code: RejectionCode;
  readonly message: string;
  /** Facts a client can show: the refundable amount, the window that closed, the due date. */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

export function rejection(
  code: RejectionCode,
  message: string,
  detail?: Readonly<Record<string, string | number | boolean>>,
): Rejection {
  return detail === undefined ? { code, message } : { code, message, detail };
}
