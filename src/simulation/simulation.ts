// A simulation as the CLI and HTTP ask for it: one run, or a compare of two policies over the
// same seed, and the document both write (report.json, report.html).
import { compareReports } from './compare.ts';
import type { SimulationDocument } from './document.ts';
import type { SimulationInput } from './driver.ts';
import { type StoreChoice, simulate } from './run.ts';

export interface SimulationRequest extends SimulationInput {
  /** The candidate policy: the same marketplace is run again under it. */
  readonly comparePolicy?: SimulationInput['policy'];
}

export interface Step {
  /** 1 for the run, or 1 and 2 for a compare's base and candidate. */
  readonly run: number;
  readonly runs: number;
  readonly day: number;
  readonly days: number;
}

/** Size limits (TigerBeetle style): anything larger is a bench run, not a request. */
export const LIMITS = { sellers: 10_000, orders: 5_000_000, days: 3_650 } as const;

export async function runDocument(
  request: SimulationRequest,
  where: StoreChoice = {},
  onStep: (s: Step) => void = () => {},
  signal?: AbortSignal,
): Promise<SimulationDocument> {
  const runs = request.comparePolicy === undefined ? 1 : 2;
  const base = await simulate(request, where, (p) => onStep({ run: 1, runs, ...p }), signal);
  const input = {
    seed: request.seed,
    sellers: request.sellers,
    orders: request.orders,
    days: request.days,
    policy: request.policy,
    ...(request.comparePolicy === undefined ? {} : { comparePolicy: request.comparePolicy }),
    params: request.params,
  };
  if (request.comparePolicy === undefined) return { input, base };
  const candidate = await simulate(
    { ...request, policy: request.comparePolicy },
    where,
    (p) => onStep({ run: 2, runs, ...p }),
    signal,
  );
  return { input, base, candidate, comparison: compareReports(base.report, candidate.report) };
}
