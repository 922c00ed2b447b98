// Who may see a dispute's evidence. The parties and staff (any arbitrator, and admins, as in
// dispute-case.ts's viewerOf, so every file a dispute view lists can be fetched) see the dispute;
// evidence a party marked for the arbitrator only is hidden from the other party. Everything else
// answers as if it did not exist (404, never 403), so ids cannot be probed.
import type { Actor, Dispute, Evidence, Uploader } from '../../domain/index.ts';
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

/** What an id (and optionally its uploader) names among the files an actor may see. */
export type Resolved =
  | { readonly kind: 'found'; readonly evidence: Evidence }
  | { readonly kind: 'not_found' }
  /** Two visible files share the id (ids are per uploader): the caller names one of these. */
  | { readonly kind: 'ambiguous'; readonly choices: readonly Uploader[] };

/**
 * The visible file an id names for this actor: the named uploader's when `by` is given, else the
 * caller's own, else the only one. Two parties' files can share an id only when one was hidden
 * from the other's maker (domain/dispute/item-ids.ts), so only staff, who see both, meet it.
 */
export function resolveEvidence(
  visible: readonly Evidence[],
  actor: Actor,
  id: string,
  by?: Uploader,
): Resolved {
  const named = visible.filter((e) => e.id === id && (by === undefined || e.by === by));
  const own = named.find((e) => e.by === actor.role);
  const [first] = named;
  if (own !== undefined) return { kind: 'found', evidence: own };
  if (first === undefined) return { kind: 'not_found' };
  if (named.length === 1) return { kind: 'found', evidence: first };
  return { kind: 'ambiguous', choices: named.map((e) => e.by) };
}

/** Whether another visible file has this one's id: its links must then name the uploader. */
export function sharesId(visible: readonly Evidence[], e: Evidence): boolean {
  return visible.some((x) => x.id === e.id && x.by !== e.by);
}

/** The newer evidence replacing this one, among what the actor can see (so no hidden id leaks). */
export function supersededBy(visible: readonly Evidence[], old: Evidence): Evidence | undefined {
  // A file supersedes only its own uploader's (ids are per uploader).
  return visible.find((e) => e.supersedes === old.id && e.by === old.by);
}
