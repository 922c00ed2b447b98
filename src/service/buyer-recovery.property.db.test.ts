// Goal: whatever the interleaving of chargebacks (opened, won, lost in full or in part, lapsed),
// dispute refunds (agreements, rulings, appeal decisions, timeouts), escrow releases and appeals
// (of the latest dispute or an earlier one) on ONE order, through the real services and store, the buyer never recovers more than was
// paid, the order's escrow never goes below zero (it is never paid out twice), and `ledger
// check` agrees. fast-check prints the seed of a failure; FC_SEED replays it.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { evidence as evidenceInput } from '../../test/harness/fixtures.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { serviceWorld } from '../../test/support/service-world.ts';
import {
  type Actor,
  accounts,
  type ChargebackId,
  DAY_MS,
  DEFAULT_POLICY,
  type DisputeId,
  type EvidenceId,
  money,
  type OfferId,
  type Responsibility,
} from '../domain/index.ts';
import { accountBalance, checkLedger, orderRecovery } from '../store/ledger-store.ts';
import { ChargebackService } from './chargebacks.ts';
import { checkProjections } from './projection-check.ts';

const SEED = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };
const RUNS = Number(process.env.FC_RUNS ?? 30);
const PAID = 7_000;
const USD = (minor: number) => money(minor, 'USD');
const integration: Actor = { role: 'integration', id: 'marketplace' };

type Step =
  | { readonly kind: 'chargeback'; readonly amount: number }
  | { readonly kind: 'outcome'; readonly which: number; readonly outcome: 'won' | 'lost' }
  | { readonly kind: 'lapse' }
  | { readonly kind: 'dispute'; readonly amount: number }
  | { readonly kind: 'accept' }
  | {
      readonly kind: 'rule';
      readonly amount: number | undefined;
      readonly responsibility: Responsibility;
    }
  | {
      readonly kind: 'appeal';
      readonly by: 'buyer' | 'seller';
      readonly amount: number | undefined;
      /** Counted back from the latest dispute: an earlier one of the order may be appealed. */
      readonly back: number;
    }
  | { readonly kind: 'wait'; readonly days: number };

// Full and partial amounts, and amounts that only fit if nothing was recovered yet.
const amount = fc.constantFrom(1_000, 2_000, 3_500, 5_000, PAID);
// Weighted towards what moves money: opening and deciding chargebacks, opening and settling disputes.
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('chargeback' as const), amount }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('outcome' as const),
      which: fc.nat(3),
      outcome: fc.constantFrom('won' as const, 'lost' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'lapse' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('dispute' as const), amount }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'accept' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rule' as const),
      amount: fc.option(amount, { nil: undefined }),
      responsibility: fc.constantFrom<Responsibility>('seller', 'logistics', 'buyer'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('appeal' as const),
      by: fc.constantFrom('buyer' as const, 'seller' as const),
      amount: fc.option(amount, { nil: undefined }),
      back: fc.nat(2),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      days: fc.constantFrom(1, 6, 8, 16),
    }),
  },
);

describeEachDatabase("the buyer's recovery under random interleavings", (getStore) => {
  it('never exceeds what was paid, and ledger check agrees', {
    timeout: 60_000 * Math.max(1, RUNS / 30),
  }, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 12 }), async (steps) => {
        run += 1;
        const store = getStore();
        const w = await serviceWorld(store);
        const chargebacks = new ChargebackService(store, w.clock, w.service);
        const orderId = await w.newOrder({ amountMinor: BigInt(PAID) });
        const opened: ChargebackId[] = [];
        let dispute: DisputeId | undefined;
        const disputes: DisputeId[] = [];
        let evidence = 0;

        const appealWith = async (by: 'buyer' | 'seller', id: DisputeId) => {
          evidence += 1;
          const evidenceId = `ev-${run}-${evidence}` as EvidenceId;
          const actor = by === 'buyer' ? w.buyer : w.seller;
          await w.service.handle(id, actor, {
            type: 'add_evidence',
            evidence: evidenceInput({
              id: evidenceId,
              sha256: 'c'.repeat(64),
              fileName: 'new.jpg',
            }),
          });
          await w.service.handle(id, actor, {
            type: 'appeal',
            note: 'new photos of the damage',
            evidenceIds: [evidenceId],
          });
        };

        for (const s of steps) {
          switch (s.kind) {
            case 'chargeback': {
              const id = `cb-${w.sellerId}-${opened.length}` as ChargebackId;
              const r = await chargebacks.open(integration, {
                chargebackId: id,
                orderId,
                amount: USD(s.amount),
              });
              if (r.ok) opened.push(id);
              break;
            }
            case 'outcome': {
              const id = opened[s.which % Math.max(opened.length, 1)];
              if (id !== undefined) await chargebacks.recordOutcome(integration, id, s.outcome);
              break;
            }
            case 'lapse':
              w.clock.advance(DEFAULT_POLICY.chargebackDefenceMs);
              await w.runner.drain();
              break;
            case 'dispute': {
              const id = w.disputeId();
              const r = await w.service.open(w.buyer, {
                disputeId: id,
                orderId,
                reason: 'damaged',
                request: { kind: 'refund', amount: USD(s.amount) },
                description: 'cracked',
              });
              if (r.ok) {
                dispute = id;
                disputes.push(id);
              }
              break;
            }
            case 'accept':
              if (dispute !== undefined)
                await w.service.handle(dispute, w.seller, {
                  type: 'accept_offer',
                  offerId: `${dispute}.request` as OfferId,
                });
              break;
            case 'rule':
              if (dispute !== undefined) {
                await w.service.handle(dispute, w.seller, { type: 'escalate', note: '' });
                await w.service.handle(dispute, w.arbitrator, {
                  type: 'rule',
                  ruling: {
                    outcome:
                      s.amount === undefined
                        ? { kind: 'no_refund' }
                        : { kind: 'refund', amount: USD(s.amount) },
                    responsibility: s.responsibility,
                    reasonCode: 'r',
                    note: '',
                  },
                });
              }
              break;
            case 'appeal':
              if (disputes.length > 0) {
                const appealed = disputes[Math.max(disputes.length - 1 - s.back, 0)] as DisputeId;
                await appealWith(s.by, appealed);
                await w.service.handle(appealed, w.arbitrator2, {
                  type: 'decide_appeal',
                  decision: 'overturned',
                  ruling: {
                    outcome:
                      s.amount === undefined
                        ? { kind: 'no_refund' }
                        : { kind: 'refund', amount: USD(s.amount) },
                    responsibility: 'seller',
                    reasonCode: 'r',
                    note: '',
                  },
                });
              }
              break;
            case 'wait':
              // Deadlines fire: seller-silence refunds, appeal windows closing, escrow releases.
              w.clock.advance(s.days * DAY_MS);
              await w.runner.drain();
              break;
          }
          const r = await orderRecovery(store.db, orderId, 'USD');
          expect(r.refundedMinor + r.chargedBackMinor).toBeLessThanOrEqual(BigInt(PAID));
          const escrow = await accountBalance(store.db, accounts.escrow(orderId), 'USD');
          expect(escrow, `escrow after ${JSON.stringify(s)}`).toBeGreaterThanOrEqual(0n);
        }
        const ledger = await checkLedger(store.db);
        // This run's order first, so a failure names it; then the whole ledger.
        expect(ledger.overRecovered.filter((o) => o.orderId === orderId)).toEqual([]);
        expect(ledger.overRecovered).toEqual([]);
        const escrow = accounts.escrow(orderId);
        expect(ledger.negativeEscrow.filter((e) => e.account === escrow)).toEqual([]);
        expect(ledger.negativeEscrow).toEqual([]);
        expect(ledger.unbalanced).toEqual([]);
        expect(ledger.ok).toBe(true);
      }),
      { numRuns: RUNS, ...SEED },
    );
    expect(await checkProjections(getStore())).toEqual([]);
  });
});
