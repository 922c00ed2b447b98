// A raw HTTP/1.1 client that keeps streaming a body the server has already refused, the way a
// simple client uploading a large file does: it writes the headers, then the whole body chunk by
// chunk, and only then reads the answer. It records whatever response bytes it can read before
// the connection ends. Write errors (EPIPE, ECONNRESET) are noted, not thrown: the question is
// whether the answer got through.
import { connect } from 'node:net';

export interface RawOutcome {
  /** Everything the server sent back, as text ('' when nothing arrived). */
  readonly response: string;
  readonly bytesWritten: number;
  readonly writeError?: string;
}

export interface RawUpload {
  readonly port: number;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** What Content-Length says, and how many body bytes are sent. */
  readonly bodyBytes: number;
  /** The body's first bytes (a multipart preamble, say); the rest is filler. */
  readonly prefix?: Buffer;
  readonly chunkBytes?: number;
}

export function rawUpload(u: RawUpload): Promise<RawOutcome> {
  const chunkBytes = u.chunkBytes ?? 64 * 1024;
  return new Promise((resolve) => {
    const socket = connect(u.port, '127.0.0.1');
    const received: Buffer[] = [];
    let bytesWritten = 0;
    let writeError: string | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const response = Buffer.concat(received).toString('latin1');
      resolve({ response, bytesWritten, ...(writeError === undefined ? {} : { writeError }) });
    };
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    // Nothing is read until the body is sent: a server that closes on an unread body resets the
    // connection, and the answer waiting in the buffer is lost, as such a client would lose it.
    socket.pause();
    socket.on('error', (error: NodeJS.ErrnoException) => {
      writeError ??= error.code ?? error.message;
      finish();
    });
    socket.on('close', finish);
    socket.on('connect', () => {
      const head = [
        `POST ${u.path} HTTP/1.1`,
        'host: 127.0.0.1',
        `content-length: ${u.bodyBytes}`,
        ...Object.entries(u.headers).map(([k, v]) => `${k}: ${v}`),
        '',
        '',
      ].join('\r\n');
      socket.write(head);
      const prefix = u.prefix ?? Buffer.alloc(0);
      const filler = Buffer.alloc(chunkBytes, 0x61);
      const pump = () => {
        if (bytesWritten >= u.bodyBytes) socket.resume();
        while (bytesWritten < u.bodyBytes && !socket.destroyed) {
          const chunk =
            bytesWritten < prefix.length
              ? prefix.subarray(bytesWritten, bytesWritten + chunkBytes)
              : filler.subarray(0, Math.min(chunkBytes, u.bodyBytes - bytesWritten));
          bytesWritten += chunk.length;
          if (!socket.write(chunk)) {
            socket.once('drain', pump);
            return;
          }
        }
        socket.resume();
      };
      pump();
    });
  });
}
