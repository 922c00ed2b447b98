// The domain's public surface: the shell imports from here only.
export * from './actor.ts';
export * from './chargeback.ts';
export * from './dispute/allowed.ts';
export * from './dispute/commands.ts';
export * from './dispute/deadlines.ts';
export * from './dispute/decide.ts';
export { ATTACHMENTS_MAX } from './dispute/decide-evidence.ts';
export {
  findRefundPayment,
  REFUND_ATTEMPTS_MAX,
  REFUND_RETRY_MS,
} from './dispute/decide-refunds.ts';
export * from './dispute/events.ts';
export * from './dispute/evolve.ts';
export * from './dispute/item-ids.ts';
export * from './dispute/lines.ts';
export { disputeIdOfRefund, fundingFor, refundIdOf } from './dispute/settlement.ts';
export * from './dispute/state.ts';
export * from './dispute/terms.ts';
export * from './dispute/transitions.ts';
export * from './escrow-release.ts';
export * from './ids.ts';
export * from './instant.ts';
export * from './ledger.ts';
export * from './metrics.ts';
export * from './metrics-projection.ts';
export * from './money.ts';
export * from './policy.ts';
export * from './reasons.ts';
export * from './rejections.ts';
export * from './responsibility.ts';
export * from './seller-standing.ts';
