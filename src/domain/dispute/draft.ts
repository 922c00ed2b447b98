// A decision in progress: events are evolved as they are emitted, so each rule after the first
// sees the state the earlier events made (a refund lowers escrow before the release is computed).
import type { Actor } from '../actor.ts';
import type { Instant } from '../instant.ts';
import type { Rejection } from '../rejections.ts';
import type { DisputeEvent } from './events.ts';
import { evolve } from './evolve.ts';
import type { Dispute } from './state.ts';

export type EventBody = DisputeEvent extends infer E
  ? E extends DisputeEvent
    ? Omit<E, 'at' | 'actor'>
    : never
  : never;

export class Draft {
  readonly events: DisputeEvent[] = [];
  #state: Dispute | undefined;

  readonly actor: Actor;
  readonly now: Instant;

  constructor(state: Dispute | undefined, actor: Actor, now: Instant) {
    this.#state = state;
    this.actor = actor;
    this.now = now;
  }

  emit(body: EventBody): void {
    const event = { ...body, at: this.now, actor: this.actor } as DisputeEvent;
    this.#state = evolve(this.#state, event);
    this.events.push(event);
  }

  get dispute(): Dispute {
    if (this.#state === undefined) throw new Error('no dispute in this draft yet');
    return this.#state;
  }
}

/** A handler returns a rejection to refuse, or nothing after emitting its events. */
export type Outcome = Rejection | undefined;
