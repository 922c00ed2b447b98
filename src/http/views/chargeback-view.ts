// Builds the ChargebackView: the folded chargeback, wired (bigints as strings, instants as ISO).
import type { Static } from 'typebox';
import { type Chargeback, isFrozen, stageOf } from '../../domain/index.ts';
import { wire } from '../convert.ts';
import type { ChargebackView } from '../schemas/chargeback.ts';

export function chargebackView(c: Chargeback, version: number): Static<typeof ChargebackView> {
  return wire({
    id: c.id,
    orderId: c.order.orderId,
    sellerId: c.order.sellerId,
    version,
    status: c.status,
    amount: c.amount,
    frozen: isFrozen(c),
    openedAt: c.openedAt,
    defenceDueAt: c.defenceDueAt,
    ...(c.defence === undefined ? {} : { defence: c.defence }),
    ...(c.reasonCode === undefined ? {} : { reasonCode: c.reasonCode }),
    ...(c.network === undefined ? {} : { network: c.network }),
    stage: stageOf(c),
    ...(c.fee === undefined ? {} : { fee: { amount: c.fee, bearer: c.feeBearer ?? 'seller' } }),
    ...outcomeOf(c),
    conceded: c.conceded === true,
  }) as Static<typeof ChargebackView>;
}

function outcomeOf(c: Chargeback) {
  if (c.status === 'won') return { outcome: 'won' };
  if (c.status !== 'lost') return {};
  // Lost before partial outcomes existed: the whole amount.
  const lost = c.amountLost ?? c.amount;
  return { outcome: lost.minor < c.amount.minor ? 'partially_lost' : 'lost', amountLost: lost };
}
