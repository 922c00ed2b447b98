// The report as one self-contained HTML page: inline CSS and SVG (svg-charts.ts), no script, no
// network. With a compare, every chart shows both policies and the differences are highlighted.
import type { Comparison } from './compare.ts';
import type { SimulationDocument } from './document.ts';
import type { RunReport } from './report.ts';
import { barChart, escapeHtml, lineChart, type Series } from './svg-charts.ts';

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.grid{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;border:1px solid #e3e3e3;border-radius:6px;padding:8px}
figcaption{font-weight:600;margin-bottom:4px}table{border-collapse:collapse;margin:8px 0}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}th{background:#f5f5f5}td:first-child,th:first-child{text-align:left}
tr.changed td{background:#fff4d6}.up{color:#b03a2e}.down{color:#1e8449}.ok{color:#1e8449;font-weight:600}.bad{color:#b03a2e;font-weight:600}
.muted{color:#666}code{background:#f3f3f3;padding:1px 4px;border-radius:3px}`;

export function renderHtml(doc: SimulationDocument): string {
  const { input, base, candidate, comparison } = doc;
  const runs = [{ name: 'current policy', report: base.report }];
  if (candidate !== undefined) runs.push({ name: 'candidate policy', report: candidate.report });
  const recon = [base, candidate].filter((r) => r !== undefined);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Settle simulation, seed ${input.seed}</title><style>${CSS}</style></head><body>
<h1>Settle marketplace simulation</h1>
<p class="muted">Seed ${input.seed} · ${input.sellers} sellers · ${input.orders.toLocaleString('en')} orders over ${input.days} days · run through the real engine and store on virtual time.</p>
${policyTable(input.policy, input.comparePolicy)}
<p>Reconciliation: ${recon.map((r, i) => `${runs[i]?.name}: ${r.reconciliation.ok ? '<span class="ok">ledger balanced, refunds by funder match the rulings, metrics equal the fold, every chain verifies</span>' : `<span class="bad">FAILED ${escapeHtml(JSON.stringify(r.reconciliation))}</span>`}`).join('; ')}</p>
${summary(runs)}
${comparison === undefined ? '' : compareSection(comparison)}
<h2>Charts</h2><div class="grid">${charts(runs)}</div>
</body></html>
`;
}

function policyTable(policy: object, compare: object | undefined): string {
  const show = (p: object) =>
    Object.keys(p).length === 0
      ? 'defaults'
      : escapeHtml(JSON.stringify(p, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
  return `<p>Current policy: <code>${show(policy)}</code>${compare === undefined ? '' : ` · candidate policy: <code>${show(compare)}</code>`}</p>`;
}

function summary(runs: readonly { name: string; report: RunReport }[]): string {
  const rows: [string, (r: RunReport) => string][] = [
    ['orders', (r) => r.orders.toLocaleString('en')],
    ['disputes', (r) => String(r.disputes)],
    ['chargebacks', (r) => String(r.chargebacks)],
    ['escalated to arbitration', (r) => String(r.escalations)],
    ['appeals (overturned)', (r) => `${r.appeals} (${r.appealsOverturned})`],
    ['refunded, all funders (USD)', (r) => (Number(r.refundedTotalMinor) / 100).toFixed(2)],
    [
      'median / p90 days to resolution',
      (r) => `${r.resolutionDays.medianDays} / ${r.resolutionDays.p90Days}`,
    ],
  ];
  return `<table><tr><th></th>${runs.map((r) => `<th>${escapeHtml(r.name)}</th>`).join('')}</tr>${rows
    .map(
      ([label, f]) =>
        `<tr><td>${label}</td>${runs.map((r) => `<td>${f(r.report)}</td>`).join('')}</tr>`,
    )
    .join('')}</table>`;
}

function compareSection(c: Comparison): string {
  const diffs = c.differences
    .map(
      (d) =>
        `<tr class="${d.change === 0 ? '' : 'changed'}"><td>${escapeHtml(d.figure)}</td><td>${d.base}</td><td>${d.candidate}</td><td class="${d.change > 0 ? 'up' : d.change < 0 ? 'down' : ''}">${d.change > 0 ? '+' : ''}${d.change}</td></tr>`,
    )
    .join('');
  const crossings =
    c.crossings.length === 0
      ? '<p class="muted">No seller changes level between the two policies.</p>'
      : `<table><tr><th>seller</th><th>current</th><th>candidate</th><th>responsibility rate (bp) current → candidate</th></tr>${c.crossings
          .map(
            (x) =>
              `<tr class="changed"><td>${escapeHtml(x.sellerId)}</td><td>${x.base}</td><td>${x.candidate}</td><td>${x.baseResponsibilityBp} → ${x.candidateResponsibilityBp}</td></tr>`,
          )
          .join('')}</table>`;
  return `<h2>Differences (changed rows highlighted)</h2><table><tr><th>figure</th><th>current</th><th>candidate</th><th>change</th></tr>${diffs}</table>
<h2>Sellers who cross a threshold under one policy but not the other</h2>${crossings}`;
}

function series(
  runs: readonly { name: string; report: RunReport }[],
  keys: readonly string[],
  get: (r: RunReport, key: string) => number,
): Series[] {
  return runs.map((r) => ({ name: r.name, values: keys.map((k) => get(r.report, k)) }));
}

const union = (runs: readonly { report: RunReport }[], f: (r: RunReport) => object) =>
  [...new Set(runs.flatMap((r) => Object.keys(f(r.report))))].sort();

function charts(runs: readonly { name: string; report: RunReport }[]): string {
  const out: string[] = [];
  const outcomes = union(runs, (r) => r.outcomes);
  out.push(
    barChart(
      'Outcomes',
      outcomes,
      series(runs, outcomes, (r, k) => r.outcomes[k] ?? 0),
    ),
  );
  const how = union(runs, (r) => r.how);
  out.push(
    barChart(
      'How disputes were resolved',
      how,
      series(runs, how, (r, k) => r.how[k] ?? 0),
    ),
  );
  const funders = union(runs, (r) => r.refundsByFunder);
  out.push(
    barChart(
      'Refunds by funder (USD)',
      funders,
      series(runs, funders, (r, k) => Number(r.refundsByFunder[k] ?? 0) / 100),
    ),
  );
  const days = Object.keys(runs[0]?.report.resolutionDays.histogram ?? {});
  out.push(
    barChart(
      'Time to resolution (days)',
      days,
      series(runs, days, (r, k) => r.resolutionDays.histogram[k] ?? 0),
    ),
  );
  const kinds = union(runs, (r) => r.deadlineFirings);
  out.push(
    barChart(
      'Deadline firings by kind',
      kinds,
      series(runs, kinds, (r, k) => r.deadlineFirings[k] ?? 0),
    ),
  );
  out.push(sellerRateChart(runs));
  out.push(
    lineChart(
      'Arbitration queue per day (disputes awaiting a ruling)',
      runs.map((r) => ({ name: r.name, values: r.report.arbitrationLoad.map((d) => d.queue) })),
    ),
  );
  out.push(
    lineChart(
      'Escalations to arbitration per day',
      runs.map((r) => ({ name: r.name, values: r.report.arbitrationLoad.map((d) => d.escalated) })),
    ),
  );
  return out.join('\n');
}

/** Sellers by seller-responsibility rate, the warn and restrict thresholds marked. */
function sellerRateChart(runs: readonly { name: string; report: RunReport }[]): string {
  const t = runs[0]?.report.thresholds ?? { warnBp: 100, restrictBp: 300 };
  const edges = [
    0,
    t.warnBp / 2,
    t.warnBp,
    (t.warnBp + t.restrictBp) / 2,
    t.restrictBp,
    t.restrictBp * 2,
  ];
  const labels = [
    '0',
    ...edges.slice(1).map((e) => `≤ ${(e / 100).toFixed(2)}%`),
    `> ${((t.restrictBp * 2) / 100).toFixed(2)}%`,
  ];
  const bucket = (bp: number) => {
    if (bp === 0) return 0;
    const i = edges.findIndex((e, k) => k > 0 && bp <= e);
    return i === -1 ? edges.length : i;
  };
  const s = runs.map((r) => {
    const values = new Array<number>(labels.length).fill(0);
    for (const x of r.report.sellerRates)
      values[bucket(x.responsibilityBp)] = (values[bucket(x.responsibilityBp)] ?? 0) + 1;
    return { name: r.name, values };
  });
  return barChart('Sellers by seller-responsibility rate (thresholds dashed)', labels, s, [
    { at: 3, label: `warn > ${(t.warnBp / 100).toFixed(2)}%` },
    { at: 5, label: `restrict > ${(t.restrictBp / 100).toFixed(2)}%` },
  ]);
}
