// Terse requests for API tests: `await h.post('seller', url, body)` as one of the world's roles,
// failing with the problem body when the status is not the one expected.
import type { ApiWorld, WorldRole } from './api.ts';

export interface Sent {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: responses are checked field by field in tests.
  readonly body: any;
  readonly headers: Record<string, unknown>;
  readonly text: string;
}

export function http(w: ApiWorld) {
  const send = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    role: WorldRole | 'anonymous',
    url: string,
    payload?: unknown,
    expect?: number,
  ): Promise<Sent> => {
    const headers = role === 'anonymous' ? {} : await w.as(role);
    const res = await w.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    let body: unknown;
    try {
      body = res.json();
    } catch {
      body = undefined;
    }
    if (expect !== undefined && res.statusCode !== expect) {
      throw new Error(
        `${method} ${url} as ${role}: expected ${expect}, got ${res.statusCode}: ${res.body.slice(0, 600)}`,
      );
    }
    return { status: res.statusCode, body, headers: res.headers, text: res.body };
  };
  return {
    get: (role: WorldRole | 'anonymous', url: string, expect = 200) =>
      send('GET', role, url, undefined, expect),
    post: (role: WorldRole | 'anonymous', url: string, payload: unknown = {}, expect = 200) =>
      send('POST', role, url, payload, expect),
    put: (role: WorldRole | 'anonymous', url: string, payload: unknown, expect = 200) =>
      send('PUT', role, url, payload, expect),
    raw: send,
  };
}

/** A paid, shipped, delivered and completed order fed in through the integration API. */
export async function feedOrder(
  w: ApiWorld,
  o: {
    orderId: string;
    minor: string;
    currency?: string;
    channel?: 'platform' | 'seller';
    completed?: boolean;
    /** The order's lines as the feed takes them; default one line worth the whole amount. */
    items?: readonly unknown[];
  },
): Promise<string> {
  const h = http(w);
  const now = Number(await w.runtime.clock.now());
  const day = 86_400_000;
  const currency = o.currency ?? 'USD';
  await h.put(
    'integration',
    `/v1/orders/${o.orderId}`,
    {
      sellerId: w.sellerId,
      buyerId: w.buyerId,
      buyerCountry: 'US',
      amountPaid: { minor: o.minor, currency },
      paidAt: new Date(now - 20 * day).toISOString(),
      items: o.items ?? [
        {
          sku: 'SKU-1',
          title: 'Bluetooth speaker',
          quantity: 1,
          unitPrice: { minor: o.minor, currency },
        },
      ],
    },
    201,
  );
  await h.put('integration', `/v1/shipments/${o.orderId}-out`, {
    orderId: o.orderId,
    channel: o.channel ?? 'platform',
    carrier: 'Cainiao',
    trackingNumber: `LP-${o.orderId}`,
    at: new Date(now - 18 * day).toISOString(),
  });
  await h.post(
    'integration',
    '/v1/tracking-events',
    {
      shipmentId: `${o.orderId}-out`,
      status: 'delivered',
      at: new Date(now - 3 * day).toISOString(),
      place: 'Austin, US',
    },
    202,
  );
  if (o.completed ?? true)
    await h.post('integration', `/v1/orders/${o.orderId}/status`, {
      status: 'completed',
      by: 'buyer',
      at: new Date(now - 2 * day).toISOString(),
    });
  return o.orderId;
}
