// `settle metrics check`: recomputes every seller's metrics from events (the fold) and compares
// them with the metrics projection the reads serve (issue 9, P5). Exit code 1 on a mismatch,
// listing the sellers. Read at the dispute clock's now: the virtual clock's when one is in use.
import { instant } from '../domain/index.ts';
import { DatabaseClock } from '../service/clock.ts';
import type { Config } from '../service/config.ts';
import { checkSellerMetrics } from '../service/metrics-check.ts';
import { openStore } from '../service/runtime.ts';
import { migrate } from '../store/migrate.ts';
import type { Store } from '../store/store.ts';

export async function metricsCheck(config: Config, json: boolean): Promise<void> {
  const store = await openStore(config);
  try {
    await migrate(store);
    const now = await nowOf(store, config);
    const report = await checkSellerMetrics(store, now);
    if (json) console.log(JSON.stringify(report));
    else if (report.ok)
      console.log(
        `seller metrics reconciled: ${report.sellers} sellers, projection equals the fold`,
      );
    else {
      console.log(`seller metrics MISMATCH for ${report.mismatches.length} seller(s)`);
      for (const m of report.mismatches)
        console.log(
          `  ${m.sellerId}: projected ${JSON.stringify(m.projected)}, folded ${JSON.stringify(m.folded)}`,
        );
    }
    if (!report.ok) process.exitCode = 1;
  } finally {
    await store.close();
  }
}

async function nowOf(store: Store, config: Config) {
  if (config.clock === 'virtual') {
    const saved = await store.db.selectFrom('virtual_clock').select('now').executeTakeFirst();
    if (saved !== undefined) return instant(saved.now.getTime());
  }
  return new DatabaseClock(store).now();
}
