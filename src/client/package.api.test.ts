// Goal (issue 10, item 13): a marketplace can use the typed client as a package. The test builds
// `@settle/client` as `npm run client:build` does (JS + .d.ts), installs it in a temporary
// consumer folder (its node_modules holding the package and openapi-fetch, nothing of Settle's
// sources), type-checks the example integration script there against the built declarations,
// and runs it with Node against a real `settle serve` (PGlite and PostgreSQL) with keys made by
// `settle apikey add`: it feeds a store, buyer and delivered order, opens a dispute as the buyer
// via act-as, the store's staff offer a refund, the buyer accepts, the refund is reported paid
// and the feed is followed to the resolution. A broken package, example or route fails it.
import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postgresProbe,
  postgresRequired,
  postgresUrl,
  withRawPg,
} from '../../test/support/postgres.ts';
import {
  type CliRun,
  runNode,
  settleCli,
  startServe,
  stopServe,
} from '../../test/support/serve-process.ts';
import { actAs, createSettleClient, followEvents, unwrap } from './index.ts';

const root = resolve(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

/** Node in `cwd` (the compiler, the consumer's script); the other database runs meanwhile. */
const run = (args: readonly string[], cwd: string, env: Record<string, string> = {}) =>
  runNode(args, { cwd, env, timeoutMs: 300_000 });

const ok = (what: string, r: CliRun) => {
  expect(r.status, `${what}:\n${r.stdout}${r.stderr}`).toBe(0);
  return r.stdout;
};

/** A consumer project: the built package and openapi-fetch in node_modules, the example beside. */
async function consumer(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'settle-client-consumer-'));
  const pkg = join(dir, 'node_modules/@settle/client');
  mkdirSync(pkg, { recursive: true });
  ok(
    'client build',
    await run([tsc, '-p', 'src/client/tsconfig.build.json', '--outDir', join(pkg, 'dist')], root),
  );
  copyFileSync(join(root, 'src/client/package.json'), join(pkg, 'package.json'));
  copyFileSync(join(root, 'src/client/README.md'), join(pkg, 'README.md'));
  symlinkSync(
    realpathSync(join(root, 'node_modules/openapi-fetch')),
    join(dir, 'node_modules/openapi-fetch'),
  );
  copyFileSync(join(root, 'src/client/examples/marketplace.ts'), join(dir, 'marketplace.ts'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  // What a marketplace's own strict TypeScript project would check against the .d.ts files.
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2023',
        lib: ['ES2023', 'DOM'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        verbatimModuleSyntax: true,
        erasableSyntaxOnly: true,
        noEmit: true,
        types: ['node'],
        typeRoots: [realpathSync(join(root, 'node_modules/@types'))],
      },
      files: ['marketplace.ts'],
    }),
  );
  return dir;
}

async function key(env: Record<string, string>, scope: string): Promise<string> {
  const out = ok(
    `apikey add ${scope}`,
    await settleCli(
      ['apikey', 'add', '--name', `example ${scope}`, '--scope', scope, '--json'],
      env,
    ),
  );
  return (JSON.parse(out) as { key: string }).key;
}

async function exampleAgainstServe(dir: string, env: Record<string, string>): Promise<void> {
  // Keys first: the server then holds the PGlite lock.
  const integration = await key(env, 'integration,act_as');
  const admin = await key(env, 'admin');
  const server = await startServe(env);
  try {
    const stdout = ok(
      'example',
      await run(['marketplace.ts'], dir, {
        SETTLE_URL: server.url,
        SETTLE_KEY: integration,
        SETTLE_ADMIN_KEY: admin,
        SETTLE_SELLER_STAFF: '',
        SETTLE_FEED_AFTER: '',
      }),
    );
    const disputeId = /opened dispute (\S+) as buyer:/.exec(stdout)?.[1];
    expect(disputeId, stdout).toBeDefined();
    const printed = stdout
      .split('\n')
      .filter((l) => l.startsWith('event '))
      .map((l) => l.split(' ')[2]);
    expect(printed[0], stdout).toBe('dispute.opened');
    expect(printed, stdout).toContain('offer.made');
    expect(printed, stdout).toContain('money.refunded');
    expect(printed.at(-1), stdout).toBe('dispute.resolved');
    expect(stdout).toMatch(/refund \S+:refund:1 is succeeded/);

    // What the example did, read back independently with the client from the sources.
    const settle = createSettleClient({
      baseUrl: server.url,
      headers: { authorization: `Bearer ${integration}` },
    });
    const dispute = unwrap(
      await settle.GET('/v1/disputes/{disputeId}', {
        params: { path: { disputeId: disputeId ?? '' } },
      }),
    );
    expect(dispute.status).toBe('resolved');
    expect(dispute.refunds).toEqual([
      expect.objectContaining({ status: 'succeeded', amount: { minor: '1000', currency: 'USD' } }),
    ]);

    // The helpers on their own: a refusal throws its problem, the feed filters and keeps the
    // cursor, and an acting client leaves the original as it was.
    const again = settle.POST('/v1/refunds/{refundId}/result', {
      params: { path: { refundId: `${disputeId}:refund:1` } },
      headers: { 'idempotency-key': randomUUID() },
      body: { result: 'succeeded' },
    });
    await expect(again.then(unwrap)).rejects.toMatchObject({
      name: 'SettleProblem',
      status: 409,
      code: 'refund.already_succeeded',
    });
    const resolutions = followEvents(settle, { types: ['dispute.resolved'], limit: 1 });
    const seen: string[] = [];
    for await (const e of resolutions) {
      expect(e.type).toBe('dispute.resolved');
      seen.push((e.data as { disputeId: string }).disputeId);
    }
    // The demo data's resolved disputes come first; this run's resolution is the last.
    expect(seen.filter((id) => id === disputeId)).toHaveLength(1);
    expect(seen.at(-1)).toBe(disputeId);
    expect(resolutions.cursor).toBeDefined();
    const after = followEvents(settle, { after: resolutions.cursor ?? '' });
    for await (const e of after) expect(e.type).not.toBe('dispute.resolved');
    const buyerId = /buyer (\S+), order/.exec(stdout)?.[1] ?? '';
    const asBuyer = actAs(settle, `buyer:${buyerId}`);
    expect((await asBuyer.GET('/v1/events')).response.status).toBe(403);
    expect((await settle.GET('/v1/events')).response.status).toBe(200);
  } finally {
    await stopServe(server, 'SIGTERM');
  }
}

describe('@settle/client as a package, with the example integration script', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await consumer();
    ok('consumer type-check', await run([tsc, '-p', 'tsconfig.json'], dir));
  }, 300_000);
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  // The two databases side by side: most of each is waiting for the server and the script.
  describe.concurrent('against a real settle serve', () => {
    it('PGlite: the built package runs the example to the dispute’s resolution', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'settle-client-'));
      try {
        await exampleAgainstServe(dir, { SETTLE_DATA_DIR: dataDir, DATABASE_URL: '' });
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 300_000);

    it.skipIf(!postgresProbe.reachable && !postgresRequired)(
      'PostgreSQL: the built package runs the example to the dispute’s resolution',
      async () => {
        const database = `settle_client_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
        await withRawPg(postgresUrl, (c) =>
          c.query(`create database ${pg.escapeIdentifier(database)}`),
        );
        const url = new URL(postgresUrl);
        url.pathname = `/${database}`;
        const dataDir = mkdtempSync(join(tmpdir(), 'settle-client-pg-'));
        try {
          await exampleAgainstServe(dir, {
            DATABASE_URL: url.toString(),
            SETTLE_DATA_DIR: dataDir,
          });
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
          await withRawPg(postgresUrl, (c) =>
            c.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`),
          );
        }
      },
      300_000,
    );
  });
});
