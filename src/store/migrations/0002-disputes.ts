import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// Disputes are event-sourced: dispute_events is the truth (append-only, hash-chained), and
// disputes is the projection read by queries and the deadline runner. Offers, evidence and
// messages are further projections kept for listing and access control.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`create table policy_versions (
      id text primary key,
      market text not null,
      version int not null check (version >= 1),
      "values" jsonb not null,
      created_at timestamptz not null,
      created_by text not null,
      unique (market, version)
    )`,
    sql`create table disputes (
      id text primary key,
      order_id text not null references orders (id),
      seller_id text not null references sellers (id),
      buyer_id text not null references users (id),
      status text not null,
      version int not null check (version >= 0),
      next_deadline_at timestamptz,
      next_deadline_kind text,
      opened_at timestamptz not null,
      updated_at timestamptz not null,
      -- the policy versions the dispute opened under, comma-separated ('default' when none)
      policy_version_id text not null,
      state jsonb not null,
      check ((next_deadline_at is null) = (next_deadline_kind is null))
    )`,
    // The deadline runner scans only disputes that have something due.
    sql`create index disputes_next_deadline_at on disputes (next_deadline_at)
      where next_deadline_at is not null`,
    // One open dispute per order at a time, enforced where races cannot slip past it.
    sql`create unique index disputes_one_open_per_order on disputes (order_id)
      where status not in ('resolved', 'cancelled')`,
    sql`create index disputes_seller_id on disputes (seller_id)`,
    sql`create index disputes_buyer_id on disputes (buyer_id)`,
    sql`create table dispute_events (
      dispute_id text not null references disputes (id),
      seq int not null check (seq >= 1),
      type text not null,
      at timestamptz not null,
      actor_role text not null,
      actor_id text,
      payload jsonb not null,
      prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
      hash text not null check (hash ~ '^[0-9a-f]{64}$'),
      primary key (dispute_id, seq)
    )`,
    sql`create table offers (
      id text not null,
      dispute_id text not null references disputes (id),
      proposed_by text not null,
      kind text not null,
      amount_minor bigint check (amount_minor > 0),
      currency char(3) check (currency ~ '^[A-Z]{3}$'),
      status text not null,
      payload jsonb not null,
      created_at timestamptz not null,
      check ((amount_minor is null) = (currency is null)),
      primary key (dispute_id, id)
    )`,
    sql`create table evidence (
      id text not null,
      dispute_id text not null references disputes (id),
      uploaded_by_role text not null,
      uploaded_by text not null,
      kind text not null,
      findings text[] not null default '{}',
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      media_type text not null,
      bytes bigint not null check (bytes > 0),
      file_name text not null,
      blob_key text not null,
      arbitrator_only boolean not null default false,
      supersedes text,
      created_at timestamptz not null,
      primary key (dispute_id, id),
      foreign key (dispute_id, supersedes) references evidence (dispute_id, id)
    )`,
    sql`create table messages (
      id text not null,
      dispute_id text not null references disputes (id),
      author_role text not null,
      author_id text not null,
      body text not null check (char_length(body) between 1 and 20000),
      arbitrator_only boolean not null default false,
      created_at timestamptz not null,
      primary key (dispute_id, id)
    )`,
    sql`create index messages_dispute_id on messages (dispute_id, created_at)`,
  ]);
}
