// The what-if simulation's calls (POST /v1/simulations and its polling) and the slice of its
// report the console shows: the comparison's figures and the sellers crossing a threshold.
import { useQuery } from '@tanstack/react-query';
import type { paths } from '../../../../src/client/schema.generated.ts';
import { api, unwrap } from '../../api/http.ts';

export type SimulationView =
  paths['/v1/simulations/{simulationId}']['get']['responses'][200]['content']['application/json'];

export interface SimulationSize {
  readonly sellers: number;
  readonly orders: number;
  readonly days: number;
  readonly seed: number;
}

/** Small enough to answer in seconds, within the API's limits (jobs.ts WHAT_IF_LIMITS). */
export const DEFAULT_SIZE: SimulationSize = { sellers: 20, orders: 400, days: 30, seed: 42 };
export const SIZE_LIMITS: SimulationSize = {
  sellers: 200,
  orders: 20_000,
  days: 90,
  seed: 4_294_967_295,
};

export interface Difference {
  readonly figure: string;
  readonly base: number;
  readonly candidate: number;
  readonly change: number;
}

export interface Crossing {
  readonly sellerId: string;
  readonly base: string;
  readonly candidate: string;
}

/** The comparison inside a finished compare's report (the API types the report loosely). */
export function comparisonOf(
  view: SimulationView,
): { differences: Difference[]; crossings: Crossing[] } | undefined {
  const report = view.report as
    | { comparison?: { differences: Difference[]; crossings: Crossing[] } }
    | undefined;
  return report?.comparison;
}

export function startSimulation(
  size: SimulationSize,
  policy: Record<string, unknown>,
  comparePolicy: Record<string, unknown>,
) {
  return unwrap(api.POST('/v1/simulations', { body: { ...size, policy, comparePolicy } }));
}

export function cancelSimulation(id: string) {
  return unwrap(
    api.POST('/v1/simulations/{simulationId}/cancel', {
      params: { path: { simulationId: id } },
    }),
  );
}

/** Polls a simulation twice a second while it runs; stops once it succeeded, failed or was cancelled. */
export function useSimulation(id: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'simulation', id ?? ''],
    enabled: id !== undefined,
    queryFn: () =>
      unwrap(
        api.GET('/v1/simulations/{simulationId}', {
          params: { path: { simulationId: id ?? '' } },
        }),
      ),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 500 : false),
  });
}
