// A dispute under test: commands go through decide(), events through evolve(), money through
// the ledger, and deadlines fire the way the runner fires them when the virtual clock moves.
import {
  type Account,
  type Actor,
  balanceOf,
  type CommandEnvelope,
  capture,
  DEFAULT_RESOLVED_POLICY,
  type Decision,
  type Dispute,
  type DisputeCommand,
  type DisputeEvent,
  decide,
  evolve,
  isBalanced,
  type LedgerTransaction,
  nextDeadline,
  type OrderFacts,
  type Policy,
  type RejectionCode,
  sumsByCurrency,
  transactionFor,
} from '../../src/domain/index.ts';
import { T0 } from './fixtures.ts';
import { VirtualClock } from './virtual-clock.ts';

export class DisputeWorld {
  readonly clock: VirtualClock;
  readonly events: DisputeEvent[] = [];
  readonly ledger: LedgerTransaction[] = [];
  state: Dispute | undefined;

  readonly order: OrderFacts;
  readonly policy: Policy;

  constructor(order: OrderFacts, policy: Policy = DEFAULT_RESOLVED_POLICY, start = T0) {
    this.order = order;
    this.policy = policy;
    this.clock = new VirtualClock(start);
    this.ledger.push(capture(order));
  }

  get dispute(): Dispute {
    if (this.state === undefined) throw new Error('no dispute opened yet');
    return this.state;
  }

  /** Send a command; returns the decision and applies its events when accepted. */
  try(actor: Actor, command: DisputeCommand): Decision {
    const envelope: CommandEnvelope = { command, actor };
    const decision = decide(envelope, this.state, this.clock.now(), this.policy);
    if (decision.ok) this.apply(decision.events);
    return decision;
  }

  /** Send a command that must be accepted. */
  do(actor: Actor, command: DisputeCommand): readonly DisputeEvent[] {
    const decision = this.try(actor, command);
    if (!decision.ok) {
      throw new Error(
        `${command.type} by ${actor.role} refused: ${decision.rejection.code} (${decision.rejection.message})`,
      );
    }
    return decision.events;
  }

  /** Send a command that must be refused with `code`, changing nothing. */
  refuse(actor: Actor, command: DisputeCommand, code: RejectionCode): void {
    const before = this.state;
    const eventCount = this.events.length;
    const decision = this.try(actor, command);
    if (decision.ok)
      throw new Error(`${command.type} by ${actor.role} was accepted, expected ${code}`);
    if (decision.rejection.code !== code) {
      throw new Error(
        `${command.type} refused with ${decision.rejection.code}, expected ${code}: ${decision.rejection.message}`,
      );
    }
    if (this.state !== before || this.events.length !== eventCount)
      throw new Error('a refusal changed state');
  }

  /** Move the virtual clock, firing every deadline that falls due on the way, in order. */
  advance(ms: number): void {
    const target = this.clock.now() + ms;
    for (let guard = 0; guard < 100; guard += 1) {
      const next = this.state === undefined ? undefined : nextDeadline(this.state);
      if (next === undefined || next.dueAt > target) break;
      this.clock.advance(Math.max(0, next.dueAt - this.clock.now()));
      this.do(
        { role: 'system' },
        {
          type: 'fire_deadline',
          deadline: next.kind,
          ...(next.key === undefined ? {} : { key: next.key }),
        },
      );
    }
    this.clock.advance(target - this.clock.now());
  }

  apply(events: readonly DisputeEvent[]): void {
    for (const e of events) {
      this.state = evolve(this.state, e);
      this.events.push(e);
      const tx = transactionFor(e, this.dispute.order);
      if (tx !== undefined) {
        if (!isBalanced(tx)) throw new Error(`unbalanced ${tx.kind}`);
        this.ledger.push(tx);
      }
    }
  }

  balance(account: Account): bigint {
    return balanceOf(this.ledger, account, this.order.paid.currency);
  }

  /** Every currency's postings across the whole ledger sum to zero. */
  ledgerSums(): bigint[] {
    return [...sumsByCurrency(this.ledger.flatMap((t) => t.postings)).values()];
  }

  eventTypes(): string[] {
    return this.events.map((e) => e.type);
  }
}
