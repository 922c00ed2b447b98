// The demo's volume: a small simulated marketplace (src/simulation) written into the live store
// on the first start, so lists, history and seller metrics are not five disputes alone. It runs
// through the real engine on a virtual clock of its own that ends before the live clock's now
// (the marketplace is last season's history: its deadlines have fired, its rulings are made),
// so it never fires the live demo's deadlines. Deterministic (fixed seed); its ids are `sim-…`,
// the demo's are `demo-…`/`dsp-…`.
import { pino } from 'pino';
import { DAY_MS } from '../domain/index.ts';
import { VirtualClock } from '../service/clock.ts';
import { type Runtime, runtimeFor } from '../service/runtime.ts';
import { DEFAULT_PARAMS } from './defaults.ts';
import { runSimulation, TAIL_DAYS } from './driver.ts';
import { SIMULATION_START_MS } from './marketplace-plan.ts';

export const DEMO_MARKETPLACE = { sellers: 10, orders: 300, days: 30, seed: 2026 } as const;

/** Seeds the simulated marketplace once; false when it is there already or would not end in the past. */
export async function seedDemoMarketplace(rt: Runtime): Promise<boolean> {
  const seeded = await rt.store.db
    .selectFrom('sellers')
    .select('id')
    .where('id', '=', 'sim-seller-0001')
    .executeTakeFirst();
  if (seeded !== undefined) return false;
  const endsAt = SIMULATION_START_MS + (DEMO_MARKETPLACE.days + TAIL_DAYS) * DAY_MS;
  if (endsAt > (await rt.clock.now())) return false;
  const clock = new VirtualClock(SIMULATION_START_MS - DAY_MS);
  // A runtime of its own over the live store: same engine, the simulation's clock; its runner
  // is drained by the driver, never started.
  const sim = runtimeFor(
    rt.store,
    clock,
    pino({ level: 'silent' }),
    { ...rt.config, demo: false },
    rt.signer,
  );
  try {
    await runSimulation(sim, clock, { ...DEMO_MARKETPLACE, policy: {}, params: DEFAULT_PARAMS });
  } finally {
    await sim.close();
  }
  return true;
}
