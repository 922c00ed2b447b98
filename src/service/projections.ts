// Read-side tables kept beside the event log in the same transaction: offers, evidence,
// messages and coupons, so queries and the API can filter them without replaying events.
import { type InsertObject, type Kysely, sql } from 'kysely';
import { actorId, type Dispute, type DisputeEvent } from '../domain/index.ts';
import { chunksFor } from '../store/chunks.ts';
import { jsonb } from '../store/jsonb.ts';
import type { Database } from '../store/schema.ts';

/** The decisions of one dispute: states[i] is the state events[i] made. */
export interface Projected {
  readonly states: readonly Dispute[];
  readonly events: readonly DisputeEvent[];
}

/**
 * Projects the events of one or many disputes' decisions, one statement per table touched
 * (split only past the parameter limit). Offer statuses are copied once per dispute, from the
 * state after the last event that calls for it: the same rows as copying after each such event,
 * since every copy overwrites the one before.
 */
export async function projectEvents(
  trx: Kysely<Database>,
  decisions: readonly Projected[],
): Promise<void> {
  const rows = emptyRows();
  const syncs: Dispute[] = [];
  for (const { states, events } of decisions) {
    let syncAfter: Dispute | undefined;
    for (const [i, e] of events.entries()) {
      const after = states[i] as Dispute;
      if (collect(rows, after, e)) syncAfter = after;
    }
    if (syncAfter !== undefined) syncs.push(syncAfter);
  }
  await insertAll(trx, rows);
  await syncOfferStatuses(trx, syncs);
}

type Rows = {
  offers: InsertObject<Database, 'offers'>[];
  evidence: InsertObject<Database, 'evidence'>[];
  messages: InsertObject<Database, 'messages'>[];
  coupons: InsertObject<Database, 'coupons'>[];
  /** By id: a later event's carrier and number replace an earlier one's. */
  shipments: Map<string, InsertObject<Database, 'shipments'>>;
};

function emptyRows(): Rows {
  return { offers: [], evidence: [], messages: [], coupons: [], shipments: new Map() };
}

// Each table in order of the events; a table with no rows costs no statement.
async function insertAll(trx: Kysely<Database>, rows: Rows): Promise<void> {
  for (const group of chunksFor(rows.offers, 9))
    await trx.insertInto('offers').values(group).execute();
  for (const group of chunksFor(rows.evidence, 14))
    await trx.insertInto('evidence').values(group).execute();
  for (const group of chunksFor(rows.messages, 7))
    await trx.insertInto('messages').values(group).execute();
  for (const group of chunksFor(rows.coupons, 9))
    await trx.insertInto('coupons').values(group).execute();
  for (const group of chunksFor([...rows.shipments.values()], 8)) {
    await trx
      .insertInto('shipments')
      .values(group)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          carrier: eb.ref('excluded.carrier'),
          tracking_number: eb.ref('excluded.tracking_number'),
        })),
      )
      .execute();
  }
}

/** Adds the event's own rows; true when offer statuses must then be copied from `after`. */
function collect(rows: Rows, after: Dispute, e: DisputeEvent): boolean {
  const at = new Date(e.at);
  switch (e.type) {
    case 'dispute_opened':
    case 'offer_proposed': {
      const offer = e.type === 'dispute_opened' ? e.request : e.offer;
      const amount =
        offer.terms.kind === 'refund' || offer.terms.kind === 'return_and_refund'
          ? offer.terms.amount
          : offer.terms.kind === 'coupon'
            ? offer.terms.value
            : undefined;
      rows.offers.push({
        id: offer.id,
        dispute_id: after.id,
        proposed_by: offer.by,
        kind: offer.terms.kind,
        amount_minor: amount?.minor ?? null,
        currency: amount?.currency ?? null,
        status: 'open',
        payload: jsonb(offer),
        created_at: at,
      });
      return true;
    }
    case 'offer_accepted':
    case 'offer_rejected':
    case 'agreement_reached':
    case 'dispute_cancelled':
    case 'dispute_escalated':
      return true;
    case 'evidence_added': {
      const x = e.evidence;
      rows.evidence.push({
        id: x.id,
        dispute_id: after.id,
        uploaded_by_role: x.by,
        uploaded_by: actorId(e.actor) ?? x.by,
        kind: x.kind,
        findings: x.findings as string[],
        sha256: x.sha256,
        media_type: x.mediaType,
        bytes: BigInt(x.bytes),
        file_name: x.fileName,
        blob_key: `sha256/${x.sha256}`,
        arbitrator_only: x.arbitratorOnly,
        supersedes: x.supersedes ?? null,
        created_at: at,
      });
      return false;
    }
    case 'message_posted':
      rows.messages.push({
        id: e.message.id,
        dispute_id: after.id,
        author_role: e.message.by,
        author_id: actorId(e.actor) ?? e.message.by,
        body: e.message.body,
        arbitrator_only: e.message.arbitratorOnly,
        created_at: at,
      });
      return false;
    case 'coupon_issued':
      rows.coupons.push({
        code: e.coupon.code,
        seller_id: after.order.sellerId,
        buyer_id: after.order.buyerId,
        dispute_id: after.id,
        value_minor: e.coupon.value.minor,
        currency: e.coupon.value.currency,
        min_spend_minor: e.coupon.minSpend.minor,
        expires_at: new Date(e.coupon.expiresAt),
        created_at: at,
      });
      return false;
    case 'return_shipped':
    case 'replacement_shipped': {
      // The shipment is tracked like any other: its carrier events reach the dispute.
      const direction = e.type === 'return_shipped' ? 'return' : 'replacement';
      const id = `${after.id}:${direction}`;
      const earlier = rows.shipments.get(id);
      rows.shipments.set(id, {
        id,
        order_id: after.order.orderId,
        dispute_id: after.id,
        direction,
        channel: after.order.outboundChannel,
        carrier: e.shipment.carrier,
        tracking_number: e.shipment.trackingNumber,
        created_at: earlier?.created_at ?? at,
      });
      return false;
    }
    default:
      return false;
  }
}

// Offer statuses change as a side effect of several events (supersede, close on agreement);
// copying them from the folded state keeps one rule for them: evolve's. One statement for all
// the disputes' offers, touching only rows whose status differs.
async function syncOfferStatuses(trx: Kysely<Database>, after: readonly Dispute[]): Promise<void> {
  const statuses = after.flatMap((d) =>
    d.offers.map((offer) => ({ dispute_id: d.id, id: offer.id, status: offer.status })),
  );
  if (statuses.length === 0) return;
  await sql`update offers set status = s.status
    from jsonb_to_recordset(${jsonb(statuses)}) as s (dispute_id text, id text, status text)
    where offers.dispute_id = s.dispute_id and offers.id = s.id
      and offers.status <> s.status`.execute(trx);
}
