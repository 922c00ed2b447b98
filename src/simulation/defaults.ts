// Every rate and distribution the simulated marketplace draws from, in one place, with where each
// default comes from. Sources: the seed article (seed/aliexpress-seller-guide-disputes.zh.txt,
// "the article"), docs/domain.md, and published marketplace figures where one exists; where none
// does, the reasoning is written down instead. Override any value with --params FILE (JSON, the
// same shape, partial) and the report records the values used.

export interface SimulationParams {
  /** Share of orders on which the buyer opens a dispute. */
  readonly disputeRate: number;
  /** Share of orders that get a chargeback from the card processor instead of (or beside) a dispute. */
  readonly chargebackRate: number;
  /** Order value in minor units (USD cents): log-uniform between these. */
  readonly orderValueMinor: { readonly min: number; readonly max: number };
  /** Seller mix. */
  readonly sellers: {
    /** Share on the platform's logistics (Cainiao online shipping) rather than their own carrier. */
    readonly platformChannelShare: number;
    /** Share enrolled in after-sales protection (售后宝). */
    readonly protectionShare: number;
    /** Share based in a local-return market (Italy in the article). */
    readonly localReturnShare: number;
    /** Seller quality: the chance an order's problem is the seller's fault, per tier. */
    readonly qualityTiers: Readonly<Record<'good' | 'average' | 'poor', number>>;
    /** Share of sellers in each tier. */
    readonly tierShare: Readonly<Record<'good' | 'average' | 'poor', number>>;
    /** The tier's dispute rate as a multiple of disputeRate. */
    readonly tierDisputeFactor: Readonly<Record<'good' | 'average' | 'poor', number>>;
    /** Chance a seller never answers a dispute. */
    readonly silentShare: number;
    /** Chance a seller answers after the response deadline (too late). */
    readonly lateShare: number;
    /** Chance a seller at fault accepts the buyer's request outright. */
    readonly acceptWhenAtFault: number;
    /** When countering: weights of the counter-offer kind. */
    readonly counterKinds: Readonly<
      Record<'refund' | 'return_and_refund' | 'coupon' | 'replacement', number>
    >;
    /** Chance the seller confirms a return's receipt (otherwise silence or escalation). */
    readonly confirmReturn: number;
    /** Chance a local-return seller supplies the return label in time. */
    readonly supplyLabel: number;
  };
  /** Buyer mix. */
  readonly buyers: {
    /** Share of disputes opened without a real problem (the item was fine). */
    readonly dishonestShare: number;
    /** Chance a buyer accepts a counter-offer, by kind. */
    readonly acceptCounter: Readonly<
      Record<'refund' | 'return_and_refund' | 'coupon' | 'replacement', number>
    >;
    /** Chance an impatient buyer escalates at once after a rejection instead of waiting. */
    readonly escalateAtOnce: number;
    /** Chance the buyer cancels during negotiation. */
    readonly cancelShare: number;
    /** Chance a buyer never ships an agreed return. */
    readonly neverShipsReturn: number;
    /** Chance the losing buyer appeals a ruling. */
    readonly appealShare: number;
  };
  /** What went wrong with the order, for disputes with a real problem. */
  readonly problems: Readonly<Record<ProblemKind, number>>;
  /** Carriers: transit of returns and replacements. */
  readonly carriers: {
    readonly returnTransitDays: { readonly min: number; readonly max: number };
    /** Chance a return parcel is lost (never delivered). */
    readonly returnLostShare: number;
    /** Chance a replacement is not delivered within its window. */
    readonly replacementLateShare: number;
  };
  readonly arbitration: {
    /** Days from escalation to ruling, uniform between these (target: 7, domain.md). */
    readonly ruleAfterDays: { readonly min: number; readonly max: number };
    /** Chance the arbitrator's responsibility differs from what the evidence shows. */
    readonly errorRate: number;
    /** Chance a wrong ruling is overturned on appeal. */
    readonly overturnWrong: number;
  };
}

export type ProblemKind =
  | 'carrier_lost'
  | 'carrier_damaged'
  | 'carrier_delayed'
  | 'swapped_waybill'
  | 'seller_wrong_item'
  | 'seller_damaged_packing'
  | 'not_as_described'
  | 'quality_issue'
  | 'missing_parts'
  | 'counterfeit'
  | 'changed_mind';

export const DEFAULT_PARAMS: SimulationParams = {
  // eBay and AliExpress ask sellers to stay under ~1-2% disputes; a marketplace-wide 2% is the
  // middle of what sellers report (the article's metrics page counts against that order of size).
  disputeRate: 0.02,
  // Card-not-present chargeback rates are 0.5-1% (Visa's monitoring starts at 0.9%); a
  // marketplace with its own dispute flow sees fewer: 0.2%.
  chargebackRate: 0.002,
  // Cross-border small parcels: $3 to $150, most cheap (log-uniform).
  orderValueMinor: { min: 300, max: 15_000 },
  sellers: {
    // AliExpress pushes Cainiao online shipping; most sellers use it (the article's scenarios 1-2).
    platformChannelShare: 0.7,
    // Protection is opt-in and paid: a minority enrols.
    protectionShare: 0.15,
    // The article's local-return example is Italy; a tenth of sellers in such markets.
    localReturnShare: 0.1,
    // The chance a dispute's problem is the seller's own fault, by tier.
    qualityTiers: { good: 0.2, average: 0.45, poor: 0.75 },
    tierShare: { good: 0.5, average: 0.35, poor: 0.15 },
    // Poor stores draw several times the disputes of good ones (the article's penalty tiers
    // exist because a minority of stores cause most disputes): 0.5 × 0.5 + 0.35 × 1.2 +
    // 0.15 × 2.2 = 1.0, so disputeRate stays the marketplace-wide mean.
    tierDisputeFactor: { good: 0.5, average: 1.2, poor: 2.2 },
    // Sellers who let disputes lapse: the article warns silence accepts the buyer's request.
    silentShare: 0.08,
    lateShare: 0.07,
    acceptWhenAtFault: 0.5,
    // The article's scenario 4: refund, return, or for a minor issue a coupon; replacements too.
    counterKinds: { refund: 0.45, return_and_refund: 0.3, coupon: 0.15, replacement: 0.1 },
    confirmReturn: 0.85,
    supplyLabel: 0.85,
  },
  buyers: {
    // Friendly fraud is estimated at a tenth to a fifth of disputes; 12%.
    dishonestShare: 0.12,
    acceptCounter: { refund: 0.55, return_and_refund: 0.45, coupon: 0.35, replacement: 0.5 },
    escalateAtOnce: 0.3,
    cancelShare: 0.06,
    neverShipsReturn: 0.15,
    appealShare: 0.25,
  },
  // Cross-border logistics dominate not-received and damage; the article's scenarios 1 and 2.
  problems: {
    carrier_lost: 0.14,
    carrier_damaged: 0.1,
    carrier_delayed: 0.1,
    swapped_waybill: 0.04,
    seller_wrong_item: 0.08,
    seller_damaged_packing: 0.06,
    not_as_described: 0.18,
    quality_issue: 0.14,
    missing_parts: 0.06,
    counterfeit: 0.02,
    changed_mind: 0.08,
  },
  carriers: {
    returnTransitDays: { min: 4, max: 40 },
    // International returns go missing more than outbound parcels: 5%.
    returnLostShare: 0.05,
    replacementLateShare: 0.15,
  },
  arbitration: {
    // Queue target 7 days (domain.md); most cases decided inside it, some over.
    ruleAfterDays: { min: 1, max: 9 },
    errorRate: 0.08,
    overturnWrong: 0.7,
  },
};

/** Partial overrides on the defaults, one level deep for the groups. */
export function withParams(overrides: unknown): SimulationParams {
  if (overrides === undefined || overrides === null) return DEFAULT_PARAMS;
  if (typeof overrides !== 'object')
    throw new TypeError('the parameter file must be a JSON object');
  const merged: Record<string, unknown> = { ...DEFAULT_PARAMS };
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (!Object.hasOwn(DEFAULT_PARAMS, key)) throw new TypeError(`unknown parameter ${key}`);
    const base = (DEFAULT_PARAMS as unknown as Record<string, unknown>)[key];
    merged[key] =
      typeof base === 'object' && typeof value === 'object' && value !== null
        ? { ...base, ...value }
        : value;
  }
  return merged as unknown as SimulationParams;
}
