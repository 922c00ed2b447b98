// RFC 9457 problem details. Every engine rejection code maps to a status in one table: adding a
// code to the catalogue without a status here is a compile error.
import type { FastifyReply } from 'fastify';
import type { Rejection, RejectionCode } from '../domain/index.ts';

export const PROBLEM_TYPE_BASE = 'https://settle.dev/problems/';

export const REJECTION_STATUS: { readonly [C in RejectionCode]: 403 | 404 | 409 | 422 } = {
  'dispute.not_found': 404,
  'dispute.already_exists': 409,
  'dispute.wrong_state': 409,
  'dispute.already_ruled': 409,
  'dispute.line_in_open_dispute': 409,
  // Objects the caller may not see answer 404, never 403 (domain.md).
  'actor.not_party': 404,
  'actor.role_not_allowed': 403,
  'input.invalid': 422,
  'open.too_early': 422,
  'open.too_late': 422,
  'open.not_delivered': 422,
  'open.request_kind_invalid': 422,
  'open.line_unknown': 422,
  'open.line_quantity_invalid': 422,
  'money.not_positive': 422,
  'money.currency_mismatch': 422,
  'money.exceeds_refundable': 422,
  'offer.not_found': 404,
  'offer.not_open': 409,
  'offer.own_offer': 409,
  'offer.id_reused': 409,
  'offer.kind_not_allowed': 422,
  'offer.counter_required': 422,
  'offer.seller_must_respond_first': 409,
  'offer.limit_reached': 409,
  'coupon.expiry_in_past': 422,
  'coupon.min_spend_invalid': 422,
  'evidence.not_found': 404,
  'evidence.id_reused': 409,
  'evidence.ambiguous': 409,
  'evidence.limit_reached': 409,
  'evidence.request_limit_reached': 409,
  'evidence.due_in_past': 422,
  'message.id_reused': 409,
  'message.limit_reached': 409,
  'message.attachment_not_found': 422,
  'escalation.not_yet_allowed': 409,
  'escalation.not_yours': 403,
  'return.goods_not_arrived': 422,
  'return.goods_problem_required': 422,
  'return.label_not_found': 422,
  'return.postage_payer_not_allowed': 403,
  'refund.not_found': 404,
  'refund.already_succeeded': 409,
  'refund.already_failed': 409,
  'refund.not_pending': 409,
  'ruling.refund_with_buyer_responsibility': 422,
  'ruling.own_ruling': 403,
  'appeal.window_closed': 409,
  'appeal.already_used': 409,
  'appeal.new_evidence_required': 422,
  'appeal.no_ruling': 409,
  'appeal.ruling_required': 422,
  'deadline.not_due': 409,
  'deadline.not_pending': 409,
};

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: titleOf(code),
    status,
    detail,
    code,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type('application/problem+json').send(p);
}

export function sendRejection(reply: FastifyReply, r: Rejection): FastifyReply {
  return sendProblem(reply, rejectionProblem(r));
}

/** The problem an engine rejection answers with. */
export function rejectionProblem(r: Rejection): Problem {
  return problem(
    REJECTION_STATUS[r.code],
    r.code,
    r.message,
    r.detail === undefined ? {} : { facts: r.detail },
  );
}

export function notFound(reply: FastifyReply, what = 'resource'): FastifyReply {
  return sendProblem(reply, problem(404, 'not_found', `no such ${what}`));
}

function titleOf(code: string): string {
  const words = code.replace(/[._]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
