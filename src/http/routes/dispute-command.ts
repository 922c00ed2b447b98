// The path every dispute action takes: who is calling, may they see this dispute (404 if
// not), the engine's decision (problem+json if refused), and the updated view for them.
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type Actor,
  type Dispute,
  type DisputeCommand,
  type DisputeId,
  type Instant,
  viewerActions,
} from '../../domain/index.ts';
import { readerOfParties, viewerOf } from '../../service/dispute-case.ts';
import {
  loadViewCase,
  readDisputeHead,
  readDisputeState,
} from '../../service/dispute-view-data.ts';
import type { Runtime } from '../../service/runtime.ts';
import type { Caller } from '../caller.ts';
import { keyScope, runKeyed } from '../idempotency.ts';
import { problem, rejectionProblem, sendProblem, sendRejection } from '../problem.ts';
import { disputeResponse, problemResponse } from '../replay.ts';
import { disputeView } from '../views/dispute-view.ts';
import { matchesEtag, viewCache } from '../views/view-cache.ts';

/** The engine actor behind a caller, or a reply already sent (401) when there is none. */
export function actorOf(caller: Caller, reply: FastifyReply): Actor | undefined {
  if (caller.kind === 'anonymous') {
    sendProblem(reply, problem(401, 'auth.required', 'sign in or send an API key'));
    return undefined;
  }
  return caller.actor;
}

/**
 * Answers with the dispute's view for `actor` (404 when they may not see it). The view comes
 * from the per-process cache when the dispute's version, the viewer and what they may do now
 * all match; `written` (a command's result) renders from what was just written, not reloaded.
 * A GET naming the view's ETag in If-None-Match gets 304 and no body.
 */
export async function sendDisputeView(
  runtime: Runtime,
  reply: FastifyReply,
  disputeId: string,
  actor: Actor,
  status = 200,
  written?: {
    readonly dispute: Dispute;
    readonly version: number;
    readonly events?: readonly { readonly at: Instant }[];
  },
) {
  const notFound = () => sendProblem(reply, problem(404, 'dispute.not_found', 'no such dispute'));
  const cache = viewCache(runtime);
  let head: { version: number; buyerId: string; sellerId: string; now: Instant } | undefined;
  if (written === undefined) {
    head = await readDisputeHead(runtime.store, runtime.clock, disputeId);
  } else {
    const { order } = written.dispute;
    // What the viewer may do is judged at the command's own time (its events carry it), not at
    // a second read of the clock: with the database's clock that read is a round trip.
    const now = written.events?.at(-1)?.at ?? (await runtime.clock.now());
    head = { version: written.version, buyerId: order.buyerId, sellerId: order.sellerId, now };
    cache.putState(written.dispute, written.version);
  }
  if (head === undefined) return notFound();
  const viewer = readerOfParties(head, actorRef(actor));
  if (viewer.kind === 'none') return notFound();
  let version = head.version;
  let dispute = cache.state(disputeId, version);
  if (dispute === undefined) {
    const read = await readDisputeState(runtime.store, disputeId);
    if (read === undefined) return notFound();
    ({ dispute, version } = read);
    cache.putState(dispute, version);
  }
  const actions = viewerActions(dispute, actor, head.now);
  // Everything the bytes depend on: the dispute at this version, who looks (role, id and what
  // they may see), and what they may do now (the part of the view that moves with time).
  const key = [
    disputeId,
    version,
    actor.role,
    actor.role === 'system' ? '' : actor.id,
    viewer.kind === 'party' ? viewer.party : viewer.kind,
    JSON.stringify(actions),
  ].join('\u0000');
  let view = cache.get(key);
  if (view === undefined) {
    const c = await loadViewCase(runtime.store, dispute, version, viewer);
    reply.code(status);
    const text = reply.serialize(disputeView(c, viewer, actor, actions));
    view = cache.put(
      key,
      typeof text === 'string' ? Buffer.from(text) : Buffer.from(text as ArrayBuffer),
    );
  }
  reply.header('etag', view.etag).header('cache-control', 'private, no-cache');
  if (
    reply.request.method === 'GET' &&
    matchesEtag(reply.request.headers['if-none-match'], view.etag)
  )
    return reply.code(304).send();
  return reply.code(status).type('application/json; charset=utf-8').send(view.body);
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
    return sendDisputeView(runtime, reply, disputeId, actor, 200, written);
  });
}

export function actorRef(actor: Actor): { role: string; id?: string } {
  return actor.role === 'system' ? { role: 'system' } : { role: actor.role, id: actor.id };
}
