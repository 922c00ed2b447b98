// The order lines a dispute covers, and its messages' attachments, as one viewer sees them.
import {
  coveredLines,
  type Dispute,
  type Evidence,
  lineCapMinor,
  type Message,
  orderLines,
  refundableMinor,
} from '../../domain/index.ts';

export function linesView(d: Dispute) {
  const lines = orderLines(d.order);
  const currency = d.order.paid.currency;
  return {
    lines: coveredLines(d.order, d.lines).flatMap((c) => {
      const line = lines.find((l) => l.lineId === c.lineId);
      if (line === undefined) return [];
      return [
        {
          lineId: line.lineId,
          sku: line.sku,
          title: line.title,
          quantity: c.quantity,
          orderedQuantity: line.quantity,
          unitPrice: line.unitPrice,
          lineTotal: line.total,
          refundedByOthers: line.refundedBefore ?? { minor: 0n, currency },
          refundCap: { minor: lineCapMinor(line, c.quantity), currency },
        },
      ];
    }),
    refundable: { minor: refundableMinor(d), currency },
  };
}

/**
 * A message as the viewer sees it: attachments they may not see (a file the sender marked for the
 * arbitrator only) are left out, as the file itself is.
 */
export function messageView(m: Message, visibleEvidence: readonly Evidence[]): Message {
  if (m.attachments === undefined) return m;
  const attachments = m.attachments.filter((id) =>
    visibleEvidence.some((e) => e.id === id && e.by === m.by),
  );
  const { attachments: _all, ...rest } = m;
  return attachments.length === 0 ? rest : { ...rest, attachments };
}
