import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { jsonb } from '../../src/store/jsonb.ts';
import type { Database } from '../../src/store/schema.ts';

// The smallest valid world a store test needs: a seller, a buyer, a policy version, a paid
// order and an open dispute on it. Ids are fresh on every call so tests sharing a database
// never collide.

export const T0 = Date.UTC(2025, 0, 15, 9, 30);

export interface Seeded {
  sellerId: string;
  buyerId: string;
  orderId: string;
  disputeId: string;
}

export async function seedDispute(db: Kysely<Database>): Promise<Seeded> {
  const id = randomUUID().slice(0, 8);
  const seeded = {
    sellerId: `seller_${id}`,
    buyerId: `buyer_${id}`,
    orderId: `order_${id}`,
    disputeId: `dispute_${id}`,
  };
  const policyId = `policy_${id}`;
  const at = new Date(T0);
  await db
    .insertInto('sellers')
    .values({ id: seeded.sellerId, name: 'Shop', country: 'CN' })
    .execute();
  await db
    .insertInto('users')
    .values({
      id: seeded.buyerId,
      email: `${id}@example.test`,
      name: 'Buyer',
      role: 'buyer',
      created_at: at,
    })
    .execute();
  await db
    .insertInto('policy_versions')
    .values({
      id: policyId,
      market: `M${id}`,
      version: 1,
      values: jsonb({}),
      created_at: at,
      created_by: 'admin',
    })
    .execute();
  await db
    .insertInto('orders')
    .values({
      id: seeded.orderId,
      seller_id: seeded.sellerId,
      buyer_id: seeded.buyerId,
      buyer_country: 'IT',
      currency: 'EUR',
      amount_paid_minor: 4_999n,
      paid_at: at,
      status: 'delivered',
    })
    .execute();
  await db
    .insertInto('disputes')
    .values({
      id: seeded.disputeId,
      order_id: seeded.orderId,
      seller_id: seeded.sellerId,
      buyer_id: seeded.buyerId,
      status: 'negotiating',
      version: 0,
      opened_at: at,
      updated_at: at,
      policy_version_id: policyId,
      state: jsonb({}),
    })
    .execute();
  return seeded;
}
