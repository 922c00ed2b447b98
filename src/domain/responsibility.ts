// The suggested responsibility shown to the arbitrator, with its reasons in words. It only
// suggests: the arbitrator rules. Findings the arbitrator confirmed outweigh those an uploader
// stated, and each reason says which kind it used.
import type { Dispute, Evidence } from './dispute/state.ts';
import type { EvidenceKind, Finding, Responsibility } from './reasons.ts';

export interface Suggestion {
  readonly responsibility?: Responsibility;
  readonly outcome?: 'refund' | 'no_refund';
  readonly reasons: readonly string[];
}

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

function source(f: FoundIn): string {
  return f.confirmed
    ? `confirmed by the arbitrator on ${f.evidence.kind.replaceAll('_', ' ')} ${f.evidence.id}`
    : `stated by the ${f.evidence.by} on ${f.evidence.kind.replaceAll('_', ' ')} ${f.evidence.id} (not yet confirmed)`;
}

export function suggestResponsibility(d: Dispute): Suggestion {
  const platform = d.order.outboundChannel === 'platform';
  if (d.escalation?.reason === 'return_not_received' && d.returnPlan?.deliveredAt !== undefined) {
    return {
      outcome: 'refund',
      responsibility: 'none',
      reasons: [
        `the seller escalated the return as not received, but the return tracking shows it delivered on ${new Date(d.returnPlan.deliveredAt).toISOString()}: refund the buyer`,
      ],
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
      return {
        reasons: [
          `no rule suggests a responsibility for ${d.reason.replaceAll('_', ' ')}: weigh the evidence`,
        ],
      };
  }
}

function suggestWrongItem(d: Dispute, platform: boolean): Suggestion {
  const mismatch = findingIn(d, 'label_comparison_photo', 'labels_mismatch');
  if (platform && mismatch !== undefined) {
    return {
      responsibility: 'logistics',
      reasons: [
        'the order shipped with platform logistics',
        `the top waybill does not match the base label (${source(mismatch)}): the warehouse relabelled the parcel`,
      ],
    };
  }
  const missing = platform
    ? 'no label-comparison photo shows mismatching labels yet: ask the buyer to peel back the top waybill and photograph it beside the base label'
    : 'the seller chose the carrier (seller channel): the seller answers for it';
  return { reasons: [missing] };
}

function suggestDamaged(d: Dispute, platform: boolean): Suggestion {
  const damaged = findingIn(d, 'outer_packaging_photo', 'packaging_damaged');
  const intact = findingIn(d, 'outer_packaging_photo', 'packaging_intact');
  if (platform && damaged !== undefined && (intact === undefined || damaged.confirmed)) {
    return {
      responsibility: 'logistics',
      reasons: [
        'the order shipped with platform logistics',
        `the outer packaging is damaged in transit (${source(damaged)})`,
      ],
    };
  }
  if (intact !== undefined) {
    return {
      responsibility: 'seller',
      reasons: [
        `the outer packaging arrived intact (${source(intact)}): the damage points to the product or its packing`,
      ],
    };
  }
  if (damaged !== undefined) {
    return {
      responsibility: 'seller',
      reasons: [
        `the outer packaging is damaged (${source(damaged)}), but the seller chose the carrier`,
      ],
    };
  }
  return {
    reasons: ['no outer-packaging photos yet: ask the buyer for them, they decide this case'],
  };
}

function suggestNotReceived(d: Dispute): Suggestion {
  if (d.order.deliveredWithSignature !== true) {
    return { reasons: ['the carrier shows no signed delivery: check the outbound tracking'] };
  }
  const contested = d.evidence.some((e) => e.by === 'buyer');
  if (contested) {
    return {
      reasons: [
        'the carrier shows delivery with a signature, but the buyer contests it with evidence',
      ],
    };
  }
  return {
    responsibility: 'buyer',
    outcome: 'no_refund',
    reasons: ['the carrier shows delivery with a signature and the buyer has not contested it'],
  };
}
