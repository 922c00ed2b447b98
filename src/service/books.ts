// The books over HTTP (issue 12): the same two checks as `settle ledger check` and `settle audit
// verify`, run by the same functions. Each reads the whole ledger or every chain, so one run at a
// time per server: a second request while one runs is refused rather than queued, and the
// reports are already bounded (at most 100 findings each, counts exact).

import { type ChainReport, verifyChain } from '../store/event-chain.ts';
import { checkLedger, type LedgerReport } from '../store/ledger-store.ts';
import type { Store } from '../store/store.ts';
import { loadKeyring } from './audit/audit-keys.ts';
import { type CheckpointReport, verifyCheckpoints } from './audit/verify-checkpoints.ts';
import type { Config } from './config.ts';
import { checkLedgerTies, type LedgerTiesReport } from './ledger-ties.ts';

export interface LedgerCheckResult {
  readonly ok: boolean;
  readonly ledger: LedgerReport;
  readonly ties: LedgerTiesReport;
}

export interface AuditVerifyResult {
  readonly ok: boolean;
  readonly chain: ChainReport;
  readonly checkpoints: CheckpointReport;
}

export async function runLedgerCheck(store: Store): Promise<LedgerCheckResult> {
  const ledger = await checkLedger(store.db);
  const ties = await checkLedgerTies(store.db);
  return { ok: ledger.ok && ties.ok, ledger, ties };
}

export async function runAuditVerify(
  store: Store,
  config: Pick<Config, 'auditPublicKeys' | 'auditKeyFile'>,
): Promise<AuditVerifyResult> {
  // Read per run: an operator may add a trusted key without restarting the server.
  const keyring = loadKeyring([config.auditPublicKeys], [config.auditKeyFile]);
  const chain = await verifyChain(store.db);
  const checkpoints = await verifyCheckpoints(store.db, keyring);
  return { ok: chain.ok && checkpoints.ok, chain, checkpoints };
}

/** One check at a time: `run` answers undefined while another is still running. */
export function singleFlight(): <T>(work: () => Promise<T>) => Promise<T | undefined> {
  let busy = false;
  return async (work) => {
    if (busy) return undefined;
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  };
}
