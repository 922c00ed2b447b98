// Goal: the platform's daily balances are the balance before the window plus each UTC day's
// movements, per account and currency; days without postings carry the balance forward, and
// accounts that are not the platform's are left out.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { appendTransaction } from '../store/ledger-store.ts';
import { platformAccountSeries } from './platform-accounts.ts';

const DAY = 86_400_000;
const DAY0 = Date.UTC(2026, 0, 10);

describeEachDatabase('platform account series', (getStore) => {
  it('sums the opening balance and each day, carrying quiet days forward', async () => {
    const db = getStore().db;
    const pay = async (id: string, at: number, minor: bigint) =>
      appendTransaction(db, {
        id,
        kind: 'reimbursement',
        at,
        postings: [
          { account: 'platform_logistics_compensation', amountMinor: -minor, currency: 'EUR' },
          { account: 'seller_balance:s1', amountMinor: minor, currency: 'EUR' },
        ],
      });
    await pay('before-window', DAY0 - 5 * DAY, 100n);
    await pay('day-1-a', DAY0 + DAY + 3_600_000, 20n);
    await pay('day-1-b', DAY0 + 2 * DAY - 1, 30n);
    await pay('day-3', DAY0 + 3 * DAY, 5n);

    const series = await platformAccountSeries(db, DAY0 + 3 * DAY + 10 * 3_600_000, 4);
    expect(series).toEqual([
      {
        account: 'platform_logistics_compensation',
        currency: 'EUR',
        balanceMinor: -155n,
        days: [
          { day: DAY0, balanceMinor: -100n },
          { day: DAY0 + DAY, balanceMinor: -150n },
          { day: DAY0 + 2 * DAY, balanceMinor: -150n },
          { day: DAY0 + 3 * DAY, balanceMinor: -155n },
        ],
      },
    ]);
  });
});
