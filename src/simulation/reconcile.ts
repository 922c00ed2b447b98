// After a run, the books must close (issue 13): the ledger balances and ties to its causes,
// every dispute's refunds by funder match its ruling, the metrics folded from events equal the
// projection, and every dispute's hash chain verifies. The same checks the CLI runs
// (`settle ledger check`, `settle metrics check`, `settle audit verify`), on the run's store.
import type { Dispute, Instant } from '../domain/index.ts';
import { checkLedgerTies } from '../service/ledger-ties.ts';
import { checkSellerMetrics } from '../service/metrics-check.ts';
import { decodeDispute } from '../service/state-codec.ts';
import { verifyChain } from '../store/event-chain.ts';
import { checkLedger } from '../store/ledger-store.ts';
import type { Store } from '../store/store.ts';

export interface Reconciliation {
  readonly ok: boolean;
  readonly ledgerBalanced: boolean;
  readonly ledgerTied: boolean;
  readonly transactions: number;
  readonly metricsMatch: boolean;
  readonly metricsMismatches: number;
  readonly chainsIntact: boolean;
  readonly disputesVerified: number;
  readonly fundersMatchRulings: boolean;
  readonly funderProblems: readonly string[];
  /** Refunds in the ledger (postings to buyer refund accounts) = refunds in the disputes. */
  readonly refundsLedgerMinor: string;
  readonly refundsDisputesMinor: string;
}

export async function reconcile(store: Store, now: Instant): Promise<Reconciliation> {
  const ledger = await checkLedger(store.db);
  const ties = await checkLedgerTies(store.db);
  const metrics = await checkSellerMetrics(store, now);
  const chains = await verifyChain(store.db);
  const rows = await store.db.selectFrom('disputes').select(['state']).orderBy('id').execute();
  const disputes = rows.map((r) => decodeDispute(r.state));
  const funderProblems = disputes.flatMap((d) =>
    overturned(d) ? overturnProblem(d) : funderProblem(d),
  );
  const refundsDisputes = disputes.reduce<bigint>((s, d) => s + refundedBy(d), 0n);
  const refundsLedger = await refundedInLedger(store);
  const ok =
    ledger.ok &&
    ties.ok &&
    metrics.ok &&
    chains.ok &&
    funderProblems.length === 0 &&
    refundsLedger === refundsDisputes;
  return {
    ok,
    ledgerBalanced: ledger.ok,
    ledgerTied: ties.ok,
    transactions: Number(ledger.transactions),
    metricsMatch: metrics.ok,
    metricsMismatches: metrics.mismatches.length,
    chainsIntact: chains.ok,
    disputesVerified: chains.ok ? chains.disputes : 0,
    fundersMatchRulings: funderProblems.length === 0,
    funderProblems: funderProblems.slice(0, 20),
    refundsLedgerMinor: String(refundsLedger),
    refundsDisputesMinor: String(refundsDisputes),
  };
}

/**
 * Who paid must follow the responsibility (domain.md's table): logistics on the platform's
 * channel from the logistics compensation, a protected dispute from the protection fund, a
 * buyer-responsibility ruling from nobody, seller responsibility never from a platform account.
 */
function funderProblem(d: Dispute): string[] {
  const r = d.resolution;
  if (r === undefined) return [];
  const platform = d.refunds.logistics_compensation + d.refunds.protection_fund;
  const refunded = refundedBy(d);
  if (r.how === 'protection')
    return d.refunds.protection_fund === refunded ? [] : [`${d.id}: protection not from the fund`];
  if (r.responsibility === 'buyer' && refunded !== 0n)
    return [`${d.id}: buyer responsibility but refunded ${refunded}`];
  if (
    r.responsibility === 'logistics' &&
    d.order.outboundChannel === 'platform' &&
    refunded > 0n &&
    d.refunds.logistics_compensation === 0n
  )
    return [`${d.id}: platform logistics but not from the compensation account`];
  if (r.responsibility === 'seller' && platform > 0n && d.appeal === undefined)
    return [`${d.id}: seller responsibility but paid by the platform`];
  return [];
}

/**
 * An overturned ruling keeps what the buyer was paid, so the refund columns still show the first
 * ruling's funder; what must hold is the appeal's rule: when the new ruling puts the refund on
 * the platform's carrier, the seller has been paid back everything it funded (domain.md: a
 * successful seller appeal is reimbursed by the platform, not the buyer).
 */
function overturnProblem(d: Dispute): string[] {
  const r = d.resolution;
  if (r === undefined || r.responsibility !== 'logistics' || d.order.outboundChannel !== 'platform')
    return [];
  const sellerNet = d.refunds.escrow + d.refunds.seller_balance - d.reimbursedMinor;
  return sellerNet === 0n
    ? []
    : [`${d.id}: overturned to platform logistics, the seller still funds ${sellerNet}`];
}

async function refundedInLedger(store: Store): Promise<bigint> {
  const row = await store.db
    .selectFrom('ledger_postings')
    .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_postings.transaction_id')
    .select((eb) => eb.fn.sum<string>('amount_minor').as('sum'))
    .where('ledger_transactions.kind', '=', 'refund')
    .where((eb) =>
      eb.or([
        eb('account', 'like', 'buyer_refunds:%'),
        eb('account', 'like', 'buyer_refunds_owed:%'),
      ]),
    )
    .executeTakeFirst();
  return BigInt(row?.sum ?? 0);
}

const refundedBy = (d: Dispute): bigint =>
  d.refunds.escrow +
  d.refunds.seller_balance +
  d.refunds.logistics_compensation +
  d.refunds.protection_fund;

const overturned = (d: Dispute) => d.appeal?.decision === 'overturned';
