// Statements per dispute command over HTTP (issue 9, P1/P2): the real app in process
// (`app.inject`), a message, an offer and its acceptance, each with and without an
// Idempotency-Key, on PGlite and PostgreSQL. Prints every statement a request ran (the store's
// query log) and how often it read the dispute clock (a statement of its own in production,
// where the clock is the database's). For decisions, not a figure: it never asserts.
//
//   node bench/command-statements.ts [--sql]     (--sql prints each statement's SQL)
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { money } from '../src/domain/index.ts';
import { CheckpointSigner } from '../src/service/audit/checkpoint.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { type ApiWorld, apiWorld } from '../test/support/api.ts';
import { dropSchema, postgresUrl, uniqueSchemaName } from '../test/support/postgres.ts';

const PRINT_SQL = process.argv.includes('--sql');
const statements: string[] = [];
let recording = false;

for (const db of ['pglite', 'postgres'] as const) {
  const schema = uniqueSchemaName('stmts');
  const store = await openDatabase({
    ...(db === 'postgres' ? { databaseUrl: postgresUrl, schema } : { memory: true }),
    log: (sql) => {
      if (recording) statements.push(sql);
    },
  });
  await migrate(store);
  const { privateKey } = generateKeyPairSync('ed25519');
  const w = await apiWorld(() => store, { signer: new CheckpointSigner(privateKey) });
  let clockReads = 0;
  const now = w.clock.now.bind(w.clock);
  w.clock.now = () => {
    if (recording) clockReads += 1;
    return now();
  };
  const buyer = await w.as('buyer');
  const seller = await w.as('seller');
  console.log(`\n== ${db} ==`);
  for (const keyed of [false, true]) {
    const disputeId = await open(w);
    const post = async (
      name: string,
      url: string,
      headers: Record<string, string>,
      payload: object,
    ) => {
      const h = keyed ? { ...headers, 'idempotency-key': randomUUID() } : headers;
      statements.length = 0;
      clockReads = 0;
      recording = true;
      const res = await w.app.inject({ method: 'POST', url, headers: h, payload });
      recording = false;
      if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
      const counted = statements.filter((s) => !/^(begin|commit|rollback)/i.test(s)).length;
      console.log(
        `${name}${keyed ? ' (keyed)' : ''}: ${counted} statements + begin/commit, ` +
          `${clockReads} clock reads`,
      );
      if (PRINT_SQL) for (const s of statements) console.log(`   ${s.slice(0, 160)}`);
    };
    const base = `/v1/disputes/${disputeId}`;
    await post('message', `${base}/messages`, buyer, { messageId: randomUUID(), body: 'hello' });
    const offerId = randomUUID();
    await post('offer', `${base}/offers`, seller, {
      offerId,
      terms: { kind: 'refund', amount: { minor: '1500', currency: 'USD' } },
    });
    await post('accept', `${base}/offers/${offerId}/accept`, buyer, {});
  }
  await w.close();
  await store.close();
  if (db === 'postgres') await dropSchema(postgresUrl, schema);
}

async function open(w: ApiWorld) {
  const disputeId = w.disputeId();
  const opened = await w.service.open(w.buyer, {
    disputeId,
    orderId: await w.newOrder(),
    reason: 'damaged',
    request: { kind: 'refund', amount: money(2_000, 'USD') },
    description: 'the speaker arrived cracked',
  });
  if (!opened.ok) throw new Error(opened.rejection.code);
  return disputeId;
}
