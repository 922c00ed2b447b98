// An order as the marketplace feeds it (PUT /v1/orders/{orderId}), and the same order as one
// record of a bulk import file (`settle import orders`), which names its id inside: one shape,
// one set of rules, whichever way an order comes in.
import { Type } from 'typebox';
import { DateTime, Id, MoneyInput } from './common.ts';

export const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });

/** Lines per order: a marketplace order with more is a data error, not a basket. */
export const ORDER_LINES_MAX = 200;

export const OrderItem = Type.Object(
  {
    lineId: Type.Optional(Id),
    sku: Type.String({ minLength: 1, maxLength: 100 }),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
    unitPrice: MoneyInput,
    lineTotal: Type.Optional(MoneyInput),
  },
  { additionalProperties: false },
);

const orderFields = {
  sellerId: Id,
  buyerId: Id,
  buyerCountry: Country,
  amountPaid: MoneyInput,
  paidAt: DateTime,
  promisedDeliveryAt: Type.Optional(DateTime),
  items: Type.Array(OrderItem, { maxItems: ORDER_LINES_MAX }),
};

export const OrderBody = Type.Object(orderFields, { additionalProperties: false });

/** One order of an import file: the body of PUT /v1/orders/{orderId} with its id. */
export const OrderRecord = Type.Object(
  { orderId: Id, ...orderFields },
  { additionalProperties: false },
);
