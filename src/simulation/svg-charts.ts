// Small inline SVG charts for the report page: no library, no network, text escaped. Bars for
// categories (one series, or two side by side for a compare), a line for per-day series, and
// vertical markers for thresholds.

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

export const COLOURS = ['#2f6db5', '#d9822b'] as const;
const W = 560;
const H = 250;
const PAD = { left: 56, right: 12, top: 22, bottom: 84 };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const fmt = (n: number) =>
  Math.abs(n) >= 1_000_000
    ? `${(n / 1_000_000).toFixed(1)}M`
    : Math.abs(n) >= 10_000
      ? `${Math.round(n / 1000)}k`
      : String(Math.round(n * 10) / 10);

function axis(max: number): string {
  const lines: string[] = [];
  for (let i = 0; i <= 4; i += 1) {
    const v = (max * i) / 4;
    const y = H - PAD.bottom - ((H - PAD.top - PAD.bottom) * i) / 4;
    lines.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="#ddd"/>`,
      `<text x="${PAD.left - 6}" y="${y + 4}" text-anchor="end" font-size="10">${fmt(v)}</text>`,
    );
  }
  return lines.join('');
}

/** Categories on x, one bar per series in each. */
export function barChart(
  title: string,
  categories: readonly string[],
  series: readonly Series[],
  markers: readonly { at: number; label: string }[] = [],
): string {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, categories.length);
  const barW = Math.max(2, (slot * 0.8) / series.length);
  const bars: string[] = [];
  categories.forEach((c, i) => {
    series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      const h = (plotH * v) / max;
      const x = PAD.left + i * slot + slot * 0.1 + k * barW;
      bars.push(
        `<rect x="${x.toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS[k % 2]}"><title>${escapeHtml(`${s.name}: ${c} = ${v}`)}</title></rect>`,
      );
    });
    const lx = PAD.left + i * slot + slot / 2;
    bars.push(
      `<text x="${lx.toFixed(1)}" y="${H - PAD.bottom + 12}" font-size="10" text-anchor="end" transform="rotate(-35 ${lx.toFixed(1)} ${H - PAD.bottom + 12})">${escapeHtml(c)}</text>`,
    );
  });
  const marks = markers.map((m) => {
    const x = PAD.left + m.at * slot;
    return `<line x1="${x}" x2="${x}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#c0392b" stroke-dasharray="4 3"/><text x="${x + 3}" y="${PAD.top + 10}" font-size="10" fill="#c0392b">${escapeHtml(m.label)}</text>`;
  });
  return frame(title, axis(max) + bars.join('') + marks.join(''), series);
}

/** Per-day values as lines. */
export function lineChart(title: string, series: readonly Series[]): string {
  const n = Math.max(1, ...series.map((s) => s.values.length));
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const paths = series.map((s, k) => {
    const points = s.values.map(
      (v, i) =>
        `${(PAD.left + (plotW * i) / Math.max(1, n - 1)).toFixed(1)},${(PAD.top + plotH - (plotH * v) / max).toFixed(1)}`,
    );
    return `<polyline fill="none" stroke="${COLOURS[k % 2]}" stroke-width="1.5" points="${points.join(' ')}"/>`;
  });
  const ticks: string[] = [];
  for (let i = 0; i <= 4; i += 1) {
    const day = Math.round(((n - 1) * i) / 4);
    const x = PAD.left + (plotW * day) / Math.max(1, n - 1);
    ticks.push(
      `<text x="${x.toFixed(1)}" y="${H - PAD.bottom + 14}" font-size="10" text-anchor="middle">day ${day}</text>`,
    );
  }
  return frame(title, axis(max) + paths.join('') + ticks.join(''), series);
}

function frame(title: string, body: string, series: readonly Series[]): string {
  const legend =
    series.length < 2
      ? ''
      : series
          .map(
            (s, k) =>
              `<rect x="${W - 230 + k * 110}" y="2" width="10" height="10" fill="${COLOURS[k % 2]}"/><text x="${W - 216 + k * 110}" y="11" font-size="10">${escapeHtml(s.name)}</text>`,
          )
          .join('');
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">${body}${legend}</svg></figure>`;
}
