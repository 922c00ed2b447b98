// A marketplace's integration end to end, with `@settle/client` against a running Settle:
// feed a store, a buyer and a delivered order (two order lines), open a dispute on one line as
// the buyer (Settle-Act-As), have the store's staff member offer a partial refund and the buyer
// accept it, report the refund paid as the payment side would, and follow the event feed to the
// dispute's resolution, printing each event.
//
//   SETTLE_URL=http://localhost:3000 SETTLE_KEY=sk_... SETTLE_ADMIN_KEY=sk_... node marketplace.ts
//
// SETTLE_KEY needs the scopes `integration` and `act_as`. The store's staff member: either
// SETTLE_ADMIN_KEY (scope `admin`) creates one for a fresh store, or SETTLE_SELLER_STAFF names
// an existing one (`seller:<sellerId>:<staffId>`, e.g. the demo data's). SETTLE_FEED_AFTER: a
// feed cursor to start from (otherwise the script first catches up to the feed's end).
import { randomUUID } from 'node:crypto';
import {
  actAs,
  type FeedEvent,
  followEvents,
  integrationClient,
  type SettleClient,
  unwrap,
} from '@settle/client';

const env = (name: string): string | undefined => {
  const v = process.env[name];
  return v === undefined || v === '' ? undefined : v;
};
const baseUrl = env('SETTLE_URL') ?? 'http://localhost:3000';
const key = env('SETTLE_KEY');
if (key === undefined) throw new Error('set SETTLE_KEY (an integration key with act_as)');
const DAY_MS = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
const usd = (minor: number) => ({ minor: String(minor), currency: 'USD' });
/** Every POST carries an idempotency key: a retry after a timeout then does the work once. */
const once = () => ({ 'idempotency-key': randomUUID() });

const settle = integrationClient(baseUrl, key);
const run = randomUUID().slice(0, 8);

/** The store and its staff member the seller's actions are made for. */
async function storeStaff(): Promise<{ sellerId: string; staffRef: string }> {
  const given = env('SETTLE_SELLER_STAFF');
  if (given !== undefined) {
    const sellerId = given.split(':')[1];
    if (sellerId === undefined) throw new Error('SETTLE_SELLER_STAFF: seller:<sellerId>:<staffId>');
    return { sellerId, staffRef: given };
  }
  const adminKey = env('SETTLE_ADMIN_KEY');
  if (adminKey === undefined) throw new Error('set SETTLE_ADMIN_KEY or SETTLE_SELLER_STAFF');
  const sellerId = `store-${run}`;
  unwrap(
    await settle.PUT('/v1/sellers/{sellerId}', {
      params: { path: { sellerId } },
      body: { name: `Lamp store ${run}`, country: 'CN' },
    }),
  );
  const admin = integrationClient(baseUrl, adminKey);
  const created = unwrap(
    await admin.POST('/v1/admin/sellers/{sellerId}/staff', {
      params: { path: { sellerId } },
      headers: once(),
      body: { email: `staff-${run}@store.example`, name: 'Store staff' },
    }),
  );
  return { sellerId, staffRef: `seller:${sellerId}:${created.user.id}` };
}

async function feedDeliveredOrder(sellerId: string, buyerId: string, orderId: string) {
  unwrap(
    await settle.PUT('/v1/buyers/{buyerId}', {
      params: { path: { buyerId } },
      body: { email: `${buyerId}@buyer.example`, name: 'Ada Buyer' },
    }),
  );
  unwrap(
    await settle.PUT('/v1/orders/{orderId}', {
      params: { path: { orderId } },
      body: {
        sellerId,
        buyerId,
        buyerCountry: 'US',
        amountPaid: usd(5000),
        paidAt: ago(12),
        items: [
          { lineId: 'lamp', sku: 'LMP-1', title: 'Desk lamp', quantity: 2, unitPrice: usd(1500) },
          { lineId: 'shade', sku: 'SHD-1', title: 'Lamp shade', quantity: 1, unitPrice: usd(2000) },
        ],
      },
    }),
  );
  const shipmentId = `${orderId}-out`;
  unwrap(
    await settle.PUT('/v1/shipments/{shipmentId}', {
      params: { path: { shipmentId } },
      body: {
        orderId,
        channel: 'platform',
        carrier: 'Cainiao',
        trackingNumber: `LP${run}`,
        at: ago(10),
      },
    }),
  );
  unwrap(
    await settle.POST('/v1/tracking-events', {
      headers: once(),
      body: { shipmentId, status: 'delivered', at: ago(2), place: 'Austin, US' },
    }),
  );
}

/** Catches up to the feed's end, so only what this run causes is printed. */
async function feedEnd(): Promise<string | undefined> {
  const given = env('SETTLE_FEED_AFTER');
  if (given !== undefined) return given;
  const follower = followEvents(settle, { limit: 100 });
  for await (const _ of follower) {
    // Skipped: events from before this run.
  }
  return follower.cursor;
}

function line(e: FeedEvent): string {
  const data = e.data as {
    disputeId?: string;
    change?: { type?: string };
    dispute?: { status?: string };
  };
  return `${e.id} ${e.type} ${data.disputeId ?? ''} ${data.change?.type ?? ''} -> ${data.dispute?.status ?? ''}`;
}

async function main(client: SettleClient): Promise<void> {
  const { sellerId, staffRef } = await storeStaff();
  const buyerId = `buyer-${run}`;
  const orderId = `order-${run}`;
  await feedDeliveredOrder(sellerId, buyerId, orderId);
  console.log(`fed store ${sellerId}, buyer ${buyerId}, order ${orderId}`);
  const after = await feedEnd();

  const buyer = actAs(client, `buyer:${buyerId}`);
  const seller = actAs(client, staffRef);
  const opened = unwrap(
    await buyer.POST('/v1/disputes', {
      headers: once(),
      body: {
        orderId,
        reason: 'damaged',
        description: 'one of the two lamps arrived with a cracked base',
        request: { kind: 'refund', amount: usd(1500) },
        lines: [{ lineId: 'lamp', quantity: 1 }],
      },
    }),
  );
  const disputeId = opened.id;
  console.log(`opened dispute ${disputeId} as buyer:${buyerId}`);

  const offerId = `offer-${run}`;
  unwrap(
    await seller.POST('/v1/disputes/{disputeId}/offers', {
      params: { path: { disputeId } },
      headers: once(),
      body: {
        offerId,
        terms: { kind: 'refund', amount: usd(1000) },
        note: 'sorry, partial refund',
      },
    }),
  );
  console.log(`offered a refund of 1000 USD minor as ${staffRef}`);
  unwrap(
    await buyer.POST('/v1/disputes/{disputeId}/offers/{offerId}/accept', {
      params: { path: { disputeId, offerId } },
      headers: once(),
      body: {},
    }),
  );
  console.log('the buyer accepted');

  // The marketplace's payment side pays the refund Settle now owes, then says so.
  const dispute = unwrap(
    await client.GET('/v1/disputes/{disputeId}', { params: { path: { disputeId } } }),
  );
  const refund = dispute.refunds[0];
  if (refund === undefined) throw new Error('no refund owed after the accepted offer');
  const paid = unwrap(
    await client.POST('/v1/refunds/{refundId}/result', {
      params: { path: { refundId: refund.id } },
      headers: once(),
      body: { result: 'succeeded' },
    }),
  );
  console.log(`reported refund ${paid.id} ${paid.status}`);

  // Follow the feed (as a backend without a webhook endpoint would) to the resolution.
  const timeoutMs = Number(env('SETTLE_FOLLOW_TIMEOUT_MS') ?? 60_000);
  const signal = AbortSignal.timeout(timeoutMs);
  const follower = followEvents(client, {
    ...(after === undefined ? {} : { after }),
    pollMs: 250,
    signal,
  });
  let resolved = false;
  for await (const e of follower) {
    if ((e.data as { disputeId?: string }).disputeId !== disputeId) continue;
    console.log(`event ${line(e)}`);
    if (e.type === 'dispute.resolved') {
      resolved = true;
      break;
    }
  }
  if (!resolved) throw new Error(`no dispute.resolved for ${disputeId} within ${timeoutMs} ms`);
  // The refund's payment is the refund resource's (and the `refund.*` webhooks'), not the feed's.
  const settled = unwrap(
    await client.GET('/v1/refunds/{refundId}', { params: { path: { refundId: refund.id } } }),
  );
  console.log(`refund ${settled.id} is ${settled.status}`);
  console.log(`resolved ${disputeId}; next feed cursor ${follower.cursor ?? ''}`);
}

await main(settle);
