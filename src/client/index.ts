// The typed Settle API client, generated from docs/openapi.json (openapi-typescript) and driven
// by openapi-fetch: paths, bodies and responses are checked by the compiler. Used by the
// console and the API tests.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema.generated.ts';

export type { components, paths } from './schema.generated.ts';
export type SettleClient = Client<paths>;

export interface ClientOptions {
  readonly baseUrl: string;
  /** Session cookie and CSRF token, or `authorization: Bearer sk_...` for integrations. */
  readonly headers?: Record<string, string>;
  readonly fetch?: (request: Request) => Promise<Response>;
}

export function createSettleClient(o: ClientOptions): SettleClient {
  return createClient<paths>({
    baseUrl: o.baseUrl,
    ...(o.headers === undefined ? {} : { headers: o.headers }),
    ...(o.fetch === undefined ? {} : { fetch: o.fetch }),
  });
}
