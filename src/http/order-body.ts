// An order body (PUT /v1/orders/{id}, or a record of an import file) to the feed's OrderInput,
// with the checks the schema cannot say: every price in the currency paid, something paid.
import type { Static } from 'typebox';
import type { FeedResult, OrderInput } from '../service/marketplace.ts';
import { toInstant } from './convert.ts';
import type { OrderBody } from './schemas/order.ts';

export function orderFromBody(
  orderId: string,
  b: Static<typeof OrderBody>,
): FeedResult<OrderInput> {
  const currency = b.amountPaid.currency;
  const foreign = b.items.findIndex(
    (i) =>
      i.unitPrice.currency !== currency ||
      (i.lineTotal !== undefined && i.lineTotal.currency !== currency),
  );
  if (foreign !== -1)
    return {
      ok: false,
      status: 422,
      code: 'money.currency_mismatch',
      detail: `item prices must be in the currency paid (${currency}); item ${foreign + 1} is not`,
    };
  if (BigInt(b.amountPaid.minor) <= 0n)
    return {
      ok: false,
      status: 422,
      code: 'money.not_positive',
      detail: 'the amount paid must be more than zero',
    };
  return {
    ok: true,
    value: {
      id: orderId,
      sellerId: b.sellerId,
      buyerId: b.buyerId,
      buyerCountry: b.buyerCountry,
      currency,
      amountPaidMinor: BigInt(b.amountPaid.minor),
      paidAt: toInstant(b.paidAt),
      ...(b.promisedDeliveryAt === undefined
        ? {}
        : { promisedDeliveryAt: toInstant(b.promisedDeliveryAt) }),
      items: b.items.map((i) => ({
        ...(i.lineId === undefined ? {} : { lineId: i.lineId }),
        sku: i.sku,
        title: i.title,
        quantity: i.quantity,
        unitPriceMinor: BigInt(i.unitPrice.minor),
        ...(i.lineTotal === undefined ? {} : { lineTotalMinor: BigInt(i.lineTotal.minor) }),
      })),
    },
  };
}
