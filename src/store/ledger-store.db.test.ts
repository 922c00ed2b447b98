// Goal: the ledger writes only balanced transactions, refuses a repeated transaction id, and
// checkLedger's SQL audit reports balances and any unbalanced row, however it got there.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { seedDispute, T0 } from '../../test/support/fixtures.ts';
import { DuplicateLedgerTransaction } from './errors.ts';
import {
  accountBalance,
  appendTransaction,
  appendTransactions,
  checkLedger,
  type NewLedgerTransaction,
} from './ledger-store.ts';

function capture(id: string, orderId: string, amountMinor: bigint): NewLedgerTransaction {
  return {
    id,
    orderId,
    kind: 'capture',
    at: T0,
    postings: [
      { account: `escrow:${orderId}`, amountMinor, currency: 'EUR' },
      { account: 'buyer_payments', amountMinor: -amountMinor, currency: 'EUR' },
    ],
  };
}

describeEachDatabase('ledger store', (getStore) => {
  it('writes balanced transactions and sums account balances', async () => {
    const { db } = getStore();
    const { orderId, disputeId } = await seedDispute(db);
    await db.transaction().execute(async (trx) => {
      await appendTransaction(trx, capture(`capture:${orderId}`, orderId, 4_999n));
      await appendTransaction(trx, {
        id: `refund:${disputeId}:3`,
        orderId,
        disputeId,
        kind: 'refund',
        at: T0 + 1,
        eventSeq: 3,
        postings: [
          { account: 'buyer_refunds', amountMinor: 1_250n, currency: 'EUR' },
          { account: `escrow:${orderId}`, amountMinor: -1_250n, currency: 'EUR' },
        ],
      });
    });
    expect(await accountBalance(db, `escrow:${orderId}`, 'EUR')).toBe(3_749n);
    expect(await accountBalance(db, `escrow:${orderId}`, 'USD')).toBe(0n);
    expect(await accountBalance(db, 'nobody', 'EUR')).toBe(0n);

    const report = await checkLedger(db);
    expect(report.ok).toBe(true);
    expect(report.transactions).toBeGreaterThanOrEqual(2n);
    expect(report.postings).toBeGreaterThanOrEqual(4n);
    expect(report.balances).toContainEqual({
      account: `escrow:${orderId}`,
      currency: 'EUR',
      balanceMinor: 3_749n,
    });
  });

  it('keeps amounts beyond 2^53 exact', async () => {
    const { db } = getStore();
    const { orderId } = await seedDispute(db);
    const huge = 2n ** 62n + 1n;
    await appendTransaction(db, capture(`huge:${orderId}`, orderId, huge));
    expect(await accountBalance(db, `escrow:${orderId}`, 'EUR')).toBe(huge);
  });

  it('refuses an unbalanced transaction before writing anything', async () => {
    const { db } = getStore();
    const unbalanced = capture('unbalanced', 'order_x', 100n);
    const postings = [
      ...unbalanced.postings,
      { account: 'fees', amountMinor: 1n, currency: 'EUR' },
    ];
    await expect(appendTransaction(db, { ...unbalanced, postings })).rejects.toThrow(
      /unbalanced in EUR by 1/,
    );
    const balancedInEurOnly = [
      ...unbalanced.postings,
      { account: 'fees', amountMinor: 5n, currency: 'USD' },
    ];
    await expect(
      appendTransaction(db, { ...unbalanced, postings: balancedInEurOnly }),
    ).rejects.toThrow(/unbalanced in USD/);
    const row = await db
      .selectFrom('ledger_transactions')
      .where('id', '=', 'unbalanced')
      .selectAll()
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('refuses zero postings and single-sided transactions', async () => {
    const { db } = getStore();
    const base = capture('odd', 'order_x', 100n);
    await expect(
      appendTransaction(db, { ...base, postings: base.postings.slice(0, 1) }),
    ).rejects.toThrow(/1 postings/);
    const zero = [...base.postings, { account: 'fees', amountMinor: 0n, currency: 'EUR' }];
    await expect(appendTransaction(db, { ...base, postings: zero })).rejects.toThrow(/posts zero/);
  });

  it('raises DuplicateLedgerTransaction for a repeated id', async () => {
    const { db } = getStore();
    const { orderId } = await seedDispute(db);
    await appendTransaction(db, capture(`dup:${orderId}`, orderId, 10n));
    const again = db
      .transaction()
      .execute((trx) => appendTransaction(trx, capture(`dup:${orderId}`, orderId, 10n)));
    await expect(again).rejects.toBeInstanceOf(DuplicateLedgerTransaction);
  });

  it('writes several transactions in one statement, and names the one already written', async () => {
    const { db } = getStore();
    const { orderId } = await seedDispute(db);
    await appendTransactions(db, [
      capture(`many-1:${orderId}`, orderId, 300n),
      capture(`many-2:${orderId}`, orderId, 200n),
    ]);
    expect(await accountBalance(db, `escrow:${orderId}`, 'EUR')).toBe(500n);
    const lines = await db
      .selectFrom('ledger_postings')
      .select(['transaction_id', 'line'])
      .where('transaction_id', 'like', `many-%:${orderId}`)
      .orderBy('transaction_id')
      .orderBy('line')
      .execute();
    expect(lines.map((l) => `${l.transaction_id.split(':')[0]}/${l.line}`)).toEqual([
      'many-1/1',
      'many-1/2',
      'many-2/1',
      'many-2/2',
    ]);
    const again = db
      .transaction()
      .execute((trx) =>
        appendTransactions(trx, [
          capture(`many-3:${orderId}`, orderId, 1n),
          capture(`many-2:${orderId}`, orderId, 200n),
        ]),
      );
    await expect(again).rejects.toMatchObject({
      name: 'DuplicateLedgerTransaction',
      transactionId: `many-2:${orderId}`,
    });
    expect(await accountBalance(db, `escrow:${orderId}`, 'EUR')).toBe(500n);
    await expect(
      appendTransactions(db, [{ ...capture('odd-many', orderId, 5n), postings: [] }]),
    ).rejects.toThrow(/0 postings/);
  });

  it('reports an unbalanced row injected through SQL', async () => {
    const { db } = getStore();
    const { orderId } = await seedDispute(db);
    await appendTransaction(db, capture(`tampered:${orderId}`, orderId, 500n));
    await sql`insert into ledger_postings (transaction_id, line, account, amount_minor, currency)
      values (${`tampered:${orderId}`}, 3, 'fees', 7, 'EUR')`.execute(db);

    const report = await checkLedger(db);
    expect(report.ok).toBe(false);
    expect(report.unbalanced).toEqual([
      { transactionId: `tampered:${orderId}`, currency: 'EUR', sumMinor: 7n },
    ]);
  });

  it('reports a transaction naming a dispute that has no row', async () => {
    const { db } = getStore();
    const { orderId } = await seedDispute(db);
    const id = `orphan:${orderId}`;
    await appendTransaction(db, { ...capture(id, orderId, 5n), disputeId: `missing-${orderId}` });
    const report = await checkLedger(db);
    expect(report.ok).toBe(false);
    expect(report.withoutDispute).toEqual([id]);
  });
});
