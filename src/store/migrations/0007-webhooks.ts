import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// Outbound webhooks. Subscriptions say which topics go to which URL; the fan-out turns each
// outbox message into one delivery per matching subscription, and the dispatcher works the
// deliveries with retries. Deadline notices remember which approaching deadline was announced,
// so a deadline is announced once however often the worker scans.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`create table webhook_subscriptions (
      id text primary key,
      url text not null check (char_length(url) between 1 and 2048),
      topics text[] not null check (cardinality(topics) between 1 and 16),
      -- Kept readable on purpose: HMAC signing needs the key itself, so unlike a password or an
      -- API key it cannot be stored as a hash. Protect it like the database's other secrets.
      secret text not null check (secret ~ '^whsec_[A-Za-z0-9+/]+={0,2}$'),
      description text not null default '' check (char_length(description) <= 500),
      enabled boolean not null default true,
      created_at timestamptz not null,
      disabled_at timestamptz,
      check (enabled = (disabled_at is null))
    )`,
    sql`create table webhook_deliveries (
      id bigserial primary key,
      subscription_id text not null references webhook_subscriptions (id),
      -- No foreign key: delivered outbox rows may be pruned while the delivery log is kept.
      outbox_id bigint not null,
      topic text not null,
      -- The Standard Webhooks message id: the same on every attempt, so receivers can dedupe.
      webhook_id text not null check (char_length(webhook_id) between 1 and 100),
      payload jsonb not null,
      attempt int not null default 0 check (attempt >= 0),
      status text not null check (status in ('pending', 'succeeded', 'failed', 'dead')),
      next_attempt_at timestamptz,
      last_attempt_at timestamptz,
      -- Whatever three digits a receiver sent: an odd status must not make the outcome unwritable.
      last_status_code int check (last_status_code between 100 and 999),
      last_error text check (char_length(last_error) <= 2000),
      created_at timestamptz not null,
      delivered_at timestamptz,
      -- Only deliveries still to be tried have a next attempt; the dispatcher relies on it.
      check ((status in ('pending', 'failed')) = (next_attempt_at is not null)),
      check ((status = 'succeeded') = (delivered_at is not null)),
      -- The fan-out may run twice for one message (an expired lease): the second run is a no-op.
      unique (subscription_id, outbox_id)
    )`,
    // The dispatcher reads only deliveries still to be tried, in the order they fall due.
    sql`create index webhook_deliveries_due on webhook_deliveries (next_attempt_at, id)
      where next_attempt_at is not null`,
    // The delivery log pages newest first per subscription.
    sql`create index webhook_deliveries_log on webhook_deliveries (subscription_id, id desc)`,
    sql`create table webhook_deadline_notices (
      dispute_id text not null references disputes (id),
      deadline_kind text not null,
      due_at timestamptz not null,
      announced_at timestamptz not null,
      -- A deadline moved to a new time is a new deadline, and is announced again.
      primary key (dispute_id, deadline_kind, due_at)
    )`,
  ]);
}
