// Every error leaves as problem+json: schema violations and malformed JSON are 400, oversize
// bodies 413, unknown routes 404, rate limits 429, a write that lost every retry to other writers
// 503 with Retry-After; anything else is a bug, logged, and a 500
// that says nothing about internals.
import type { FastifyError, FastifyInstance } from 'fastify';
import { ConflictError } from '../service/errors.ts';
import { problem, sendProblem } from './problem.ts';
import { UNSTORABLE_TEXT_KEYWORD } from './storable-text.ts';

export function registerErrors(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    sendProblem(
      reply,
      problem(404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`),
    );
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation !== undefined) {
      const first = error.validation[0];
      const where = error.validationContext ?? 'body';
      const path = first?.instancePath
        ? `${where}${first.instancePath.replaceAll('/', '.')}`
        : where;
      if (first?.keyword === UNSTORABLE_TEXT_KEYWORD) {
        // Well-formed JSON the database cannot hold: a content problem, like control characters.
        const field = first.instancePath.slice(1).replaceAll('/', '.');
        return sendProblem(
          reply,
          problem(422, 'input.invalid', `${path} ${first.message}`, {
            facts: { field: field === '' ? where : field },
          }),
        );
      }
      const detail =
        first?.keyword === 'additionalProperties'
          ? `${path} has an unknown field ${JSON.stringify((first.params as { additionalProperty?: string }).additionalProperty)}`
          : `${path} ${first?.message ?? 'is invalid'}`;
      return sendProblem(
        reply,
        problem(400, 'request.invalid', detail, {
          errors: error.validation.map((v) => ({
            path: `${where}${v.instancePath}`,
            message: v.message,
          })),
        }),
      );
    }
    // Writers kept beating this one to the dispute: nothing was written, a retry will get in.
    if ((error as unknown) instanceof ConflictError) {
      reply.header('retry-after', '1');
      return sendProblem(
        reply,
        problem(
          503,
          'dispute.busy',
          'the dispute is being changed by other requests; nothing was done, retry shortly',
        ),
      );
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendProblem(
        reply,
        problem(413, 'request.too_large', 'the request body is larger than allowed'),
      );
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendProblem(
        reply,
        problem(
          415,
          'request.unsupported_media_type',
          'send application/json (or multipart/form-data for uploads)',
        ),
      );
    if (error.code === 'request.too_deep')
      return sendProblem(reply, problem(400, 'request.too_deep', error.message));
    if (
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      (status === 400 && error instanceof SyntaxError)
    ) {
      return sendProblem(
        reply,
        problem(400, 'request.malformed_json', 'the body is not valid JSON'),
      );
    }
    if (status === 429) return sendProblem(reply, problem(429, 'rate_limited', error.message));
    if (status >= 400 && status < 500)
      return sendProblem(reply, problem(status, 'request.invalid', error.message));
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      problem(500, 'internal', 'something went wrong on our side; it has been logged'),
    );
  });
}
