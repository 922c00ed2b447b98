// Goal: disputes on order lines through the real service and database: one open dispute per line
// (held under concurrent openings, not only one after another), refunds capped by the lines a
// dispute covers less what other disputes refunded on them, and the feed refusing lines that do
// not add up to what was paid.
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { type ServiceWorld, serviceWorld } from '../../test/support/service-world.ts';
import {
  type DisputedLine,
  money,
  type OfferId,
  type OrderId,
  refundableMinor,
} from '../domain/index.ts';
import { checkOrderLines, type OrderItemInput } from './marketplace.ts';

const USD = (minor: number) => money(minor, 'USD');
// Two mugs at 500 and a teapot at 1 000: 2 000 paid.
const ITEMS: OrderItemInput[] = [
  { lineId: 'mug', sku: 'MUG', title: 'Mug', quantity: 2, unitPriceMinor: 500n },
  { lineId: 'teapot', sku: 'TEA', title: 'Teapot', quantity: 1, unitPriceMinor: 1_000n },
];

function open(w: ServiceWorld, orderId: OrderId, amount: number, lines?: DisputedLine[]) {
  return w.service.open(w.buyer, {
    disputeId: w.disputeId(),
    orderId,
    reason: 'damaged',
    request: { kind: 'refund', amount: USD(amount) },
    description: 'broken',
    ...(lines === undefined ? {} : { lines }),
  });
}

describeEachDatabase('disputes on order lines', (getStore) => {
  it('opens one dispute per line, side by side, and refuses a second on a held line', async () => {
    const w = await serviceWorld(getStore());
    const orderId = await w.newOrder({ items: ITEMS });
    const mug = await open(w, orderId, 500, [{ lineId: 'mug', quantity: 1 }]);
    const teapot = await open(w, orderId, 1_000, [{ lineId: 'teapot', quantity: 1 }]);
    const again = await open(w, orderId, 100, [{ lineId: 'mug', quantity: 1 }]);
    const whole = await open(w, orderId, 100);
    expect([mug.ok, teapot.ok]).toEqual([true, true]);
    expect(!again.ok && again.rejection.code).toBe('dispute.line_in_open_dispute');
    expect(!whole.ok && whole.rejection.code).toBe('dispute.line_in_open_dispute');
  });

  it('refuses a request above the value of the units disputed', async () => {
    const w = await serviceWorld(getStore());
    const orderId = await w.newOrder({ items: ITEMS });
    const over = await open(w, orderId, 501, [{ lineId: 'mug', quantity: 1 }]);
    expect(!over.ok && over.rejection.code).toBe('money.exceeds_refundable');
  });

  it('frees a line when its dispute resolves, less what that dispute refunded on it', async () => {
    const w = await serviceWorld(getStore());
    const orderId = await w.newOrder({ items: ITEMS });
    const first = await open(w, orderId, 600, [{ lineId: 'mug', quantity: 2 }]);
    if (!first.ok) throw new Error(first.rejection.code);
    const accepted = await w.service.handle(first.dispute.id, w.seller, {
      type: 'accept_offer',
      offerId: `${first.dispute.id}.request` as OfferId,
    });
    expect(accepted.ok).toBe(true);
    const second = await open(w, orderId, 401, [{ lineId: 'mug', quantity: 2 }]);
    expect(!second.ok && second.rejection.code).toBe('money.exceeds_refundable');
    const third = await open(w, orderId, 400, [{ lineId: 'mug', quantity: 2 }]);
    if (!third.ok) throw new Error(third.rejection.code);
    const loaded = await w.service.get(third.dispute.id);
    expect(loaded === undefined ? -1n : refundableMinor(loaded.dispute)).toBe(400n);
  });

  it('keeps one open dispute per line under concurrent openings', async () => {
    const w = await serviceWorld(getStore());
    const orderId = await w.newOrder({ items: ITEMS });
    const same = await Promise.all(
      [1, 2, 3, 4].map(() => open(w, orderId, 100, [{ lineId: 'mug', quantity: 1 }])),
    );
    expect(same.filter((r) => r.ok)).toHaveLength(1);
    expect(same.filter((r) => !r.ok).map((r) => !r.ok && r.rejection.code)).toEqual([
      'dispute.line_in_open_dispute',
      'dispute.line_in_open_dispute',
      'dispute.line_in_open_dispute',
    ]);
    // Disjoint lines do not wait on each other's refusal: both open.
    const other = await w.newOrder({ items: ITEMS });
    const disjoint = await Promise.all([
      open(w, other, 100, [{ lineId: 'mug', quantity: 1 }]),
      open(w, other, 100, [{ lineId: 'teapot', quantity: 1 }]),
    ]);
    expect(disjoint.map((r) => r.ok)).toEqual([true, true]);
    const rows = await getStore()
      .db.selectFrom('disputes')
      .select('id')
      .where('order_id', 'in', [orderId, other])
      .execute();
    expect(rows).toHaveLength(3);
  });

  it('treats an order fed without lines as one line', async () => {
    const w = await serviceWorld(getStore());
    const orderId = await w.newOrder({ items: [] });
    const first = await open(w, orderId, 2_000);
    const second = await open(w, orderId, 10, [{ lineId: '1', quantity: 1 }]);
    expect(first.ok).toBe(true);
    expect(!second.ok && second.rejection.code).toBe('dispute.line_in_open_dispute');
  });
});

describe('the order feed’s lines', () => {
  const order = (items: OrderItemInput[]) => ({
    id: 'o',
    sellerId: 's',
    buyerId: 'b',
    buyerCountry: 'US',
    currency: 'USD',
    amountPaidMinor: 2_000n,
    paidAt: 0,
    items,
  });

  it('must add up to what was paid, with distinct ids and no line above its units', () => {
    expect(checkOrderLines(order(ITEMS)).ok).toBe(true);
    expect(checkOrderLines(order([])).ok).toBe(true);
    const code = (items: OrderItemInput[]) => {
      const r = checkOrderLines(order(items));
      return r.ok ? 'ok' : r.code;
    };
    expect(code(ITEMS.slice(0, 1))).toBe('order.lines_total_mismatch');
    expect(
      code([ITEMS[0] as OrderItemInput, { ...(ITEMS[1] as OrderItemInput), lineId: 'mug' }]),
    ).toBe('order.line_id_duplicate');
    expect(
      code([
        { ...(ITEMS[0] as OrderItemInput), lineTotalMinor: 1_001n },
        ITEMS[1] as OrderItemInput,
      ]),
    ).toBe('order.line_total_invalid');
    // A discount: the line cost less than its units, and the order's total says so.
    expect(
      code([
        { ...(ITEMS[0] as OrderItemInput), lineTotalMinor: 900n },
        { ...(ITEMS[1] as OrderItemInput), unitPriceMinor: 1_100n },
      ]),
    ).toBe('ok');
  });
});
