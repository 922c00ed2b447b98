// Order lines and the lines a dispute covers (domain.md: one open dispute per order line at a
// time; the refundable amount is capped per line and per order). An order fed without lines, and
// every dispute recorded before lines existed, is one line worth the whole order: old events fold
// as they always did.
import type { DisputeId } from '../ids.ts';
import { type Money, minMinor } from '../money.ts';
import { type Rejection, rejection } from '../rejections.ts';

/** One line of the order, as the marketplace fed it. */
export interface OrderLine {
  readonly lineId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  /** What the buyer paid for the line: quantity × unit price, or less after a discount. */
  readonly total: Money;
  /**
   * Refunded on this line by the order's other disputes: when the dispute opened, then re-based
   * before each refund it pays (escrow_hold_changed). Absent: nothing.
   */
  readonly refundedBefore?: Money;
  /** The open dispute holding this line when this dispute opened, if any (it refuses the line). */
  readonly openDisputeId?: DisputeId;
}

/** A line a dispute covers, and how many of its units. */
export interface DisputedLine {
  readonly lineId: string;
  readonly quantity: number;
}

/** The id of the one line of an order fed without lines. */
export const WHOLE_ORDER_LINE_ID = '1';

/** Bounds on what a command may name: an order holds at most this many lines (the feed's cap). */
export const LINES_MAX = 200;

interface LinesOf {
  readonly paid: Money;
  readonly lines?: readonly OrderLine[];
}

/** The order's lines; an order fed without lines is one line worth what was paid. */
export function orderLines(order: LinesOf): readonly OrderLine[] {
  if (order.lines !== undefined && order.lines.length > 0) return order.lines;
  return [
    {
      lineId: WHOLE_ORDER_LINE_ID,
      sku: '',
      title: '',
      quantity: 1,
      unitPrice: order.paid,
      total: order.paid,
    },
  ];
}

/** What a dispute covers: the lines it named, or (none named, or an old event) every line whole. */
export function coveredLines(
  order: LinesOf,
  named: readonly DisputedLine[] | undefined,
): readonly DisputedLine[] {
  if (named !== undefined && named.length > 0) return named;
  return orderLines(order).map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
}

/** The value of `quantity` units of the line: its total pro rata, rounded down (never more). */
export function lineValueMinor(line: OrderLine, quantity: number): bigint {
  if (quantity >= line.quantity) return line.total.minor;
  return (line.total.minor * BigInt(quantity)) / BigInt(line.quantity);
}

/**
 * What a dispute may refund on one covered line in all: the disputed units' value, and never more
 * than what is left of the line after other disputes' refunds (two disputes on one mug each of a
 * pair may both be refunded; a line is never refunded beyond its total).
 */
export function lineCapMinor(line: OrderLine, quantity: number): bigint {
  const left = line.total.minor - (line.refundedBefore?.minor ?? 0n);
  const cap = minMinor(lineValueMinor(line, quantity), left);
  return cap < 0n ? 0n : cap;
}

/** What a dispute may refund in all by its lines (the order's cap applies on top). */
export function linesCapMinor(order: LinesOf, named: readonly DisputedLine[] | undefined): bigint {
  const lines = orderLines(order);
  let sum = 0n;
  for (const c of coveredLines(order, named)) {
    const line = lines.find((l) => l.lineId === c.lineId);
    if (line !== undefined) sum += lineCapMinor(line, c.quantity);
  }
  return sum;
}

/**
 * How a dispute's refunds fall on its lines: in the order it named them, each line filled up to
 * its cap before the next. Deterministic, so every reader (the next dispute's opening, the
 * catch-up before a refund) attributes the same amount to the same line.
 */
export function lineRefunds(
  order: LinesOf,
  named: readonly DisputedLine[] | undefined,
  refundedMinor: bigint,
): ReadonlyMap<string, bigint> {
  const lines = orderLines(order);
  const out = new Map<string, bigint>();
  let left = refundedMinor;
  for (const c of coveredLines(order, named)) {
    const line = lines.find((l) => l.lineId === c.lineId);
    if (line === undefined || left <= 0n) continue;
    const share = minMinor(left, lineCapMinor(line, c.quantity));
    if (share > 0n) out.set(c.lineId, (out.get(c.lineId) ?? 0n) + share);
    left -= share;
  }
  // Anything beyond the caps (a dispute recorded before lines, on an order whose lines were fed
  // later) falls on the first covered line: it is still counted, never lost.
  const first = coveredLines(order, named)[0];
  if (left > 0n && first !== undefined) out.set(first.lineId, (out.get(first.lineId) ?? 0n) + left);
  return out;
}

/** Checks the lines an opening names against the order: known, whole units, each line once, free. */
export function checkDisputedLines(
  order: LinesOf,
  named: readonly DisputedLine[] | undefined,
): Rejection | undefined {
  const lines = orderLines(order);
  if ((named?.length ?? 0) > LINES_MAX) {
    return rejection('input.invalid', `a dispute names at most ${LINES_MAX} lines`, {
      field: 'lines',
    });
  }
  const seen = new Set<string>();
  for (const c of named ?? []) {
    const line = lines.find((l) => l.lineId === c.lineId);
    if (line === undefined) {
      return rejection('open.line_unknown', `the order has no line ${c.lineId}`, {
        lineId: c.lineId,
      });
    }
    if (seen.has(c.lineId) || !Number.isInteger(c.quantity) || c.quantity < 1) {
      return rejection(
        'open.line_quantity_invalid',
        `name line ${c.lineId} once, with 1 or more units`,
        {
          lineId: c.lineId,
        },
      );
    }
    if (c.quantity > line.quantity) {
      return rejection(
        'open.line_quantity_invalid',
        `line ${c.lineId} has ${line.quantity} units; the dispute names ${c.quantity}`,
        { lineId: c.lineId, quantity: line.quantity },
      );
    }
    seen.add(c.lineId);
  }
  for (const c of coveredLines(order, named)) {
    const held = lines.find((l) => l.lineId === c.lineId)?.openDisputeId;
    if (held !== undefined) {
      return rejection(
        'dispute.line_in_open_dispute',
        `line ${c.lineId} of this order is already in open dispute ${held}`,
        { lineId: c.lineId, disputeId: held },
      );
    }
  }
  return undefined;
}
