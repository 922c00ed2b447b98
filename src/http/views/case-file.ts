// The case file: one self-contained, printable HTML page for appeals and chargeback defence.
// Everything is inline (styles, thumbnails as data URIs) so it can be saved or printed as is.
import { refundedTotal } from '../../domain/index.ts';
import type { DisputeCase, Viewer } from '../../service/dispute-case.ts';
import { timelineFor, visibleTo } from '../../service/dispute-case.ts';
import { linesView, messageView } from './lines-view.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const when = (at: number) => new Date(at).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
const money = (m: { minor: bigint; currency: string }) =>
  `${m.minor.toString()} ${m.currency} (minor units)`;

/** A file's key in the thumbnails map: ids are unique per uploader, not per dispute. */
export const evidenceKey = (e: { readonly id: string; readonly by: string }) => `${e.by}/${e.id}`;

export function caseFileHtml(
  c: DisputeCase,
  viewer: Viewer,
  thumbnails: ReadonlyMap<string, string>,
  generatedAt: number,
): string {
  const d = c.dispute;
  const row = (cells: string[]) => `<tr>${cells.map((x) => `<td>${x}</td>`).join('')}</tr>`;
  const section = (title: string, body: string) =>
    `<section><h2>${esc(title)}</h2>${body}</section>`;
  const table = (headers: string[], rows: string[]) =>
    rows.length === 0
      ? '<p class="none">None.</p>'
      : `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const evidence = d.evidence.filter((e) => visibleTo(viewer, e));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Case file ${esc(d.id)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#111}
h1{font-size:1.5rem;margin-bottom:.2rem} h2{font-size:1.1rem;border-bottom:1px solid #ccc;margin-top:1.6rem}
table{border-collapse:collapse;width:100%} td,th{border:1px solid #ddd;padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:#f4f4f4} .mono{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}
.none{color:#666} img{max-width:160px;max-height:160px} @media print{body{margin:0}}
</style></head><body>
<h1>Case file: dispute ${esc(d.id)}</h1>
<p>Order ${esc(d.order.orderId)} · seller ${esc(d.order.sellerId)} · buyer ${esc(d.order.buyerId)} · paid ${esc(money(d.order.paid))} · outbound channel ${esc(d.order.outboundChannel)}</p>
<p>Reason <b>${esc(d.reason)}</b>${d.subReason ? ` (${esc(d.subReason)})` : ''} · opened ${when(d.openedAt)} · status <b>${esc(d.status)}</b> · refunded ${esc(money({ minor: refundedTotal(d), currency: d.order.paid.currency }))}</p>
<p>${esc(d.description)}</p>
${section(
  'Order lines disputed',
  table(
    ['line', 'sku', 'title', 'units disputed', 'of', 'line total', 'refunded by other disputes'],
    linesView(d).lines.map((l) =>
      row([
        esc(l.lineId),
        esc(l.sku),
        esc(l.title),
        String(l.quantity),
        String(l.orderedQuantity),
        esc(money(l.lineTotal)),
        esc(money(l.refundedByOthers)),
      ]),
    ),
  ),
)}
${section(
  'Timeline',
  table(
    ['#', 'when', 'what', 'by'],
    timelineFor(c, viewer).map(({ seq, event }) =>
      row([
        String(seq),
        when(event.at),
        esc(event.type.replaceAll('_', ' ')),
        esc(event.actor.role),
      ]),
    ),
  ),
)}
${section(
  'Offers',
  table(
    ['id', 'by', 'terms', 'status', 'when'],
    d.offers.map((o) =>
      row([
        esc(o.id),
        esc(o.by),
        esc(JSON.stringify(o.terms, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))),
        esc(o.status),
        when(o.at),
      ]),
    ),
  ),
)}
${section(
  'Evidence',
  table(
    ['file', 'kind', 'findings', 'by', 'SHA-256'],
    evidence.map((e) =>
      row([
        thumbnails.has(evidenceKey(e))
          ? `<img alt="${esc(e.fileName)}" src="${thumbnails.get(evidenceKey(e))}">`
          : esc(e.fileName),
        esc(e.kind),
        esc(
          [
            ...e.findings,
            ...(e.confirmedFindings
              ? [`confirmed: ${e.confirmedFindings.join(', ') || 'none'}`]
              : []),
          ].join(', '),
        ),
        esc(e.by),
        `<span class="mono">${esc(e.sha256)}</span>`,
      ]),
    ),
  ),
)}
${section(
  'Messages',
  table(
    ['when', 'by', 'message', 'translation', 'attachments'],
    d.messages
      .filter((m) => visibleTo(viewer, m))
      .map((m) => messageView(m, evidence))
      .map((m) =>
        row([
          when(m.at),
          esc(m.by),
          esc(m.body),
          m.translation === undefined
            ? ''
            : `${esc(m.translation.text)} <i>(${esc(m.translation.language)})</i>`,
          esc((m.attachments ?? []).join(', ')),
        ]),
      ),
  ),
)}
${section(
  'Tracking',
  c.tracking
    .map(
      (t) =>
        `<h3>${esc(t.direction)} · ${esc(t.carrier)} ${esc(t.trackingNumber)} (${esc(t.channel)})</h3>${table(
          ['when', 'status', 'place', 'signed'],
          t.events.map((e) =>
            row([when(e.at), esc(e.status), esc(e.place ?? ''), e.signed ? 'yes' : '']),
          ),
        )}`,
    )
    .join('') || '<p class="none">None.</p>',
)}
${section(
  'Ledger',
  table(
    ['transaction', 'kind', 'when', 'postings'],
    c.ledger.map((t) =>
      row([
        `<span class="mono">${esc(t.id)}</span>`,
        esc(t.kind),
        when(t.at),
        t.postings
          .map((p) => `${esc(p.account)}: ${p.amountMinor.toString()} ${esc(p.currency)}`)
          .join('<br>'),
      ]),
    ),
  ),
)}
${section('Ruling', d.ruling ? `<p>${esc(d.ruling.outcome.kind)} · responsibility <b>${esc(d.ruling.responsibility)}</b> · reason ${esc(d.ruling.reasonCode)} · by ${esc(d.ruling.by)} on ${when(d.ruling.at)}</p><p>${esc(d.ruling.note)}</p>` : '<p class="none">Not ruled.</p>')}
${section('Resolution', d.resolution ? `<p>${esc(d.resolution.outcome)} · ${esc(money(d.resolution.refunded))} · responsibility ${esc(d.resolution.responsibility)} · reached by ${esc(d.resolution.how)} on ${when(d.resolution.at)}</p>` : '<p class="none">Open.</p>')}
${section('Audit', `${viewer.kind === 'staff' ? staffAudit(c) : PARTY_AUDIT}<p>Generated ${when(generatedAt)}.</p>`)}
</body></html>`;
}

/**
 * Staff see the chain head and its signed checkpoint. A party does not: the event count counts
 * what is hidden from them too (docs/audit.md), so it would show that something is.
 */
function staffAudit(c: DisputeCase): string {
  const head = c.events.at(-1);
  const cp = c.checkpoint;
  const signed =
    cp === undefined
      ? '<p>No signed checkpoint.</p>'
      : `<p>Signed checkpoint: event ${cp.seq}, hash <span class="mono">${esc(cp.headHash)}</span>, signed ${when(cp.signedAt)} by key <span class="mono">${esc(cp.keyId)}</span>, signature <span class="mono">${esc(cp.signature)}</span>.</p>`;
  return `<p>Event log head: event ${head?.seq ?? 0}, hash <span class="mono">${esc(head?.hash ?? '')}</span>.</p>${signed}<p>Verify with <code>settle audit verify --dispute ${esc(c.dispute.id)}</code>, or offline: save <code>case-file.json</code> and run <code>settle audit verify-export FILE --public-key PEM</code>.</p>`;
}

const PARTY_AUDIT =
  '<p>Every event of this dispute is kept in a hash-chained log whose head is signed; an arbitrator can export it for verification.</p>';
