import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// Shipments and the carriers' tracking events. The channel says who answers for the carrier:
// platform logistics (the platform) or the seller's own carrier (the seller).

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`create table shipments (
      id text primary key,
      order_id text not null references orders (id),
      dispute_id text references disputes (id),
      direction text not null check (direction in ('outbound', 'return', 'replacement')),
      channel text not null check (channel in ('platform', 'seller')),
      carrier text not null,
      tracking_number text not null,
      created_at timestamptz not null,
      -- returns and replacements exist only within a dispute
      check ((direction = 'outbound') = (dispute_id is null))
    )`,
    sql`create index shipments_order_id on shipments (order_id)`,
    // Carrier webhooks find the shipment by carrier and tracking number.
    sql`create index shipments_tracking on shipments (carrier, tracking_number)`,
    sql`create table tracking_events (
      id bigserial primary key,
      shipment_id text not null references shipments (id),
      status text not null check (status in ('info_received', 'in_transit', 'out_for_delivery',
        'delivered', 'exception', 'returned_to_sender')),
      at timestamptz not null,
      place text,
      signed boolean not null default false
    )`,
    sql`create index tracking_events_shipment on tracking_events (shipment_id, at)`,
  ]);
}
