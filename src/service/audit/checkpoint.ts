// A signed checkpoint: one dispute's hash-chain head (event count and last hash) signed with an
// Ed25519 key kept outside the database. Whoever holds only the public key can then tell whether
// the stored events still end where they ended when the checkpoint was written: an edited event
// (rehashed or not), a dropped or reordered one, or a cut-off tail all change the head.
import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from '../../store/canonical-json.ts';

/** Names the message layout, so a future layout can never be mistaken for this one. */
export const CHECKPOINT_FORMAT = 'settle-checkpoint/1';

export interface Checkpoint {
  readonly disputeId: string;
  /** The dispute's event count when signed (the seq of its last event). */
  readonly seq: number;
  readonly headHash: string;
  /** Epoch milliseconds. */
  readonly signedAt: number;
  readonly keyId: string;
  /** Base64 Ed25519 signature over checkpointMessage. */
  readonly signature: string;
}

export type UnsignedCheckpoint = Omit<Checkpoint, 'signature'>;

/** The exact bytes signed: canonical JSON of the checkpoint without its signature. */
export function checkpointMessage(c: UnsignedCheckpoint): Buffer {
  return Buffer.from(
    canonicalJson({
      format: CHECKPOINT_FORMAT,
      disputeId: c.disputeId,
      seq: c.seq,
      headHash: c.headHash,
      signedAt: c.signedAt,
      keyId: c.keyId,
    }),
    'utf8',
  );
}

/** The key's fingerprint: SHA-256 of its SubjectPublicKeyInfo, first 32 hex digits. */
export function keyIdOf(key: KeyObject): string {
  // A private key is fingerprinted by its public half.
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 32);
}

/** Signs chain heads with one private key; `keyId` names its public half. */
export class CheckpointSigner {
  readonly keyId: string;
  private readonly privateKey: KeyObject;

  constructor(privateKey: KeyObject) {
    this.privateKey = privateKey;
    if (privateKey.asymmetricKeyType !== 'ed25519')
      throw new Error(`the audit key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
    this.keyId = keyIdOf(privateKey);
  }

  sign(head: Omit<UnsignedCheckpoint, 'keyId'>): Checkpoint {
    const unsigned = { ...head, keyId: this.keyId };
    const signature = sign(null, checkpointMessage(unsigned), this.privateKey).toString('base64');
    return { ...unsigned, signature };
  }
}

/** Trusted public keys by keyId: supplied from outside the database (audit-keys.ts). */
export type Keyring = ReadonlyMap<string, KeyObject>;

export type SignatureCheck = 'valid' | 'unknown_key' | 'bad_signature';

export function checkSignature(c: Checkpoint, keyring: Keyring): SignatureCheck {
  const key = keyring.get(c.keyId);
  if (key === undefined) return 'unknown_key';
  let ok = false;
  try {
    ok = verify(null, checkpointMessage(c), key, Buffer.from(c.signature, 'base64'));
  } catch {
    ok = false;
  }
  return ok ? 'valid' : 'bad_signature';
}
