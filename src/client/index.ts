// The typed Settle API client, generated from docs/openapi.json (openapi-typescript) and driven
// by openapi-fetch: paths, bodies and responses are checked by the compiler. Used by the
// console and the API tests, and published to marketplaces as `@settle/client` (package.json
// beside this file; `npm run client:build` emits the JS and .d.ts a consumer imports).
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema.generated.ts';

export { type FeedEvent, type FollowOptions, followEvents } from './feed.ts';
export { SettleProblem, unwrap } from './problem.ts';
export type { components, paths } from './schema.generated.ts';

export type SettleClient = Client<paths>;

export interface ClientOptions {
  readonly baseUrl: string;
  /** Session cookie and CSRF token, or `authorization: Bearer sk_...` for integrations. */
  readonly headers?: Record<string, string>;
  readonly fetch?: (request: Request) => Promise<Response>;
}

/** The header an `act_as` key sends to act for one of the marketplace's users. */
export const ACT_AS_HEADER = 'settle-act-as';

// The options each client was made with, so `actAs` can derive a client without the caller
// passing them again (openapi-fetch does not expose them).
const optionsOf = new WeakMap<SettleClient, ClientOptions>();

export function createSettleClient(o: ClientOptions): SettleClient {
  const client = createClient<paths>({
    baseUrl: o.baseUrl,
    ...(o.headers === undefined ? {} : { headers: o.headers }),
    ...(o.fetch === undefined ? {} : { fetch: o.fetch }),
  });
  optionsOf.set(client, o);
  return client;
}

/** An integration client: `authorization: Bearer <key>`. */
export function integrationClient(
  baseUrl: string,
  key: string,
  o: Omit<ClientOptions, 'baseUrl'> = {},
): SettleClient {
  return createSettleClient({
    ...o,
    baseUrl,
    headers: { ...o.headers, authorization: `Bearer ${key}` },
  });
}

/**
 * A client that acts for a user (`buyer:<buyerId>` or `seller:<sellerId>:<staffId>`): the same
 * key and base URL, plus `Settle-Act-As`. The key needs the `act_as` scope; Settle then
 * authorizes each request as that user. The original client is unchanged.
 */
export function actAs(client: SettleClient, user: string): SettleClient {
  const o = optionsOf.get(client);
  if (o === undefined) throw new Error('actAs: the client was not made by createSettleClient');
  return createSettleClient({ ...o, headers: { ...o.headers, [ACT_AS_HEADER]: user } });
}
