// Goal: two server processes on one PostgreSQL database never both win a race on a dispute. Two
// real `settle serve` (each its own port, each running its deadline runner) share a fresh
// database; for each of SETTLE_RACE_PAIRS disputes the buyer's accept of the seller's counter
// goes to one process and the buyer's cancel to the other at the same moment, each with its own
// Idempotency-Key. Exactly one of each pair answers 200 and the other a clear 409/422, the
// dispute ends as the winner says (accepted: one refund of the counter's amount; cancelled: no
// refund), and `settle ledger check` and `settle audit verify` pass. `npm run soak` runs 500.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import {
  postgresProbe,
  postgresRequired,
  postgresUrl,
  withRawPg,
} from '../../test/support/postgres.ts';
import {
  type Answer,
  call,
  feedDeliveredOrder,
  type Headers,
  integrationKey,
  type Server,
  settleCli,
  signIn,
  startServe,
  stopServe,
} from '../../test/support/serve-process.ts';

const PAIRS = Number(process.env.SETTLE_RACE_PAIRS ?? 60);
/** Pairs raced at once: enough to keep both processes and the database busy. */
const WAVE = 10;
const PAID = '2000';
const COUNTER = '1500';
const SELLER = 'demo-shop-cn';
const BUYER = 'demo-buyer-us';
const PASSWORD = 'demo-password';

/** Runs `work` over `items`, `width` at a time. */
async function inWaves<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width)
    out.push(...(await Promise.all(items.slice(i, i + width).map((x, j) => work(x, i + j)))));
  return out;
}

interface Raced {
  readonly disputeId: string;
  readonly accept: Answer;
  readonly cancel: Answer;
}

async function race(env: Record<string, string>): Promise<void> {
  const integration = { authorization: `Bearer ${await integrationKey(env)}` };
  const servers: Server[] = [];
  try {
    // One after the other: the first migrates and seeds the demo, the second finds it done.
    servers.push(await startServe(env));
    servers.push(await startServe(env));
    const [a, b] = servers as [Server, Server];
    const buyer = await signIn(a.url, `${BUYER}@example.com`, PASSWORD);
    const seller = await signIn(b.url, `seller@${SELLER}.example`, PASSWORD);
    const keyed = (h: Headers) => ({ ...h, 'idempotency-key': randomUUID() });
    const run = randomUUID().slice(0, 8);
    const disputes = Array.from({ length: PAIRS }, (_, i) => `race-${run}-${i}`);

    // Each dispute: a fed order, the buyer's full refund request, the seller's smaller counter.
    await inWaves(disputes, WAVE, async (id, i) => {
      const url = (i % 2 === 0 ? a : b).url;
      await feedDeliveredOrder(url, integration, {
        orderId: id,
        sellerId: SELLER,
        buyerId: BUYER,
        minor: PAID,
      });
      const opened = await call(url, 'POST', '/v1/disputes', keyed(buyer), {
        disputeId: id,
        orderId: id,
        reason: 'damaged',
        request: { kind: 'refund', amount: { minor: PAID, currency: 'USD' } },
        description: 'arrived cracked',
      });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      const countered = await call(
        url,
        'POST',
        `/v1/disputes/${id}/offers/${id}.request/reject`,
        keyed(seller),
        {
          reason: 'a partial refund is fair',
          counter: {
            offerId: `ctr-${id}`,
            terms: { kind: 'refund', amount: { minor: COUNTER, currency: 'USD' } },
          },
        },
      );
      expect(countered.status, JSON.stringify(countered.body)).toBe(200);
    });

    // The race: accept on one process, cancel on the other, sent together.
    const raced: Raced[] = await inWaves(disputes, WAVE, async (id, i) => {
      const [acceptOn, cancelOn] = i % 2 === 0 ? [a, b] : [b, a];
      const [accept, cancel] = await Promise.all([
        call(acceptOn.url, 'POST', `/v1/disputes/${id}/offers/ctr-${id}/accept`, keyed(buyer), {}),
        call(cancelOn.url, 'POST', `/v1/disputes/${id}/cancel`, keyed(buyer), {
          reason: 'changed my mind',
        }),
      ]);
      return { disputeId: id, accept, cancel };
    });

    let accepted = 0;
    for (const r of raced) {
      const statuses = [r.accept.status, r.cancel.status];
      const why = `${r.disputeId}: ${JSON.stringify([r.accept.body, r.cancel.body])}`;
      expect(
        statuses.filter((s) => s === 200),
        why,
      ).toHaveLength(1);
      const loser = r.accept.status === 200 ? r.cancel : r.accept;
      expect([409, 422], why).toContain(loser.status);
      const view = await call(a.url, 'GET', `/v1/disputes/${r.disputeId}`, buyer);
      const d = view.body as {
        status: string;
        refunded: { minor: string };
        ledger: { kind: string }[];
      };
      const refunds = d.ledger.filter((t) => t.kind === 'refund');
      if (r.accept.status === 200) {
        accepted += 1;
        expect([refunds.length, d.refunded.minor], why).toEqual([1, COUNTER]);
      } else {
        expect([d.status, refunds.length, d.refunded.minor], why).toEqual(['cancelled', 0, '0']);
      }
    }
    // How often each side won, for the reader of a soak run.
    console.info(`race: ${accepted} accepts won, ${PAIRS - accepted} cancels won`);

    await Promise.all(servers.map((s) => stopServe(s, 'SIGTERM')));
    for (const args of [
      ['ledger', 'check'],
      ['audit', 'verify'],
    ]) {
      const check = await settleCli(args, env);
      expect(check.status, `${args.join(' ')}: ${check.stderr}${check.stdout}`).toBe(0);
    }
  } finally {
    await Promise.all(servers.map((s) => stopServe(s, 'SIGKILL')));
  }
}

it.skipIf(!postgresProbe.reachable && !postgresRequired)(
  'PostgreSQL, two processes: each accept-versus-cancel pair has exactly one winner, money moves once',
  async () => {
    const database = `settle_race_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await withRawPg(postgresUrl, (c) =>
      c.query(`create database ${pg.escapeIdentifier(database)}`),
    );
    const url = new URL(postgresUrl);
    url.pathname = `/${database}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'settle-race-'));
    try {
      await race({
        DATABASE_URL: url.toString(),
        SETTLE_DATA_DIR: dataDir,
        SETTLE_DEMO_SIMULATION: '0',
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await withRawPg(postgresUrl, (c) =>
        c.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`),
      );
    }
  },
  3_600_000,
);
