// Every public route group, in registration order: buildApp's callers pass this list.
import type { RouteGroup } from '../app.ts';
import { caseFileRoutes } from './case-file.ts';
import { clockRoutes } from './clock.ts';
import { disputeActionRoutes } from './dispute-actions.ts';
import { disputeRoutes } from './disputes.ts';
import { integrationRoutes } from './integration.ts';
import { prometheusRoutes } from './prometheus.ts';
import { sessionRoutes } from './session.ts';
import { staffRoutes } from './staff.ts';

export const ROUTE_GROUPS: RouteGroup[] = [
  prometheusRoutes,
  sessionRoutes,
  disputeRoutes,
  disputeActionRoutes,
  caseFileRoutes(),
  staffRoutes,
  integrationRoutes,
  clockRoutes,
];
