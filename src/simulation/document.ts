// What a simulation produces: its inputs, the run (or both runs of a compare) with its
// reconciliation, and the comparison. Written as report.json and rendered as report.html.
import type { PolicyValues } from '../domain/index.ts';
import type { Comparison } from './compare.ts';
import type { SimulationParams } from './defaults.ts';
import type { RunOutcome } from './run.ts';

export interface SimulationDocument {
  readonly input: {
    readonly seed: number;
    readonly sellers: number;
    readonly orders: number;
    readonly days: number;
    readonly policy: Partial<PolicyValues>;
    readonly comparePolicy?: Partial<PolicyValues>;
    readonly params: SimulationParams;
  };
  readonly base: RunOutcome;
  readonly candidate?: RunOutcome;
  readonly comparison?: Comparison;
}
