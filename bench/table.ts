// Prints bench/results/latest.json (or the file given) as the markdown table docs/benchmarks.md
// quotes: `npx tsx bench/table.ts [file]`.
import { readFileSync } from 'node:fs';
import type { Figure } from './figures.ts';

const figures = JSON.parse(
  readFileSync(process.argv[2] ?? 'bench/results/latest.json', 'utf8'),
) as Figure[];
const cell = (x: number | string | null) => (x === null ? '' : String(x));
const lines = [
  '| figure | value | unit | baseline | ratio | target | met |',
  '|---|---:|---|---:|---:|---|---|',
  ...figures
    .filter((f) => !f.name.startsWith('machine.'))
    .map(
      (f) =>
        `| ${f.name} | ${cell(f.value)} | ${f.unit} | ${cell(f.baseline)} | ${cell(f.ratio === null ? null : `${f.ratio}×`)} | ${cell(f.target)} | ${f.met === null ? '' : f.met ? 'met' : '**missed**'} |`,
    ),
];
process.stdout.write(`${lines.join('\n')}\n`);
