// The real `settle serve` and CLI as child processes, for the crash and race tests: start a
// server and wait for its address, stop it (SIGKILL for a crash, SIGTERM for a clean stop), run
// a CLI command to its exit, and sign in / build headers as a browser or the integration would.
// A test stops every server it started in its own `finally`, even when it fails.
import { type ChildProcess, spawn } from 'node:child_process';

export interface Server {
  readonly url: string;
  readonly child: ChildProcess;
}

/** `timeoutMs`: how long a first start (migrations, demo seed) may take on a loaded machine. */
export function startServe(env: Record<string, string>, timeoutMs = 120_000): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--liftoff-only', 'src/cli/main.ts', 'serve', '--port', '0'],
    {
      // The load of a soak comes from a few callers: the per-caller rate limit is not under test.
      env: { ...process.env, LOG_LEVEL: 'info', SETTLE_RATE_LIMIT_PER_MINUTE: '1000000', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      // Only the start-up lines matter; the request log of a long run would fill memory.
      if (output.length < 64_000) output += chunk.toString();
      const match = /Settle listening on (http:\/\/[^"\s]+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({ url: match[1], child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
}

export function stopServe(server: Server, signal: NodeJS.Signals): Promise<void> {
  const { child } = server;
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a program with Node to its end without blocking (tests run side by side in one worker),
 * killing it after `timeoutMs`: the CLI, a compiler, a consumer's script.
 */
export function runNode(
  args: readonly string[],
  o: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, args, {
    ...(o.cwd !== undefined && { cwd: o.cwd }),
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
  return new Promise((resolve) => {
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Runs a `settle` CLI command to its end. */
export function settleCli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return runNode(['--liftoff-only', 'src/cli/main.ts', ...args], { env });
}

/** A fresh integration API key made with the CLI (before the server holds a PGlite lock). */
export async function integrationKey(env: Record<string, string>): Promise<string> {
  const run = await settleCli(
    ['apikey', 'add', '--name', 'crash', '--scope', 'integration', '--json'],
    env,
  );
  if (run.status !== 0) throw new Error(`apikey add failed: ${run.stderr}${run.stdout}`);
  return (JSON.parse(run.stdout) as { key: string }).key;
}

export type Headers = Record<string, string>;

/** Signs a demo account in; the session lives in the database, so it outlives restarts. */
export async function signIn(url: string, email: string, password: string): Promise<Headers> {
  const res = await fetch(`${url}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

export interface Answer {
  readonly status: number;
  readonly replayed: boolean;
  readonly body: unknown;
}

/** One JSON request; a refused connection or a reset (the server was killed) is undefined. */
export async function call(
  url: string,
  method: string,
  path: string,
  headers: Headers,
  body?: unknown,
): Promise<Answer> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the failure message.
  }
  return {
    status: res.status,
    replayed: res.headers.get('idempotent-replayed') === 'true',
    body: parsed,
  };
}

const DAY_MS = 86_400_000;

/**
 * Feeds a delivered, completed order of a demo buyer with a demo store through the integration
 * API, as the marketplace's backend would: order, shipment, delivery, completion.
 */
export async function feedDeliveredOrder(
  url: string,
  integration: Headers,
  o: { orderId: string; sellerId: string; buyerId: string; minor: string },
): Promise<void> {
  const now = Date.now();
  const at = (days: number) => new Date(now - days * DAY_MS).toISOString();
  const steps: [string, string, unknown][] = [
    [
      'PUT',
      `/v1/orders/${o.orderId}`,
      {
        sellerId: o.sellerId,
        buyerId: o.buyerId,
        buyerCountry: 'US',
        amountPaid: { minor: o.minor, currency: 'USD' },
        paidAt: at(20),
        items: [
          {
            sku: 'SKU-1',
            title: 'Speaker',
            quantity: 1,
            unitPrice: { minor: o.minor, currency: 'USD' },
          },
        ],
      },
    ],
    [
      'PUT',
      `/v1/shipments/${o.orderId}-out`,
      {
        orderId: o.orderId,
        channel: 'platform',
        carrier: 'Cainiao',
        trackingNumber: `LP-${o.orderId}`,
        at: at(18),
      },
    ],
    [
      'POST',
      '/v1/tracking-events',
      { shipmentId: `${o.orderId}-out`, status: 'delivered', at: at(3), place: 'Austin, US' },
    ],
    ['POST', `/v1/orders/${o.orderId}/status`, { status: 'completed', by: 'buyer', at: at(2) }],
  ];
  for (const [method, path, body] of steps) {
    const res = await call(url, method, path, integration, body);
    if (res.status >= 300)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
