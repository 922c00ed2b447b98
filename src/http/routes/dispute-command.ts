// The path every dispute action takes: who is calling, may they see this dispute (404 if
// not), the engine's decision (problem+json if refused), and the updated view for them.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, DisputeCommand, DisputeId } from '../../domain/index.ts';
import { loadDisputeCase, readerOf, viewerOf } from '../../service/dispute-case.ts';
import type { Runtime } from '../../service/runtime.ts';
import type { Caller } from '../caller.ts';
import { keyScope, runKeyed } from '../idempotency.ts';
import { problem, rejectionProblem, sendProblem, sendRejection } from '../problem.ts';
import { disputeResponse, problemResponse } from '../replay.ts';
import { disputeView } from '../views/dispute-view.ts';

/** The engine actor behind a caller, or a reply already sent (401) when there is none. */
export function actorOf(caller: Caller, reply: FastifyReply): Actor | undefined {
  if (caller.kind === 'anonymous') {
    sendProblem(reply, problem(401, 'auth.required', 'sign in or send an API key'));
    return undefined;
  }
  return caller.actor;
}

export async function sendDisputeView(
  runtime: Runtime,
  reply: FastifyReply,
  disputeId: string,
  actor: Actor,
  status = 200,
) {
  const c = await loadDisputeCase(runtime.store, disputeId);
  const viewer = c === undefined ? { kind: 'none' as const } : readerOf(c.dispute, actorRef(actor));
  if (c === undefined || viewer.kind === 'none')
    return sendProblem(reply, problem(404, 'dispute.not_found', 'no such dispute'));
  return reply.code(status).send(disputeView(c, viewer, actor, await runtime.clock.now()));
}

export async function runDisputeCommand(
  runtime: Runtime,
  request: FastifyRequest,
  reply: FastifyReply,
  disputeId: string,
  command: Exclude<DisputeCommand, { type: 'open' }>,
) {
  const actor = actorOf(request.caller, reply);
  if (actor === undefined) return reply;
  // Whether the caller may see the dispute is checked on the row the command locks (one read of
  // it): one it may not see answers 404 dispute.not_found, as one that does not exist.
  const ref = actorRef(actor);
  return runKeyed(runtime, request, reply, async () => {
    const written = await runtime.service.handle(
      disputeId as DisputeId,
      actor,
      command,
      keyScope(request, (w) =>
        w.ok ? disputeResponse(200, disputeId) : problemResponse(rejectionProblem(w.rejection)),
      ),
      { visible: (dispute) => viewerOf(dispute, ref).kind !== 'none' },
    );
    if (!written.ok) return sendRejection(reply, written.rejection);
    return sendDisputeView(runtime, reply, disputeId, actor);
  });
}

export function actorRef(actor: Actor): { role: string; id?: string } {
  return actor.role === 'system' ? { role: 'system' } : { role: actor.role, id: actor.id };
}
