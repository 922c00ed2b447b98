// Disputes: the list, one dispute's view, the seller's impact, and every command a party sends.
// Each command answers the dispute as it is now; the caller refreshes its cached view from it.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { components, paths } from '../../../src/client/schema.generated.ts';
import { api, unwrap } from './http.ts';

export type DisputeView = components['schemas']['DisputeView'];
export type DisputeSummary = components['schemas']['DisputeSummary'];
export type ListQuery = NonNullable<paths['/v1/disputes']['get']['parameters']['query']>;
export type OpenBody = paths['/v1/disputes']['post']['requestBody']['content']['application/json'];
export type OfferBody =
  paths['/v1/disputes/{disputeId}/offers']['post']['requestBody']['content']['application/json'];
export type Terms = OfferBody['terms'];
export type EvidenceRequestBody =
  paths['/v1/disputes/{disputeId}/evidence-requests']['post']['requestBody']['content']['application/json'];
export type Impact =
  paths['/v1/disputes/{disputeId}/impact']['get']['responses'][200]['content']['application/json'];

/**
 * How often an open page asks again: the other party's actions and fired deadlines appear
 * within this. Short polling with ETags: the views, lists and counts answer `no-cache` with an
 * ETag, so the browser revalidates and an unchanged answer is a 304 with no body; any server
 * instance answers the same, since the ETag depends only on what is in the database.
 */
export const LIVE_POLL_MS = 2_000;

export const disputeKeys = {
  all: ['disputes'] as const,
  list: (q: ListQuery) => ['disputes', 'list', q] as const,
  one: (id: string) => ['disputes', 'one', id] as const,
  impact: (id: string) => ['disputes', 'impact', id] as const,
  counts: ['disputes', 'counts'] as const,
};

export type DisputeCounts =
  paths['/v1/disputes/counts']['get']['responses'][200]['content']['application/json'];

/** The counts beside the inbox's filters, over all the caller's disputes. */
export function useDisputeCounts() {
  return useQuery({
    queryKey: disputeKeys.counts,
    queryFn: () => unwrap(api.GET('/v1/disputes/counts')),
    refetchInterval: LIVE_POLL_MS,
  });
}

export function listDisputes(query: ListQuery) {
  return unwrap(api.GET('/v1/disputes', { params: { query } }));
}

export function getDispute(disputeId: string) {
  return unwrap(api.GET('/v1/disputes/{disputeId}', { params: { path: { disputeId } } }));
}

export function getImpact(disputeId: string) {
  return unwrap(api.GET('/v1/disputes/{disputeId}/impact', { params: { path: { disputeId } } }));
}

export function useDisputeList(query: ListQuery, live = true) {
  return useQuery({
    queryKey: disputeKeys.list(query),
    queryFn: () => listDisputes(query),
    refetchInterval: live ? LIVE_POLL_MS : false,
    placeholderData: keepPreviousData,
  });
}

export function useDispute(disputeId: string) {
  return useQuery({
    queryKey: disputeKeys.one(disputeId),
    queryFn: () => getDispute(disputeId),
    refetchInterval: LIVE_POLL_MS,
  });
}

export function useImpact(disputeId: string, enabled: boolean) {
  return useQuery({
    queryKey: disputeKeys.impact(disputeId),
    queryFn: () => getImpact(disputeId),
    enabled,
    refetchInterval: LIVE_POLL_MS * 5,
  });
}

export function openDispute(body: OpenBody) {
  return unwrap(api.POST('/v1/disputes', { body }));
}

const path = (disputeId: string) => ({ params: { path: { disputeId } } });

export const commands = {
  propose: (id: string, body: OfferBody) =>
    unwrap(api.POST('/v1/disputes/{disputeId}/offers', { ...path(id), body })),
  accept: (id: string, offerId: string) =>
    unwrap(
      api.POST('/v1/disputes/{disputeId}/offers/{offerId}/accept', {
        params: { path: { disputeId: id, offerId } },
        body: {},
      }),
    ),
  reject: (id: string, offerId: string, reason: string, counter?: OfferBody) =>
    unwrap(
      api.POST('/v1/disputes/{disputeId}/offers/{offerId}/reject', {
        params: { path: { disputeId: id, offerId } },
        body: counter === undefined ? { reason } : { reason, counter },
      }),
    ),
  requestEvidence: (id: string, body: EvidenceRequestBody) =>
    unwrap(api.POST('/v1/disputes/{disputeId}/evidence-requests', { ...path(id), body })),
  message: (id: string, body: string, messageId: string) =>
    unwrap(
      api.POST('/v1/disputes/{disputeId}/messages', { ...path(id), body: { body, messageId } }),
    ),
  cancel: (id: string, reason: string) =>
    unwrap(
      api.POST('/v1/disputes/{disputeId}/cancel', {
        ...path(id),
        body: reason === '' ? {} : { reason },
      }),
    ),
  escalate: (id: string, note: string, goodsProblem?: 'wrong_item' | 'damaged') =>
    unwrap(
      api.POST('/v1/disputes/{disputeId}/escalate', {
        ...path(id),
        body: {
          ...(note === '' ? {} : { note }),
          ...(goodsProblem === undefined ? {} : { goodsProblem }),
        },
      }),
    ),
  withdraw: (id: string) =>
    unwrap(api.POST('/v1/disputes/{disputeId}/escalation/withdraw', { ...path(id), body: {} })),
  returnLabel: (id: string, carrier: string, trackingNumber: string) =>
    unwrap(
      api.POST('/v1/disputes/{disputeId}/return-label', {
        ...path(id),
        body: { carrier, trackingNumber },
      }),
    ),
  shipReturn: (id: string, carrier: string, trackingNumber: string) =>
    unwrap(
      api.POST('/v1/disputes/{disputeId}/return-shipment', {
        ...path(id),
        body: { carrier, trackingNumber },
      }),
    ),
  confirmReceipt: (id: string) =>
    unwrap(api.POST('/v1/disputes/{disputeId}/return-receipt', { ...path(id), body: {} })),
  shipReplacement: (id: string, carrier: string, trackingNumber: string) =>
    unwrap(
      api.POST('/v1/disputes/{disputeId}/replacement-shipment', {
        ...path(id),
        body: { carrier, trackingNumber },
      }),
    ),
  appeal: (id: string, note: string, evidenceIds: string[]) =>
    unwrap(
      api.POST('/v1/disputes/{disputeId}/appeal', { ...path(id), body: { note, evidenceIds } }),
    ),
};

/** The seller's store metrics (GET /v1/sellers/{id}/metrics). */
export function getSellerMetrics(sellerId: string) {
  return unwrap(api.GET('/v1/sellers/{sellerId}/metrics', { params: { path: { sellerId } } }));
}

export function useSellerMetrics(sellerId: string | undefined) {
  return useQuery({
    queryKey: ['sellers', sellerId, 'metrics'],
    queryFn: () => getSellerMetrics(sellerId ?? ''),
    enabled: sellerId !== undefined,
    refetchInterval: LIVE_POLL_MS * 5,
  });
}

export type MetricsHistory =
  paths['/v1/sellers/{sellerId}/metrics/history']['get']['responses'][200]['content']['application/json'];

/** The seller's three rates at weekly points over the last quarter, with the thresholds. */
export function useMetricsHistory(sellerId: string | undefined) {
  return useQuery({
    queryKey: ['sellers', sellerId, 'metrics', 'history'],
    queryFn: () =>
      unwrap(
        api.GET('/v1/sellers/{sellerId}/metrics/history', {
          params: { path: { sellerId: sellerId ?? '' }, query: { points: 13, stepDays: 7 } },
        }),
      ),
    enabled: sellerId !== undefined,
    refetchInterval: LIVE_POLL_MS * 5,
  });
}
