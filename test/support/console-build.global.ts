// Vitest global setup: build the web console once, before any test starts a server. Servers
// build it themselves when it is stale (src/service/console/assets.ts), and many test files
// start servers side by side: this keeps them from each building it at once.
// It also builds the run's migrated PGlite template once (pglite-template.ts), for the same
// reason: test files would otherwise each build it at once.
import { ensureConsoleBuilt } from '../../src/service/console/assets.ts';
import { ensurePgliteTemplate } from './pglite-template.ts';

export default async function setup(): Promise<void> {
  await Promise.all([ensureConsoleBuilt(), ensurePgliteTemplate()]);
}
