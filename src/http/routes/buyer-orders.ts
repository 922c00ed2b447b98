// GET /v1/orders: the signed-in buyer's own orders, for the console's "my orders" and its
// open-a-dispute form (which shows the most a new dispute may ask for).
import { Type } from 'typebox';
import { listBuyerOrders } from '../../service/buyer-orders.ts';
import type { RouteGroup } from '../app.ts';
import { iso } from '../convert.ts';
import { problem, sendProblem } from '../problem.ts';
import { DateTime, Money, PROBLEMS } from '../schemas/common.ts';
import { actorOf } from './dispute-command.ts';

const BuyerOrderView = Type.Object(
  {
    orderId: Type.String(),
    sellerId: Type.String(),
    paid: Money,
    /** Paid, less earlier refunds and chargebacks: the most a new dispute may ask for. */
    refundable: Money,
    paidAt: DateTime,
    deliveredAt: Type.Optional(DateTime),
    completedAt: Type.Optional(DateTime),
    items: Type.Array(Type.Object({ title: Type.String(), quantity: Type.Integer() })),
    disputes: Type.Array(Type.Object({ id: Type.String(), status: Type.String() })),
  },
  { additionalProperties: false },
);

export const buyerOrderRoutes: RouteGroup = (app, { runtime }) => {
  app.get(
    '/v1/orders',
    {
      schema: {
        tags: ['orders'],
        summary: 'The signed-in buyer’s own orders, newest first (at most 100)',
        description:
          '`refundable` is what was paid less earlier refunds and lost chargebacks: the most a new dispute on the order may ask for.',
        response: {
          200: Type.Object({ items: Type.Array(BuyerOrderView) }, { additionalProperties: false }),
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      if (actor.role !== 'buyer')
        return sendProblem(reply, problem(403, 'auth.forbidden', 'only buyers have orders here'));
      const orders = await listBuyerOrders(runtime.store, actor.id);
      return {
        items: orders.map(({ order, recoverableMinor, items, disputes }) => ({
          orderId: order.orderId,
          sellerId: order.sellerId,
          paid: { minor: order.paid.minor.toString(), currency: order.paid.currency },
          refundable: {
            minor: (recoverableMinor < 0n ? 0n : recoverableMinor).toString(),
            currency: order.paid.currency,
          },
          paidAt: iso(order.paidAt),
          ...(order.deliveredAt === undefined ? {} : { deliveredAt: iso(order.deliveredAt) }),
          ...(order.completedAt === undefined ? {} : { completedAt: iso(order.completedAt) }),
          items: [...items],
          disputes: [...disputes],
        })),
      };
    },
  );
};
