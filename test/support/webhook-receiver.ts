// A real webhook receiver for tests: node:http on 127.0.0.1, port 0. It verifies every request
// with verifyWebhook (as an integrator would), records what arrived, and answers with the next
// scripted status (200 once the script runs out), so tests can make it fail on purpose.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type VerifyResult, verifyWebhook } from '../../src/service/webhooks/index.ts';

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly verified: VerifyResult;
  /** The parsed body; money amounts arrive as strings. */
  readonly json: { type: string; timestamp: string; data: Record<string, unknown> };
  /** The status sent back; 0 when the receiver did not answer. */
  readonly answeredWith: number;
}

/** A status, or a status with its body, or no answer at all (to test timeouts). */
export type Answer =
  | number
  | { readonly status: number; readonly body: string; readonly location?: string }
  | 'hang';

export interface Receiver {
  readonly url: string;
  readonly received: Received[];
  /** The subscription's secret, known once the subscription exists. */
  secret: string;
  /** Answers to give, in order; 200 after the last. */
  script(answers: readonly Answer[]): void;
  close(): Promise<void>;
}

/** `now` is the clock the sender signs with (the test's virtual clock), in epoch ms. */
export async function startReceiver(now: () => number): Promise<Receiver> {
  const answers: Answer[] = [];
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = answers.shift() ?? 200;
      const answeredWith =
        typeof answer === 'number' ? answer : answer === 'hang' ? 0 : answer.status;
      received.push({
        headers: request.headers,
        body,
        verified: verifyWebhook(receiver.secret, request.headers, body, now()),
        json: JSON.parse(body) as Received['json'],
        answeredWith,
      });
      if (answer === 'hang') return;
      const location =
        typeof answer === 'object' && answer.location !== undefined
          ? { location: answer.location }
          : {};
      response.writeHead(answeredWith, { 'content-type': 'text/plain', ...location });
      const text = answeredWith < 300 ? 'ok' : `receiver says no (${answeredWith})`;
      response.end(typeof answer === 'object' ? answer.body : text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    secret: '',
    script(next) {
      answers.push(...next);
    },
    async close() {
      // fetch keeps connections alive; close() alone would wait for them to idle out.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}
