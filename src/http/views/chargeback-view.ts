// Builds the ChargebackView: the folded chargeback, wired (bigints as strings, instants as ISO).
import type { Static } from 'typebox';
import { type Chargeback, isFrozen } from '../../domain/index.ts';
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
  }) as Static<typeof ChargebackView>;
}
