// Settle answers every refusal with an RFC 9457 problem+json body (`code` is the stable part to
// branch on). `unwrap` turns an openapi-fetch result into its data or throws the problem, so an
// integration script reads straight through and still sees why a call was refused.
import type { components } from './schema.generated.ts';

type ProblemBody = components['schemas']['Problem'];

export class SettleProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: ProblemBody;

  constructor(status: number, problem: ProblemBody) {
    super(`${status} ${problem.code}: ${problem.detail}`);
    this.name = 'SettleProblem';
    this.status = status;
    this.code = problem.code;
    this.problem = problem;
  }
}

interface FetchResult<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

function asProblem(status: number, error: unknown): ProblemBody {
  if (typeof error === 'object' && error !== null && 'code' in error) return error as ProblemBody;
  // Not a Settle problem (a proxy's HTML page, an empty body): keep what there is.
  const detail = typeof error === 'string' ? error : JSON.stringify(error ?? null);
  return {
    type: 'about:blank',
    title: 'unexpected answer',
    status,
    code: 'http.unexpected',
    detail,
  };
}

/** The data of a successful call; a refusal throws `SettleProblem`. */
export function unwrap<T>(result: FetchResult<T>): T {
  const { response } = result;
  if (!response.ok)
    throw new SettleProblem(response.status, asProblem(response.status, result.error));
  return result.data as T;
}
