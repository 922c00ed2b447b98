// Read-side tables kept beside the event log in the same transaction: offers, evidence,
// messages and coupons, so queries and the API can filter them without replaying events.
import { type Kysely, sql } from 'kysely';
import { actorId, type Dispute, type DisputeEvent } from '../domain/index.ts';
import { jsonb } from '../store/jsonb.ts';
import type { Database } from '../store/schema.ts';

/**
 * Projects the events of one decision (states[i] is the state event i made). Offer statuses
 * are copied once, from the state after the last event that calls for it: the same rows as
 * copying after each such event, since every copy overwrites the one before.
 */
export async function projectEvents(
  trx: Kysely<Database>,
  states: readonly Dispute[],
  events: readonly DisputeEvent[],
): Promise<void> {
  let syncAfter: Dispute | undefined;
  for (const [i, e] of events.entries()) {
    const after = states[i] as Dispute;
    if (await project(trx, after, e)) syncAfter = after;
  }
  if (syncAfter !== undefined) await syncOfferStatuses(trx, syncAfter);
}

/** Writes the event's own rows; true when offer statuses must then be copied from `after`. */
async function project(trx: Kysely<Database>, after: Dispute, e: DisputeEvent): Promise<boolean> {
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
      await trx
        .insertInto('offers')
        .values({
          id: offer.id,
          dispute_id: after.id,
          proposed_by: offer.by,
          kind: offer.terms.kind,
          amount_minor: amount?.minor ?? null,
          currency: amount?.currency ?? null,
          status: 'open',
          payload: jsonb(offer),
          created_at: at,
        })
        .execute();
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
      await trx
        .insertInto('evidence')
        .values({
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
        })
        .execute();
      return false;
    }
    case 'message_posted':
      await trx
        .insertInto('messages')
        .values({
          id: e.message.id,
          dispute_id: after.id,
          author_role: e.message.by,
          author_id: actorId(e.actor) ?? e.message.by,
          body: e.message.body,
          arbitrator_only: e.message.arbitratorOnly,
          created_at: at,
        })
        .execute();
      return false;
    case 'coupon_issued':
      await trx
        .insertInto('coupons')
        .values({
          code: e.coupon.code,
          seller_id: after.order.sellerId,
          buyer_id: after.order.buyerId,
          dispute_id: after.id,
          value_minor: e.coupon.value.minor,
          currency: e.coupon.value.currency,
          min_spend_minor: e.coupon.minSpend.minor,
          expires_at: new Date(e.coupon.expiresAt),
          created_at: at,
        })
        .execute();
      return false;
    case 'return_shipped':
    case 'replacement_shipped': {
      // The shipment is tracked like any other: its carrier events reach the dispute.
      const direction = e.type === 'return_shipped' ? 'return' : 'replacement';
      await trx
        .insertInto('shipments')
        .values({
          id: `${after.id}:${direction}`,
          order_id: after.order.orderId,
          dispute_id: after.id,
          direction,
          channel: after.order.outboundChannel,
          carrier: e.shipment.carrier,
          tracking_number: e.shipment.trackingNumber,
          created_at: at,
        })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            carrier: e.shipment.carrier,
            tracking_number: e.shipment.trackingNumber,
          }),
        )
        .execute();
      return false;
    }
    default:
      return false;
  }
}

// Offer statuses change as a side effect of several events (supersede, close on agreement);
// copying them from the folded state keeps one rule for them: evolve's. One statement for all
// of the dispute's offers, touching only rows whose status differs.
async function syncOfferStatuses(trx: Kysely<Database>, after: Dispute): Promise<void> {
  if (after.offers.length === 0) return;
  const statuses = after.offers.map((offer) => ({ id: offer.id, status: offer.status }));
  await sql`update offers set status = s.status
    from jsonb_to_recordset(${jsonb(statuses)}) as s (id text, status text)
    where offers.dispute_id = ${after.id} and offers.id = s.id and offers.status <> s.status`.execute(
    trx,
  );
}
