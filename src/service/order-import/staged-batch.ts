// A checked order as the rows the bulk load copies in: the order, its lines (line ids and
// totals defaulted exactly as recordOrder does) and its capture, made by the ledger's own rule
// (a transfer, balanced by construction; `settle ledger check` proves it after an import).
import { type BuyerId, capture, money, type OrderId } from '../../domain/index.ts';
import type { StagedItem, StagedOrder, StagedPosting } from '../../store/order-bulk-load.ts';
import { lineTotalOf, type OrderInput } from '../marketplace.ts';

export class StagedBatch {
  readonly orders: StagedOrder[] = [];
  readonly items: StagedItem[] = [];
  readonly postings: StagedPosting[] = [];

  add(row: number, o: OrderInput): void {
    const tx = capture({
      orderId: o.id as OrderId,
      buyerId: o.buyerId as BuyerId,
      paid: money(o.amountPaidMinor, o.currency),
    });
    const captureId = `capture:${o.id}`;
    const postings = tx.postings.map((p) => ({
      account: p.account,
      amountMinor: p.amount.minor,
      currency: p.amount.currency,
    }));
    this.orders.push({
      row,
      id: o.id,
      sellerId: o.sellerId,
      buyerId: o.buyerId,
      buyerCountry: o.buyerCountry,
      currency: o.currency,
      amountPaidMinor: o.amountPaidMinor,
      paidAt: new Date(o.paidAt),
      promisedDeliveryAt:
        o.promisedDeliveryAt === undefined ? null : new Date(o.promisedDeliveryAt),
      captureId,
      captureKind: tx.kind,
    });
    o.items.forEach((item, k) => {
      this.items.push({
        orderRow: row,
        orderId: o.id,
        line: k + 1,
        sku: item.sku,
        title: item.title,
        quantity: item.quantity,
        unitPriceMinor: item.unitPriceMinor,
        lineId: item.lineId ?? String(k + 1),
        lineTotalMinor: lineTotalOf(item),
      });
    });
    postings.forEach((p, k) => {
      this.postings.push({ orderRow: row, transactionId: captureId, line: k + 1, ...p });
    });
  }

  get size(): number {
    return this.orders.length;
  }
}
