// Where the server's CPU goes under the HTTP bench's loads (issue 9: "for every target missed,
// the profile that shows what bounds it"). Starts `settle serve` with `--cpu-prof`, seeds a few
// disputes through the API, waits, runs one autocannon load (GET one dispute view, or buyer
// messages) at c=16, stops the server, and prints the self time of the load's window by function
// and by package (start-up and seeding left out by time). Not part of `npm run bench`.
//
//   node bench/profile-http.ts [view|messages] [postgres|pglite] [seconds]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  call,
  feedDeliveredOrder,
  integrationKey,
  signIn,
  startServe,
  stopServe,
} from '../test/support/serve-process.ts';

const [load = 'view', db = 'postgres', secondsArg = '8'] = process.argv.slice(2);
const SECONDS = Number(secondsArg);
const URL_PG = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dataDir = mkdtempSync(join(tmpdir(), 'settle-profile-'));
const profDir = mkdtempSync(join(tmpdir(), 'settle-cpuprof-'));
const schema = `profile_${Date.now().toString(36)}`;
const env: Record<string, string> =
  db === 'postgres'
    ? { DATABASE_URL: URL_PG, SETTLE_SCHEMA: schema, SETTLE_DATA_DIR: dataDir }
    : { DATABASE_URL: '', SETTLE_DATA_DIR: dataDir };

const key = await integrationKey(env);
const server = await startServe({
  ...env,
  NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profDir} --cpu-prof-interval=500`,
});
let loadStart = 0;
let loadEnd = 0;
let stoppedAt = 0;
try {
  const integration = { authorization: `Bearer ${key}` };
  const buyer = await signIn(server.url, 'demo-buyer-us@example.com', 'demo-password');
  const ids: string[] = [];
  for (let i = 0; i < 16; i++) {
    const disputeId = `prof-${schema}-${i}`;
    const orderId = `order-${disputeId}`;
    await feedDeliveredOrder(server.url, integration, {
      orderId,
      sellerId: 'demo-shop-cn',
      buyerId: 'demo-buyer-us',
      minor: '2000',
    });
    const opened = await call(server.url, 'POST', '/v1/disputes', buyer, {
      disputeId,
      orderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: { minor: '2000', currency: 'USD' } },
      description: 'arrived cracked',
    });
    if (opened.status !== 201) throw new Error(`open: ${opened.status}`);
    ids.push(disputeId);
  }
  await new Promise((r) => setTimeout(r, 2_000));
  let next = 0;
  loadStart = performance.now();
  const result = await autocannon({
    url: server.url,
    connections: 16,
    duration: SECONDS,
    headers: { ...buyer, 'content-type': 'application/json' },
    requests: [
      load === 'view'
        ? { method: 'GET', path: `/v1/disputes/${ids[0]}` }
        : {
            method: 'POST',
            setupRequest: (req) => ({
              ...req,
              path: `/v1/disputes/${ids[next++ % ids.length]}/messages`,
              body: JSON.stringify({ messageId: crypto.randomUUID(), body: 'Any news?' }),
            }),
          },
    ],
  });
  loadEnd = performance.now();
  process.stdout.write(
    `${load} on ${db}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, ` +
      `${result.non2xx} non-2xx\n`,
  );
} finally {
  await stopServe(server, 'SIGTERM');
  stoppedAt = performance.now();
  if (db === 'postgres') {
    const client = new pg.Client({ connectionString: URL_PG });
    await client.connect();
    await client.query(`drop schema if exists ${pg.escapeIdentifier(schema)} cascade`);
    await client.end();
  }
  rmSync(dataDir, { recursive: true, force: true });
}

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
if (file === undefined) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  endTime: number;
};
rmSync(profDir, { recursive: true, force: true });
// The profile ends when the server exits, just after stoppedAt: the load is the window that
// ended (stoppedAt - loadEnd) before that and lasted (loadEnd - loadStart).
const windowEnd = profile.endTime - (stoppedAt - loadEnd) * 1_000;
const windowStart = windowEnd - (loadEnd - loadStart) * 1_000;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
let t = profile.endTime - profile.timeDeltas.reduce((a, b) => a + b, 0);
let total = 0;
for (const [i, id] of profile.samples.entries()) {
  const dt = profile.timeDeltas[i] ?? 0;
  t += dt;
  if (t < windowStart || t > windowEnd) continue;
  selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  total += dt;
}
const where = (n: Node) => {
  const url = n.callFrame.url;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m !== null) return m[1] as string;
  if (url.includes('/src/')) return `settle ${url.slice(url.indexOf('/src/') + 5).split('/')[0]}`;
  if (url.startsWith('node:')) return 'node';
  if (url.startsWith('wasm://')) return 'PostgreSQL in WebAssembly (PGlite)';
  return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : 'other';
};
const functions = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id) as Node;
  const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + us);
  packages.set(where(n), (packages.get(where(n)) ?? 0) + us);
}
const pct = (us: number) => `${((us / total) * 100).toFixed(1)}%`;
process.stdout.write(`\nself time in the load window (${(total / 1e6).toFixed(1)} s sampled):\n`);
for (const [name, us] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, 18))
  process.stdout.write(`  ${pct(us).padStart(6)}  ${name}\n`);
process.stdout.write('\ntop functions:\n');
for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25))
  process.stdout.write(`  ${pct(us).padStart(6)}  ${name}\n`);

// Who calls the three costliest functions (a native writev says little without its caller).
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
const top = [...functions]
  .sort((a, b) => b[1] - a[1])
  .filter(([n]) => !n.startsWith('('))
  .slice(0, 3);
for (const [name] of top) {
  const stacks = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id) as Node;
    if (label(n) !== name) continue;
    const chain: string[] = [];
    for (let p = parent.get(id); p !== undefined && chain.length < 12; p = parent.get(p))
      chain.push(label(byId.get(p) as Node));
    const k = chain.join(' < ');
    stacks.set(k, (stacks.get(k) ?? 0) + us);
  }
  process.stdout.write(`\n${name} is called from:\n`);
  for (const [k, us] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 3))
    process.stdout.write(`  ${pct(us).padStart(6)}  < ${k}\n`);
}
