// One simulation end to end: a store of its own (PGlite in memory, or a fresh schema on
// PostgreSQL with DATABASE_URL), migrated, a runtime on a virtual clock, the run, the report and
// the reconciliation; then the store is dropped. Live data is never touched.
import { pino } from 'pino';
import { DAY_MS, type Instant, type PolicyValues, resolvePolicy } from '../domain/index.ts';
import { VirtualClock } from '../service/clock.ts';
import { loadConfig } from '../service/config.ts';
import { runtimeFor } from '../service/runtime.ts';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import type { Store } from '../store/store.ts';
import {
  type Progress,
  runSimulation,
  type SimulationInput,
  type SimulationMeter,
} from './driver.ts';
import { SIMULATION_START_MS } from './marketplace-plan.ts';
import { type Reconciliation, reconcile } from './reconcile.ts';
import { buildReport, type RunReport } from './report.ts';

export interface RunOutcome {
  readonly report: RunReport;
  readonly reconciliation: Reconciliation;
}

export interface StoreChoice {
  /** PostgreSQL: each run gets its own schema, dropped afterwards. */
  readonly databaseUrl?: string;
}

let schemaSeq = 0;

export async function simulate(
  input: SimulationInput,
  where: StoreChoice = {},
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
  meter?: SimulationMeter,
): Promise<RunOutcome> {
  schemaSeq += 1;
  const schema = `settle_sim_${process.pid}_${schemaSeq}`;
  const store =
    where.databaseUrl === undefined
      ? await openDatabase({ memory: true })
      : await openDatabase({ databaseUrl: where.databaseUrl, schema });
  try {
    await migrate(store);
    if (signal?.aborted) throw new Error('simulation cancelled');
    const clock = new VirtualClock(SIMULATION_START_MS - DAY_MS);
    const rt = runtimeFor(store, clock, pino({ level: 'silent' }), {
      ...loadConfig({}),
      demo: false,
    });
    try {
      const facts = await runSimulation(rt, clock, input, onProgress, signal, meter);
      const policy = policyOf(input.policy);
      const ratesAt = Math.min(
        facts.endedAt,
        SIMULATION_START_MS + (input.days + 14) * DAY_MS,
      ) as Instant;
      const report = await buildReport(store, facts.endedAt, policy, {
        chargebacks: facts.chargebacks,
        refused: facts.refused,
        ratesAt,
      });
      const reconciliation = await reconcile(store, facts.endedAt);
      return { report, reconciliation };
    } finally {
      await rt.close();
    }
  } finally {
    await dropStore(store, where.databaseUrl === undefined ? undefined : schema);
  }
}

/** The policy every market runs under in the simulation: the defaults and the file's values. */
export function policyOf(values: Partial<PolicyValues>): PolicyValues {
  return resolvePolicy([{ id: 'sim', market: '*', version: 1, values }], {
    buyerCountry: 'US',
    sellerCountry: 'CN',
  }).values;
}

async function dropStore(store: Store, schema: string | undefined) {
  try {
    if (schema !== undefined) {
      const { sql } = await import('kysely');
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
    }
  } finally {
    await store.close();
  }
}
