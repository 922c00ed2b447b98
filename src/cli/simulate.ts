// `settle simulate`: a synthetic marketplace through the real engine and store on virtual time
// (src/simulation/), written as report.json and report.html in --out. With --compare, the same
// marketplace under a second policy, side by side. A progress bar on a terminal, plain lines
// otherwise. Exit codes: 0 reconciled, 1 the reconciliation failed, 2 bad usage.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../service/config.ts';
import { withParams } from '../simulation/defaults.ts';
import { renderHtml } from '../simulation/html-report.ts';
import { PolicyFileError, parsePolicy } from '../simulation/policy-file.ts';
import { reportJson } from '../simulation/report-json.ts';
import { LIMITS, runDocument, type Step } from '../simulation/simulation.ts';

export interface SimulateOptions {
  readonly sellers: string;
  readonly orders: string;
  readonly days: string;
  readonly seed: string;
  readonly policy?: string;
  readonly compare?: string;
  readonly params?: string;
  readonly out: string;
  readonly json: boolean;
}

export async function simulateCommand(o: SimulateOptions, env = process.env): Promise<void> {
  const request = {
    sellers: whole('--sellers', o.sellers, 1, LIMITS.sellers),
    orders: whole('--orders', o.orders, 1, LIMITS.orders),
    days: whole('--days', o.days, 1, LIMITS.days),
    seed: whole('--seed', o.seed, 0, 2 ** 32 - 1),
    policy: o.policy === undefined ? {} : policyFrom(o.policy),
    ...(o.compare === undefined ? {} : { comparePolicy: policyFrom(o.compare) }),
    params: paramsFrom(o.params),
  };
  const progress = progressPrinter(process.stderr);
  const started = performance.now();
  const doc = await runDocument(
    request,
    env.DATABASE_URL === undefined ? {} : { databaseUrl: env.DATABASE_URL },
    progress,
  );
  progress.done();
  const out = resolve(o.out);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'report.json'), reportJson(doc));
  writeFileSync(join(out, 'report.html'), renderHtml(doc));
  const ok = doc.base.reconciliation.ok && (doc.candidate?.reconciliation.ok ?? true);
  const seconds = (performance.now() - started) / 1000;
  if (o.json)
    console.log(
      JSON.stringify({
        ok,
        out,
        seconds: Math.round(seconds * 10) / 10,
        disputes: doc.base.report.disputes,
      }),
    );
  else {
    const r = doc.base.report;
    console.log(
      `simulated ${r.orders} orders, ${r.disputes} disputes, ${r.chargebacks} chargebacks in ${seconds.toFixed(1)} s`,
    );
    if (doc.comparison !== undefined)
      console.log(
        `compared: ${doc.comparison.crossings.length} seller(s) change level between the policies`,
      );
    console.log(
      ok
        ? 'reconciled: ledger, refunds by funder, metrics and audit chains agree'
        : 'RECONCILIATION FAILED: see report.json',
    );
    console.log(`report: ${join(out, 'report.html')} and report.json`);
  }
  if (!ok) process.exitCode = 1;
}

function whole(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new ConfigError(`${flag} must be a whole number from ${min} to ${max}, not "${text}"`);
  return n;
}

function readJson(flag: string, file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `${flag} ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigError(`${flag} ${file}: not valid JSON`);
  }
}

function policyFrom(file: string) {
  try {
    return parsePolicy(readJson('policy', file));
  } catch (error) {
    if (error instanceof PolicyFileError) throw new ConfigError(`policy ${file}: ${error.message}`);
    throw error;
  }
}

function paramsFrom(file: string | undefined) {
  if (file === undefined) return withParams(undefined);
  try {
    return withParams(readJson('--params', file));
  } catch (error) {
    if (error instanceof TypeError) throw new ConfigError(`--params ${file}: ${error.message}`);
    throw error;
  }
}

/** A bar with rate and ETA on a terminal; a line per tenth otherwise (logs, CI). */
export function progressPrinter(stream: NodeJS.WriteStream) {
  const started = performance.now();
  let lastTenth = -1;
  const print = (s: Step) => {
    const fraction = (s.run - 1 + s.day / s.days) / s.runs;
    const elapsed = (performance.now() - started) / 1000;
    const rate = (fraction * s.days * s.runs) / Math.max(elapsed, 0.001);
    const eta = fraction > 0 ? (elapsed * (1 - fraction)) / fraction : 0;
    const label = `run ${s.run}/${s.runs} day ${s.day}/${s.days} · ${rate.toFixed(1)} days/s · ETA ${eta.toFixed(0)} s`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${label}   `,
      );
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      stream.write(`simulate: ${(fraction * 100).toFixed(0)}% ${label}\n`);
    }
  };
  return Object.assign(print, {
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  });
}
