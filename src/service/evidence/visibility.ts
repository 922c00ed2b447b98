// Who may see a dispute's evidence. The parties and staff (any arbitrator, and admins, as in
// dispute-case.ts's viewerOf, so every file a dispute view lists can be fetched) see the dispute;
// evidence a party marked for the arbitrator only is hidden from the other party. Everything else
// answers as if it did not exist (404, never 403), so ids cannot be probed.
import type { Actor, Dispute, Evidence, EvidenceId } from '../../domain/index.ts';
import { viewerOf, visibleTo } from '../dispute-case.ts';

export type EvidenceViewer = 'buyer' | 'seller' | 'staff';

/** How the actor takes part in this dispute, or undefined when it may not see it at all. */
export function evidenceViewerOf(dispute: Dispute, actor: Actor): EvidenceViewer | undefined {
  // One rule for every read of a dispute: dispute-case.ts's viewerOf.
  const viewer = viewerOf(
    dispute,
    actor.role === 'system' ? { role: 'system' } : { role: actor.role, id: actor.id },
  );
  return viewer.kind === 'party' ? viewer.party : viewer.kind === 'staff' ? 'staff' : undefined;
}

export function canSeeEvidence(evidence: Evidence, viewer: EvidenceViewer): boolean {
  return visibleTo(
    viewer === 'staff' ? { kind: 'staff' } : { kind: 'party', party: viewer },
    evidence,
  );
}

/** The dispute's evidence this actor may see, in upload order; empty for strangers. */
export function evidenceFor(dispute: Dispute, actor: Actor): Evidence[] {
  const viewer = evidenceViewerOf(dispute, actor);
  if (viewer === undefined) return [];
  return dispute.evidence.filter((e) => canSeeEvidence(e, viewer));
}

export function visibleEvidence(dispute: Dispute, actor: Actor, id: string): Evidence | undefined {
  return evidenceFor(dispute, actor).find((e) => e.id === id);
}

/** The newer evidence replacing this one, among what the actor can see (so no hidden id leaks). */
export function supersededBy(visible: readonly Evidence[], id: EvidenceId): EvidenceId | undefined {
  return visible.find((e) => e.supersedes === id)?.id;
}
