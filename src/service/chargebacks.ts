// Chargebacks (拒付) through the engine's small decider: open, defend, lapse, decide. Each
// command is one transaction (chargeback-writer.ts). The escrow hold lives on the order's
// disputes, so once an open or an outcome commits, the order's disputes are told
// (record_escrow_hold, each its own transaction) whether any chargeback of the order is still
// undecided: frozen while one is, lifted when none is. Sending it is idempotent, so a retried
// request repairs holds a failure left unsent. A dispute opened while one is undecided starts
// frozen (DisputeService.open), and each hold is worked out inside its dispute's write
// (chargeback-holds.ts), so concurrent decisions on one order converge.
import type { Logger } from 'pino';
import {
  type Actor,
  type Chargeback,
  type ChargebackEvent,
  type ChargebackId,
  type ChargebackStage,
  type DefenceEvidence,
  type DisputeId,
  defenceFiles,
  type EvidenceId,
  type Instant,
  type Money,
  money,
  type OrderId,
  type RejectionCode,
  SYSTEM,
} from '../domain/index.ts';
import { ConcurrencyConflict, isUniqueViolation } from '../store/errors.ts';
import type { Store } from '../store/store.ts';
import { chargebackCommand, UNDECIDED } from './chargeback-holds.ts';
import {
  type ChargebackWritten,
  decideAndWriteChargeback,
  type LoadedChargeback,
  loadChargeback,
  loadedChargeback,
  type ShellRefusal,
} from './chargeback-writer.ts';
import type { Clock } from './clock.ts';
import { type DisputeService, RETRIES_MAX } from './dispute-service.ts';
import { ConflictError } from './errors.ts';
import { claimKey, completeKey, type KeyScope } from './idempotency.ts';
import { loadOrderFacts } from './order-facts.ts';
import { loadPolicy } from './policy-store.ts';

/** The engine shares these codes with disputes; callers of chargebacks read them renamed. */
const RENAMED = {
  'dispute.not_found': 'chargeback.not_found',
  'dispute.already_exists': 'chargeback.already_exists',
  'dispute.wrong_state': 'chargeback.wrong_state',
} as const satisfies Partial<Record<RejectionCode, string>>;
type Renamed = keyof typeof RENAMED;

export type ChargebackRejectionCode =
  | Exclude<RejectionCode, Renamed>
  | (typeof RENAMED)[Renamed]
  | ShellRefusal['code'];

export interface ChargebackRejection {
  readonly code: ChargebackRejectionCode;
  readonly message: string;
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

export type ChargebackResult =
  | {
      readonly ok: true;
      readonly chargeback: Chargeback;
      readonly version: number;
      readonly events: readonly ChargebackEvent[];
    }
  | { readonly ok: false; readonly rejection: ChargebackRejection };

export interface OpenChargebackInput {
  readonly chargebackId: ChargebackId;
  readonly orderId: OrderId;
  readonly amount: Money;
  readonly reasonCode?: string;
  readonly network?: string;
  readonly stage?: ChargebackStage;
  readonly fee?: Money;
}

export interface DefenceInput {
  readonly evidenceIds: readonly EvidenceId[];
  readonly note: string;
  readonly evidence?: DefenceEvidence;
}

/** Statuses in which the processor has not decided, so the order's escrow stays frozen. */
export const FIRE_BATCH_DEFAULT = 100;

export class ChargebackService {
  readonly store: Store;
  readonly clock: Clock;
  private readonly disputes: DisputeService;
  private readonly logger: Logger | undefined;
  /** Called after each commit with events (the runtime wakes its webhook worker). */
  private readonly onWritten: (() => void) | undefined;

  constructor(
    store: Store,
    clock: Clock,
    disputes: DisputeService,
    logger?: Logger,
    onWritten?: () => void,
  ) {
    this.store = store;
    this.clock = clock;
    this.disputes = disputes;
    this.logger = logger;
    this.onWritten = onWritten;
  }

  /**
   * The processor disputes the payment: the order's escrow freezes until it decides. With `key`,
   * the request's idempotency key commits (or rolls back) with the chargeback, as for disputes.
   */
  async open(
    actor: Actor,
    input: OpenChargebackInput,
    key?: KeyScope<ChargebackResult>,
  ): Promise<ChargebackResult> {
    const result = await this.#write(input.chargebackId, key, async (trx, now) => {
      const order = await loadOrderFacts(trx, input.orderId);
      if (order === undefined)
        return refuse({ code: 'order.not_found', message: `no order ${input.orderId}` });
      const policy = await loadPolicy(trx, order);
      const loaded = await loadChargeback(trx, input.chargebackId);
      // An earlier undecided chargeback on the order claims its part of the payment too: the
      // engine's cap (paid minus refunded minus taken by chargebacks) counts it.
      const claimed = await claimedByChargebacks(trx, input.orderId, input.chargebackId);
      const facts = {
        ...order,
        refundedBefore: money(order.refundedBefore.minor + claimed, order.paid.currency),
      };
      const command = {
        type: 'open_chargeback' as const,
        chargebackId: input.chargebackId,
        order: facts,
        amount: input.amount,
        ...reported(input),
      };
      return decideAndWriteChargeback(trx, loaded, {
        actor,
        command,
        now,
        policy: policy.values,
      });
    });
    await this.#converge(input.chargebackId, result);
    return result;
  }

  /** The order's seller answers with evidence they uploaded on the order's disputes. */
  async submitDefence(
    actor: Actor,
    chargebackId: ChargebackId,
    defence: DefenceInput,
    key?: KeyScope<ChargebackResult>,
  ): Promise<ChargebackResult> {
    return this.#write(chargebackId, key, async (trx, now) => {
      const loaded = await loadChargeback(trx, chargebackId);
      const command = { type: 'submit_defence' as const, ...defence };
      const orderId = loaded?.chargeback.order.orderId;
      return decideAndWriteChargeback(trx, loaded, {
        actor,
        command,
        now,
        // After the engine's checks (role, party, window), so a stranger learns nothing here.
        check: async () => {
          if (orderId === undefined) return undefined;
          const files = defenceFiles(defence.evidenceIds, defence.evidence);
          const unknown = await unknownEvidence(trx, orderId, files);
          if (unknown.length === 0) return undefined;
          return {
            code: 'chargeback.evidence_unknown',
            message: `no evidence you uploaded on this order's disputes has the id ${unknown.join(', ')}`,
            detail: { unknown: unknown.join(',') },
          };
        },
      });
    });
  }

  /**
   * The processor's decision: lost takes the money (escrow first), all of it or the part lost;
   * either lifts the hold.
   */
  async recordOutcome(
    actor: Actor,
    chargebackId: ChargebackId,
    outcome: 'won' | 'lost',
    key?: KeyScope<ChargebackResult>,
    amountLost?: Money,
  ): Promise<ChargebackResult> {
    const command = {
      type: 'record_processor_outcome' as const,
      outcome,
      ...(amountLost === undefined ? {} : { amountLost }),
    };
    const result = await this.#write(chargebackId, key, async (trx, now) =>
      decideAndWriteChargeback(trx, await loadChargeback(trx, chargebackId), {
        actor,
        command,
        now,
      }),
    );
    await this.#converge(chargebackId, result);
    return result;
  }

  /** The processor moved the case to a later stage: a fresh defence window under the policy. */
  async recordStage(
    actor: Actor,
    chargebackId: ChargebackId,
    stage: ChargebackStage,
    key?: KeyScope<ChargebackResult>,
  ): Promise<ChargebackResult> {
    return this.#write(chargebackId, key, async (trx, now) => {
      const loaded = await loadChargeback(trx, chargebackId);
      const order = loaded?.chargeback.order;
      const policy = order === undefined ? undefined : await loadPolicy(trx, order);
      return decideAndWriteChargeback(trx, loaded, {
        actor,
        command: { type: 'record_stage', stage },
        now,
        ...(policy === undefined ? {} : { policy: policy.values }),
      });
    });
  }

  /** The order's seller accepts the chargeback: lost at once, the money moves, the hold lifts. */
  async concede(
    actor: Actor,
    chargebackId: ChargebackId,
    key?: KeyScope<ChargebackResult>,
  ): Promise<ChargebackResult> {
    const result = await this.#write(chargebackId, key, async (trx, now) =>
      decideAndWriteChargeback(trx, await loadChargeback(trx, chargebackId), {
        actor,
        command: { type: 'concede_chargeback' },
        now,
      }),
    );
    await this.#converge(chargebackId, result);
    return result;
  }

  async get(chargebackId: string): Promise<LoadedChargeback | undefined> {
    return loadChargeback(this.store.db, chargebackId);
  }

  /** Lapses the defences due by `now`; the deadline runner calls this after its dispute batch. */
  async fireDue(now: Instant, limit = FIRE_BATCH_DEFAULT): Promise<number> {
    return fireDueChargebacks(this.store, now, limit);
  }

  /**
   * Tells every dispute of the order whether its escrow is held: frozen while any chargeback of
   * the order is undecided. A chargeback decided against the seller closes the open ones
   * (close_by_chargeback). Idempotent (the engine ignores a hold it already has), so calling it
   * again only converges.
   */
  async syncHolds(orderId: OrderId, chargebackId: ChargebackId): Promise<void> {
    const rows = await this.store.db
      .selectFrom('disputes')
      .select('id')
      .where('order_id', '=', orderId)
      .execute();
    for (const row of rows) {
      // Worked out inside each dispute's write: see chargeback-holds.ts for why that converges.
      const written = await this.disputes.handleDerived(
        row.id as DisputeId,
        SYSTEM,
        (trx, loaded) => chargebackCommand(trx, loaded.dispute, chargebackId),
      );
      if (!written.ok)
        this.logger?.error({ disputeId: row.id, rejection: written.rejection }, 'hold refused');
    }
  }

  /**
   * Sends the holds after the chargeback committed, or after a refused retry of the same request:
   * if sending failed the first time (the caller saw an error), the retry repairs it.
   */
  async #converge(chargebackId: ChargebackId, result: ChargebackResult): Promise<void> {
    const c = result.ok ? result.chargeback : (await this.get(chargebackId))?.chargeback;
    if (c !== undefined) await this.syncHolds(c.order.orderId, c.id);
  }

  /**
   * Sends the holds of a chargeback whose request is answered from its idempotency key: the
   * first attempt may have committed and then died before the holds went out.
   */
  async converge(chargebackId: ChargebackId): Promise<void> {
    const loaded = await this.get(chargebackId);
    if (loaded !== undefined) await this.syncHolds(loaded.chargeback.order.orderId, chargebackId);
  }

  /**
   * Runs `work` in a transaction, retried on a lost version check. With a key, the key is
   * claimed first in the same transaction (KeyAlreadyUsed when another request has it) and the
   * outcome stored last: the key commits with the chargeback or not at all.
   */
  async #write(
    chargebackId: string,
    key: KeyScope<ChargebackResult> | undefined,
    work: (trx: Store['db'], now: Instant) => Promise<ChargebackWritten>,
  ): Promise<ChargebackResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        // Read the clock before the transaction: PGlite queues a query outside an open one.
        const now = await this.clock.now();
        const result = await this.store.db.transaction().execute(async (trx) => {
          if (key !== undefined) await claimKey(trx, key, now);
          const outcome = renamed(await work(trx, now));
          if (key !== undefined) await completeKey(trx, key, outcome);
          return outcome;
        });
        if (result.ok && result.events.length > 0) this.onWritten?.();
        return result;
      } catch (error) {
        // Two opens of one new id collide on its primary key: the retry finds it and is refused.
        const collided = isUniqueViolation(error) && String(error).includes('chargebacks_pkey');
        if (!collided && !(error instanceof ConcurrencyConflict)) throw error;
        if (attempt >= RETRIES_MAX)
          throw new ConflictError(chargebackId, attempt, { cause: error });
        this.logger?.debug({ chargebackId, attempt }, 'concurrent change, retrying');
      }
    }
  }
}

/**
 * Claims chargebacks whose defence window closed (FOR UPDATE SKIP LOCKED, so runners in several
 * processes share the work) and lapses each, in one transaction. Returns how many lapsed.
 */
export async function fireDueChargebacks(
  store: Store,
  now: Instant,
  limit = FIRE_BATCH_DEFAULT,
): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('chargebacks')
      .select(['state', 'version'])
      .where('status', '=', 'awaiting_defence')
      .where('defence_due_at', '<=', new Date(now))
      .orderBy('defence_due_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    let fired = 0;
    for (const row of rows) {
      const written = await decideAndWriteChargeback(trx, loadedChargeback(row), {
        actor: SYSTEM,
        command: { type: 'fire_defence_deadline' },
        now,
      });
      if (written.ok) fired += 1;
    }
    return fired;
  });
}

/**
 * What the order's other undecided chargebacks claim of its payment. Won ones claim nothing;
 * what lost ones took is in the order facts (chargebacksTaken), from the ledger.
 */
async function claimedByChargebacks(
  trx: Store['db'],
  orderId: OrderId,
  except: ChargebackId,
): Promise<bigint> {
  const rows = await trx
    .selectFrom('chargebacks')
    .select('amount_minor')
    .where('order_id', '=', orderId)
    .where('id', '!=', except)
    .where('status', 'in', UNDECIDED)
    .execute();
  return rows.reduce((sum, row) => sum + row.amount_minor, 0n);
}

/** The ids that are not evidence the seller uploaded on a dispute of this order. */
async function unknownEvidence(
  trx: Store['db'],
  orderId: OrderId,
  ids: readonly EvidenceId[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('evidence')
    .innerJoin('disputes', 'disputes.id', 'evidence.dispute_id')
    .select('evidence.id')
    .where('disputes.order_id', '=', orderId)
    .where('evidence.uploaded_by_role', '=', 'seller')
    .where('evidence.id', 'in', ids)
    .execute();
  const known = new Set(rows.map((row) => row.id));
  return [...new Set(ids)].filter((id) => !known.has(id));
}

/** The processor's optional facts about a new chargeback, those it reported. */
function reported(input: OpenChargebackInput) {
  const { reasonCode, network, stage, fee } = input;
  return {
    ...(reasonCode === undefined ? {} : { reasonCode }),
    ...(network === undefined ? {} : { network }),
    ...(stage === undefined ? {} : { stage }),
    ...(fee === undefined ? {} : { fee }),
  };
}

function refuse(rejection: ShellRefusal): ChargebackWritten {
  return { ok: false, rejection };
}

function renamed(written: ChargebackWritten): ChargebackResult {
  if (written.ok) return written;
  const { code } = written.rejection;
  if (!(code in RENAMED)) return written as ChargebackResult;
  return { ok: false, rejection: { ...written.rejection, code: RENAMED[code as Renamed] } };
}
