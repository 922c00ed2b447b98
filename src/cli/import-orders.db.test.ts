// Goal: `settle import orders` loads CSV and JSON lines on both databases as PUT /v1/orders
// would record them one by one (order, lines, capture in the ledger); rejects bad rows with their
// line and reasons and writes nothing of them; reports existing orders as duplicates on a
// re-run; and leaves orders the API can use: a dispute opens on one.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { http } from '../../test/support/http-client.ts';
import { checkLedgerTies } from '../service/ledger-ties.ts';
import { upsertBuyer, upsertSeller } from '../service/marketplace.ts';
import { ImportFileError } from '../service/order-import/file-record.ts';
import { checkLedger } from '../store/ledger-store.ts';
import { importOrdersFile } from './import-orders.ts';

const HEADER =
  'order_id,seller_id,buyer_id,buyer_country,currency,amount_paid_minor,paid_at,' +
  'promised_delivery_at,line_id,sku,title,quantity,unit_price_minor,line_total_minor';

/** A title with everything COPY's text format must escape, and a quote and an emoji. */
const TRICKY = 'Lamp\t"deluxe"\\N back\\slash\nsecond line\r 💡';

describeEachDatabase('settle import orders', (getStore) => {
  let w: ApiWorld;
  let dir: string;
  let tag = 0;
  beforeAll(async () => {
    w = await apiWorld(getStore);
    dir = await mkdtemp(join(tmpdir(), 'settle-import-'));
  });
  afterAll(async () => {
    await w?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs the import on `text`, collecting stdout and stderr. */
  async function run(name: string, text: string, rejects?: string) {
    const file = join(dir, name);
    await writeFile(file, text);
    const out: string[] = [];
    let err = '';
    const counts = await importOrdersFile(
      getStore(),
      file,
      { batch: '2', ...(rejects === undefined ? {} : { rejects: join(dir, rejects) }) },
      { out: (t) => out.push(t), err: { write: (t: string) => (err += t) } },
    );
    return { counts, out: out.join('\n'), err };
  }

  const quiet = { out: () => {}, err: { write: () => true } };
  const fresh = (p: string) => {
    tag += 1;
    return `${p}-${tag}-${getStore().dialect}`;
  };
  const orderIds = async (ids: string[]) =>
    (await getStore().db.selectFrom('orders').select('id').where('id', 'in', ids).execute())
      .map((r) => r.id)
      .sort();

  it('imports CSV orders with their lines and captures, and rejects bad rows by line', async () => {
    const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map(fresh) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const o = (id: string, amount: string, seller: string = w.sellerId) =>
      `${id},${seller},${w.buyerId},US,USD,${amount},2026-10-01T10:00:00Z,2026-10-15T00:00:00Z`;
    const csv = [
      HEADER,
      `${o(a, '2500')},mug,MUG,"Mug, blue",2,750,`,
      `${o(a, '2500')},ship,SHIP,Shipping,1,1000,1000`,
      `${o(b, '1200')},,,,,,`,
      `${o(c, '12.50')},,SKU,Thing,1,1250,`,
      `${o(d, '900', 'no-such-seller')},,SKU,Thing,1,900,`,
      `${o(e, '900')},,SKU,Thing,1,800,`,
    ].join('\n');
    const { counts, out, err } = await run('orders.csv', csv, 'rejects.csv');
    expect(counts).toEqual({ read: 5, imported: 2, duplicates: 0, rejected: 3 });
    expect(out).toMatch(/^imported 2 orders, 0 duplicates, 3 rejected; every one in /);
    expect(err).toContain('rejected column amount_paid_minor, line 5: must match pattern');
    expect(err).toContain(
      `rejected line 6: no seller no-such-seller: PUT /v1/sellers/{id} first [order.unknown_seller]`,
    );
    expect(err).toContain('[order.lines_total_mismatch]');
    expect(await orderIds([a, b, c, d, e])).toEqual([a, b].sort());
    const items = await getStore()
      .db.selectFrom('order_items')
      .select(['line', 'line_id', 'title', 'line_total_minor'])
      .where('order_id', '=', a)
      .orderBy('line')
      .execute();
    expect(items).toEqual([
      { line: 1, line_id: 'mug', title: 'Mug, blue', line_total_minor: 1500n },
      { line: 2, line_id: 'ship', title: 'Shipping', line_total_minor: 1000n },
    ]);
    const rejects = await readFile(join(dir, 'rejects.csv'), 'utf8');
    expect(rejects.split('\r\n')[0]).toBe('line,order_id,outcome,code,reason');
    expect(rejects).toContain(`6,${d},rejected,order.unknown_seller,`);
    expect((await checkLedger(getStore().db)).ok).toBe(true);
    expect((await checkLedgerTies(getStore().db)).ok).toBe(true);
  });

  it('imports JSON lines, and a re-run reports every order as a duplicate', async () => {
    const [a, b] = [fresh('j'), fresh('j')] as [string, string];
    const order = (id: string) => ({
      orderId: id,
      sellerId: w.sellerId,
      buyerId: w.buyerId,
      buyerCountry: 'US',
      amountPaid: { minor: '3000', currency: 'USD' },
      paidAt: '2026-10-02T08:00:00Z',
      items: [
        { sku: 'LAMP', title: TRICKY, quantity: 1, unitPrice: { minor: '3000', currency: 'USD' } },
      ],
    });
    const lines = [
      JSON.stringify(order(a)),
      '{"orderId": "broken",',
      JSON.stringify({ ...order('float-1'), amountPaid: { minor: 30.5, currency: 'USD' } }),
      '',
      JSON.stringify(order(b)),
      JSON.stringify(order(a)),
    ].join('\n');
    const first = await run('orders.jsonl', lines, 'rejects.jsonl');
    expect(first.counts).toEqual({ read: 5, imported: 2, duplicates: 1, rejected: 2 });
    expect(first.err).toContain('rejected line 2: not JSON');
    expect(first.err).toContain('rejected field amountPaid.minor, line 3: must be string');
    expect(first.err).toContain(`duplicate line 6: order ${a} is already recorded`);
    const told = (await readFile(join(dir, 'rejects.jsonl'), 'utf8')).trim().split('\n');
    expect(told.map((t) => JSON.parse(t).line)).toEqual([2, 3, 6]);
    const again = await run('orders.jsonl', lines);
    expect(again.counts).toEqual({ read: 5, imported: 0, duplicates: 3, rejected: 2 });
    expect(again.err).toContain(`duplicate line 1: order ${a} is already recorded`);
    const captures = await getStore()
      .db.selectFrom('ledger_transactions')
      .select('id')
      .where('order_id', 'in', [a, b])
      .execute();
    expect(captures.map((t) => t.id).sort()).toEqual([`capture:${a}`, `capture:${b}`].sort());
    // COPY's text format escapes what would end a column or a row: the title comes back whole.
    const item = await getStore()
      .db.selectFrom('order_items')
      .select('title')
      .where('order_id', '=', a)
      .executeTakeFirstOrThrow();
    expect(item.title).toBe(TRICKY);
  });

  it('imports the documented examples as they are', async () => {
    const db = getStore().db;
    for (const id of ['shop-sz-01', 'shop-gz-07'])
      await upsertSeller(db, { id, name: id, country: 'CN' });
    for (const id of ['buyer-4711', 'buyer-0815'])
      await upsertBuyer(db, { id, email: `${id}@example.test`, name: id }, 0);
    const examples = join(import.meta.dirname, '../../docs/examples');
    for (const file of ['orders.csv', 'orders.jsonl']) {
      const counts = await importOrdersFile(getStore(), join(examples, file), {}, quiet);
      expect(counts).toEqual({ read: 3, imported: 3, duplicates: 0, rejected: 0 });
    }
    const lines = await db
      .selectFrom('order_items')
      .select(['order_id', 'line_total_minor'])
      .where('order_id', 'in', ['AE-1001', 'AE-2001'])
      .execute();
    expect(lines.map((l) => Number(l.line_total_minor)).sort((a, b) => a - b)).toEqual([
      500, 500, 1500, 1500, 2598, 2598,
    ]);
  });

  it('stops on a header without the required columns, before reading a row', async () => {
    const file = join(dir, 'bad-header.csv');
    await writeFile(file, 'order_id,seller,amount\nx,y,1\n');
    const error = await importOrdersFile(getStore(), file, {}, quiet).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(/^unknown column\(s\) seller, amount in the header/);
  });

  it('leaves orders the API uses: delivered through the feed, a dispute opens on one', async () => {
    const id = fresh('api');
    const csv = `${HEADER}\n${id},${w.sellerId},${w.buyerId},US,USD,4000,2026-10-10T00:00:00Z,,,KETTLE,Kettle,1,4000,\n`;
    expect((await run('one.csv', csv)).counts.imported).toBe(1);
    const h = http(w);
    await h.post('integration', `/v1/orders/${id}/status`, {
      status: 'delivered',
      at: '2026-10-20T00:00:00Z',
    });
    const opened = await h.post(
      'buyer',
      '/v1/disputes',
      {
        disputeId: fresh('dsp'),
        orderId: id,
        reason: 'damaged',
        request: { kind: 'refund', amount: { minor: '1500', currency: 'USD' } },
        description: 'the lid is cracked',
      },
      201,
    );
    expect(opened.body.status).toBe('negotiating');
  });
});
