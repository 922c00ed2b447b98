// Idempotency keys for the API, with Stripe's semantics: the same key and body get the stored
// response; the same key with another body is refused; a request still in flight is a conflict;
// keys are kept 24 h. A thin face over the store so HTTP never touches SQL.
//
// Two ways to hold a key. Commands of the dispute and chargeback services claim and complete it inside their own
// transaction (KeyScope): the key and the command commit together or not at all, and what is
// stored is compact (status + a reference to rebuild the body from, or the small problem body).
// Other writes claim it before running and complete it after (begin/complete/release).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  beginIdempotent,
  completeClaimed,
  completeIdempotent,
  type IdempotencyOutcome,
  KEY_LENGTH_MAX,
  peekIdempotent,
  RESPONSE_BODY_BYTES_MAX,
  releaseIdempotent,
} from '../store/idempotency.ts';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import type { Clock } from './clock.ts';

export type { IdempotencyOutcome };
export { KEY_LENGTH_MAX as IDEMPOTENCY_KEY_LENGTH_MAX, RESPONSE_BODY_BYTES_MAX };

/** What a key replays: the HTTP status and a body (or a reference to rebuild one from). */
export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

/** A request's key, to claim and complete inside the transaction of the command it guards. */
export interface KeyScope<W> {
  readonly caller: string;
  readonly key: string;
  /** A hash of what "the same request" means (method, path, body or uploaded bytes). */
  readonly requestHash: string;
  /** The response to store for the command's outcome, computed inside the transaction. */
  readonly respond: (outcome: W) => StoredResponse;
}

/** The key was already used (by a request that committed first, or with other parameters). */
export class KeyAlreadyUsed extends Error {
  override readonly name = 'KeyAlreadyUsed';
  readonly outcome: Exclude<IdempotencyOutcome, { kind: 'new' }>;
  constructor(outcome: Exclude<IdempotencyOutcome, { kind: 'new' }>) {
    super(`idempotency key already used: ${outcome.kind}`);
    this.outcome = outcome;
  }
}

/**
 * Claims the key in `trx`; throws KeyAlreadyUsed (rolling the transaction back) when another
 * request has it. On PostgreSQL a concurrent request with the same key waits here until the
 * first commits, then replays it.
 */
export async function claimKey<W>(
  trx: Kysely<Database>,
  scope: KeyScope<W>,
  now: number,
): Promise<void> {
  const outcome = await beginIdempotent(trx, {
    caller: scope.caller,
    key: scope.key,
    requestHash: scope.requestHash,
    now,
  });
  if (outcome.kind !== 'new') throw new KeyAlreadyUsed(outcome);
}

/** Stores the outcome of the command under the key claimed in the same transaction. */
export async function completeKey<W>(
  trx: Kysely<Database>,
  scope: KeyScope<W>,
  outcome: W,
): Promise<void> {
  const response = scope.respond(outcome);
  await completeClaimed(trx, { caller: scope.caller, key: scope.key, ...response });
}

export class Idempotency {
  private readonly store: Store;
  private readonly clock: Clock;
  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  static hash(method: string, path: string, body: string): string {
    return createHash('sha256').update(`${method}\n${path}\n${body}`).digest('hex');
  }

  async begin(caller: string, key: string, requestHash: string): Promise<IdempotencyOutcome> {
    return beginIdempotent(this.store.db, {
      caller,
      key,
      requestHash,
      now: await this.clock.now(),
    });
  }

  /** What a retry would get, claiming nothing ('absent': run it). */
  async peek(
    caller: string,
    key: string,
    requestHash: string,
  ): Promise<Exclude<IdempotencyOutcome, { kind: 'new' }> | { kind: 'absent' }> {
    return peekIdempotent(this.store.db, {
      caller,
      key,
      requestHash,
      now: await this.clock.now(),
    });
  }

  async complete(caller: string, key: string, status: number, body: unknown): Promise<void> {
    await completeIdempotent(this.store.db, { caller, key, status, body });
  }

  async release(caller: string, key: string): Promise<void> {
    await releaseIdempotent(this.store.db, { caller, key });
  }
}
