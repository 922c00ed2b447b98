// What a retry with a used Idempotency-Key gets back. Outcomes stored in a command's transaction
// keep a reference, not the body (a dispute's view can be megabytes): the body is rebuilt from
// the resource as it is now, for the caller, with the original status. Problems and responses
// stored whole (routes that claim their key before running) are sent as they were.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, ChargebackId } from '../domain/index.ts';
import { evidenceFor, resolveEvidence } from '../service/evidence/visibility.ts';
import type { StoredResponse } from '../service/idempotency.ts';
import type { Runtime } from '../service/runtime.ts';
import { type Problem, problem, sendProblem } from './problem.ts';
import { canSee } from './routes/chargebacks.ts';
import { sendDisputeView } from './routes/dispute-command.ts';
import { visibleRefund } from './routes/refunds.ts';
import { chargebackView } from './views/chargeback-view.ts';
import { evidenceView } from './views/evidence-view.ts';

/** A stored reference in place of a body; `$replay` never occurs in a response body. */
export type ReplayRef =
  | { readonly $replay: 'dispute'; readonly disputeId: string }
  | { readonly $replay: 'evidence'; readonly disputeId: string; readonly evidenceId: string }
  | { readonly $replay: 'chargeback'; readonly chargebackId: string }
  | { readonly $replay: 'refund'; readonly refundId: string };

export function disputeResponse(status: number, disputeId: string): StoredResponse {
  return { status, body: { $replay: 'dispute', disputeId } satisfies ReplayRef };
}

export function chargebackResponse(status: number, chargebackId: string): StoredResponse {
  return { status, body: { $replay: 'chargeback', chargebackId } satisfies ReplayRef };
}

export function refundResponse(status: number, refundId: string): StoredResponse {
  return { status, body: { $replay: 'refund', refundId } satisfies ReplayRef };
}

/** A refusal is stored whole: a problem is small. */
export function problemResponse(p: Problem): StoredResponse {
  return { status: p.status, body: p };
}

export function evidenceResponse(
  status: number,
  disputeId: string,
  evidenceId: string,
): StoredResponse {
  return { status, body: { $replay: 'evidence', disputeId, evidenceId } satisfies ReplayRef };
}

export async function replayResponse(
  runtime: Runtime,
  request: FastifyRequest,
  reply: FastifyReply,
  stored: StoredResponse,
): Promise<FastifyReply> {
  const ref = refOf(stored.body);
  const caller = request.caller;
  if (ref === undefined || caller.kind === 'anonymous') {
    return reply
      .code(stored.status)
      .type(stored.status >= 400 ? 'application/problem+json' : 'application/json')
      .send(stored.body);
  }
  if (ref.$replay === 'dispute')
    return sendDisputeView(runtime, reply, ref.disputeId, caller.actor, stored.status);
  if (ref.$replay === 'chargeback')
    return replayChargeback(runtime, reply, ref, caller.actor, stored);
  if (ref.$replay === 'refund') {
    const view = await visibleRefund(runtime, caller.actor, ref.refundId);
    if (view === undefined)
      return sendProblem(reply, problem(404, 'refund.not_found', 'no such refund'));
    return reply.code(stored.status).send(view);
  }
  const loaded = await runtime.service.get(ref.disputeId);
  const visible = loaded === undefined ? [] : evidenceFor(loaded.dispute, caller.actor);
  // The caller's own upload: resolveEvidence prefers it over another's file with the same id.
  const found = resolveEvidence(visible, caller.actor, ref.evidenceId);
  if (found.kind !== 'found')
    return sendProblem(
      reply,
      problem(404, 'evidence.not_found', 'no such evidence on this dispute'),
    );
  const evidence = found.evidence;
  const view = evidenceView(ref.disputeId, evidence, visible);
  return reply.code(stored.status).header('location', view.fileUrl).send(view);
}

async function replayChargeback(
  runtime: Runtime,
  reply: FastifyReply,
  ref: Extract<ReplayRef, { $replay: 'chargeback' }>,
  actor: Actor,
  stored: StoredResponse,
): Promise<FastifyReply> {
  const chargebackId = ref.chargebackId as ChargebackId;
  // The first attempt may have died between its commit and telling the order's disputes.
  await runtime.chargebacks.converge(chargebackId);
  const loaded = await runtime.chargebacks.get(chargebackId);
  if (loaded === undefined || !canSee(actor, loaded.chargeback))
    return sendProblem(reply, problem(404, 'chargeback.not_found', 'no such chargeback'));
  return reply.code(stored.status).send(chargebackView(loaded.chargeback, loaded.version));
}

function refOf(body: unknown): ReplayRef | undefined {
  if (typeof body !== 'object' || body === null || !('$replay' in body)) return undefined;
  return body as ReplayRef;
}
