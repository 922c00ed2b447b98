// The catch-up feed (issue 10, item 2): the marketplace replays the public events its webhooks
// carry, in order, from the id of the last one it processed. The event objects are the very ones
// the webhooks deliver (service/public-events); their schemas are the document's `webhooks`.
import { Type } from 'typebox';
import { FEED_PAGE_DEFAULT, FEED_PAGE_MAX, readFeed } from '../../service/event-feed.ts';
import { FEED_TYPES, PUBLIC_EVENT_VERSION } from '../../service/public-events/index.ts';
import type { RouteGroup } from '../app.ts';
import { problem, sendProblem } from '../problem.ts';
import { DateTime, PROBLEMS, Problem } from '../schemas/common.ts';
import { actorOf } from './dispute-command.ts';

const FeedQuery = Type.Object(
  {
    after: Type.Optional(
      Type.String({
        maxLength: 40,
        description:
          'the `id` of the last event you processed (or the `nextCursor` of the last page); absent: from the oldest event kept',
      }),
    ),
    types: Type.Optional(
      Type.Array(Type.Union(FEED_TYPES.map((t) => Type.Literal(t))), {
        maxItems: FEED_TYPES.length,
        description: 'only these event types (repeat the parameter)',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: FEED_PAGE_MAX, default: FEED_PAGE_DEFAULT }),
    ),
  },
  { additionalProperties: false },
);

const FeedEvent = Type.Object(
  {
    apiVersion: Type.Literal(PUBLIC_EVENT_VERSION),
    id: Type.String(),
    type: Type.String(),
    timestamp: DateTime,
    data: Type.Object({}, { additionalProperties: true }),
  },
  {
    description:
      'a public event, exactly as the webhook of its type delivers it: see the `webhooks` section for `data` per type',
  },
);

export const eventRoutes: RouteGroup = (app, { runtime }) => {
  app.get(
    '/v1/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Catch up on events: the webhooks’ events in order, after a cursor',
        querystring: FeedQuery,
        response: {
          200: Type.Object({
            items: Type.Array(FeedEvent),
            nextCursor: Type.Optional(
              Type.String({
                description: 'pass as `after` next time (keep it when items is empty)',
              }),
            ),
            hasMore: Type.Boolean({ description: 'more events are there already: ask again now' }),
          }),
          ...PROBLEMS,
          410: Problem,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      if (actor.role !== 'integration' && actor.role !== 'admin')
        return sendProblem(
          reply,
          problem(403, 'auth.forbidden', 'the event feed is for the marketplace integration'),
        );
      const q = request.query;
      const page = await readFeed(runtime.store, {
        ...(q.after === undefined ? {} : { after: q.after }),
        ...(q.types === undefined ? {} : { types: q.types }),
        limit: q.limit ?? FEED_PAGE_DEFAULT,
      });
      if (page.ok)
        return {
          items: page.items.map((e) => ({ ...e, data: e.data as object })),
          ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
          hasMore: page.hasMore,
        };
      return sendProblem(
        reply,
        page.code === 'gone'
          ? problem(
              410,
              'events.cursor_expired',
              `events after ${q.after} are past the ${runtime.config.eventsRetentionDays}-day retention and were deleted: resynchronise with GET /v1/disputes?sort=updated_at, then follow the feed from its newest event`,
              { facts: { retentionDays: runtime.config.eventsRetentionDays } },
            )
          : problem(
              400,
              'request.invalid_cursor',
              'the cursor is not an event id this API gave out',
            ),
      );
    },
  );
};
