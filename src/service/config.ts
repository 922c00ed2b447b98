// Every setting, read once from the environment (flags override): the README's table is this.
// Bad values stop start-up with a message naming the setting, never a stack trace.
import { join, resolve } from 'node:path';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly schema: string;
  readonly clock: 'system' | 'virtual';
  readonly runner: boolean;
  readonly runnerPollMs: number;
  readonly runnerBatch: number;
  readonly demo: boolean;
  /** With the demo: also a small simulated marketplace as history (SETTLE_DEMO_SIMULATION=0: not). */
  readonly demoSimulation: boolean;
  readonly logLevel: string;
  readonly shutdownGraceMs: number;
  /** Mark the session cookie Secure: set it when Settle is served over HTTPS. */
  readonly cookieSecure: boolean;
  /** Requests per minute per caller (user, API key, or IP when anonymous). */
  readonly rateLimitPerMinute: number;
  /** The Ed25519 key that signs chain checkpoints: outside the database (docs/audit.md). */
  readonly auditKeyFile: string;
  /** Trusted public keys (a PEM file or a directory of them) `settle audit verify` accepts. */
  readonly auditPublicKeys: string;
  /** The keyring is the default directory: the server adds its own public key to it. */
  readonly auditPublicKeysDefault: boolean;
  /** Failed authentications (unknown API key, dead session) per client address per minute. */
  readonly authFailuresPerMinute: number;
  /** Let webhooks target loopback and private addresses: local development only. */
  readonly webhookAllowPrivate: boolean;
  /** How long a sign-in link works after it is made, in seconds. */
  readonly signInLinkTtlSeconds: number;
  /**
   * The origin people reach Settle at (`https://disputes.example.com`), for the sign-in links it
   * hands out; absent: the origin the request came in on.
   */
  readonly publicUrl?: string;
  /** How long the catch-up feed keeps events (GET /v1/events); the runner prunes older ones. */
  readonly eventsRetentionDays: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(
      `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got ${JSON.stringify(env[name])}`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(
      `${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`,
    );
  }
  return raw as T;
}

export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = env.DATABASE_URL === '' ? undefined : env.DATABASE_URL;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const schema = env.SETTLE_SCHEMA || 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new ConfigError('SETTLE_SCHEMA must be a lower-case SQL identifier');
  const dataDir = resolve(env.SETTLE_DATA_DIR || './data');
  return {
    port: integer(env, 'PORT', 3000, 0, 65_535),
    host: env.HOST || '127.0.0.1',
    dataDir,
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    schema,
    clock: oneOf(env, 'SETTLE_CLOCK', ['system', 'virtual'] as const, 'system'),
    runner: flag(env, 'SETTLE_RUNNER', true),
    runnerPollMs: integer(env, 'SETTLE_RUNNER_POLL_MS', 1_000, 10, 3_600_000),
    runnerBatch: integer(env, 'SETTLE_RUNNER_BATCH', 100, 1, 1_000),
    demo: flag(env, 'SETTLE_DEMO', true),
    demoSimulation: flag(env, 'SETTLE_DEMO_SIMULATION', true),
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    shutdownGraceMs: integer(env, 'SETTLE_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    cookieSecure: flag(env, 'SETTLE_COOKIE_SECURE', false),
    rateLimitPerMinute: integer(env, 'SETTLE_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    auditKeyFile: resolve(env.SETTLE_AUDIT_KEY_FILE || join(dataDir, 'audit-key.pem')),
    auditPublicKeys: resolve(env.SETTLE_AUDIT_PUBLIC_KEYS || join(dataDir, 'audit-public-keys')),
    auditPublicKeysDefault: !env.SETTLE_AUDIT_PUBLIC_KEYS,
    authFailuresPerMinute: integer(env, 'SETTLE_AUTH_FAILURES_PER_MINUTE', 30, 1, 1_000_000),
    webhookAllowPrivate: flag(env, 'SETTLE_WEBHOOK_ALLOW_PRIVATE', false),
    signInLinkTtlSeconds: integer(env, 'SETTLE_SIGN_IN_LINK_TTL_SECONDS', 300, 30, 3_600),
    ...publicUrl(env),
    // At least 30 days (issue 10): a marketplace down for a month can still catch up.
    eventsRetentionDays: integer(env, 'SETTLE_EVENTS_RETENTION_DAYS', 30, 30, 3_650),
  };
}

function publicUrl(env: Env): { publicUrl?: string } {
  const raw = env.SETTLE_PUBLIC_URL;
  if (raw === undefined || raw === '') return {};
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`SETTLE_PUBLIC_URL must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search)
    throw new ConfigError(
      `SETTLE_PUBLIC_URL must be an origin such as https://disputes.example.com, got ${JSON.stringify(raw)}`,
    );
  return { publicUrl: url.origin };
}
