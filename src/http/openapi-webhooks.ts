// The OpenAPI 3.1 `webhooks` section: one entry per public event type, its body the public
// event schema (service/public-events), kept as a named component so the catch-up feed's
// readers and generated clients share it. Built from the same table the events are built from,
// so a type cannot be sent without being documented.
import {
  PUBLIC_EVENT_TYPES,
  type PublicEventType,
  publicEventSchema,
} from '../service/public-events/index.ts';

/** `dispute.opened` → `DisputeOpenedEvent`. */
export function eventComponentName(type: string): string {
  const words = type.split(/[._-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return `${words.join('')}Event`;
}

const types = Object.entries(PUBLIC_EVENT_TYPES).filter(
  (entry): entry is [string, PublicEventType] => entry[1] !== undefined,
);

export const EVENT_SCHEMAS: Readonly<Record<string, unknown>> = Object.fromEntries(
  types.map(([type, t]) => [
    eventComponentName(type),
    publicEventSchema(type, t.data, t.description),
  ]),
);

export const WEBHOOKS: Readonly<Record<string, unknown>> = Object.fromEntries(
  types.map(([type, t]) => [
    type,
    {
      post: {
        summary: t.description,
        description: `Sent to subscriptions to \`${type}\`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature).${t.inFeed ? ' The same object is listed by GET /v1/events.' : ' A reminder, not history: webhooks only, not in GET /v1/events.'}`,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: `#/components/schemas/${eventComponentName(type)}` },
            },
          },
        },
        responses: {
          '2XX': { description: 'received; any other answer is retried with backoff' },
        },
      },
    },
  ]),
);
