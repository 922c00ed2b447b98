// Vitest global setup: build the web console once, before any test starts a server. Servers
// build it themselves when it is stale (src/service/console/assets.ts), and many test files
// start servers side by side: this keeps them from each building it at once.
import { ensureConsoleBuilt } from '../../src/service/console/assets.ts';

export default async function setup(): Promise<void> {
  await ensureConsoleBuilt();
}
