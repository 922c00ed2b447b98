// The one typed client every resource module uses: openapi-fetch over the generated schema, with
// the session's CSRF token on writes, an Idempotency-Key on every POST, and the server's dispute
// clock read from each answer. A refusal becomes an ApiError carrying the problem's stable code.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../../src/client/schema.generated.ts';
import { observeServerNow } from '../lib/countdown.ts';

let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function csrfHeaders(): Record<string, string> {
  return csrfToken === undefined ? {} : { 'x-csrf-token': csrfToken };
}

export function newKey(): string {
  return crypto.randomUUID();
}

/** A refusal from the API (problem+json) or a network failure (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly facts: Readonly<Record<string, unknown>>;
  constructor(status: number, code: string, detail: string, facts: Record<string, unknown> = {}) {
    super(detail);
    this.status = status;
    this.code = code;
    this.facts = facts;
  }
}

export function toApiError(status: number, body: unknown): ApiError {
  const p = (body ?? {}) as { code?: unknown; detail?: unknown; facts?: unknown };
  return new ApiError(
    status,
    typeof p.code === 'string' ? p.code : '',
    typeof p.detail === 'string' ? p.detail : '',
    typeof p.facts === 'object' && p.facts !== null ? (p.facts as Record<string, unknown>) : {},
  );
}

const session: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      for (const [name, value] of Object.entries(csrfHeaders())) request.headers.set(name, value);
      if (request.method === 'POST' && !request.headers.has('idempotency-key'))
        request.headers.set('idempotency-key', newKey());
    }
    return request;
  },
  onResponse({ response }) {
    observeServerNow(response.headers.get('settle-now'));
    return response;
  },
};

export const api = createClient<paths>({
  baseUrl: typeof location === 'undefined' ? 'http://localhost' : location.origin,
  credentials: 'same-origin',
});
api.use(session);

/** The data of a typed call, or the ApiError it was refused with. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (result.error !== undefined || !result.response.ok)
    throw toApiError(result.response.status, result.error);
  return result.data as T;
}
