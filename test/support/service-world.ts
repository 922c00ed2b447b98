// A marketplace with one seller, one buyer and a delivered, completed order on platform
// logistics, behind the real service on a real database, with a virtual clock.
import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type BuyerId,
  DAY_MS,
  type DisputeId,
  type OrderId,
  type SellerId,
  type StaffId,
} from '../../src/domain/index.ts';
import type { CheckpointSigner } from '../../src/service/audit/checkpoint.ts';
import { VirtualClock } from '../../src/service/clock.ts';
import { DeadlineRunner } from '../../src/service/deadline-runner.ts';
import { DisputeService } from '../../src/service/dispute-service.ts';
import {
  type OrderItemInput,
  recordOrder,
  recordOrderStatus,
  recordShipment,
  recordTracking,
  upsertBuyer,
  upsertSeller,
} from '../../src/service/marketplace.ts';
import type { Store } from '../../src/store/store.ts';

export const WORLD_T0 = Date.UTC(2026, 10, 1, 9, 0, 0);

export interface ServiceWorld {
  readonly service: DisputeService;
  readonly runner: DeadlineRunner;
  readonly clock: VirtualClock;
  readonly sellerId: SellerId;
  readonly buyerId: BuyerId;
  readonly buyer: Actor;
  readonly seller: Actor;
  readonly arbitrator: Actor;
  readonly arbitrator2: Actor;
  newOrder(options?: {
    amountMinor?: bigint;
    currency?: string;
    channel?: 'platform' | 'seller';
    completed?: boolean;
    /** The order's lines; default one line worth the whole amount. */
    items?: readonly OrderItemInput[];
  }): Promise<OrderId>;
  disputeId(): DisputeId;
}

export async function serviceWorld(
  store: Store,
  options: { sellerCountry?: string; protection?: boolean; signer?: CheckpointSigner } = {},
): Promise<ServiceWorld> {
  const tag = randomUUID().slice(0, 8);
  const clock = new VirtualClock(WORLD_T0);
  const { signer } = options;
  const service = new DisputeService(store, clock, undefined, undefined, signer);
  const runner = new DeadlineRunner(store, clock, {
    batchSize: 50,
    ...(signer === undefined ? {} : { signer }),
  });
  const sellerId = `seller-${tag}` as SellerId;
  const buyerId = `buyer-${tag}` as BuyerId;
  await upsertSeller(store.db, {
    id: sellerId,
    name: 'Shenzhen Gadgets',
    country: options.sellerCountry ?? 'CN',
    protectionEnrolled: options.protection ?? false,
  });
  await upsertBuyer(store.db, { id: buyerId, email: `${tag}@buyer.test`, name: 'Ana' }, WORLD_T0);
  let orders = 0;
  let disputes = 0;
  return {
    service,
    runner,
    clock,
    sellerId,
    buyerId,
    buyer: { role: 'buyer', id: buyerId },
    seller: { role: 'seller', id: sellerId },
    arbitrator: { role: 'arbitrator', id: `arb-${tag}` as StaffId },
    arbitrator2: { role: 'arbitrator', id: `arb2-${tag}` as StaffId },
    async newOrder(o = {}) {
      orders += 1;
      const id = `order-${tag}-${orders}` as OrderId;
      const paidAt = WORLD_T0 - 20 * DAY_MS;
      await recordOrder(store.db, {
        id,
        sellerId,
        buyerId,
        buyerCountry: 'US',
        currency: o.currency ?? 'USD',
        amountPaidMinor: o.amountMinor ?? 2_000n,
        paidAt,
        items: o.items ?? [
          {
            sku: 'SKU-1',
            title: 'Bluetooth speaker',
            quantity: 1,
            unitPriceMinor: o.amountMinor ?? 2_000n,
          },
        ],
      });
      const shipmentId = `${id}:outbound`;
      await recordShipment(store.db, {
        id: shipmentId,
        orderId: id,
        direction: 'outbound',
        channel: o.channel ?? 'platform',
        carrier: 'Cainiao',
        trackingNumber: `LP${orders}`,
        at: paidAt + DAY_MS,
      });
      await recordTracking(store.db, service, {
        shipmentId,
        status: 'delivered',
        at: WORLD_T0 - 3 * DAY_MS,
      });
      if (o.completed ?? true)
        await recordOrderStatus(store.db, service, {
          orderId: id,
          status: 'completed',
          by: 'buyer',
          at: WORLD_T0 - 2 * DAY_MS,
        });
      return id;
    },
    disputeId() {
      disputes += 1;
      return `dsp-${tag}-${disputes}` as DisputeId;
    },
  };
}
