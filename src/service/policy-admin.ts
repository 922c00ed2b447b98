// What the admin's policy page reads: a market's current version over the defaults, the diff a
// proposed version would make, and which disputes run on which version. A dispute keeps the
// version ids it opened under (disputes.policy_version_id, comma-separated, 'default' when none),
// so counting and listing read that column and never re-resolve a policy.
import { type Kysely, sql } from 'kysely';
import {
  amendPolicyValues,
  type Market,
  type PolicyValues,
  type PolicyVersion,
} from '../domain/index.ts';
import { diffPolicyValues, type PolicyFieldChange } from '../domain/policy-diff.ts';
import { reviveBigints } from '../store/json-codec.ts';
import type { Database } from '../store/schema.ts';

/** Distinct combinations of versions are few (one per market mix); a cap keeps it bounded. */
const VERSION_MIXES_MAX = 10_000;
export const VERSION_DISPUTES_PAGE_MAX = 200;

export async function currentPolicyVersion(
  db: Kysely<Database>,
  market: Market,
): Promise<PolicyVersion | undefined> {
  const row = await db
    .selectFrom('policy_versions')
    .select(['id', 'market', 'version', 'values'])
    .where('market', '=', market)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    id: row.id,
    market: row.market as Market,
    version: row.version,
    values: reviveBigints(row.values) as Partial<PolicyValues>,
  };
}

export interface PolicyPreview {
  readonly current: PolicyVersion | undefined;
  /** The version that saving would add: the current one plus the changes. */
  readonly next: PolicyVersion;
  readonly changes: readonly PolicyFieldChange[];
}

/** The version `addPolicyVersion` would write now, and how it differs; nothing is written. */
export async function previewPolicyVersion(
  db: Kysely<Database>,
  market: Market,
  changes: Partial<PolicyValues>,
): Promise<PolicyPreview> {
  const current = await currentPolicyVersion(db, market);
  const version = (current?.version ?? 0) + 1;
  const values = amendPolicyValues(current?.values, changes);
  return {
    current,
    next: { id: `${market}#${version}`, market, version, values },
    changes: diffPolicyValues(current?.values, values),
  };
}

/** How many disputes run on each version ('default': opened before any version applied). */
export async function policyUsage(
  db: Kysely<Database>,
): Promise<{ versionId: string; disputes: number }[]> {
  const rows = await db
    .selectFrom('disputes')
    .select(['policy_version_id', sql<string>`count(*)`.as('n')])
    .groupBy('policy_version_id')
    .limit(VERSION_MIXES_MAX)
    .execute();
  const counts = new Map<string, number>();
  for (const r of rows)
    for (const id of r.policy_version_id.split(','))
      counts.set(id, (counts.get(id) ?? 0) + Number(r.n));
  return [...counts]
    .map(([versionId, disputes]) => ({ versionId, disputes }))
    .sort((a, b) => a.versionId.localeCompare(b.versionId));
}

export interface DisputeOnVersion {
  readonly id: string;
  readonly status: string;
  readonly sellerId: string;
  readonly openedAt: number;
  readonly versionIds: readonly string[];
}

/** The newest disputes that run on a version (at most `limit`). */
export async function disputesOnVersion(
  db: Kysely<Database>,
  versionId: string,
  limit: number,
): Promise<DisputeOnVersion[]> {
  // The id is one element of a comma-separated list: match it whole, never as a prefix
  // (`buyer:IT#1` must not find `buyer:IT#10`). Ids hold no `%` or `_` (market#number).
  const rows = await db
    .selectFrom('disputes')
    .select(['id', 'status', 'seller_id', 'opened_at', 'policy_version_id'])
    .where((eb) =>
      eb.or([
        eb('policy_version_id', '=', versionId),
        eb('policy_version_id', 'like', `${versionId},%`),
        eb('policy_version_id', 'like', `%,${versionId}`),
        eb('policy_version_id', 'like', `%,${versionId},%`),
      ]),
    )
    .orderBy('opened_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    sellerId: r.seller_id,
    openedAt: r.opened_at.getTime(),
    versionIds: r.policy_version_id.split(','),
  }));
}
