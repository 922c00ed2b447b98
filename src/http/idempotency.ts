// The Idempotency-Key header on every POST: a retried request gets the first response back
// instead of doing the work twice. Responses of 2xx and 4xx are stored (Stripe's rule: the
// request ran); a 5xx releases the key so a retry can run.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IDEMPOTENCY_KEY_LENGTH_MAX, Idempotency } from '../service/idempotency.ts';
import type { App, AppDeps } from './app.ts';
import { callerKey } from './caller.ts';
import { problem, sendProblem } from './problem.ts';

const HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]+$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { caller: string; key: string } | undefined;
  }
}

export function registerIdempotency(app: App, { runtime }: AppDeps): void {
  const keys = new Idempotency(runtime.store, runtime.clock);

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
    const caller = callerKey(request.caller);
    // Uploads stream their body past this hook: their fingerprint is the declared length.
    const body = (request.headers['content-type'] ?? '').startsWith('multipart/')
      ? `multipart:${request.headers['content-length'] ?? ''}`
      : JSON.stringify(request.body ?? null);
    const outcome = await keys.begin(
      caller,
      key,
      Idempotency.hash(request.method, request.url, body),
    );
    switch (outcome.kind) {
      case 'new':
        request.idempotency = { caller, key };
        return;
      case 'replay':
        reply.header('idempotent-replayed', 'true');
        return reply
          .code(outcome.status)
          .type(outcome.status >= 400 ? 'application/problem+json' : 'application/json')
          .send(outcome.body);
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
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const ref = request.idempotency;
    if (ref === undefined) return payload;
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
      // Non-JSON bodies (HTML case files) are stored as text.
    }
    await keys.complete(ref.caller, ref.key, reply.statusCode, body);
    return payload;
  });
}
