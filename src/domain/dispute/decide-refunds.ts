// Refund execution: a refund is owed from the moment it is decided; the marketplace's payment side
// pays it and reports the result. A failed payment is asked for again a few times, then handed to
// staff. The state machine per refund: pending → succeeded | retry_scheduled → pending … → escalated.
import { HOUR_MS, later } from '../instant.ts';
import { type Rejection, rejection } from '../rejections.ts';
import type { DisputeCommand } from './commands.ts';
import type { Draft } from './draft.ts';
import type { RefundPayment } from './state.ts';
import { checkText, NOTE_CHARS_MAX } from './text.ts';

type Cmd<T extends DisputeCommand['type']> = Extract<DisputeCommand, { type: T }>;

/** Attempts a refund's payment gets before staff take it over (the first one included). */
export const REFUND_ATTEMPTS_MAX = 3;
/** How long after a failed attempt the next one is asked for: time for the buyer's bank to clear. */
export const REFUND_RETRY_MS = 24 * HOUR_MS;

export function findRefundPayment(
  payments: readonly RefundPayment[] | undefined,
  refundId: string,
): RefundPayment | undefined {
  return payments?.find((p) => p.id === refundId);
}

export function recordRefundResult(
  draft: Draft,
  cmd: Cmd<'record_refund_result'>,
): Rejection | undefined {
  const payment = findRefundPayment(draft.dispute.refundPayments, cmd.refundId);
  if (payment === undefined) return rejection('refund.not_found', 'no such refund');
  const refused = settled(payment) ?? checkFailure(cmd);
  if (refused !== undefined) return refused;
  if (cmd.result === 'succeeded') {
    // Accepted while a retry is scheduled too: the payment side may have retried on its own.
    draft.emit({ type: 'refund_succeeded', refundId: payment.id, amount: payment.amount });
    return undefined;
  }
  if (payment.status !== 'pending') {
    return rejection(
      'refund.not_pending',
      `attempt ${payment.attempt} of refund ${payment.id} already failed; the next is asked for at ${new Date(payment.retryAt ?? draft.now).toISOString()}`,
      { status: payment.status },
    );
  }
  const failure = cmd.failure ?? '';
  if (payment.attempt >= REFUND_ATTEMPTS_MAX) {
    draft.emit({ type: 'refund_failed', refundId: payment.id, attempt: payment.attempt, failure });
    draft.emit({ type: 'refund_escalated', refundId: payment.id, attempts: payment.attempt });
    return undefined;
  }
  draft.emit({
    type: 'refund_failed',
    refundId: payment.id,
    attempt: payment.attempt,
    failure,
    retryAt: later(draft.now, REFUND_RETRY_MS),
  });
  return undefined;
}

// A refund's money moves once: a second success, or any result after it was handed to staff,
// is refused, never counted again.
function settled(payment: RefundPayment): Rejection | undefined {
  if (payment.status === 'succeeded') {
    return rejection(
      'refund.already_succeeded',
      `refund ${payment.id} was already reported paid on ${new Date(payment.settledAt ?? 0).toISOString()}`,
    );
  }
  if (payment.status === 'escalated') {
    return rejection(
      'refund.already_failed',
      `refund ${payment.id} failed ${payment.attempt} times and was handed to staff: it is settled by hand`,
    );
  }
  return undefined;
}

function checkFailure(cmd: Cmd<'record_refund_result'>): Rejection | undefined {
  if (cmd.failure === undefined) return undefined;
  if (cmd.result === 'succeeded') {
    return rejection('input.invalid', 'a failure reason goes with a failed result only', {
      field: 'failure',
    });
  }
  return checkText('failure', cmd.failure, { maxChars: NOTE_CHARS_MAX, required: false });
}

/** The retry deadline fell: ask the payment side for the next attempt. */
export function requestRefundRetry(draft: Draft, refundId: string): void {
  const payment = findRefundPayment(draft.dispute.refundPayments, refundId);
  if (payment === undefined) throw new Error(`refund retry for unknown refund ${refundId}`);
  draft.emit({ type: 'refund_retry_requested', refundId, attempt: payment.attempt + 1 });
}
