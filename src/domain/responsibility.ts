// The suggested responsibility shown to the arbitrator, with its reasons in words. It only
// suggests: the arbitrator rules. Findings the arbitrator confirmed outweigh those an uploader
// stated, and each reason says which kind it used.
import type { Dispute, Evidence } from './dispute/state.ts';
import type { EvidenceKind, Finding, Responsibility } from './reasons.ts';

/**
 * One reason as data, so a console can word it in its reader's language; `reasons` words the
 * same list in English. `source` names the file a finding came from and whether the arbitrator
 * confirmed it.
 */
export interface SuggestionFact {
  readonly code: SuggestionCode;
  readonly source?: {
    readonly evidenceId: string;
    readonly kind: EvidenceKind;
    readonly by: string;
    readonly confirmed: boolean;
  };
  /** return_delivered: when the return tracking shows delivery. */
  readonly at?: number;
  /** no_rule: the dispute's reason. */
  readonly reason?: string;
}

export const SUGGESTION_CODES = [
  'return_delivered',
  'no_rule',
  'platform_logistics',
  'labels_mismatch',
  'ask_label_comparison',
  'seller_channel',
  'packaging_damaged_in_transit',
  'packaging_intact',
  'packaging_damaged_seller_carrier',
  'ask_packaging',
  'no_signed_delivery',
  'signed_but_contested',
  'signed_uncontested',
] as const;
export type SuggestionCode = (typeof SUGGESTION_CODES)[number];

export interface Suggestion {
  readonly responsibility?: Responsibility;
  readonly outcome?: 'refund' | 'no_refund';
  readonly reasons: readonly string[];
  readonly facts: readonly SuggestionFact[];
}

type Suggested = Omit<Suggestion, 'reasons'>;

interface FoundIn {
  readonly evidence: Evidence;
  readonly confirmed: boolean;
}

function findingIn(d: Dispute, kind: EvidenceKind, finding: Finding): FoundIn | undefined {
  const current = d.evidence.filter(
    (e) => !d.evidence.some((later) => later.supersedes === e.id && later.by === e.by),
  );
  const withKind = current.filter((e) => e.kind === kind);
  const confirmed = withKind.find((e) => e.confirmedFindings?.includes(finding));
  if (confirmed !== undefined) return { evidence: confirmed, confirmed: true };
  // A stated finding counts only where the arbitrator has not corrected that file.
  const stated = withKind.find(
    (e) => e.confirmedFindings === undefined && e.findings.includes(finding),
  );
  return stated === undefined ? undefined : { evidence: stated, confirmed: false };
}

function sourceOf(f: FoundIn): NonNullable<SuggestionFact['source']> {
  return {
    evidenceId: f.evidence.id,
    kind: f.evidence.kind,
    by: f.evidence.by,
    confirmed: f.confirmed,
  };
}

function sourceWords(s: NonNullable<SuggestionFact['source']>): string {
  return s.confirmed
    ? `confirmed by the arbitrator on ${s.kind.replaceAll('_', ' ')} ${s.evidenceId}`
    : `stated by the ${s.by} on ${s.kind.replaceAll('_', ' ')} ${s.evidenceId} (not yet confirmed)`;
}

/** The English words of one reason (the API's `reasons`). */
export function reasonWords(f: SuggestionFact): string {
  const from = f.source === undefined ? '' : sourceWords(f.source);
  switch (f.code) {
    case 'return_delivered':
      return `the seller escalated the return as not received, but the return tracking shows it delivered on ${new Date(f.at ?? 0).toISOString()}: refund the buyer`;
    case 'no_rule':
      return `no rule suggests a responsibility for ${(f.reason ?? '').replaceAll('_', ' ')}: weigh the evidence`;
    case 'platform_logistics':
      return 'the order shipped with platform logistics';
    case 'labels_mismatch':
      return `the top waybill does not match the base label (${from}): the warehouse relabelled the parcel`;
    case 'ask_label_comparison':
      return 'no label-comparison photo shows mismatching labels yet: ask the buyer to peel back the top waybill and photograph it beside the base label';
    case 'seller_channel':
      return 'the seller chose the carrier (seller channel): the seller answers for it';
    case 'packaging_damaged_in_transit':
      return `the outer packaging is damaged in transit (${from})`;
    case 'packaging_intact':
      return `the outer packaging arrived intact (${from}): the damage points to the product or its packing`;
    case 'packaging_damaged_seller_carrier':
      return `the outer packaging is damaged (${from}), but the seller chose the carrier`;
    case 'ask_packaging':
      return 'no outer-packaging photos yet: ask the buyer for them, they decide this case';
    case 'no_signed_delivery':
      return 'the carrier shows no signed delivery: check the outbound tracking';
    case 'signed_but_contested':
      return 'the carrier shows delivery with a signature, but the buyer contests it with evidence';
    case 'signed_uncontested':
      return 'the carrier shows delivery with a signature and the buyer has not contested it';
    default: {
      const never: never = f.code;
      return never;
    }
  }
}

export function suggestResponsibility(d: Dispute): Suggestion {
  const s = suggest(d);
  return { ...s, reasons: s.facts.map(reasonWords) };
}

function suggest(d: Dispute): Suggested {
  const platform = d.order.outboundChannel === 'platform';
  if (d.escalation?.reason === 'return_not_received' && d.returnPlan?.deliveredAt !== undefined) {
    return {
      outcome: 'refund',
      responsibility: 'none',
      facts: [{ code: 'return_delivered', at: d.returnPlan.deliveredAt }],
    };
  }
  switch (d.reason) {
    case 'wrong_item':
      return suggestWrongItem(d, platform);
    case 'damaged':
      return suggestDamaged(d, platform);
    case 'not_received':
      return suggestNotReceived(d);
    default:
      return { facts: [{ code: 'no_rule', reason: d.reason }] };
  }
}

function suggestWrongItem(d: Dispute, platform: boolean): Suggested {
  const mismatch = findingIn(d, 'label_comparison_photo', 'labels_mismatch');
  if (platform && mismatch !== undefined) {
    return {
      responsibility: 'logistics',
      facts: [
        { code: 'platform_logistics' },
        { code: 'labels_mismatch', source: sourceOf(mismatch) },
      ],
    };
  }
  return { facts: [{ code: platform ? 'ask_label_comparison' : 'seller_channel' }] };
}

function suggestDamaged(d: Dispute, platform: boolean): Suggested {
  const damaged = findingIn(d, 'outer_packaging_photo', 'packaging_damaged');
  const intact = findingIn(d, 'outer_packaging_photo', 'packaging_intact');
  if (platform && damaged !== undefined && (intact === undefined || damaged.confirmed)) {
    return {
      responsibility: 'logistics',
      facts: [
        { code: 'platform_logistics' },
        { code: 'packaging_damaged_in_transit', source: sourceOf(damaged) },
      ],
    };
  }
  if (intact !== undefined) {
    return {
      responsibility: 'seller',
      facts: [{ code: 'packaging_intact', source: sourceOf(intact) }],
    };
  }
  if (damaged !== undefined) {
    return {
      responsibility: 'seller',
      facts: [{ code: 'packaging_damaged_seller_carrier', source: sourceOf(damaged) }],
    };
  }
  return { facts: [{ code: 'ask_packaging' }] };
}

function suggestNotReceived(d: Dispute): Suggested {
  if (d.order.deliveredWithSignature !== true) {
    return { facts: [{ code: 'no_signed_delivery' }] };
  }
  const contested = d.evidence.some((e) => e.by === 'buyer');
  if (contested) return { facts: [{ code: 'signed_but_contested' }] };
  return {
    responsibility: 'buyer',
    outcome: 'no_refund',
    facts: [{ code: 'signed_uncontested' }],
  };
}
