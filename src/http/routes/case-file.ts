// GET a dispute's case file: the same access rules as the dispute itself.

import type { Uploader } from '../../domain/index.ts';
import { exportCaseFile } from '../../service/audit/case-file-export.ts';
import { loadDisputeCase, viewerOf, visibleTo } from '../../service/dispute-case.ts';
import type { RouteGroup } from '../app.ts';
import { problem, sendProblem } from '../problem.ts';
import { DisputeParams, PROBLEMS } from '../schemas/common.ts';
import { caseFileHtml, evidenceKey } from '../views/case-file.ts';
import { actorOf, actorRef } from './dispute-command.ts';

/** Loads a thumbnail as a data URI for the case file; evidence storage plugs in here. */
export type ThumbnailSource = (
  disputeId: string,
  evidenceId: string,
  by: Uploader,
) => Promise<string | undefined>;

export function caseFileRoutes(thumbnails?: ThumbnailSource): RouteGroup {
  return (app, { runtime }) => {
    app.get(
      '/v1/disputes/:disputeId/case-file.json',
      {
        schema: {
          tags: ['disputes'],
          summary:
            'Staff: every event with its hashes and the signed chain head, to verify offline (`settle audit verify-export`)',
          params: DisputeParams,
          response: { ...PROBLEMS },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request.caller, reply);
        if (actor === undefined) return reply;
        const c = await loadDisputeCase(runtime.store, request.params.disputeId);
        const viewer = c === undefined ? undefined : viewerOf(c.dispute, actorRef(actor));
        if (c === undefined || viewer === undefined || viewer.kind === 'none')
          return sendProblem(reply, problem(404, 'dispute.not_found', 'no such dispute'));
        // The chain covers arbitrator-only events too: a party's copy could not verify
        // without them (docs/audit.md).
        if (viewer.kind !== 'staff')
          return sendProblem(
            reply,
            problem(403, 'auth.forbidden', 'the verifiable export is for arbitrators and admins'),
          );
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="case-file-${c.dispute.id}.json"`)
          .send((await exportCaseFile(runtime.store, c.dispute.id)) as never);
      },
    );
    app.get(
      '/v1/disputes/:disputeId/case-file',
      {
        schema: {
          tags: ['disputes'],
          summary:
            'A self-contained printable HTML case file (timeline, offers, evidence with SHA-256, tracking, ledger, ruling, audit-chain head)',
          params: DisputeParams,
          produces: ['text/html'],
          response: { ...PROBLEMS },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request.caller, reply);
        if (actor === undefined) return reply;
        const c = await loadDisputeCase(runtime.store, request.params.disputeId);
        const viewer = c === undefined ? undefined : viewerOf(c.dispute, actorRef(actor));
        if (c === undefined || viewer === undefined || viewer.kind === 'none')
          return sendProblem(reply, problem(404, 'dispute.not_found', 'no such dispute'));
        const images = new Map<string, string>();
        if (thumbnails !== undefined) {
          // Only what the viewer sees, keyed by uploader and id: two parties' files may share
          // an id, and the other's hidden one must never lend its picture.
          for (const e of c.dispute.evidence
            .filter((x) => x.mediaType.startsWith('image/') && visibleTo(viewer, x))
            .slice(0, 50)) {
            const uri = await thumbnails(c.dispute.id, e.id, e.by);
            if (uri !== undefined) images.set(evidenceKey(e), uri);
          }
        }
        return reply
          .type('text/html; charset=utf-8')
          .header(
            'content-security-policy',
            "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
          )
          .header('content-disposition', `inline; filename="case-file-${c.dispute.id}.html"`)
          .send(caseFileHtml(c, viewer, images, await runtime.clock.now()) as never);
      },
    );
  };
}
