// Demo data for a first `npm start`: three stores, three buyers and a dispute at each stage of
// domain.md's five scenarios, made through the real service so everything is consistent.
// Seeded once: a database that already has the demo seller is left alone. Its evidence files
// are real (demo-files.ts), stored in the blob store the evidence routes serve from.
import {
  type Actor,
  type BuyerId,
  DAY_MS,
  type DisputeId,
  type EvidenceId,
  type EvidenceKind,
  type EvidenceRequestId,
  type Finding,
  type Instant,
  money,
  type OfferId,
  type OrderId,
  type SellerId,
  type StaffId,
} from '../domain/index.ts';
import {
  crackedLampPhoto,
  labelComparisonPhoto,
  outerPackagingPhoto,
  returnReceiptPdf,
  storeDemoFile,
} from './demo-files.ts';
import type { BlobStore } from './evidence/blob-store.ts';
import {
  recordOrder,
  recordOrderStatus,
  recordShipment,
  recordTracking,
  upsertBuyer,
  upsertSeller,
} from './marketplace.ts';
import { addPolicyVersion } from './policy-store.ts';
import type { Runtime } from './runtime.ts';

const CN = 'demo-shop-cn' as SellerId;
const IT = 'demo-shop-it' as SellerId;
const PROTECTED = 'demo-shop-protected' as SellerId;
const ARBITRATOR: Actor = { role: 'arbitrator', id: 'demo-arbitrator' as StaffId };

export async function seedDemo(rt: Runtime, blobs: BlobStore): Promise<boolean> {
  const db = rt.store.db;
  const exists = await db
    .selectFrom('sellers')
    .select('id')
    .where('id', '=', CN)
    .executeTakeFirst();
  if (exists !== undefined) return false;
  const now = await rt.clock.now();
  await upsertSeller(db, { id: CN, name: 'Shenzhen Gadget Store', country: 'CN' });
  await upsertSeller(db, { id: IT, name: 'Bottega Milano', country: 'IT' });
  await upsertSeller(db, {
    id: PROTECTED,
    name: 'Yiwu Home Goods',
    country: 'CN',
    protectionEnrolled: true,
  });
  for (const [id, name] of [
    ['demo-buyer-us', 'Alice Martin'],
    ['demo-buyer-it', 'Giulia Rossi'],
    ['demo-buyer-de', 'Jonas Weber'],
  ] as const) {
    await upsertBuyer(db, { id, email: `${id}@example.com`, name }, now);
  }
  await addPolicyVersion(db, {
    market: 'seller:IT',
    changes: { localReturn: true },
    createdBy: 'demo',
    at: now,
  });

  const order = async (
    n: number,
    seller: SellerId,
    buyer: string,
    country: string,
    currency: string,
    minor: bigint,
  ) => {
    const id = `demo-order-${n}` as OrderId;
    await recordOrder(db, {
      id,
      sellerId: seller,
      buyerId: buyer,
      buyerCountry: country,
      currency,
      amountPaidMinor: minor,
      paidAt: now - 20 * DAY_MS,
      items: [
        {
          sku: `SKU-${n}`,
          title: ITEMS[n % ITEMS.length] ?? 'Item',
          quantity: 1,
          unitPriceMinor: minor,
        },
      ],
    });
    await recordShipment(db, {
      id: `${id}:out`,
      orderId: id,
      direction: 'outbound',
      channel: seller === IT ? 'seller' : 'platform',
      carrier: seller === IT ? 'PosteItaliane' : 'Cainiao',
      trackingNumber: `LP00${n}CN`,
      at: now - 18 * DAY_MS,
    });
    await recordTracking(db, rt.service, {
      shipmentId: `${id}:out`,
      status: 'delivered',
      at: now - 3 * DAY_MS,
      place: country,
    });
    await recordOrderStatus(db, rt.service, {
      orderId: id,
      status: 'completed',
      by: n % 2 === 0 ? 'buyer' : 'timeout',
      at: now - 2 * DAY_MS,
    });
    return id;
  };
  const us: Actor = { role: 'buyer', id: 'demo-buyer-us' as BuyerId };
  const it: Actor = { role: 'buyer', id: 'demo-buyer-it' as BuyerId };
  const de: Actor = { role: 'buyer', id: 'demo-buyer-de' as BuyerId };
  const cn: Actor = { role: 'seller', id: CN };
  const itSeller: Actor = { role: 'seller', id: IT };
  const usd = (m: number) => money(m, 'USD');
  const eur = (m: number) => money(m, 'EUR');
  const must = async (p: Promise<{ ok: boolean }>) => {
    const r = await p;
    if (!r.ok) throw new Error(`demo seed step refused: ${JSON.stringify(r)}`);
  };
  const id = (n: number) => `demo-dispute-${n}` as DisputeId;
  const request = (n: number) => `${id(n)}.request` as OfferId;
  /** Evidence whose file is stored first, as an upload would be: the record names its hash. */
  const evidence = async (
    n: number,
    kind: EvidenceKind,
    findings: Finding[],
    file: { bytes: Buffer; name: string },
    note = '',
  ) => {
    const stored = await storeDemoFile(blobs, file.bytes);
    return {
      id: `demo-evidence-${n}` as EvidenceId,
      kind,
      findings,
      sha256: stored.sha256,
      mediaType: stored.mediaType,
      bytes: stored.bytes,
      fileName: file.name,
      note,
      arbitratorOnly: false,
    };
  };

  // Scenario 1: wrong item on platform logistics, in arbitration with the label comparison photo.
  await must(
    rt.service.open(us, {
      disputeId: id(1),
      orderId: await order(1, CN, 'demo-buyer-us', 'US', 'USD', 3_999n),
      reason: 'wrong_item',
      request: { kind: 'refund', amount: usd(3_999) },
      description: 'I ordered a black speaker and received a pink phone case.',
    }),
  );
  await must(
    rt.service.handle(id(1), cn, {
      type: 'request_evidence',
      requestId: 'demo-req-1' as EvidenceRequestId,
      from: 'buyer',
      kinds: ['label_comparison_photo'],
      note: 'Please peel back the top waybill and photograph it beside the label underneath.',
    }),
  );
  await must(
    rt.service.handle(id(1), us, {
      type: 'add_evidence',
      evidence: await evidence(1, 'label_comparison_photo', ['labels_mismatch'], {
        bytes: await labelComparisonPhoto(),
        name: 'labels.jpg',
      }),
    }),
  );
  await must(
    rt.service.handle(id(1), us, {
      type: 'add_evidence',
      evidence: await evidence(
        2,
        'outer_packaging_photo',
        ['packaging_intact'],
        { bytes: await outerPackagingPhoto(), name: 'box.jpg' },
        'The box arrived sealed and undamaged.',
      ),
    }),
  );
  await must(
    rt.service.handle(id(1), cn, {
      type: 'escalate',
      note: 'The warehouse relabelled the parcel: please rule on logistics.',
    }),
  );

  // Scenario 2: damaged on platform logistics, the seller asked for outer-packaging photos.
  await must(
    rt.service.open(de, {
      disputeId: id(2),
      orderId: await order(2, CN, 'demo-buyer-de', 'DE', 'EUR', 5_490n),
      reason: 'damaged',
      request: { kind: 'refund', amount: eur(5_490) },
      description: 'The lamp arrived with a cracked base.',
    }),
  );
  await must(
    rt.service.handle(id(2), de, {
      type: 'add_evidence',
      evidence: await evidence(3, 'item_photo', ['item_damaged'], {
        bytes: await crackedLampPhoto(),
        name: 'lamp-base.jpg',
      }),
    }),
  );
  await must(
    rt.service.handle(id(2), cn, {
      type: 'request_evidence',
      requestId: 'demo-req-2' as EvidenceRequestId,
      from: 'buyer',
      kinds: ['outer_packaging_photo'],
      note: 'Could you send photos of the outer box?',
    }),
  );

  // Scenario 3: the return was shipped and the seller escalated it as not received.
  await must(
    rt.service.open(us, {
      disputeId: id(3),
      orderId: await order(3, CN, 'demo-buyer-us', 'US', 'USD', 2_500n),
      reason: 'not_as_described',
      request: { kind: 'return_and_refund', amount: usd(2_500), postagePaidBy: 'seller' },
      description: 'The watch strap is plastic, not leather as listed.',
    }),
  );
  await must(rt.service.handle(id(3), cn, { type: 'accept_offer', offerId: request(3) }));
  await must(
    rt.service.handle(id(3), us, {
      type: 'ship_return',
      carrier: 'USPS',
      trackingNumber: '9400111899223344556677',
    }),
  );
  await must(
    rt.service.handle(id(3), us, {
      type: 'add_evidence',
      evidence: await evidence(
        4,
        'tracking_proof',
        [],
        {
          bytes: returnReceiptPdf(
            '9400111899223344556677',
            new Date(now).toISOString().slice(0, 10),
          ),
          name: 'return-receipt.pdf',
        },
        'Receipt for the return postage.',
      ),
    }),
  );
  await must(
    rt.service.handle(id(3), cn, {
      type: 'escalate',
      note: 'Nothing has arrived at our warehouse yet.',
    }),
  );

  // Scenario 4: negotiating well: a store coupon offered for a small scratch.
  await must(
    rt.service.open(de, {
      disputeId: id(4),
      orderId: await order(4, CN, 'demo-buyer-de', 'DE', 'EUR', 1_899n),
      reason: 'quality_issue',
      request: { kind: 'refund', amount: eur(600) },
      description: 'There is a small scratch on the lid.',
    }),
  );
  await must(
    rt.service.handle(id(4), cn, {
      type: 'reject_offer',
      offerId: request(4),
      reason: 'A scratch this small does not warrant a refund; we would like to make it up to you.',
      counter: {
        offerId: 'demo-coupon-4' as OfferId,
        terms: {
          kind: 'coupon',
          value: eur(800),
          minSpend: eur(2_000),
          expiresAt: (now + 90 * DAY_MS) as Instant,
        },
        note: 'A coupon for your next order',
      },
    }),
  );

  // Scenario 5: Italy, ruled return-and-refund: the seller must supply the return label.
  await must(
    rt.service.open(it, {
      disputeId: id(5),
      orderId: await order(5, IT, 'demo-buyer-it', 'IT', 'EUR', 8_900n),
      reason: 'not_as_described',
      request: { kind: 'refund', amount: eur(8_900) },
      description: 'The bag is a different colour from the photos.',
    }),
  );
  await must(
    rt.service.handle(id(5), itSeller, {
      type: 'reject_offer',
      offerId: request(5),
      reason: 'The colour matches the listing.',
      counter: {
        offerId: 'demo-offer-5' as OfferId,
        terms: { kind: 'refund', amount: eur(1_000) },
        note: '',
      },
    }),
  );
  await must(
    rt.service.handle(id(5), it, { type: 'escalate', note: 'Please look at the photos.' }),
  );
  await must(
    rt.service.handle(id(5), ARBITRATOR, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'return_and_refund', amount: eur(8_900), postagePaidBy: 'seller' },
        responsibility: 'seller',
        reasonCode: 'not_as_described',
        note: 'Return the bag for a full refund.',
      },
    }),
  );

  // After-sales protection: refunded at once from the protection fund.
  await must(
    rt.service.open(us, {
      disputeId: id(6),
      orderId: await order(6, PROTECTED, 'demo-buyer-us', 'US', 'USD', 1_250n),
      reason: 'damaged',
      request: { kind: 'refund', amount: usd(1_250) },
      description: 'Two of the glasses were broken.',
    }),
  );
  return true;
}

const ITEMS = [
  'Phone case',
  'Bluetooth speaker',
  'Desk lamp',
  'Leather watch',
  'Ceramic mug set',
  'Handbag',
  'Glassware set',
];
