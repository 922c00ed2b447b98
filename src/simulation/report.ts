// The report, read back from the store after a run (what the engine really did, not what the
// model intended): outcomes, refunds by funder, time to resolution, deadline firings, seller
// rates against the thresholds, arbitration load per day. Plain data, stably ordered, so the
// JSON of two runs with one seed is byte-identical.
import { DAY_MS, type Dispute, type Instant, type PolicyValues } from '../domain/index.ts';
import { sellerMetricsFor } from '../service/seller-metrics.ts';
import { decodeDispute } from '../service/state-codec.ts';
import type { Store } from '../store/store.ts';
import { SIMULATION_START_MS } from './marketplace-plan.ts';

export interface SellerRate {
  readonly sellerId: string;
  readonly disputeBp: number;
  readonly responsibilityBp: number;
  readonly ruledAgainst: number;
  readonly level: 'good' | 'warn' | 'restrict';
}

export interface RunReport {
  readonly orders: number;
  readonly disputes: number;
  readonly chargebacks: number;
  readonly outcomes: Record<string, number>;
  readonly how: Record<string, number>;
  readonly refundsByFunder: Record<string, string>;
  readonly refundedTotalMinor: string;
  readonly resolutionDays: {
    readonly histogram: Record<string, number>;
    readonly medianDays: number;
    readonly p90Days: number;
  };
  readonly deadlineFirings: Record<string, number>;
  readonly escalations: number;
  readonly appeals: number;
  readonly appealsOverturned: number;
  readonly arbitrationLoad: readonly {
    readonly day: number;
    readonly escalated: number;
    readonly queue: number;
  }[];
  readonly sellerRates: readonly SellerRate[];
  readonly thresholds: {
    readonly warnBp: number;
    readonly warnCount: number;
    readonly restrictBp: number;
    readonly restrictCount: number;
  };
  readonly refused: Record<string, number>;
}

const FUNDERS = ['escrow', 'seller_balance', 'logistics_compensation', 'protection_fund'] as const;

export async function buildReport(
  store: Store,
  now: Instant,
  policy: PolicyValues,
  extra: { chargebacks: number; refused: Record<string, number>; ratesAt: Instant },
): Promise<RunReport> {
  const rows = await store.db
    .selectFrom('disputes')
    .select(['id', 'state'])
    .orderBy('id')
    .execute();
  const disputes = rows.map((r) => decodeDispute(r.state));
  const outcomes: Record<string, number> = {};
  const how: Record<string, number> = {};
  const funders: Record<string, bigint> = Object.fromEntries(FUNDERS.map((f) => [f, 0n]));
  const durations: number[] = [];
  const bump = (into: Record<string, number>, key: string) => {
    into[key] = (into[key] ?? 0) + 1;
  };
  for (const d of disputes) {
    bump(outcomes, d.status === 'resolved' ? `resolved:${d.resolution?.outcome}` : d.status);
    if (d.resolution !== undefined) {
      bump(how, d.resolution.how);
      durations.push(d.resolution.at - d.openedAt);
    }
    for (const f of FUNDERS) funders[f] = (funders[f] as bigint) + d.refunds[f];
  }
  const total = FUNDERS.reduce((s, f) => s + (funders[f] as bigint), 0n);
  const firings = await store.db
    .selectFrom('dispute_events')
    .select(['payload'])
    .where('type', '=', 'deadline_fired')
    .execute();
  const deadlineFirings: Record<string, number> = {};
  for (const f of firings)
    bump(deadlineFirings, String((f.payload as { deadline?: string }).deadline));
  const orders = await store.db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    orders: Number(orders.n),
    disputes: disputes.length,
    chargebacks: extra.chargebacks,
    outcomes: sortedKeys(outcomes),
    how: sortedKeys(how),
    refundsByFunder: Object.fromEntries(FUNDERS.map((f) => [f, String(funders[f])])),
    refundedTotalMinor: String(total),
    resolutionDays: resolutionDays(durations),
    deadlineFirings: sortedKeys(deadlineFirings),
    escalations: disputes.filter((d) => d.escalation !== undefined || d.ruling !== undefined)
      .length,
    appeals: disputes.filter((d) => d.appeal !== undefined).length,
    appealsOverturned: disputes.filter((d) => d.appeal?.decision === 'overturned').length,
    arbitrationLoad: arbitrationLoad(disputes, now),
    sellerRates: await sellerRates(store, extra.ratesAt, policy),
    thresholds: {
      warnBp: policy.sellerResponsibilityWarnBp,
      warnCount: policy.sellerResponsibilityWarnCount,
      restrictBp: policy.sellerResponsibilityRestrictBp,
      restrictCount: policy.sellerResponsibilityRestrictCount,
    },
    refused: extra.refused,
  };
}

function sortedKeys(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function resolutionDays(durations: number[]) {
  const histogram: Record<string, number> = {};
  for (const label of ['0-1', '1-3', '3-5', '5-7', '7-14', '14-30', '30+']) histogram[label] = 0;
  const bucket = (days: number) =>
    days < 1
      ? '0-1'
      : days < 3
        ? '1-3'
        : days < 5
          ? '3-5'
          : days < 7
            ? '5-7'
            : days < 14
              ? '7-14'
              : days < 30
                ? '14-30'
                : '30+';
  for (const ms of durations) {
    const label = bucket(ms / DAY_MS);
    histogram[label] = (histogram[label] ?? 0) + 1;
  }
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length === 0
      ? 0
      : Math.round(
          ((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number) /
            DAY_MS) *
            10,
        ) / 10;
  return { histogram, medianDays: at(0.5), p90Days: at(0.9) };
}

/** Per simulated day: disputes escalated that day, and how many waited for a ruling at its end. */
function arbitrationLoad(disputes: readonly Dispute[], now: Instant) {
  const days = Math.max(0, Math.ceil((now - SIMULATION_START_MS) / DAY_MS));
  const escalated = new Array<number>(days).fill(0);
  const queue = new Array<number>(days + 1).fill(0);
  for (const d of disputes) {
    const from = d.escalation?.at;
    if (from === undefined) continue;
    const start = Math.floor((from - SIMULATION_START_MS) / DAY_MS);
    if (start >= 0 && start < days) escalated[start] = (escalated[start] ?? 0) + 1;
    const ruledAt = d.ruling?.at ?? d.resolution?.at ?? now;
    const end = Math.min(days, Math.floor((ruledAt - SIMULATION_START_MS) / DAY_MS));
    for (let day = Math.max(0, start); day < end; day += 1) queue[day] = (queue[day] ?? 0) + 1;
  }
  return escalated.map((n, day) => ({ day, escalated: n, queue: queue[day] ?? 0 }));
}

/**
 * Each seller's rates as the seller would see them, and its level, at `at`: two weeks after the
 * last order (after the run's tail the metrics window holds no orders any more).
 */
async function sellerRates(store: Store, at: Instant, policy: PolicyValues): Promise<SellerRate[]> {
  const sellers = await store.db.selectFrom('sellers').select('id').orderBy('id').execute();
  const out: SellerRate[] = [];
  for (const { id } of sellers) {
    const m = await sellerMetricsFor(store, id, at);
    if (m === undefined) continue;
    const r = m.metrics.sellerResponsibilityRate;
    const level =
      r.bp > policy.sellerResponsibilityRestrictBp ||
      r.numerator > policy.sellerResponsibilityRestrictCount
        ? 'restrict'
        : r.bp > policy.sellerResponsibilityWarnBp ||
            r.numerator > policy.sellerResponsibilityWarnCount
          ? 'warn'
          : 'good';
    out.push({
      sellerId: id,
      disputeBp: m.metrics.disputeRate.bp,
      responsibilityBp: r.bp,
      ruledAgainst: r.numerator,
      level,
    });
  }
  return out;
}
