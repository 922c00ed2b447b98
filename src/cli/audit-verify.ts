// `settle audit verify`: walks the hash chains and reports the first broken link, then checks
// every dispute's signed checkpoint against the trusted public keys (SETTLE_AUDIT_PUBLIC_KEYS
// and the public half of SETTLE_AUDIT_KEY_FILE, both outside the database): the events must
// still end at the signed head. Exit code 1 when anything fails.
import { loadKeyring } from '../service/audit/audit-keys.ts';
import { verifyCheckpoints } from '../service/audit/verify-checkpoints.ts';
import type { Config } from '../service/config.ts';
import { openStore } from '../service/runtime.ts';
import { verifyChain } from '../store/event-chain.ts';
import { migrate } from '../store/migrate.ts';

export async function auditVerify(
  config: Config,
  o: { json: boolean; disputeId?: string },
): Promise<void> {
  const keyring = loadKeyring([config.auditPublicKeys], [config.auditKeyFile]);
  const store = await openStore(config);
  try {
    await migrate(store);
    const report = await verifyChain(store.db, o.disputeId);
    const checkpoints = await verifyCheckpoints(store.db, keyring, o.disputeId);
    if (o.json)
      console.log(JSON.stringify({ ...report, ok: report.ok && checkpoints.ok, checkpoints }));
    else {
      if (report.ok)
        console.log(`audit chains intact: ${report.disputes} disputes, ${report.events} events`);
      else
        console.log(
          `audit chain BROKEN: dispute ${report.disputeId}, event ${report.seq} (${report.problem}): expected ${report.expected}, found ${report.found}`,
        );
      if (checkpoints.ok)
        console.log(
          `signed checkpoints match: ${checkpoints.checkpoints} checkpoints, ${checkpoints.keys} trusted keys`,
        );
      else {
        console.log(`signed checkpoints FAIL: ${checkpoints.problemCount} problem(s)`);
        for (const p of checkpoints.problems)
          console.log(`  ${p.disputeId}: ${p.problem}: ${p.detail}`);
        if (checkpoints.keys === 0)
          console.log('  no trusted public key: set SETTLE_AUDIT_PUBLIC_KEYS (docs/audit.md)');
      }
    }
    if (!report.ok || !checkpoints.ok) process.exitCode = 1;
  } finally {
    await store.close();
  }
}
