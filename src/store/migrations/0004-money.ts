import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// Double-entry ledger (every transaction sums to zero per currency, checked in code before the
// write and audited by checkLedger), plus coupons, which move no money, and chargebacks.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`create table ledger_transactions (
      id text primary key,
      order_id text references orders (id),
      dispute_id text references disputes (id),
      kind text not null,
      at timestamptz not null,
      event_seq int check (event_seq >= 1)
    )`,
    sql`create index ledger_transactions_order_id on ledger_transactions (order_id)`,
    sql`create index ledger_transactions_dispute_id on ledger_transactions (dispute_id)`,
    sql`create table ledger_postings (
      transaction_id text not null references ledger_transactions (id),
      line int not null check (line >= 1),
      account text not null,
      amount_minor bigint not null check (amount_minor <> 0),
      currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
      primary key (transaction_id, line)
    )`,
    sql`create index ledger_postings_account on ledger_postings (account, currency)`,
    sql`create table coupons (
      code text primary key,
      seller_id text not null references sellers (id),
      buyer_id text not null references users (id),
      dispute_id text not null references disputes (id),
      value_minor bigint not null check (value_minor > 0),
      currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
      min_spend_minor bigint not null check (min_spend_minor >= 0),
      expires_at timestamptz not null,
      created_at timestamptz not null
    )`,
    sql`create table chargebacks (
      id text primary key,
      order_id text not null references orders (id),
      status text not null,
      amount_minor bigint not null check (amount_minor > 0),
      currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
      defence_due_at timestamptz not null,
      opened_at timestamptz not null,
      state jsonb not null
    )`,
    sql`create index chargebacks_order_id on chargebacks (order_id)`,
  ]);
}
