// The start-up benchmark (`npm run bench:startup`): how long `npm start` takes from spawning the
// process to its first 200, on the embedded database. First on an empty data directory
// (migrations, demo seed), then restarting on that same directory, each restart next to a bare
// PGlite open of the same directory (bench/pglite-open-child.ts: spawn Node, load PGlite, open,
// `select 1`), alternating, so a change in the machine's load affects both alike. The ratio
// restart ÷ bare open is what Settle adds on top of what the database itself needs to start.
// It reports and never asserts: the exit code is 0 whatever the numbers.
//
// The server is spawned with `npm start`'s own command line from package.json (plain Node, no
// transpiler), on port 0; the time stops at the first 200 from GET /readyz, which answers from
// the database.
//
// BENCH_STARTUP_ROUNDS (default 5, 3 with --quick): restarts, and bare opens, measured.
// BENCH_JSON: a file to write the rows to, as { name, value, unit, baseline, ratio, target, met }.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { emit } from './figures.ts';

const QUICK = process.argv.includes('--quick');
const ROUNDS = positiveInt('BENCH_STARTUP_ROUNDS', QUICK ? 3 : 5);
const TARGETS = { firstRunMs: 15_000, restartMs: 1_500 } as const;
/** Nothing in a start-up should take this long; a stuck child fails the run instead. */
const TIMEOUT_MS = 120_000;

interface Row {
  readonly name: string;
  readonly value: number;
  readonly unit: 'ms';
  readonly baseline: number | null;
  readonly ratio: number | null;
  readonly target: string;
  readonly met: boolean;
}

const dataDir = mkdtempSync(join(tmpdir(), 'settle-startup-bench-'));
try {
  const startArgs = npmStartArgs();
  say(`start-up: node ${startArgs.join(' ')} on ${dataDir}, ${ROUNDS} rounds`);
  const firstRun = await serveToFirst200(startArgs);
  say(`  first run (migrate + demo seed): ${fmt(firstRun)} ms`);
  const restarts: number[] = [];
  const bare: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternate which goes first, so neither always runs on a cache the other just warmed.
    if (round % 2 === 1) {
      restarts.push(await serveToFirst200(startArgs));
      bare.push(await bareOpen());
    } else {
      bare.push(await bareOpen());
      restarts.push(await serveToFirst200(startArgs));
    }
    say(
      `  round ${round}: restart ${fmt(restarts.at(-1) ?? 0)} ms, bare PGlite open ${fmt(bare.at(-1) ?? 0)} ms`,
    );
  }
  const restart = median(restarts);
  const baseline = median(bare);
  const rows: Row[] = [
    {
      name: 'startup.first_run_with_demo',
      value: Math.round(firstRun),
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: `<= ${fmt(TARGETS.firstRunMs)} ms`,
      met: firstRun <= TARGETS.firstRunMs,
    },
    {
      name: 'startup.restart_to_first_200',
      value: Math.round(restart),
      unit: 'ms',
      baseline: Math.round(baseline),
      ratio: round2(restart / baseline),
      target: `<= ${fmt(TARGETS.restartMs)} ms`,
      met: restart <= TARGETS.restartMs,
    },
  ];
  say('');
  say(table(rows, restarts, bare));
  // npm run bench (bench/run.ts) collects the figures of every bench into latest.json.
  emit(rows);
  const jsonFile = process.env.BENCH_JSON;
  if (jsonFile !== undefined && jsonFile !== '')
    writeFileSync(jsonFile, `${JSON.stringify(rows, null, 2)}\n`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

/** `npm start` must be `node <args>`: the benchmark measures exactly what it runs. */
function npmStartArgs(): string[] {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...args] = (pkg.scripts.start ?? '').split(/\s+/);
  if (command !== 'node') throw new Error(`npm start is not plain node: ${pkg.scripts.start}`);
  return args;
}

/** Spawns the server, times it to the first 200 from /readyz, then stops it with SIGTERM. */
async function serveToFirst200(args: readonly string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [...args, '--port', '0'], {
    env: { ...process.env, SETTLE_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await outputMatch(child, /Settle listening on (http:\/\/[^"\s]+)/);
    for (;;) {
      const response = await fetch(`${url}/readyz`);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - started;
      if (performance.now() - started > TIMEOUT_MS) throw new Error('/readyz never answered 200');
    }
  } finally {
    await stop(child);
  }
}

async function bareOpen(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bench/pglite-open-child.ts'], {
    env: { ...process.env, PGLITE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await outputMatch(child, /^(ready)$/m);
    return performance.now() - started;
  } finally {
    await exited(child);
  }
}

/** Resolves with the first capture group of `pattern` in the child's stdout or stderr. */
function outputMatch(child: ChildProcess, pattern: RegExp): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out:\n${output}`)), TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready:\n${output}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await exited(child);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function table(rows: readonly Row[], restarts: readonly number[], bare: readonly number[]) {
  const lines = [
    'workload                        settle ms  bare PGlite ms  ratio  target        ',
    '------------------------------  ---------  --------------  -----  ------------  ----',
  ];
  for (const r of rows) {
    lines.push(
      [
        r.name.replace('startup.', '').padEnd(30),
        fmt(r.value).padStart(9),
        (r.baseline === null ? '-' : fmt(r.baseline)).padStart(14),
        (r.ratio === null ? '-' : `${r.ratio.toFixed(2)}x`).padStart(5),
        r.target.padEnd(12),
        r.met ? 'PASS' : 'MISS',
      ].join('  '),
    );
  }
  lines.push('');
  lines.push(
    `restart: median of ${restarts.length}, min ${fmt(Math.min(...restarts))} ms, max ${fmt(Math.max(...restarts))} ms`,
  );
  lines.push(
    `bare PGlite open: median of ${bare.length}, min ${fmt(Math.min(...bare))} ms, max ${fmt(Math.max(...bare))} ms`,
  );
  return lines.join('\n');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`${name} must be a whole number >= 1, got ${raw}`);
  return n;
}

function fmt(ms: number): string {
  return Math.round(ms).toLocaleString('en-US');
}

function say(text: string) {
  process.stdout.write(`${text}\n`);
}
