import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// Who takes part and what they bought: the context the marketplace feeds in. Money is bigint
// minor units beside a char(3) ISO 4217 currency; times are timestamptz.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`create table sellers (
      id text primary key,
      name text not null,
      country char(2) not null check (country ~ '^[A-Z]{2}$'),
      protection_enrolled boolean not null default false
    )`,
    sql`create table users (
      id text primary key,
      email text not null,
      name text not null,
      password_hash text,
      role text not null check (role in ('buyer', 'seller', 'arbitrator', 'admin')),
      seller_id text references sellers (id),
      created_at timestamptz not null,
      -- a seller account is a store's staff account: it must name the store, and only it may
      check ((role = 'seller') = (seller_id is not null))
    )`,
    // Emails compare case-insensitively, so the same person cannot register twice by case.
    sql`create unique index users_email_key on users (lower(email))`,
    sql`create table orders (
      id text primary key,
      seller_id text not null references sellers (id),
      buyer_id text not null references users (id),
      buyer_country char(2) not null check (buyer_country ~ '^[A-Z]{2}$'),
      currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
      amount_paid_minor bigint not null check (amount_paid_minor > 0),
      paid_at timestamptz not null,
      promised_delivery_at timestamptz,
      status text not null check (status in ('paid', 'shipped', 'delivered', 'completed')),
      completed_by text check (completed_by in ('buyer', 'timeout')),
      completed_at timestamptz,
      delivered_at timestamptz,
      shipped_at timestamptz,
      check ((status = 'completed') = (completed_at is not null)),
      check ((completed_by is null) = (completed_at is null))
    )`,
    sql`create index orders_seller_id on orders (seller_id)`,
    sql`create index orders_buyer_id on orders (buyer_id)`,
    sql`create table order_items (
      order_id text not null references orders (id),
      line int not null check (line >= 1),
      sku text not null,
      title text not null,
      quantity int not null check (quantity > 0),
      unit_price_minor bigint not null check (unit_price_minor >= 0),
      primary key (order_id, line)
    )`,
  ]);
}
