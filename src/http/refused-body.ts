// A request refused before its body was read (413 from Content-Length, a 401 or 404 on an
// upload) is still being sent by the client. Answering and closing at once makes the kernel
// reset the connection while body bytes are arriving, and a client busy writing then sees EPIPE
// or ECONNRESET and never reads the answer. So before such an answer leaves, the rest of the
// body is read and thrown away, up to a bound in bytes and in time; then the answer is sent
// and the connection closed cleanly. Past the bound the connection is cut: that client cannot
// be helped without reading without limit, which would let strangers make us read gigabytes.
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** The most of a refused body we read to let the client finish sending and read our answer. */
export const REFUSED_BODY_DRAIN_BYTES_MAX = 64 * 1024 * 1024;
export const REFUSED_BODY_DRAIN_MS = 30_000;

export function registerRefusedBodyDrain(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const raw = request.raw;
    if (raw.complete || raw.readableEnded || !hasBody(raw)) return payload;
    // The connection is not reused: what is left of this request's body is unknown.
    reply.header('connection', 'close');
    const declared = Number(raw.headers['content-length']);
    // Announced bigger than we would ever read: no point in waiting for any of it.
    if (declared > REFUSED_BODY_DRAIN_BYTES_MAX) return payload;
    await drain(raw);
    return payload;
  });
}

function hasBody(raw: IncomingMessage): boolean {
  const length = raw.headers['content-length'];
  return (length !== undefined && length !== '0') || raw.headers['transfer-encoding'] !== undefined;
}

/** Reads and discards the rest of the body; cuts the connection past the bounds. */
function drain(raw: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    let bytes = 0;
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const cut = () => {
      raw.socket?.destroy();
      done();
    };
    const timer = setTimeout(cut, REFUSED_BODY_DRAIN_MS);
    timer.unref();
    // A parser (multipart) may still be attached to the stream: it gets nothing more.
    raw.unpipe();
    raw.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > REFUSED_BODY_DRAIN_BYTES_MAX) cut();
    });
    raw.once('end', done);
    raw.once('close', done);
    raw.once('error', done);
    raw.resume();
  });
}
