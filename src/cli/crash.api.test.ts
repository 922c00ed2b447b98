// Goal: an acknowledged or committed write is never lost nor done twice across a kill -9. The
// real `settle serve` (PGlite and PostgreSQL) takes keyed writes that move money and keyed
// messages: each cycle the integration feeds fresh orders, buyers open disputes on them, the
// seller counters the disputes opened a cycle earlier with a smaller refund, buyers accept the
// counters made a cycle earlier (the refund moves money) and post messages, and the integration
// reports a chargeback and records the one reported a cycle earlier as lost. The server is
// SIGKILLed at a random moment, restarts, and every request of the cycle is retried with its key:
// an acknowledged one replays its original status, one never acknowledged answers the same 2xx
// (it committed and replays, or it never did and runs fresh). At the end every request is
// retried once more (all replay), each dispute has exactly one refund transaction of the
// counter's amount and each lost chargeback one chargeback transaction, each message is stored
// once, and `settle ledger check` and `settle audit verify` pass. SETTLE_CRASH_CYCLES sets the
// kills per database (`npm run soak` runs 100).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
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
import { loadConfig } from '../service/config.ts';
import { openStore } from '../service/runtime.ts';

// Each cycle costs a restart (about a second since start-up got fast, more on a busy machine):
// 10 per database is what issue 9 asks of `npm test`; `npm run soak` runs 100.
const CYCLES = Number(process.env.SETTLE_CRASH_CYCLES ?? 10);
const ORDERS_PER_CYCLE = 3;
const MESSAGES_PER_DISPUTE = 2;
const PAID = '2000';
const COUNTER = '1500';
const SELLER = 'demo-shop-cn';
const BUYER = 'demo-buyer-us';
const PASSWORD = 'demo-password';
/** After the chosen number of answers, the kill waits up to this long (mid-commit, often). */
const KILL_JITTER_MS = 25;

type Who = 'buyer' | 'seller' | 'integration';

interface Keyed {
  readonly what: string;
  readonly who: Who;
  readonly path: string;
  readonly body: unknown;
  readonly key: string;
  /** The status the command answers when it runs (and replays ever after). */
  readonly status: 200 | 201;
}

interface Case {
  readonly orderId: string;
  readonly disputeId: string;
  readonly counterId: string;
  readonly messages: string[];
}

async function crashAndRetry(env: Record<string, string>): Promise<void> {
  const key = await integrationKey(env);
  const integration = { authorization: `Bearer ${key}` };
  let server: Server = await startServe(env);
  try {
    const as: Record<Who, Headers> = {
      buyer: await signIn(server.url, `${BUYER}@example.com`, PASSWORD),
      seller: await signIn(server.url, `seller@${SELLER}.example`, PASSWORD),
      integration,
    };
    const send = (url: string, k: Keyed) =>
      call(url, 'POST', k.path, { ...as[k.who], 'idempotency-key': k.key }, k.body);
    const run = randomUUID().slice(0, 8);
    const cases: Case[] = [];
    const sent: Keyed[] = [];
    let opened: Case[] = [];
    let countered: Case[] = [];
    let reported: string | undefined;

    /** Fires `batch` at once; with `kill`, SIGKILLs the server mid-way, restarts and retries. */
    async function cycle(batch: Keyed[], label: string, kill: boolean): Promise<void> {
      sent.push(...batch);
      const url = server.url;
      // The kill comes after a random number of the batch's answers (none to all but one), so
      // each cycle has acknowledged writes, writes committing as it lands, and writes not begun.
      const killAfter = Math.floor(Math.random() * batch.length);
      let answered = 0;
      let killAt: () => void = () => {};
      const killTime = new Promise<void>((resolve) => {
        killAt = resolve;
      });
      if (killAfter === 0) killAt();
      const answers = batch.map((k) =>
        send(url, k)
          .catch((): Answer | undefined => undefined)
          .finally(() => {
            answered += 1;
            if (answered === killAfter) killAt();
          }),
      );
      if (kill) {
        await killTime;
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * KILL_JITTER_MS)));
        await stopServe(server, 'SIGKILL');
      }
      const first = await Promise.all(answers);
      if (!kill) {
        for (const [i, k] of batch.entries())
          expect(first[i]?.status, `${k.what} (${label}): ${JSON.stringify(first[i]?.body)}`).toBe(
            k.status,
          );
        return;
      }
      server = await startServe(env);
      // Every request of the cycle retried at once, as the clients whose connections dropped
      // would: a retry racing another retry must still replay or run once.
      const retries = await Promise.all(batch.map((k) => send(server.url, k)));
      for (const [i, k] of batch.entries()) {
        const acked = first[i];
        const retry = retries[i] as Answer;
        // Only a dropped connection may go unanswered; anything answered is the command's outcome.
        if (acked !== undefined)
          expect(acked.status, `${k.what} (${label}) first: ${JSON.stringify(acked.body)}`).toBe(
            k.status,
          );
        const why = `${k.what} (${label}, first ${acked?.status ?? 'unanswered'}): ${JSON.stringify(retry.body)}`;
        expect(retry.status, why).toBe(k.status);
        if (acked !== undefined) expect(retry.replayed, why).toBe(true);
      }
    }

    const steps = (): Keyed[] => {
      const batch: Keyed[] = [];
      // The processor's decision on the chargeback reported a cycle earlier: it takes the money.
      if (reported !== undefined)
        batch.push({
          what: `outcome of ${reported}`,
          who: 'integration',
          path: `/v1/chargebacks/${reported}/outcome`,
          body: { outcome: 'lost' },
          key: randomUUID(),
          status: 200,
        });
      for (const c of countered)
        batch.push({
          what: `accept ${c.counterId}`,
          who: 'buyer',
          path: `/v1/disputes/${c.disputeId}/offers/${c.counterId}/accept`,
          body: {},
          key: randomUUID(),
          status: 200,
        });
      for (const c of opened) {
        batch.push({
          what: `counter on ${c.disputeId}`,
          who: 'seller',
          path: `/v1/disputes/${c.disputeId}/offers/${c.disputeId}.request/reject`,
          body: {
            reason: 'a partial refund is fair',
            counter: {
              offerId: c.counterId,
              terms: { kind: 'refund', amount: { minor: COUNTER, currency: 'USD' } },
            },
          },
          key: randomUUID(),
          status: 200,
        });
        for (let m = 0; m < MESSAGES_PER_DISPUTE; m++) {
          const messageId = randomUUID();
          c.messages.push(messageId);
          batch.push({
            what: `message ${messageId}`,
            who: 'buyer',
            path: `/v1/disputes/${c.disputeId}/messages`,
            body: { messageId, body: `crash test ${messageId}` },
            key: randomUUID(),
            status: 200,
          });
        }
      }
      return batch;
    };

    // One more order a cycle takes a chargeback instead of a dispute.
    const chargebacks = Array.from({ length: CYCLES }, (_, n) => `cb-${run}-${n}`);
    const planned: Case[][] = Array.from({ length: CYCLES }, (_, n) =>
      Array.from({ length: ORDERS_PER_CYCLE }, (_, o) => {
        const orderId = `crash-${run}-${n}-${o}`;
        return { orderId, disputeId: `dsp-${orderId}`, counterId: `ctr-${orderId}`, messages: [] };
      }),
    );
    // The integration feeds every cycle's orders first, all at once, each acknowledged before
    // any kill.
    const orderIds = [...planned.flat().map((c) => c.orderId), ...chargebacks];
    await Promise.all(
      orderIds.map((orderId) =>
        feedDeliveredOrder(server.url, integration, {
          orderId,
          sellerId: SELLER,
          buyerId: BUYER,
          minor: PAID,
        }),
      ),
    );
    for (const [n, fresh] of planned.entries()) {
      const batch = steps();
      for (const c of fresh)
        batch.push({
          what: `open ${c.disputeId}`,
          who: 'buyer',
          path: '/v1/disputes',
          body: {
            disputeId: c.disputeId,
            orderId: c.orderId,
            reason: 'damaged',
            request: { kind: 'refund', amount: { minor: PAID, currency: 'USD' } },
            description: 'arrived cracked',
          },
          key: randomUUID(),
          status: 201,
        });
      const chargebackId = chargebacks[n] as string;
      batch.push({
        what: `report ${chargebackId}`,
        who: 'integration',
        path: '/v1/chargebacks',
        body: { chargebackId, orderId: chargebackId, amount: { minor: PAID, currency: 'USD' } },
        key: randomUUID(),
        status: 201,
      });
      await cycle(batch, `cycle ${n}`, true);
      cases.push(...fresh);
      countered = opened;
      opened = fresh;
      reported = chargebackId;
    }
    // The last disputes and chargeback finish without a kill.
    await cycle(steps(), 'drain 1', false);
    countered = opened;
    opened = [];
    reported = undefined;
    await cycle(steps(), 'drain 2', false);

    // Every request ever sent, once more: all replay their outcome.
    for (const k of sent) {
      const again = await send(server.url, k);
      expect([again.status, again.replayed], `${k.what}: ${JSON.stringify(again.body)}`).toEqual([
        k.status,
        true,
      ]);
    }
    for (const c of cases) {
      const view = await call(server.url, 'GET', `/v1/disputes/${c.disputeId}`, as.buyer);
      const d = view.body as {
        status: string;
        refunded: { minor: string };
        messages: { body: string }[];
        ledger: { kind: string; postings: { amountMinor: string }[] }[];
      };
      expect(view.status, JSON.stringify(d)).toBe(200);
      // No money effect twice: one refund transaction, of the counter's amount.
      expect(
        d.ledger.filter((t) => t.kind === 'refund'),
        c.disputeId,
      ).toHaveLength(1);
      expect(d.refunded.minor, c.disputeId).toBe(COUNTER);
      for (const m of c.messages)
        expect(
          d.messages.filter((x) => x.body === `crash test ${m}`),
          m,
        ).toHaveLength(1);
    }
    await stopServe(server, 'SIGTERM');

    // Straight from the ledger: one refund per dispute, one chargeback per lost chargeback.
    const store = await openStore(loadConfig({ ...process.env, ...env }));
    try {
      const rows = await store.db
        .selectFrom('ledger_transactions')
        .select(['order_id', 'kind'])
        .where((eb) =>
          eb.or([eb('order_id', 'like', `crash-${run}-%`), eb('order_id', 'like', `cb-${run}-%`)]),
        )
        .where('kind', 'in', ['refund', 'chargeback'])
        .execute();
      const moved = rows.map((r) => `${r.kind} ${r.order_id}`).sort();
      const expected = [
        ...chargebacks.map((id) => `chargeback ${id}`),
        ...cases.map((c) => `refund ${c.orderId}`),
      ].sort();
      expect(moved).toEqual(expected);
    } finally {
      await store.close();
    }
    for (const args of [
      ['ledger', 'check'],
      ['audit', 'verify'],
    ]) {
      const check = await settleCli(args, env);
      expect(check.status, `${args.join(' ')}: ${check.stderr}${check.stdout}`).toBe(0);
    }
  } finally {
    await stopServe(server, 'SIGKILL');
  }
}

// The two databases run side by side: most of a cycle is waiting for a restart.
describe.concurrent('kill -9 under keyed money-moving writes', () => {
  it('PGlite: every keyed write retried after kill -9 answers its outcome, done once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'settle-crash-'));
    try {
      await crashAndRetry({
        SETTLE_DATA_DIR: dataDir,
        DATABASE_URL: '',
        SETTLE_DEMO_SIMULATION: '0',
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 3_600_000);

  it.skipIf(!postgresProbe.reachable && !postgresRequired)(
    'PostgreSQL: every keyed write retried after kill -9 answers its outcome, done once',
    async () => {
      const database = `settle_crash_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      await withRawPg(postgresUrl, (c) =>
        c.query(`create database ${pg.escapeIdentifier(database)}`),
      );
      const url = new URL(postgresUrl);
      url.pathname = `/${database}`;
      const dataDir = mkdtempSync(join(tmpdir(), 'settle-crash-pg-'));
      try {
        await crashAndRetry({
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
});
