// The Idempotency-Key header on every POST: a retried request gets the first outcome back
// instead of doing the work twice. Outcomes of 2xx and 4xx are kept (Stripe's rule: the request
// ran); a 5xx keeps nothing, so a retry runs.
//
// Routes whose write is a dispute or chargeback command (config.idempotency 'in_transaction' or
// 'upload') store their outcome in the command's own transaction, compactly: the status and a
// reference (replay.ts rebuilds the body, as the resource now is), or the problem body. Other
// routes claim the key here before running and store the response after it (onSend).
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  IDEMPOTENCY_KEY_LENGTH_MAX,
  Idempotency,
  type IdempotencyOutcome,
  KeyAlreadyUsed,
  type KeyScope,
  RESPONSE_BODY_BYTES_MAX,
  type StoredResponse,
} from '../service/idempotency.ts';
import type { Runtime } from '../service/runtime.ts';
import type { App, AppDeps } from './app.ts';
import { callerKey } from './caller.ts';
import { problem, sendProblem } from './problem.ts';
import { replayResponse } from './replay.ts';

const HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]+$/;

/**
 * How a route holds its key (see the file comment). 'off': the answer carries a one-time secret
 * that must not be kept in clear (a sign-in link); a retry simply makes another.
 */
export type KeyMode = 'claim' | 'in_transaction' | 'upload' | 'off';

export interface RequestKey {
  readonly caller: string;
  readonly key: string;
  readonly mode: KeyMode;
  /** Unset for uploads until the route has read (and hashed) the body. */
  readonly requestHash?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: RequestKey | undefined;
  }
  interface FastifyContextConfig {
    idempotency?: KeyMode;
  }
}

const keysByRuntime = new WeakMap<Runtime, Idempotency>();
function keysOf(runtime: Runtime): Idempotency {
  let keys = keysByRuntime.get(runtime);
  if (keys === undefined) {
    keys = new Idempotency(runtime.store, runtime.clock);
    keysByRuntime.set(runtime, keys);
  }
  return keys;
}

export function registerIdempotency(app: App, { runtime }: AppDeps): void {
  const keys = keysOf(runtime);

  // preHandler runs after authentication (onRequest) and validation: an anonymous caller never
  // reaches any key work, and only a body the route accepts is hashed.
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'POST') return;
    const key = request.headers[HEADER];
    if (key === undefined) return;
    if (typeof key !== 'string' || key.length > IDEMPOTENCY_KEY_LENGTH_MAX || !KEY.test(key)) {
      return sendProblem(
        reply,
        problem(
          400,
          'idempotency.invalid_key',
          `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_LENGTH_MAX} printable characters`,
        ),
      );
    }
    // Keys are per caller; an anonymous caller changes nothing a key could protect (the route
    // answers 401, or signs in, which a retry may simply do again).
    if (request.caller.kind === 'anonymous') return;
    const caller = callerKey(request.caller);
    const mode = request.routeOptions.config?.idempotency ?? 'claim';
    if (mode === 'off') return;
    if (mode === 'upload') {
      request.idempotency = { caller, key, mode };
      return;
    }
    const requestHash = Idempotency.hash(
      request.method,
      request.url,
      JSON.stringify(request.body ?? null),
    );
    // A command's key is claimed in its own transaction, which answers a used key (replay,
    // 422, or after waiting for a request still running, its outcome) through runKeyed; a look
    // here first would cost every request two statements to spare a retry one transaction.
    if (mode === 'in_transaction') {
      request.idempotency = { caller, key, mode, requestHash };
      return;
    }
    const outcome = await keys.begin(caller, key, requestHash);
    if (outcome.kind === 'new') {
      request.idempotency = { caller, key, mode, requestHash };
      return;
    }
    return answerUsedKey(runtime, request, reply, outcome);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const ref = request.idempotency;
    if (ref === undefined || ref.mode !== 'claim') return payload;
    request.idempotency = undefined;
    if (reply.statusCode >= 500) {
      await keys.release(ref.caller, ref.key);
      return payload;
    }
    const text =
      typeof payload === 'string'
        ? payload
        : Buffer.isBuffer(payload)
          ? payload.toString('utf8')
          : undefined;
    if (text === undefined) {
      await keys.release(ref.caller, ref.key);
      return payload;
    }
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Non-JSON bodies are stored as text.
    }
    // The write has committed: storing its outcome must not fail the answer. A body too big to
    // keep is replaced by a note (the status still replays, the work is not done again).
    if (Buffer.byteLength(text) > RESPONSE_BODY_BYTES_MAX)
      body = { note: 'the original response was too large to keep; read the resource again' };
    await keys.complete(ref.caller, ref.key, reply.statusCode, body);
    return payload;
  });
}

/**
 * The key scope a dispute-service command carries into its transaction, or undefined when the
 * request has no key. `respond` maps the command's outcome to what a retry gets back.
 */
export function keyScope<W>(
  request: FastifyRequest,
  respond: (outcome: W) => StoredResponse,
): KeyScope<W> | undefined {
  const ref = request.idempotency;
  if (ref === undefined || ref.mode === 'claim' || ref.requestHash === undefined) return undefined;
  return { caller: ref.caller, key: ref.key, requestHash: ref.requestHash, respond };
}

/**
 * For uploads: the request's hash is known once the body is read. Sets it, and answers (replay,
 * 422 for another body, 409 in flight) when the key was already used; true when it did.
 */
export async function checkUploadKey(
  runtime: Runtime,
  request: FastifyRequest,
  reply: FastifyReply,
  requestHash: string,
): Promise<boolean> {
  const ref = request.idempotency;
  if (ref === undefined || ref.mode !== 'upload') return false;
  request.idempotency = { ...ref, requestHash };
  const outcome = await keysOf(runtime).peek(ref.caller, ref.key, requestHash);
  if (outcome.kind === 'absent') return false;
  await answerUsedKey(runtime, request, reply, outcome);
  return true;
}

/**
 * Runs a keyed command; when the key turns out to be used inside the transaction (a request
 * with it committed first), answers as a retry would be answered instead.
 */
export async function runKeyed<T>(
  runtime: Runtime,
  request: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<T>,
): Promise<T | FastifyReply> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof KeyAlreadyUsed)) throw error;
    return answerUsedKey(runtime, request, reply, error.outcome);
  }
}

async function answerUsedKey(
  runtime: Runtime,
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: Exclude<IdempotencyOutcome, { kind: 'new' }>,
): Promise<FastifyReply> {
  switch (outcome.kind) {
    case 'replay':
      reply.header('idempotent-replayed', 'true');
      return replayResponse(runtime, request, reply, outcome);
    case 'mismatch':
      return sendProblem(
        reply,
        problem(
          422,
          'idempotency.key_reused',
          'this Idempotency-Key was used with a different request',
        ),
      );
    case 'in_flight':
      return sendProblem(
        reply,
        problem(
          409,
          'idempotency.in_flight',
          'a request with this Idempotency-Key is still running; retry shortly',
        ),
      );
  }
}
