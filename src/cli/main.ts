#!/usr/bin/env node
// The `settle` command: serve, run deadline runners, migrate, import orders, and prove the ledger
// and the audit chains. Exit codes: 0 fine, 1 a check found a problem, 2 bad configuration or usage.
import { Command, CommanderError } from 'commander';
import { pino } from 'pino';
import { AuditKeyError } from '../service/audit/audit-keys.ts';
import { AuthInputError } from '../service/auth/index.ts';
import { ConfigError, loadConfig } from '../service/config.ts';
import { ImportFileError } from '../service/order-import/file-record.ts';
import { DataDirError } from '../store/errors.ts';
import { apiKeyAddCommand } from './apikey-add.ts';
import { apiKeyListCommand, apiKeyRevokeCommand } from './apikey-manage.ts';
import { auditCheckpoint } from './audit-checkpoint.ts';
import { auditVerify } from './audit-verify.ts';
import { auditVerifyExport } from './audit-verify-export.ts';
import { ledgerCheck } from './ledger-check.ts';
import { metricsCheck } from './metrics-check.ts';
import { migrateCommand } from './migrate.ts';
import { runnerCommand } from './runner.ts';
import { serve } from './serve.ts';
import { userAddCommand } from './user-add.ts';

export interface GlobalOptions {
  readonly json?: boolean;
}

function program(): Command {
  const cli = new Command('settle')
    .description('Settle: after-sales dispute resolution for cross-border marketplaces')
    .option('--json', 'print machine-readable JSON')
    .showHelpAfterError()
    .exitOverride();
  cli
    .command('serve')
    .description('serve the API and run the deadline runner (what npm start runs)')
    .option('-p, --port <port>', 'port to listen on (PORT)')
    .option('--host <host>', 'address to bind (HOST)')
    .option('--clock <kind>', 'system or virtual (SETTLE_CLOCK)')
    .option('--no-demo', 'do not seed demo data on an empty database (SETTLE_DEMO=false)')
    .option('--no-runner', 'do not run the deadline runner in this process (SETTLE_RUNNER=false)')
    .action(async (o) => serve(configFrom(o)));
  cli
    .command('runner')
    .description('run only the deadline runner (start several on PostgreSQL)')
    .option('--once', 'fire everything due now, then exit')
    .action(async (o) => runnerCommand(configFrom({}), { once: Boolean(o.once) }));
  cli
    .command('migrate')
    .description('apply pending migrations (also done on start)')
    .option('--status', 'list migrations and whether each is applied')
    .action(async (o) =>
      migrateCommand(configFrom({}), { status: Boolean(o.status), json: Boolean(cli.opts().json) }),
    );
  cli
    .command('ledger')
    .description('ledger commands')
    .command('check')
    .description('prove every transaction sums to zero and every balance equals its postings')
    .action(async () => ledgerCheck(configFrom({}), Boolean(cli.opts().json)));
  cli
    .command('metrics')
    .description('seller metrics commands')
    .command('check')
    .description("recompute every seller's metrics from events and compare with the projection")
    .action(async () => metricsCheck(configFrom({}), Boolean(cli.opts().json)));
  const audit = cli.command('audit').description('audit commands');
  audit
    .command('verify-export')
    .description('verify a case-file.json export offline with the public key (no database)')
    .argument('<file>', 'the export, from GET /v1/disputes/{id}/case-file.json')
    .requiredOption('--public-key <pem>', 'a PEM file with the Ed25519 public key')
    .action((file: string, o) =>
      auditVerifyExport(file, { publicKey: o.publicKey, json: Boolean(cli.opts().json) }),
    );
  audit
    .command('checkpoint')
    .description(
      'sign the chain head of every dispute that has none (after an upgrade); broken chains stay unsigned',
    )
    .action(async () => auditCheckpoint(configFrom({}), { json: Boolean(cli.opts().json) }));
  audit
    .command('verify')
    .description('walk every hash chain, check every signed chain head, report what fails')
    .option('--dispute <id>', 'only this dispute')
    .action(async (o) =>
      auditVerify(configFrom({}), { json: Boolean(cli.opts().json), disputeId: o.dispute }),
    );
  cli
    .command('simulate')
    .description(
      'run a synthetic marketplace through the real engine on virtual time; write report.json and report.html (docs/simulation.md)',
    )
    .option('--sellers <n>', 'number of sellers', '50')
    .option('--orders <n>', 'number of orders', '10000')
    .option('--days <n>', 'days over which the orders are placed', '30')
    .option('--seed <n>', 'the seed: the same seed and inputs give a byte-identical report', '1')
    .option('--policy <file>', 'policy values (JSON) for the run; default: the defaults')
    .option(
      '--compare <file>',
      'a second policy (JSON): the same marketplace under it, side by side',
    )
    .option('--params <file>', 'behaviour parameters over src/simulation/defaults.ts (JSON)')
    .option('--out <dir>', 'where to write the report', 'simulation-report')
    // Loaded when used: the simulator is no part of what `settle serve` needs to start.
    .action(async (o) =>
      (await import('./simulate.ts')).simulateCommand({ ...o, json: Boolean(cli.opts().json) }),
    );
  cli
    .command('user')
    .description('accounts that sign in')
    .command('add')
    .description('create a user; the password is read from stdin or generated and shown once')
    .requiredOption('--email <email>', 'sign-in email (unique, case-insensitive)')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', 'buyer, seller, arbitrator or admin')
    .option('--seller <id>', 'for --role seller: the store this staff account acts for')
    .option('--id <id>', "the user id (a buyer's is the marketplace buyer id); default generated")
    .option('--password-stdin', 'read the password from stdin (at least 12 characters)')
    .action(async (o) => userAddCommand(configFrom({}), { ...o, json: Boolean(cli.opts().json) }));
  cli
    .command('import')
    .description('bulk imports')
    .command('orders')
    .description('import paid orders from a CSV or JSON lines file (docs/import.md)')
    .argument('<file>', 'the orders: .csv, or .jsonl/.ndjson (one order per line)')
    .option('--format <format>', 'csv or jsonl (default: from the file name)')
    .option('--rejects <file>', 'write every refused record there (CSV, or JSON lines for .jsonl)')
    .option('--tenant <schema>', "the marketplace's schema on a shared database (SETTLE_SCHEMA)")
    .option('--batch <orders>', 'orders per transaction (default 5000)')
    // Loaded when used: the CSV parser is no part of what `settle serve` starts with.
    .action(async (file: string, o) => {
      const { importOrdersCommand } = await import('./import-orders.ts');
      await importOrdersCommand(configFrom(o), file, { ...o, json: Boolean(cli.opts().json) });
    });
  const apikey = cli.command('apikey').description('API keys');
  apikey
    .command('add')
    .description('create an API key; it is printed once and only its hash is kept')
    .requiredOption('--name <name>', 'what the key is for, e.g. "marketplace backend"')
    .option(
      '--scope <scopes>',
      'integration, admin or act_as (comma-separated for several)',
      'integration',
    )
    .action(async (o) =>
      apiKeyAddCommand(configFrom({}), { ...o, json: Boolean(cli.opts().json) }),
    );
  apikey
    .command('list')
    .description('list API keys (ids, scopes, last use, revocation; never secrets)')
    .action(async () => apiKeyListCommand(configFrom({}), Boolean(cli.opts().json)));
  apikey
    .command('revoke')
    .description('revoke an API key at once')
    .argument('<id>', 'the key id, as `settle apikey list` shows it')
    .action(async (id: string) => apiKeyRevokeCommand(configFrom({}), id));
  return cli;
}

/** Flags override the environment: map them onto the variables the config reads. */
function configFrom(flags: Record<string, unknown>) {
  const env: Record<string, string | undefined> = { ...process.env };
  if (typeof flags.port === 'string') env.PORT = flags.port;
  if (typeof flags.host === 'string') env.HOST = flags.host;
  if (typeof flags.clock === 'string') env.SETTLE_CLOCK = flags.clock;
  if (flags.demo === false) env.SETTLE_DEMO = 'false';
  if (flags.runner === false) env.SETTLE_RUNNER = 'false';
  if (typeof flags.tenant === 'string') env.SETTLE_SCHEMA = flags.tenant;
  return loadConfig(env);
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await program().parseAsync([...argv], { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (
      error instanceof ConfigError ||
      error instanceof AuditKeyError ||
      error instanceof DataDirError ||
      error instanceof AuthInputError ||
      error instanceof ImportFileError
    ) {
      console.error(`settle: ${error.message}`);
      return 2;
    }
    pino().error({ err: error }, 'settle failed');
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const code = await main(process.argv.slice(2));
  if (code !== 0) process.exitCode = code;
}
