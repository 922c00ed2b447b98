// The arbitration workbench's calls: the queue, claims, internal notes, the ruling preview, and
// the arbitrator's commands (findings, evidence requests, ruling, appeal decision). Each write
// refreshes the queue and the case it touched.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../src/client/schema.generated.ts';
import { disputeKeys, LIVE_POLL_MS } from './disputes.ts';
import { api, unwrap } from './http.ts';

export type QueueQuery = NonNullable<paths['/v1/arbitration/queue']['get']['parameters']['query']>;
export type QueueAnswer =
  paths['/v1/arbitration/queue']['get']['responses'][200]['content']['application/json'];
export type QueueItem = QueueAnswer['items'][number];
export type RulingPreview =
  paths['/v1/disputes/{disputeId}/ruling-preview']['get']['responses'][200]['content']['application/json'];
export type RulingBody =
  paths['/v1/disputes/{disputeId}/ruling']['post']['requestBody']['content']['application/json'];
export type AppealDecisionBody =
  paths['/v1/disputes/{disputeId}/appeal/decision']['post']['requestBody']['content']['application/json'];
export type EvidenceRequestBody =
  paths['/v1/disputes/{disputeId}/evidence-requests']['post']['requestBody']['content']['application/json'];
export type FindingsBody =
  paths['/v1/disputes/{disputeId}/evidence/{evidenceId}/findings']['post']['requestBody']['content']['application/json'];

export const workbenchKeys = {
  all: ['workbench'] as const,
  queue: (q: QueueQuery) => ['workbench', 'queue', q] as const,
  claim: (id: string) => ['workbench', 'claim', id] as const,
  notes: (id: string) => ['workbench', 'notes', id] as const,
  preview: (id: string) => ['workbench', 'preview', id] as const,
};

const path = (disputeId: string) => ({ params: { path: { disputeId } } });

export function useQueue(query: QueueQuery) {
  return useQuery({
    queryKey: workbenchKeys.queue(query),
    queryFn: () => unwrap(api.GET('/v1/arbitration/queue', { params: { query } })),
    refetchInterval: LIVE_POLL_MS * 2,
    placeholderData: keepPreviousData,
  });
}

export function useClaim(disputeId: string) {
  return useQuery({
    queryKey: workbenchKeys.claim(disputeId),
    queryFn: () => unwrap(api.GET('/v1/disputes/{disputeId}/claim', path(disputeId))),
    refetchInterval: LIVE_POLL_MS * 2,
  });
}

export function useNotes(disputeId: string) {
  return useQuery({
    queryKey: workbenchKeys.notes(disputeId),
    queryFn: () => unwrap(api.GET('/v1/disputes/{disputeId}/notes', path(disputeId))),
    refetchInterval: LIVE_POLL_MS * 2,
  });
}

export function useRulingPreview(disputeId: string) {
  return useQuery({
    queryKey: workbenchKeys.preview(disputeId),
    queryFn: () => unwrap(api.GET('/v1/disputes/{disputeId}/ruling-preview', path(disputeId))),
  });
}

export const workbench = {
  claim: (id: string) => unwrap(api.POST('/v1/disputes/{disputeId}/claim', path(id))),
  release: (id: string) =>
    unwrap(api.DELETE('/v1/disputes/{disputeId}/claim', path(id))).then(() => undefined),
  addNote: (id: string, noteId: string, body: string) =>
    unwrap(api.POST('/v1/disputes/{disputeId}/notes', { ...path(id), body: { noteId, body } })),
  confirmFindings: (id: string, evidenceId: string, body: FindingsBody) =>
    unwrap(
      api.POST('/v1/disputes/{disputeId}/evidence/{evidenceId}/findings', {
        params: { path: { disputeId: id, evidenceId } },
        body,
      }),
    ),
  requestEvidence: (id: string, body: EvidenceRequestBody) =>
    unwrap(api.POST('/v1/disputes/{disputeId}/evidence-requests', { ...path(id), body })),
  rule: (id: string, body: RulingBody) =>
    unwrap(api.POST('/v1/disputes/{disputeId}/ruling', { ...path(id), body })),
  decideAppeal: (id: string, body: AppealDecisionBody) =>
    unwrap(api.POST('/v1/disputes/{disputeId}/appeal/decision', { ...path(id), body })),
};

/** A workbench write: on success the queue, the claim, the notes and the case are read again. */
export function useWorkbenchCommand<A extends unknown[], R>(
  run: (...args: A) => Promise<R>,
  onDone?: (result: R) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: A) => run(...args),
    onSuccess: async (result) => {
      onDone?.(result);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: workbenchKeys.all }),
        queryClient.invalidateQueries({ queryKey: disputeKeys.all }),
      ]);
    },
  });
}
