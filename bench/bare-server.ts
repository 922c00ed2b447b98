// The P4 baseline: a bare Fastify server answering GET /v1/disputes/:disputeId with the bytes of
// a real dispute view (read from the file given as argument), with the real content type. What
// Settle spends above this is its own (session check, reads, view building, serialisation).
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body = readFileSync(process.argv[2] ?? '', 'utf8');
const app = Fastify({ logger: false });
app.get('/v1/disputes/:disputeId', async (_request, reply) =>
  reply.type('application/json; charset=utf-8').send(body),
);
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`bare listening on ${address}\n`);
