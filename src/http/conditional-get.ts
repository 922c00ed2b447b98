// Conditional GET for lists that change under the reader (the console's inbox, its counts): the
// answer carries a strong ETag of its bytes, and a repeat that names it in If-None-Match gets 304
// with no body. Polling clients (the browser revalidates `no-cache` answers by itself) then move
// a few hundred bytes instead of the page when nothing changed, whichever instance answers: the
// ETag depends only on what is in PostgreSQL, not on the instance's memory.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagOf, matchesEtag } from './views/view-cache.ts';

export async function conditionalGet(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (request.method !== 'GET' || reply.statusCode !== 200) return payload;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  const etag = etagOf(Buffer.isBuffer(payload) ? payload : Buffer.from(payload));
  reply.header('etag', etag).header('cache-control', 'private, no-cache');
  if (!matchesEtag(request.headers['if-none-match'], etag)) return payload;
  reply.code(304).removeHeader('content-type').removeHeader('content-length');
  return '';
}
