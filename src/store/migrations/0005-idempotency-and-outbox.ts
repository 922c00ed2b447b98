import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// Plumbing for exactly-once effects: idempotency keys answer a retried request with the first
// response; the outbox carries webhooks written in the same transaction as the events.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`create table idempotency_keys (
      key text not null,
      caller text not null,
      request_hash text not null,
      status text not null check (status in ('in_flight', 'done')),
      response_status int,
      response_body jsonb,
      created_at timestamptz not null,
      locked_until timestamptz not null,
      primary key (caller, key),
      check ((status = 'done') = (response_status is not null))
    )`,
    sql`create index idempotency_keys_created_at on idempotency_keys (created_at)`,
    sql`create table outbox (
      id bigserial primary key,
      topic text not null,
      aggregate_id text not null,
      payload jsonb not null,
      created_at timestamptz not null,
      available_at timestamptz not null,
      attempts int not null default 0 check (attempts >= 0),
      delivered_at timestamptz,
      last_error text
    )`,
    // The dispatcher reads only undelivered rows, in the order they become due.
    sql`create index outbox_pending on outbox (available_at, id) where delivered_at is null`,
  ]);
}
