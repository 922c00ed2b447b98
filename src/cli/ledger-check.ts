// `settle ledger check`: every transaction sums to zero per currency, equals what its cause
// implies (service/ledger-ties.ts), every balance equals the sum of its postings, every
// transaction naming a dispute names one that exists, on no order did the buyer recover
// (refunds plus chargebacks) more than was paid, and no order's escrow is below zero. Exit
// code 1 when the ledger is broken.

import { runLedgerCheck } from '../service/books.ts';
import type { Config } from '../service/config.ts';
import type { LedgerTiesReport } from '../service/ledger-ties.ts';
import { openStore } from '../service/runtime.ts';
import { encodeJson } from '../store/json-codec.ts';
import { migrate } from '../store/migrate.ts';

export async function ledgerCheck(config: Config, json: boolean): Promise<void> {
  const store = await openStore(config);
  try {
    await migrate(store);
    // The same checks as the admin's books page (service/books.ts): the ledger's own sums, then
    // every transaction against its cause (event, order, chargeback): service/ledger-ties.ts.
    const { ledger: report, ties } = await runLedgerCheck(store);
    if (json) {
      console.log(
        encodeJson({ ...report, ok: report.ok && ties.ok, ties }).replace(
          /\{"\$bigint":"(-?\d+)"\}/g,
          '"$1"',
        ),
      );
    } else if (report.ok) {
      console.log(
        `ledger balanced: ${report.transactions} transactions, ${report.postings} postings, ${report.balances.length} account balances`,
      );
    } else {
      console.log(
        `ledger BROKEN: ${report.unbalanced.length} unbalanced transaction(s), ${report.withoutDispute.length} naming a missing dispute, ${report.overRecovered.length} order(s) where the buyer recovered more than was paid, ${report.negativeEscrow.length} escrow(s) below zero`,
      );
      for (const u of report.unbalanced)
        console.log(`  ${u.transactionId}: ${u.currency} sums to ${u.sumMinor}`);
      for (const id of report.withoutDispute) console.log(`  ${id}: its dispute has no row`);
      for (const o of report.overRecovered)
        console.log(
          `  order ${o.orderId}: paid ${o.paidMinor} ${o.currency}, recovered ${o.refundedMinor + o.chargedBackMinor} (refunds ${o.refundedMinor}, chargebacks ${o.chargedBackMinor})`,
        );
      for (const e of report.negativeEscrow)
        console.log(`  ${e.account}: ${e.balanceMinor} ${e.currency}, below zero`);
    }
    if (!json) printTies(ties);
    if (!report.ok || !ties.ok) process.exitCode = 1;
  } finally {
    await store.close();
  }
}

function printTies(ties: LedgerTiesReport): void {
  const { dispute, capture, chargeback, escrowRelease } = ties.tied;
  if (ties.ok)
    console.log(
      `ledger tied to its causes: ${dispute} dispute events, ${capture} captures, ${chargeback} chargebacks, ${escrowRelease} escrow releases (accounts only)`,
    );
  else {
    console.log(`ledger NOT TIED to its causes: ${ties.problemCount} problem(s)`);
    for (const p of ties.problems) console.log(`  ${p.transactionId}: ${p.problem}: ${p.detail}`);
  }
}
