import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// Who may call: browser sessions for people and API keys for the marketplace's backend. Neither
// table holds a usable secret: a session row is keyed by the SHA-256 of the cookie's token and a
// key row keeps the SHA-256 of its secret, so a leaked database (or backup) signs nobody in.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`create table sessions (
      id text primary key check (id ~ '^[0-9a-f]{64}$'),
      user_id text not null references users (id),
      csrf_token text not null,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      check (expires_at > created_at)
    )`,
    // Revoking every session of a user (password change, offboarding) looks them up by user.
    sql`create index sessions_user_id on sessions (user_id)`,
    sql`create table api_keys (
      id text primary key check (id ~ '^[0-9a-f]{16}$'),
      name text not null,
      secret_hash text not null check (secret_hash ~ '^[0-9a-f]{64}$'),
      scopes text[] not null check (
        cardinality(scopes) > 0 and scopes <@ array['integration', 'admin']::text[]
      ),
      created_at timestamptz not null,
      created_by text,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`,
  ]);
}
