// What the marketplace's backend feeds in with an API key: sellers, buyers, orders (captured
// into escrow), shipments, carrier tracking events and order status changes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { FeedResult } from '../../service/marketplace.ts';
import type { RouteGroup } from '../app.ts';
import { toInstant } from '../convert.ts';
import { orderFromBody } from '../order-body.ts';
import { problem, sendProblem } from '../problem.ts';
import { DateTime, Id, PROBLEMS } from '../schemas/common.ts';
import { Country, OrderBody } from '../schemas/order.ts';

const Ok = Type.Object({ id: Type.String(), status: Type.String() });
const TRACKING = [
  'info_received',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'exception',
  'returned_to_sender',
] as const;

/** Integrations (API key with the integration scope) and admins feed the marketplace in. */
export function requireIntegration(request: FastifyRequest, reply: FastifyReply): boolean {
  const c = request.caller;
  if (c.kind === 'anonymous') {
    sendProblem(reply, problem(401, 'auth.required', 'send an integration API key'));
    return false;
  }
  if (c.actor.role === 'integration' || c.actor.role === 'admin') return true;
  sendProblem(
    reply,
    problem(403, 'auth.forbidden', 'only the marketplace integration may do this'),
  );
  return false;
}

function sendFeedProblem(reply: FastifyReply, r: Extract<FeedResult<unknown>, { ok: false }>) {
  return sendProblem(reply, problem(r.status, r.code, r.detail));
}

export const integrationRoutes: RouteGroup = (app, { runtime }) => {
  const feed = runtime.marketplace;
  const tags = ['integration'];

  app.put(
    '/v1/sellers/:sellerId',
    {
      schema: {
        tags,
        summary: 'Create or update a seller (store)',
        params: Type.Object({ sellerId: Id }, { additionalProperties: false }),
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            country: Country,
            protectionEnrolled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Ok, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      if (!requireIntegration(request, reply)) return reply;
      await feed.upsertSeller({ id: request.params.sellerId, ...request.body });
      return { id: request.params.sellerId, status: 'saved' };
    },
  );

  app.put(
    '/v1/buyers/:buyerId',
    {
      schema: {
        tags,
        summary: 'Create or update a buyer',
        params: Type.Object({ buyerId: Id }, { additionalProperties: false }),
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 320 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Ok, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      if (!requireIntegration(request, reply)) return reply;
      const saved = await feed.upsertBuyer(
        { id: request.params.buyerId, ...request.body },
        await runtime.clock.now(),
      );
      if (!saved.ok) return sendFeedProblem(reply, saved);
      return { id: request.params.buyerId, status: 'saved' };
    },
  );

  app.put(
    '/v1/orders/:orderId',
    {
      schema: {
        tags,
        summary: 'Record a paid order; its payment is captured into escrow once',
        params: Type.Object({ orderId: Id }, { additionalProperties: false }),
        body: OrderBody,
        response: { 200: Ok, 201: Ok, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      if (!requireIntegration(request, reply)) return reply;
      const order = orderFromBody(request.params.orderId, request.body);
      if (!order.ok) return sendFeedProblem(reply, order);
      const result = await feed.recordOrder(order.value);
      if (!result.ok) return sendFeedProblem(reply, result);
      return reply
        .code(result.value === 'created' ? 201 : 200)
        .send({ id: request.params.orderId, status: result.value });
    },
  );

  app.post(
    '/v1/orders/:orderId/status',
    {
      schema: {
        tags,
        summary: 'Report delivery, or receipt confirmed by the buyer or by timeout',
        params: Type.Object({ orderId: Id }, { additionalProperties: false }),
        body: Type.Object(
          {
            status: Type.Union([Type.Literal('delivered'), Type.Literal('completed')]),
            by: Type.Optional(Type.Union([Type.Literal('buyer'), Type.Literal('timeout')])),
            at: DateTime,
          },
          { additionalProperties: false },
        ),
        response: { 200: Ok, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      if (!requireIntegration(request, reply)) return reply;
      const b = request.body;
      const saved = await feed.recordOrderStatus({
        orderId: request.params.orderId,
        status: b.status,
        ...(b.by === undefined ? {} : { by: b.by }),
        at: toInstant(b.at),
      });
      if (!saved.ok) return sendFeedProblem(reply, saved);
      return { id: request.params.orderId, status: b.status };
    },
  );

  app.put(
    '/v1/shipments/:shipmentId',
    {
      schema: {
        tags,
        summary: 'Record the outbound shipment of an order and its channel',
        params: Type.Object({ shipmentId: Id }, { additionalProperties: false }),
        body: Type.Object(
          {
            orderId: Id,
            channel: Type.Union([Type.Literal('platform'), Type.Literal('seller')]),
            carrier: Type.String({ minLength: 1, maxLength: 100 }),
            trackingNumber: Type.String({ minLength: 1, maxLength: 100 }),
            at: DateTime,
          },
          { additionalProperties: false },
        ),
        response: { 200: Ok, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      if (!requireIntegration(request, reply)) return reply;
      const b = request.body;
      const saved = await feed.recordOutboundShipment({
        id: request.params.shipmentId,
        orderId: b.orderId,
        channel: b.channel,
        carrier: b.carrier,
        trackingNumber: b.trackingNumber,
        at: toInstant(b.at),
      });
      if (!saved.ok) return sendFeedProblem(reply, saved);
      return { id: request.params.shipmentId, status: 'saved' };
    },
  );

  app.post(
    '/v1/tracking-events',
    {
      schema: {
        tags,
        summary:
          'Carrier webhook: a tracking event for a shipment (outbound, return or replacement)',
        body: Type.Object(
          {
            shipmentId: Id,
            status: Type.Union(TRACKING.map((t) => Type.Literal(t))),
            at: DateTime,
            place: Type.Optional(Type.String({ maxLength: 200 })),
            signed: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 202: Ok, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      if (!requireIntegration(request, reply)) return reply;
      const b = request.body;
      const saved = await feed.recordTracking({
        shipmentId: b.shipmentId,
        status: b.status,
        at: toInstant(b.at),
        ...(b.place === undefined ? {} : { place: b.place }),
        ...(b.signed === undefined ? {} : { signed: b.signed }),
      });
      if (!saved.ok) return sendFeedProblem(reply, saved);
      return reply.code(202).send({ id: b.shipmentId, status: 'recorded' });
    },
  );
};
