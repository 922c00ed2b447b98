// `settle audit verify-export FILE --public-key PEM`: checks a case-file export offline, with
// no database, only the public key: every hash link, and the signed head. Exit code 1 when it
// does not verify.
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { verifyExport } from '../service/audit/case-file-export.ts';

export function auditVerifyExport(file: string, o: { publicKey: string; json: boolean }): void {
  const key = createPublicKey(readFileSync(o.publicKey, 'utf8'));
  const check = verifyExport(readFileSync(file, 'utf8'), key);
  if (o.json) console.log(JSON.stringify(check));
  else if (check.ok)
    console.log(
      `export verifies: dispute ${check.disputeId}, ${check.events} events, signed by key ${check.keyId}`,
    );
  else console.log(`export does NOT verify: ${check.problem}`);
  if (!check.ok) process.exitCode = 1;
}
