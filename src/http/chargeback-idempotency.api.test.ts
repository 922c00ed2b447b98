// Goal: a chargeback's Idempotency-Key commits in the chargeback's own transaction, on both
// databases. A trigger refuses to store the key's outcome (as a crash between the write and its
// key would): the report or the lost outcome is then not kept either (no chargeback, no money
// moved, no key left in flight), and the retry with the same key runs it once; a committed one
// replays its status and the chargeback, and another body under the key is refused.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { checkLedger } from '../store/ledger-store.ts';
import { chargebackRoutes } from './routes/chargebacks.ts';

type Headers = Record<string, string>;
const usd = (minor: string) => ({ minor, currency: 'USD' });

describeEachDatabase('chargeback idempotency keys held in the write', (getStore) => {
  let w: ApiWorld;
  let integration: Headers;
  let n = 0;

  beforeAll(async () => {
    w = await apiWorld(getStore, { groups: [chargebackRoutes] });
    integration = await w.as('integration');
  });
  afterAll(async () => {
    await refuseStoringKeys(false);
    expect((await checkLedger(getStore().db)).ok).toBe(true);
    await w?.close();
  });

  /** While on, storing any key's outcome fails: the transaction that tries is rolled back. */
  async function refuseStoringKeys(on: boolean): Promise<void> {
    const db = getStore().db;
    if (!on) {
      await sql`drop trigger if exists refuse_key_outcome on idempotency_keys`.execute(db);
      return;
    }
    await sql`create or replace function refuse_key_outcome() returns trigger language plpgsql as $$
      begin
        if new.status = 'done' then raise exception 'test: the key outcome cannot be stored'; end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger refuse_key_outcome before update on idempotency_keys
      for each row execute function refuse_key_outcome()`.execute(db);
  }

  const post = (url: string, key: string, payload: object) =>
    w.app.inject({
      method: 'POST',
      url,
      headers: { ...integration, 'idempotency-key': key },
      payload,
    });

  async function keysNamed(key: string): Promise<number> {
    const rows = await getStore()
      .db.selectFrom('idempotency_keys')
      .select('key')
      .where('key', '=', key)
      .execute();
    return rows.length;
  }

  it('a report whose key cannot be stored is not kept; its retry reports it once', async () => {
    n += 1;
    const orderId = await w.newOrder();
    const chargebackId = `cb-key-${n}`;
    const body = { chargebackId, orderId, amount: usd('700') };
    const key = `report-${n}`;

    await refuseStoringKeys(true);
    const failed = await post('/v1/chargebacks', key, body);
    await refuseStoringKeys(false);
    expect(failed.statusCode).toBe(500);
    // Rolled back with its key: no chargeback, no key in flight to block the retry.
    const read = await w.app.inject({
      method: 'GET',
      url: `/v1/chargebacks/${chargebackId}`,
      headers: integration,
    });
    expect(read.statusCode).toBe(404);
    expect(await keysNamed(key)).toBe(0);

    const retried = await post('/v1/chargebacks', key, body);
    expect(retried.statusCode, retried.body).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    const replayed = await post('/v1/chargebacks', key, body);
    expect(replayed.statusCode).toBe(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.json()).toEqual(retried.json());
    const other = await post('/v1/chargebacks', key, { ...body, amount: usd('600') });
    expect([other.statusCode, other.json().code]).toEqual([422, 'idempotency.key_reused']);
  });

  it('a lost outcome whose key cannot be stored moves no money; its retry moves it once', async () => {
    n += 1;
    const orderId = await w.newOrder();
    const chargebackId = `cb-key-${n}`;
    const opened = await post('/v1/chargebacks', `open-${n}`, {
      chargebackId,
      orderId,
      amount: usd('1200'),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const url = `/v1/chargebacks/${chargebackId}/outcome`;
    const key = `outcome-${n}`;
    const lostTransactions = async () =>
      (
        await getStore()
          .db.selectFrom('ledger_transactions')
          .select('id')
          .where('order_id', '=', orderId)
          .where('kind', '=', 'chargeback')
          .execute()
      ).length;

    await refuseStoringKeys(true);
    const failed = await post(url, key, { outcome: 'lost' });
    await refuseStoringKeys(false);
    expect(failed.statusCode).toBe(500);
    expect(await lostTransactions()).toBe(0);
    expect(await keysNamed(key)).toBe(0);

    const retried = await post(url, key, { outcome: 'lost' });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'lost', version: 2 });
    const replayed = await post(url, key, { outcome: 'lost' });
    expect([replayed.statusCode, replayed.headers['idempotent-replayed']]).toEqual([200, 'true']);
    expect(replayed.json()).toEqual(retried.json());
    expect(await lostTransactions()).toBe(1);
  });

  it('a refused outcome is stored with the key and replays the same problem', async () => {
    n += 1;
    const orderId = await w.newOrder();
    const chargebackId = `cb-key-${n}`;
    await post('/v1/chargebacks', `open-${n}`, { chargebackId, orderId, amount: usd('300') });
    const url = `/v1/chargebacks/${chargebackId}/outcome`;
    expect((await post(url, `won-${n}`, { outcome: 'won' })).statusCode).toBe(200);
    const refused = await post(url, `lost-${n}`, { outcome: 'lost' });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'chargeback.wrong_state']);
    expect(await keysNamed(`lost-${n}`)).toBe(1);
    const again = await post(url, `lost-${n}`, { outcome: 'lost' });
    expect([again.statusCode, again.headers['idempotent-replayed']]).toEqual([409, 'true']);
    expect(again.json()).toEqual(refused.json());
  });
});
