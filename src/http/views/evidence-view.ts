// One piece of evidence as a viewer sees it: the upload route answers with it and the dispute
// view lists it, so both give the same shape and the same file URLs.
import type { Static } from 'typebox';
import type { Evidence } from '../../domain/index.ts';
import { sharesId, supersededBy } from '../../service/evidence/visibility.ts';
import type { EvidenceView } from '../schemas/dispute-view.ts';

/** The evidence as a caller sees it, with links to its file (and thumbnail, for images). */
export function evidenceView(
  disputeId: string,
  e: Evidence,
  visible: readonly Evidence[],
): Static<typeof EvidenceView> {
  const base = `/v1/disputes/${encodeURIComponent(disputeId)}/evidence/${encodeURIComponent(e.id)}`;
  // When another file the viewer sees has this id (ids are per uploader), the links name whose.
  const by = sharesId(visible, e) ? `?by=${e.by}` : '';
  const replacedBy = supersededBy(visible, e)?.id;
  const { findings, confirmedFindings, at, ...rest } = e;
  return {
    ...rest,
    findings: [...findings],
    ...(confirmedFindings === undefined ? {} : { confirmedFindings: [...confirmedFindings] }),
    at: new Date(at).toISOString(),
    ...(replacedBy === undefined ? {} : { supersededBy: replacedBy }),
    fileUrl: `${base}/file${by}`,
    ...(e.mediaType.startsWith('image/') ? { thumbnailUrl: `${base}/thumbnail${by}` } : {}),
  };
}
