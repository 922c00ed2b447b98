// Statements per dispute command over HTTP (issue 9, P1/P2): the real app in process
// (`app.inject`), a message, an offer and its acceptance, each with and without an
// Idempotency-Key, on PGlite and PostgreSQL. Prints every statement a request ran (the store's
// query log) and how often it read the dispute clock (a statement of its own in production,
// where the clock is the database's). For decisions, not a figure: it never asserts.
//
//   node bench/command-statements.ts [--sql]     (--sql prints each statement's SQL)
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { money } from '../src/domain/index.ts';
import { CheckpointSigner } from '../src/service/audit/checkpoint.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { type ApiWorld, apiWorld } from '../test/support/api.ts';
import { dropSchema, postgresUrl, uniqueSchemaName } from '../test/support/postgres.ts';

const PRINT_SQL = process.argv.includes('--sql');
const statements: string[] = [];
let recording = false;
let last = new Map<string, { ins: number; upd: number }>();

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
    if (db === 'postgres') await rowsWritten(w);
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
      if (db === 'postgres') console.log(`   rows: ${await rowsWritten(w)}`);
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

/**
 * Rows inserted and updated per table since the last call (PostgreSQL's statistics: flushed at
 * most a second after a transaction ends, hence the wait).
 */
async function rowsWritten(w: ApiWorld): Promise<string> {
  await new Promise((r) => setTimeout(r, 1_200));
  const { rows } = await sql<{ relname: string; ins: string; upd: string }>`
    select relname, n_tup_ins::text as ins, n_tup_upd::text as upd from pg_stat_user_tables
    where schemaname = current_schema()`.execute(w.store.db);
  const now = new Map(rows.map((r) => [r.relname, { ins: Number(r.ins), upd: Number(r.upd) }]));
  const out: string[] = [];
  for (const [table, n] of now) {
    const before = last.get(table) ?? { ins: 0, upd: 0 };
    const ins = n.ins - before.ins;
    const upd = n.upd - before.upd;
    if (ins > 0 || upd > 0) out.push(`${table} +${ins}/~${upd}`);
  }
  last = now;
  return out.join(', ');
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
