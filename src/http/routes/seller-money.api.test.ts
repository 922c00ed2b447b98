// A seller's balance and statement over HTTP on both databases: released money, a refund owed
// after release taken from the balance into a debt, escrow still held, a second currency; the
// statement pages by cursor with the balance after each line and streams the same lines as
// RFC 4180 CSV; other stores see 404, the integration key and admins see any seller.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { WORLD_T0 } from '../../../test/support/service-world.ts';
import { DAY_MS } from '../../domain/index.ts';
import { appendTransaction } from '../../store/ledger-store.ts';
import { sellerMoneyRoutes } from './seller-money.ts';

type Headers = Record<string, string>;

describeEachDatabase('seller balance and statement', (getStore) => {
  let w: ApiWorld;
  let seller: Headers;
  const from = new Date(WORLD_T0).toISOString();
  const to = new Date(WORLD_T0 + 10 * DAY_MS).toISOString();

  beforeAll(async () => {
    w = await apiWorld(getStore, { groups: [sellerMoneyRoutes] });
    seller = await w.as('seller');
    const first = await w.newOrder({ amountMinor: 2_000n });
    await w.newOrder({ amountMinor: 2_000n });
    const euro = await w.newOrder({ amountMinor: 300n, currency: 'EUR' });
    const db = getStore().db;
    const line = (account: string, minor: bigint, currency = 'USD') => ({
      account,
      amountMinor: minor,
      currency,
    });
    const balance = `seller_balance:${w.sellerId}`;
    await appendTransaction(db, {
      id: `release-${first}`,
      orderId: first,
      kind: 'release',
      at: WORLD_T0 + DAY_MS,
      postings: [line(`order_escrow:${first}`, -1_000n), line(balance, 1_000n)],
    });
    // A refund owed after release: taken from the seller's balance, which goes negative.
    await appendTransaction(db, {
      id: `refund-${first}`,
      orderId: first,
      kind: 'refund',
      at: WORLD_T0 + 2 * DAY_MS,
      postings: [line(balance, -1_500n), line(`buyer_refunds:${w.buyerId}`, 1_500n)],
    });
    await appendTransaction(db, {
      id: `release-${euro}`,
      orderId: euro,
      kind: 'release',
      at: WORLD_T0 + 3 * DAY_MS,
      postings: [line(`order_escrow:${euro}`, -300n, 'EUR'), line(balance, 300n, 'EUR')],
    });
  });
  afterAll(async () => {
    await w?.close();
  });

  const get = (url: string, headers: Headers) => w.app.inject({ method: 'GET', url, headers });
  const statementUrl = (query: string) =>
    `/v1/sellers/${w.sellerId}/statement?from=${from}&to=${to}${query}`;

  it('shows the debt, what is available and what escrow still holds, per currency', async () => {
    const res = await get(`/v1/sellers/${w.sellerId}/balance`, seller);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      sellerId: w.sellerId,
      balances: [
        { currency: 'EUR', balance: '300', available: '300', debt: '0', heldInEscrow: '0' },
        { currency: 'USD', balance: '-500', available: '0', debt: '500', heldInEscrow: '3000' },
      ],
    });
  });

  it('pages the statement by cursor with the balance after each line', async () => {
    const first = await get(statementUrl('&limit=2'), seller);
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json();
    expect(page.opening).toEqual([]);
    expect(
      page.items.map((l: { kind: string; amount: unknown; balanceAfter: unknown }) => [
        l.kind,
        l.amount,
        l.balanceAfter,
      ]),
    ).toEqual([
      ['release', { minor: '1000', currency: 'USD' }, { minor: '1000', currency: 'USD' }],
      ['refund', { minor: '-1500', currency: 'USD' }, { minor: '-500', currency: 'USD' }],
    ]);
    const next = await get(statementUrl(`&limit=2&cursor=${page.nextCursor}`), seller);
    expect(next.json().items).toMatchObject([
      { kind: 'release', balanceAfter: { minor: '300', currency: 'EUR' } },
    ]);
    expect(next.json().nextCursor).toBeUndefined();
  });

  it('opens a later range at the balance before it', async () => {
    const later = new Date(WORLD_T0 + 2 * DAY_MS).toISOString();
    const res = await get(`/v1/sellers/${w.sellerId}/statement?from=${later}&to=${to}`, seller);
    expect(res.json().opening).toEqual([{ minor: '1000', currency: 'USD' }]);
    expect(res.json().items[0].balanceAfter).toEqual({ minor: '-500', currency: 'USD' });
  });

  it('streams the same lines as RFC 4180 CSV', async () => {
    const res = await get(statementUrl('&format=csv'), seller);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const records = res.body.split('\r\n');
    expect(records[0]).toBe(
      'at,transaction_id,line,kind,order_id,dispute_id,currency,amount_minor,balance_after_minor',
    );
    expect(records).toHaveLength(5);
    expect(records[2]).toMatch(/,refund,order-[^,]+,,USD,-1500,-500$/);
    expect(records[4]).toBe('');
  });

  it('answers 404 to another store and serves the integration key and admins', async () => {
    const other = await w.createUser('seller');
    for (const path of ['balance', `statement?from=${from}&to=${to}`]) {
      const url = `/v1/sellers/${w.sellerId}/${path}`;
      expect((await get(url, other.headers)).statusCode).toBe(404);
      expect((await get(url, await w.as('integration'))).statusCode).toBe(200);
      expect((await get(url, await w.as('admin'))).statusCode).toBe(200);
    }
    const unknown = await get('/v1/sellers/no-such-seller/balance', await w.as('admin'));
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses a reversed or too long range and a forged cursor with 400', async () => {
    const reversed = await get(`/v1/sellers/${w.sellerId}/statement?from=${to}&to=${from}`, seller);
    expect(reversed.json()).toMatchObject({ status: 400, code: 'request.invalid_range' });
    const long = await get(
      `/v1/sellers/${w.sellerId}/statement?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
      seller,
    );
    expect(long.statusCode).toBe(400);
    const forged = await get(statementUrl('&cursor=bm90LWEtY3Vyc29y'), seller);
    expect(forged.json()).toMatchObject({ status: 400, code: 'request.invalid_cursor' });
  });
});
