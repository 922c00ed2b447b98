// `settle audit verify`: walks the hash chains and reports the first broken link. Exit code 1
// when a link is broken.
import type { Config } from '../service/config.ts';
import { openStore } from '../service/runtime.ts';
import { verifyChain } from '../store/event-chain.ts';
import { migrate } from '../store/migrate.ts';

export async function auditVerify(
  config: Config,
  o: { json: boolean; disputeId?: string },
): Promise<void> {
  const store = await openStore(config);
  try {
    await migrate(store);
    const report = await verifyChain(store.db, o.disputeId);
    if (o.json) console.log(JSON.stringify(report));
    else if (report.ok)
      console.log(`audit chains intact: ${report.disputes} disputes, ${report.events} events`);
    else
      console.log(
        `audit chain BROKEN: dispute ${report.disputeId}, event ${report.seq} (${report.problem}): expected ${report.expected}, found ${report.found}`,
      );
    if (!report.ok) process.exitCode = 1;
  } finally {
    await store.close();
  }
}
