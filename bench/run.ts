// `npm run bench [-- --quick]`: runs each benchmark in a process of its own (store, HTTP, lists,
// start-up when bench/startup.bench.ts exists, and the web console), collects their figures and writes
// start-up when bench/startup.bench.ts exists, and bulk order import), collects their figures and writes
// bench/results/latest.json and a dated copy: a list of { name, value, unit, baseline, ratio,
// target, met }, the machine and its load (os.loadavg(), before and after) listed with them.
// The machine is often shared: read the ratios, measured side by side, before the absolutes.
// Never asserts: exits 0 whatever the numbers, and even when a benchmark fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { type Figure, QUICK, round } from './figures.ts';

const BENCHES = [
  'bench/store.bench.ts',
  'bench/http.bench.ts',
  'bench/lists.bench.ts',
  'bench/startup.bench.ts',
  'bench/console.bench.ts',
  'bench/import.bench.ts',
  'bench/simulate.bench.ts',
];

const dir = mkdtempSync(join(tmpdir(), 'settle-bench-results-'));
const file = join(dir, 'figures.jsonl');
writeFileSync(file, '');
const started = new Date();
const before = loadavg();
const machine = machineFigures('before', before);
const failed: string[] = [];
for (const bench of BENCHES) {
  if (!existsSync(bench)) continue;
  process.stdout.write(`\n######## ${bench}${QUICK ? ' (quick)' : ''}\n`);
  const t = Date.now();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', bench, ...(QUICK ? ['--quick'] : [])],
    {
      stdio: 'inherit',
      env: { ...process.env, BENCH_RESULTS_FILE: file, ...(QUICK ? { BENCH_QUICK: '1' } : {}) },
    },
  );
  process.stdout.write(
    `######## ${bench}: ${Math.round((Date.now() - t) / 1000)} s, exit ${run.status}\n`,
  );
  if (run.status !== 0) failed.push(`${bench} exited ${run.status ?? run.signal}`);
}
const after = loadavg();
const figures: Figure[] = [
  ...machine,
  ...machineFigures('after', after),
  ...readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Figure),
];
rmSync(dir, { recursive: true, force: true });

const text = `${JSON.stringify(figures, null, 2)}\n`;
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', text);
writeFileSync(`bench/results/${started.toISOString().slice(0, 10)}.json`, text);
process.stdout.write(
  `\nwrote bench/results/latest.json (${figures.length} figures, ${QUICK ? 'quick' : 'full'} mode, ` +
    `${Math.round((Date.now() - started.getTime()) / 1000)} s)\n`,
);
for (const f of figures.filter((x) => x.met !== null))
  process.stdout.write(
    `  ${f.met ? 'met   ' : 'MISSED'} ${f.name}: ${f.value} ${f.unit}${f.ratio === null ? '' : ` (${f.ratio}x)`}, target ${f.target}\n`,
  );
for (const f of failed) process.stdout.write(`  !! ${f}\n`);
process.exit(0);

/** The run's context as figures, so that latest.json stays one flat list. */
function machineFigures(when: 'before' | 'after', load: number[]): Figure[] {
  const info = (name: string, value: number, unit: string, note?: string): Figure => ({
    name,
    value,
    unit,
    baseline: null,
    ratio: null,
    target: null,
    met: null,
    ...(note === undefined ? {} : { note }),
  });
  const [one = 0, five = 0, fifteen = 0] = load;
  const figures = [
    info(
      `machine.loadavg_1m.${when}`,
      round(one),
      'load',
      `os.loadavg() ${when} the run: ${load.map((x) => round(x)).join(' ')} (1, 5, 15 min)`,
    ),
    info(`machine.loadavg_5m.${when}`, round(five), 'load'),
    info(`machine.loadavg_15m.${when}`, round(fifteen), 'load'),
  ];
  if (when === 'after') return figures;
  return [
    info(
      'machine.cpus',
      cpus().length,
      'cores',
      `${cpus()[0]?.model ?? '?'}; node ${process.version}; ${QUICK ? 'quick' : 'full'} mode; ${started.toISOString()}`,
    ),
    info('machine.memory_gb', round(totalmem() / 2 ** 30, 1), 'GB'),
    ...figures,
  ];
}
