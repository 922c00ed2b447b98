// Webhook management (admin only): subscriptions, their delivery log and manual redelivery.
// Sending itself is the WebhookWorker's job; these routes only change what it will do.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type Instant, isoString } from '../../domain/index.ts';
import {
  createSubscription,
  DELIVERIES_PAGE_DEFAULT,
  DELIVERIES_PAGE_MAX,
  DELIVERY_ID_TEXT,
  DESCRIPTION_CHARS_MAX,
  type Delivery,
  disableSubscription,
  getSubscription,
  listDeliveries,
  listSubscriptions,
  redeliver,
  type Subscription,
  TOPIC_DESCRIPTIONS,
  URL_CHARS_MAX,
  WEBHOOK_TOPICS,
} from '../../service/webhooks/index.ts';
import type { RouteGroup } from '../app.ts';
import { requireRole } from '../auth.ts';
import { notFound, problem, sendProblem } from '../problem.ts';
import { Id, PROBLEMS } from '../schemas/common.ts';

const TAGS = ['webhooks'];

const Topic = Type.Enum([...WEBHOOK_TOPICS], {
  description: WEBHOOK_TOPICS.map((t) => `\`${t}\`: ${TOPIC_DESCRIPTIONS[t]}`).join('; '),
});
const DateTime = Type.String({ format: 'date-time' });
const MaybeDateTime = Type.Union([DateTime, Type.Null()]);

const SubscriptionView = Type.Object({
  id: Type.String(),
  url: Type.String(),
  topics: Type.Array(Topic),
  description: Type.String(),
  enabled: Type.Boolean(),
  createdAt: DateTime,
  disabledAt: MaybeDateTime,
});

const CreatedView = Type.Object({
  ...SubscriptionView.properties,
  secret: Type.String({
    description:
      'The signing secret (`whsec_` + base64 of 32 bytes). Shown only in this response: keep it.',
  }),
});

const CreateBody = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: URL_CHARS_MAX,
      description: 'http(s), without credentials',
    }),
    topics: Type.Array(Topic, { minItems: 1, maxItems: WEBHOOK_TOPICS.length, uniqueItems: true }),
    description: Type.Optional(Type.String({ maxLength: DESCRIPTION_CHARS_MAX })),
  },
  { additionalProperties: false },
);

const DeliveryId = Type.String({ pattern: DELIVERY_ID_TEXT.source });

const DeliveryView = Type.Object({
  id: Type.String(),
  subscriptionId: Type.String(),
  topic: Type.String(),
  webhookId: Type.String({ description: 'the webhook-id header: the same on every attempt' }),
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('succeeded'),
    Type.Literal('failed'),
    Type.Literal('dead'),
  ]),
  attempt: Type.Integer({ description: 'attempts made so far' }),
  nextAttemptAt: MaybeDateTime,
  lastAttemptAt: MaybeDateTime,
  lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  deliveredAt: MaybeDateTime,
  payload: Type.Unknown({ description: 'the body sent: {type, timestamp, data}' }),
});

const SubscriptionParams = Type.Object({ id: Id }, { additionalProperties: false });
const DeliveryParams = Type.Object({ id: DeliveryId }, { additionalProperties: false });
const PageQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: DELIVERIES_PAGE_MAX, default: DELIVERIES_PAGE_DEFAULT }),
    ),
    cursor: Type.Optional(DeliveryId),
  },
  { additionalProperties: false },
);

// Refusals from the service, by status: bad input is 422, a state that forbids it 409.
const REFUSAL_STATUS = {
  'webhook.url_invalid': 422,
  'webhook.topics_invalid': 422,
  'webhook.description_invalid': 422,
  'webhook.limit_reached': 409,
  'webhook.delivery_not_found': 404,
  'webhook.subscription_disabled': 409,
  'webhook.attempts_exhausted': 409,
} as const;

export const webhookRoutes: RouteGroup = (app, { runtime }) => {
  // onRequest, before the body is parsed: strangers learn nothing, not even what is invalid.
  const adminOnly = {
    onRequest: async (request: FastifyRequest, reply: FastifyReply) =>
      requireRole(request, reply, ['admin']) ? undefined : reply,
  };
  const { store, clock } = runtime;

  app.post(
    '/v1/webhooks',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'Subscribe a URL to webhook topics; the signing secret is shown once',
        body: CreateBody,
        response: { 201: CreatedView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const created = await createSubscription(store, clock, request.body, {
        allowPrivate: runtime.config.webhookAllowPrivate,
      });
      if (!created.ok) {
        const status = REFUSAL_STATUS[created.code];
        return sendProblem(reply, problem(status, created.code, created.message));
      }
      return reply
        .code(201)
        .send({ ...subscriptionView(created.subscription), secret: created.secret });
    },
  );

  app.get(
    '/v1/webhooks',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'Webhook subscriptions, newest first, disabled ones included',
        response: { 200: Type.Object({ items: Type.Array(SubscriptionView) }), ...PROBLEMS },
      },
    },
    async () => ({ items: (await listSubscriptions(store)).map(subscriptionView) }),
  );

  app.delete(
    '/v1/webhooks/:id',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'Disable a subscription: nothing more is sent, waiting deliveries are dropped',
        params: SubscriptionParams,
        response: { 200: SubscriptionView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const disabled = await disableSubscription(store, clock, request.params.id);
      if (disabled === undefined) return notFound(reply, 'webhook subscription');
      return subscriptionView(disabled);
    },
  );

  app.get(
    '/v1/webhooks/:id/deliveries',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: "A subscription's delivery log, newest first; pass nextCursor for older ones",
        params: SubscriptionParams,
        querystring: PageQuery,
        response: {
          200: Type.Object({
            items: Type.Array(DeliveryView),
            nextCursor: Type.Optional(Type.String()),
          }),
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      if ((await getSubscription(store, request.params.id)) === undefined) {
        return notFound(reply, 'webhook subscription');
      }
      const { limit, cursor } = request.query;
      const page = await listDeliveries(store, request.params.id, {
        ...(limit === undefined ? {} : { limit }),
        ...(cursor === undefined ? {} : { cursor }),
      });
      if (page === undefined) {
        return sendProblem(reply, problem(400, 'request.invalid', 'the cursor is not valid'));
      }
      return {
        items: page.items.map(deliveryView),
        ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
      };
    },
  );

  app.post(
    '/v1/webhook-deliveries/:id/redeliver',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'Send a delivery again now (same webhook-id), whatever its state',
        params: DeliveryParams,
        response: { 202: DeliveryView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const result = await redeliver(store, clock, request.params.id);
      if (!result.ok) {
        const status = REFUSAL_STATUS[result.code];
        return sendProblem(reply, problem(status, result.code, result.message));
      }
      return reply.code(202).send(deliveryView(result.delivery));
    },
  );
};

function subscriptionView(s: Subscription) {
  return {
    id: s.id,
    url: s.url,
    topics: [...s.topics],
    description: s.description,
    enabled: s.enabled,
    createdAt: isoString(s.createdAt),
    disabledAt: maybeIso(s.disabledAt),
  };
}

function deliveryView(d: Delivery) {
  return {
    ...d,
    nextAttemptAt: maybeIso(d.nextAttemptAt),
    lastAttemptAt: maybeIso(d.lastAttemptAt),
    createdAt: isoString(d.createdAt),
    deliveredAt: maybeIso(d.deliveredAt),
  };
}

function maybeIso(at: Instant | null): string | null {
  return at === null ? null : isoString(at);
}
