// The arbitration workbench's API: the queue's filters and sorts, claims (held, refused to
// another arbitrator, lapsing when the clock passes the policy's claim time, released), the
// appeals queue leaving out an arbitrator's own rulings, internal notes that no party ever sees
// (view, case file, outbox), and the ruling preview. Both databases, one world per database.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld, type WorldRole } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import {
  DEFAULT_POLICY,
  type DisputeId,
  type EvidenceId,
  type Finding,
  money,
} from '../domain/index.ts';

const HOUR_MS = 3_600_000;

interface QueueItem {
  dispute: { id: string; requested: { minor: string } };
  kind: string;
  channel: string;
  suggested?: string;
  ruledBy?: string;
  claim?: { staffId: string; staffName: string; expiresAt: string };
}

describeEachDatabase('the arbitration workbench API', (getStore) => {
  let w: ApiWorld;
  /** wrong item on platform logistics with mismatching labels: suggested logistics. */
  let labels: DisputeId;
  /** damaged, seller's own carrier, the largest amount. */
  let sellerChannel: DisputeId;
  /** not as described: no rule suggests a responsibility. */
  let described: DisputeId;
  /** ruled by w.arbitrator, then appealed by the buyer. */
  let appealed: DisputeId;

  const open = async (
    reason: 'wrong_item' | 'damaged' | 'not_as_described',
    minor: number,
    channel: 'platform' | 'seller',
  ) => {
    const id = w.disputeId();
    const opened = await w.service.open(w.buyer, {
      disputeId: id,
      orderId: await w.newOrder({ amountMinor: BigInt(minor), channel }),
      reason,
      request: { kind: 'refund', amount: money(minor, 'USD') },
      description: `${reason} for ${minor}`,
    });
    if (!opened.ok) throw new Error(opened.rejection.code);
    return id;
  };
  const must = async (p: Promise<{ ok: boolean }>) => {
    const r = await p;
    if (!r.ok) throw new Error(JSON.stringify(r));
  };
  const evidence = (n: string, kind: 'label_comparison_photo' | 'item_photo', f: Finding[]) => ({
    id: `ev-${n}-${randomUUID().slice(0, 8)}` as EvidenceId,
    kind,
    findings: f,
    sha256: 'a'.repeat(64),
    mediaType: 'image/jpeg',
    bytes: 1000,
    fileName: `${n}.jpg`,
    note: '',
    arbitratorOnly: false,
  });

  beforeAll(async () => {
    w = await apiWorld(getStore);
    labels = await open('wrong_item', 1_500, 'platform');
    await must(
      w.service.handle(labels, w.buyer, {
        type: 'add_evidence',
        evidence: evidence('labels', 'label_comparison_photo', ['labels_mismatch']),
      }),
    );
    w.clock.advance(HOUR_MS);
    sellerChannel = await open('damaged', 9_000, 'seller');
    w.clock.advance(HOUR_MS);
    described = await open('not_as_described', 3_000, 'platform');
    w.clock.advance(HOUR_MS);
    appealed = await open('damaged', 2_000, 'platform');
    for (const id of [labels, sellerChannel, described, appealed])
      await must(w.service.handle(id, w.seller, { type: 'escalate', note: 'please decide' }));
    await must(
      w.service.handle(appealed, w.arbitrator, {
        type: 'rule',
        ruling: {
          outcome: { kind: 'no_refund' },
          responsibility: 'buyer',
          reasonCode: 'no_damage_shown',
          note: '',
        },
      }),
    );
    const fresh = evidence('new', 'item_photo', ['item_damaged']);
    await must(w.service.handle(appealed, w.buyer, { type: 'add_evidence', evidence: fresh }));
    await must(
      w.service.handle(appealed, w.buyer, {
        type: 'appeal',
        note: 'a clearer photo',
        evidenceIds: [fresh.id],
      }),
    );
  });
  afterAll(async () => {
    await w?.close();
  });

  const call = async (
    role: WorldRole,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
  ) => {
    const res = await w.app.inject({
      method,
      url,
      headers: await w.as(role),
      ...(payload === undefined ? {} : { payload }),
    });
    return {
      status: res.statusCode,
      body: res.body,
      json: () => res.json() as Record<string, unknown>,
    };
  };
  const queue = async (query: string, role: WorldRole = 'arbitrator') => {
    const res = await call(role, 'GET', `/v1/arbitration/queue${query}`);
    expect(res.status, res.body).toBe(200);
    return (res.json() as { items: QueueItem[] }).items;
  };
  const ids = (items: QueueItem[]) => items.map((i) => i.dispute.id);

  it('filters by kind, reason, channel and suggested responsibility, and sorts by amount', async () => {
    expect(ids(await queue('?kind=arbitration'))).toEqual([labels, sellerChannel, described]);
    expect(ids(await queue('?reason=damaged&kind=arbitration'))).toEqual([sellerChannel]);
    expect(ids(await queue('?channel=seller'))).toEqual([sellerChannel]);
    const logistics = await queue('?suggested=logistics');
    expect(ids(logistics)).toEqual([labels]);
    expect(logistics[0]?.suggested).toBe('logistics');
    expect(ids(await queue('?suggested=unknown&kind=arbitration&channel=platform'))).toEqual([
      described,
    ]);
    expect(ids(await queue('?kind=arbitration&sort=-amount'))).toEqual([
      sellerChannel,
      described,
      labels,
    ]);
    expect(ids(await queue('?market=buyer:US&kind=arbitration&overdue=false'))).toHaveLength(3);
    expect(ids(await queue('?market=buyer:IT'))).toEqual([]);
    expect(ids(await queue('?kind=arbitration&amountMin=2000&amountMax=9000'))).toEqual([
      sellerChannel,
      described,
    ]);
    // Escalated together; the oldest opened three hours before the youngest.
    expect(ids(await queue('?kind=arbitration&targetWithinHours=1000'))).toHaveLength(3);
    expect(ids(await queue('?kind=arbitration&targetWithinHours=1'))).toEqual([]);
    expect(ids(await queue('?kind=arbitration&waitingHoursMin=1'))).toEqual([]);
    const bad = await call('arbitrator', 'GET', '/v1/arbitration/queue?sort=colour');
    expect(bad.status).toBe(400);
  });

  it('an appeal against my own ruling is not in my queue; another arbitrator sees and decides it', async () => {
    expect(ids(await queue('?kind=appeal', 'arbitrator'))).toEqual([]);
    expect(ids(await queue('', 'arbitrator'))).not.toContain(appealed);
    const theirs = await queue('?kind=appeal', 'arbitrator2');
    expect(ids(theirs)).toEqual([appealed]);
    expect(theirs[0]?.ruledBy).toBe(w.users.arbitrator.user.id);
    const mine = await call('arbitrator', 'POST', `/v1/disputes/${appealed}/claim`);
    expect(mine.status, mine.body).toBe(403);
    expect(mine.json().code).toBe('ruling.own_ruling');
    expect((await call('arbitrator2', 'POST', `/v1/disputes/${appealed}/claim`)).status).toBe(200);
  });

  it('a claim is held, refused to another arbitrator, lapses with the clock, and is released', async () => {
    const url = `/v1/disputes/${described}/claim`;
    const claimed = await call('arbitrator', 'POST', url);
    expect(claimed.status, claimed.body).toBe(200);
    const [item] = await queue('?claimed=mine', 'arbitrator');
    expect(item?.dispute.id).toBe(described);
    expect(item?.claim?.staffName).toBe(w.users.arbitrator.user.name);
    // Another arbitrator sees who holds it, and can neither take nor release it.
    const seen = (await queue('?claimed=others', 'arbitrator2')).find(
      (i) => i.dispute.id === described,
    );
    expect(seen?.claim?.staffId).toBe(w.users.arbitrator.user.id);
    const taken = await call('arbitrator2', 'POST', url);
    expect(taken.status).toBe(409);
    expect(taken.json().code).toBe('claim.held');
    expect((await call('arbitrator2', 'DELETE', url)).status).toBe(409);
    // The policy's claim time passes: the claim lapses and the other arbitrator takes the case.
    w.clock.advance(DEFAULT_POLICY.arbitrationClaimMs + 1);
    expect(ids(await queue('?claimed=mine', 'arbitrator'))).not.toContain(described);
    expect((await call('arbitrator2', 'GET', url)).json().claim).toBeNull();
    expect((await call('arbitrator2', 'POST', url)).status).toBe(200);
    // Its holder releases it: free for anyone.
    expect((await call('arbitrator2', 'DELETE', url)).status).toBe(204);
    expect(ids(await queue('?claimed=unclaimed', 'arbitrator'))).toContain(described);
    // Only a waiting case can be claimed, and only by an arbitrator.
    expect((await call('admin', 'POST', url)).status).toBe(403);
  });

  it('internal notes are for staff: no party sees them in the view, the case file, the notes or the outbox', async () => {
    const secret = `suspect the seller relabelled ${randomUUID()}`;
    const url = `/v1/disputes/${labels}/notes`;
    const noteId = randomUUID();
    const added = await call('arbitrator', 'POST', url, { noteId, body: secret });
    expect(added.status, added.body).toBe(201);
    // The same note again (a retry) is not a second note.
    expect((await call('arbitrator', 'POST', url, { noteId, body: secret })).status).toBe(200);
    const listed = await call('arbitrator2', 'GET', url);
    expect((listed.json().items as { body: string }[]).map((n) => n.body)).toEqual([secret]);
    for (const party of ['buyer', 'seller'] as const) {
      expect((await call(party, 'GET', url)).status).toBe(404);
      expect((await call(party, 'POST', url, { body: 'mine' })).status).toBe(404);
      for (const path of ['', '/case-file']) {
        const page = await call(party, 'GET', `/v1/disputes/${labels}${path}`);
        expect(page.status, `${party} ${path}`).toBe(200);
        expect(page.body).not.toContain(secret);
      }
    }
    // Not even in what staff export or see of the dispute itself: notes are not events.
    for (const path of ['', '/case-file.json']) {
      const staffCopy = await call('arbitrator', 'GET', `/v1/disputes/${labels}${path}`);
      expect(staffCopy.status).toBe(200);
      expect(staffCopy.body).not.toContain(secret);
    }
    const { rows } = await w.store.db
      .selectFrom('outbox')
      .select('payload')
      .where('aggregate_id', '=', labels)
      .execute()
      .then((r) => ({ rows: r }));
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(
      secret,
    );
    expect((await call('arbitrator', 'POST', url, { body: '   ' })).status).toBe(400);
  });

  it('the ruling preview says who funds a refund and what each responsibility does to the rates', async () => {
    const res = await call('arbitrator', 'GET', `/v1/disputes/${labels}/ruling-preview`);
    expect(res.status, res.body).toBe(200);
    const p = res.json() as {
      refundableMax: { minor: string };
      now: { sellerResponsibilityRate: { numerator: number } };
      byResponsibility: {
        responsibility: string;
        funding: string;
        metrics: { sellerResponsibilityRate: { numerator: number } };
      }[];
    };
    expect(p.refundableMax.minor).toBe('1500');
    const by = Object.fromEntries(p.byResponsibility.map((r) => [r.responsibility, r]));
    expect(by.logistics?.funding).toBe('logistics');
    expect(by.seller?.funding).toBe('seller');
    const before = p.now.sellerResponsibilityRate.numerator;
    expect(by.logistics?.metrics.sellerResponsibilityRate.numerator).toBe(before);
    expect(by.seller?.metrics.sellerResponsibilityRate.numerator).toBe(before + 1);
    expect((await call('seller', 'GET', `/v1/disputes/${labels}/ruling-preview`)).status).toBe(404);
  });
});
