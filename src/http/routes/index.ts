// Every public route group, in registration order: buildApp's callers pass this list.
import { loadEvidenceConfig } from '../../service/evidence/config.ts';
import { openBlobStore } from '../../service/evidence/open-blob-store.ts';
import { thumbnailSource } from '../../service/evidence/thumbnail-data-uri.ts';
import type { RouteGroup } from '../app.ts';
import { adminApiKeyRoutes } from './admin-api-keys.ts';
import { adminBookRoutes } from './admin-books.ts';
import { adminPolicyRoutes } from './admin-policies.ts';
import { adminUserRoutes } from './admin-users.ts';
import { buyerOrderRoutes } from './buyer-orders.ts';
import { caseFileRoutes } from './case-file.ts';
import { chargebackRoutes } from './chargebacks.ts';
import { clockRoutes } from './clock.ts';
import { disputeActionRoutes } from './dispute-actions.ts';
import { disputeRoutes } from './disputes.ts';
import { eventRoutes } from './events.ts';
import { evidenceRoutesWith } from './evidence.ts';
import { integrationRoutes } from './integration.ts';
import { prometheusRoutes } from './prometheus.ts';
import { refundRoutes } from './refunds.ts';
import { sellerMoneyRoutes } from './seller-money.ts';
import { sessionRoutes } from './session.ts';
import { signInLinkRoutes } from './sign-in-links.ts';
import { simulationRoutes } from './simulations.ts';
import { staffRoutes } from './staff.ts';
import { webhookRoutes } from './webhooks.ts';
import { workbenchRoutes } from './workbench.ts';

// Evidence uploads and case files share one blob store: the case file inlines thumbnails.
async function evidenceAndCaseFiles(...[app, deps]: Parameters<RouteGroup>): Promise<void> {
  const config = loadEvidenceConfig();
  const blobs = openBlobStore(config, deps.runtime.config.dataDir);
  await evidenceRoutesWith({ config, blobs })(app, deps);
  await caseFileRoutes(thumbnailSource(deps.runtime.service, blobs))(app, deps);
}

export const ROUTE_GROUPS: RouteGroup[] = [
  prometheusRoutes,
  sessionRoutes,
  signInLinkRoutes,
  disputeRoutes,
  disputeActionRoutes,
  buyerOrderRoutes,
  evidenceAndCaseFiles,
  staffRoutes,
  workbenchRoutes,
  integrationRoutes,
  chargebackRoutes,
  refundRoutes,
  sellerMoneyRoutes,
  webhookRoutes,
  eventRoutes,
  adminUserRoutes,
  adminApiKeyRoutes,
  adminPolicyRoutes,
  adminBookRoutes,
  clockRoutes,
  simulationRoutes,
];
