// `settle audit checkpoint`: signs the chain head of every dispute that has none yet (disputes
// written before this version signed checkpoints), after checking its chain link by link. A
// dispute whose chain is already broken is left unsigned and listed; exit code 1 then. `settle
// serve` and `settle runner` do the same on start; this runs it on demand. Running it twice
// changes nothing.
import { openSigner } from '../service/audit/audit-keys.ts';
import { backfillCheckpoints } from '../service/audit/backfill-checkpoints.ts';
import { DatabaseClock } from '../service/clock.ts';
import type { Config } from '../service/config.ts';
import { openStore } from '../service/runtime.ts';
import { migrate } from '../store/migrate.ts';

export async function auditCheckpoint(config: Config, o: { json: boolean }): Promise<void> {
  const signer = openSigner(
    config.auditKeyFile,
    config.auditPublicKeysDefault ? config.auditPublicKeys : undefined,
  );
  const store = await openStore(config);
  try {
    await migrate(store);
    const now = await new DatabaseClock(store).now();
    const report = await backfillCheckpoints(store.db, signer, { now });
    if (o.json) console.log(JSON.stringify({ ok: report.refusedCount === 0, ...report }));
    else {
      console.log(`signed ${report.signed} checkpoint(s) of disputes that had none`);
      if (report.refusedCount > 0) {
        console.log(
          `${report.refusedCount} dispute(s) with a broken chain left unsigned (not blessed):`,
        );
        for (const r of report.refused) console.log(`  ${r.disputeId}: ${r.problem}: ${r.detail}`);
      }
    }
    if (report.refusedCount > 0) process.exitCode = 1;
  } finally {
    await store.close();
  }
}
