// An order's escrow without a dispute to release it: domain.md says the payment "is released to
// the seller when the order is completed and its protection window has passed with no open
// dispute", and "an open dispute or chargeback freezes it". Disputes release their own escrow
// when they become final; this decides for the order itself, once no dispute is left to.
// Pure: the shell gathers the facts, asks, and writes the answer.
import type { OrderId, SellerId } from './ids.ts';
import { type Instant, later } from './instant.ts';
import { accounts, type LedgerTransaction } from './ledger.ts';
import type { Currency } from './money.ts';
import type { Policy } from './policy.ts';

/** How long a blocked release waits before it looks again (the blocker may have gone). */
export const ESCROW_RECHECK_MS = 60 * 60 * 1000;

export interface OrderEscrowFacts {
  readonly orderId: OrderId;
  readonly sellerId: SellerId;
  readonly currency: Currency;
  /** When the buyer confirmed receipt (or it timed out); undefined while not completed. */
  readonly completedAt: Instant | undefined;
  /** What the ledger holds in the order's escrow now. */
  readonly escrowMinor: bigint;
  /** A dispute of the order that is not final yet: it will release the escrow itself. */
  readonly disputeInProgress: boolean;
  /** A chargeback of the order the processor has not decided: the escrow is frozen. */
  readonly chargebackUndecided: boolean;
}

export type EscrowRelease =
  | { readonly kind: 'release'; readonly transaction: LedgerTransaction }
  /** Not yet: look again at `until`. */
  | { readonly kind: 'wait'; readonly until: Instant; readonly why: string }
  /** Nothing to do, now or later: no escrow left, or the order is not completed. */
  | { readonly kind: 'done' };

export function decideEscrowRelease(
  facts: OrderEscrowFacts,
  now: Instant,
  policy: Policy,
): EscrowRelease {
  if (facts.completedAt === undefined || facts.escrowMinor <= 0n) return { kind: 'done' };
  const windowEnds = later(facts.completedAt, policy.values.openAfterCompletionMs);
  if (now < windowEnds) return { kind: 'wait', until: windowEnds, why: 'protection window' };
  if (facts.disputeInProgress || facts.chargebackUndecided) {
    const why = facts.disputeInProgress ? 'dispute in progress' : 'chargeback undecided';
    return { kind: 'wait', until: later(now, ESCROW_RECHECK_MS), why };
  }
  const amount = { minor: facts.escrowMinor, currency: facts.currency };
  return {
    kind: 'release',
    transaction: {
      kind: 'release',
      postings: [
        { account: accounts.escrow(facts.orderId), amount: { ...amount, minor: -amount.minor } },
        { account: accounts.sellerBalance(facts.sellerId), amount },
      ],
    },
  };
}
