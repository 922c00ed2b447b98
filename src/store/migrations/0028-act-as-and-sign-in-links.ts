import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// The marketplace acting for its users (issue 10, items 4 and 5):
// - a third API key scope, `act_as`: the key may send `Settle-Act-As` and make sign-in links;
// - sign-in links: one-time URLs that sign a buyer or a store's staff member in. Like sessions
//   and keys, a row holds no usable secret: its id is the SHA-256 of the link's token. `used_at`
//   is set by the one update that redeems it (`where used_at is null`), so two opens at once
//   sign in once. Rows past their expiry are deleted as new links are made (by expires_at).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`alter table api_keys drop constraint api_keys_scopes_check`,
    sql`alter table api_keys add constraint api_keys_scopes_check check (
      cardinality(scopes) > 0 and scopes <@ array['integration', 'admin', 'act_as']::text[]
    )`,
    sql`create table sign_in_links (
      id text primary key check (id ~ '^[0-9a-f]{64}$'),
      user_id text not null references users (id),
      return_to text not null check (return_to ~ '^/'),
      created_by text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      check (expires_at > created_at)
    )`,
    sql`create index sign_in_links_expires_at on sign_in_links (expires_at)`,
  ]);
}
