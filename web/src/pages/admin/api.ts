// The admin console's calls, typed from the generated OpenAPI client: policies per market,
// accounts, API keys, webhooks, the books' checks, the platform's accounts and the clock.
import { useQuery } from '@tanstack/react-query';
import type { paths } from '../../../../src/client/schema.generated.ts';
import { api, unwrap } from '../../api/http.ts';

type Json<
  P extends keyof paths,
  M extends keyof paths[P],
  S extends number = 200,
> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

export type MarketPolicy = Json<'/v1/policies/markets/{market}', 'get'>;
export type PolicyPreview = Json<'/v1/policies/preview', 'post'>;
export type Account = Json<'/v1/admin/users', 'get'>['items'][number];
export type ApiKey = Json<'/v1/admin/api-keys', 'get'>['items'][number];
export type CreatedApiKey = Json<'/v1/admin/api-keys', 'post', 201>;
export type Subscription = Json<'/v1/webhooks', 'get'>['items'][number];
export type Delivery = Json<'/v1/webhooks/{id}/deliveries', 'get'>['items'][number];
export type PlatformAccount = Json<'/v1/admin/platform-accounts', 'get'>['items'][number];
export type Role = Account['role'];
export type Scope = ApiKey['scopes'][number];
export type Topic = Subscription['topics'][number];

export const ROLES: readonly Role[] = ['buyer', 'seller', 'arbitrator', 'admin'];
export const SCOPES: readonly Scope[] = ['integration', 'admin', 'act_as'];
export const TOPICS: readonly Topic[] = [
  'dispute.opened',
  'dispute.updated',
  'dispute.resolved',
  'offer.made',
  'deadline.approaching',
  'money.refunded',
  'money.released',
  'refund.succeeded',
  'refund.failed',
  'refund.retry_requested',
  'refund.escalated',
  'chargeback.updated',
  'seller.standing_changed',
];

export const adminKeys = {
  market: (market: string) => ['admin', 'policy', market] as const,
  usage: ['admin', 'policy-usage'] as const,
  onVersion: (id: string) => ['admin', 'policy-disputes', id] as const,
  users: ['admin', 'users'] as const,
  keys: ['admin', 'api-keys'] as const,
  webhooks: ['admin', 'webhooks'] as const,
  deliveries: (id: string) => ['admin', 'deliveries', id] as const,
  accounts: (days: number) => ['admin', 'platform-accounts', days] as const,
  clock: ['admin', 'clock'] as const,
};

export function useMarketPolicy(market: string | undefined) {
  return useQuery({
    queryKey: adminKeys.market(market ?? ''),
    enabled: market !== undefined,
    queryFn: () =>
      unwrap(
        api.GET('/v1/policies/markets/{market}', { params: { path: { market: market ?? '' } } }),
      ),
  });
}

export function previewPolicy(market: string, values: Record<string, unknown>) {
  return unwrap(api.POST('/v1/policies/preview', { body: { market, values } }));
}

export function savePolicy(market: string, values: Record<string, unknown>) {
  return unwrap(api.POST('/v1/policies', { body: { market, values } }));
}

export function usePolicyUsage() {
  return useQuery({
    queryKey: adminKeys.usage,
    queryFn: () => unwrap(api.GET('/v1/policies/usage')),
  });
}

export function useDisputesOnVersion(versionId: string | undefined) {
  return useQuery({
    queryKey: adminKeys.onVersion(versionId ?? ''),
    enabled: versionId !== undefined,
    queryFn: () =>
      unwrap(
        api.GET('/v1/policies/versions/{versionId}/disputes', {
          params: { path: { versionId: versionId ?? '' }, query: { limit: 50 } },
        }),
      ),
  });
}

export function useUsers() {
  return useQuery({
    queryKey: adminKeys.users,
    queryFn: () => unwrap(api.GET('/v1/admin/users', { params: { query: { limit: 200 } } })),
  });
}

export function createUser(body: { email: string; name: string; role: Role; sellerId?: string }) {
  return unwrap(api.POST('/v1/admin/users', { body }));
}

export function setUserEnabled(userId: string, enabled: boolean) {
  const params = { params: { path: { userId } } };
  return enabled
    ? unwrap(api.POST('/v1/admin/users/{userId}/enable', params))
    : unwrap(api.POST('/v1/admin/users/{userId}/disable', params));
}

export function changeRole(userId: string, role: Role, sellerId?: string) {
  return unwrap(
    api.POST('/v1/admin/users/{userId}/role', {
      params: { path: { userId } },
      body: { role, ...(sellerId === undefined ? {} : { sellerId }) },
    }),
  );
}

export function resetPassword(userId: string) {
  return unwrap(
    api.POST('/v1/admin/users/{userId}/password', { params: { path: { userId } }, body: {} }),
  );
}

export function useApiKeys() {
  return useQuery({
    queryKey: adminKeys.keys,
    queryFn: () => unwrap(api.GET('/v1/admin/api-keys')),
  });
}

export function createApiKey(body: { name: string; scopes: Scope[]; expiresAt?: string }) {
  return unwrap(api.POST('/v1/admin/api-keys', { body }));
}

export function revokeApiKey(keyId: string) {
  return unwrap(api.DELETE('/v1/admin/api-keys/{keyId}', { params: { path: { keyId } } }));
}

export function useSubscriptions() {
  return useQuery({ queryKey: adminKeys.webhooks, queryFn: () => unwrap(api.GET('/v1/webhooks')) });
}

export function createSubscription(body: { url: string; topics: Topic[]; description?: string }) {
  return unwrap(api.POST('/v1/webhooks', { body }));
}

export function disableSubscription(id: string) {
  return unwrap(api.DELETE('/v1/webhooks/{id}', { params: { path: { id } } }));
}

export function useDeliveries(id: string | undefined) {
  return useQuery({
    queryKey: adminKeys.deliveries(id ?? ''),
    enabled: id !== undefined,
    queryFn: () =>
      unwrap(
        api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id: id ?? '' }, query: {} } }),
      ),
  });
}

export function redeliver(id: string) {
  return unwrap(api.POST('/v1/webhook-deliveries/{id}/redeliver', { params: { path: { id } } }));
}

export interface CheckReport {
  readonly ok: boolean;
  readonly [detail: string]: unknown;
}

export function runLedgerCheck(): Promise<CheckReport> {
  return unwrap(api.POST('/v1/admin/books/ledger-check')) as Promise<CheckReport>;
}

export function runAuditVerify(): Promise<CheckReport> {
  return unwrap(api.POST('/v1/admin/books/audit-verify')) as Promise<CheckReport>;
}

export function usePlatformAccounts(days: number) {
  return useQuery({
    queryKey: adminKeys.accounts(days),
    queryFn: () => unwrap(api.GET('/v1/admin/platform-accounts', { params: { query: { days } } })),
  });
}

export function useClock(enabled: boolean) {
  return useQuery({
    queryKey: adminKeys.clock,
    enabled,
    queryFn: () => unwrap(api.GET('/v1/clock')),
  });
}

export function advanceClock(by: { hours?: number; days?: number }) {
  return unwrap(api.POST('/v1/clock/advance', { body: by }));
}
