// The buyer's orders (GET /v1/orders): what they paid, what can still be refunded, and the
// disputes already open on each.
import { useQuery } from '@tanstack/react-query';
import type { paths } from '../../../src/client/schema.generated.ts';
import { api, unwrap } from './http.ts';

export type BuyerOrder =
  paths['/v1/orders']['get']['responses'][200]['content']['application/json']['items'][number];

export function listOrders() {
  return unwrap(api.GET('/v1/orders', {}));
}

export function useOrders() {
  return useQuery({ queryKey: ['orders'], queryFn: listOrders, refetchInterval: 10_000 });
}
