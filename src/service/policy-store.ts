// Policy versions live in the database; a dispute copies the values resolved at opening.
import type { Kysely } from 'kysely';
import {
  amendPolicyValues,
  type Market,
  type Policy,
  type PolicyValues,
  type PolicyVersion,
  resolvePolicy,
} from '../domain/index.ts';
import { reviveBigints } from '../store/json-codec.ts';
import { jsonb } from '../store/jsonb.ts';
import type { Database } from '../store/schema.ts';

export async function loadPolicy(
  db: Kysely<Database>,
  where: { buyerCountry: string; sellerCountry: string },
): Promise<Policy> {
  const markets = ['*', `seller:${where.sellerCountry}`, `buyer:${where.buyerCountry}`];
  const rows = await db
    .selectFrom('policy_versions')
    .selectAll()
    .where('market', 'in', markets)
    .execute();
  const versions: PolicyVersion[] = rows.map((r) => ({
    id: r.id,
    market: r.market as Market,
    version: r.version,
    values: reviveBigints(r.values) as Partial<PolicyValues>,
  }));
  return resolvePolicy(versions, where);
}

/**
 * Adds the next version for a market: the previous version's values with `changes` on top, so
 * each version is whole and reads on its own. `changes` are validated by the caller
 * (validatePolicyValues).
 */
export async function addPolicyVersion(
  db: Kysely<Database>,
  input: { market: Market; changes: Partial<PolicyValues>; createdBy: string; at: number },
): Promise<PolicyVersion> {
  const latest = await db
    .selectFrom('policy_versions')
    .select(['version', 'values'])
    .where('market', '=', input.market)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  const version = (latest?.version ?? 0) + 1;
  const id = `${input.market}#${version}`;
  const previous =
    latest === undefined ? undefined : (reviveBigints(latest.values) as Partial<PolicyValues>);
  const values = amendPolicyValues(previous, input.changes);
  // Two admins adding at once both compute the same id: the primary key refuses the second.
  await db
    .insertInto('policy_versions')
    .values({
      id,
      market: input.market,
      version,
      values: jsonb(values),
      created_at: new Date(input.at),
      created_by: input.createdBy,
    })
    .execute();
  return { id, market: input.market, version, values };
}

export async function listPolicyVersions(db: Kysely<Database>): Promise<PolicyVersion[]> {
  const rows = await db
    .selectFrom('policy_versions')
    .selectAll()
    .orderBy('market')
    .orderBy('version')
    .limit(1_000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    market: r.market as Market,
    version: r.version,
    values: reviveBigints(r.values) as Partial<PolicyValues>,
  }));
}
