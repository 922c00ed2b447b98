// Idempotency keys for the API, with Stripe's semantics: the same key and body get the stored
// response; the same key with another body is refused; a request still in flight is a conflict;
// keys are kept 24 h. A thin face over the store so HTTP never touches SQL.
import { createHash } from 'node:crypto';
import {
  beginIdempotent,
  completeIdempotent,
  type IdempotencyOutcome,
  KEY_LENGTH_MAX,
  releaseIdempotent,
} from '../store/idempotency.ts';
import type { Store } from '../store/store.ts';
import type { Clock } from './clock.ts';

export { KEY_LENGTH_MAX as IDEMPOTENCY_KEY_LENGTH_MAX };

export class Idempotency {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

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

  async complete(caller: string, key: string, status: number, body: unknown): Promise<void> {
    await completeIdempotent(this.store.db, { caller, key, status, body });
  }

  async release(caller: string, key: string): Promise<void> {
    await releaseIdempotent(this.store.db, { caller, key });
  }
}
