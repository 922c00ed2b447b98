// Drives the simulated marketplace through the real service on a virtual clock: quiet orders in
// bulk, each disputed order fed and opened when its buyer opens, then its agent woken on the
// agenda (behaviour.ts decides, the engine rules); the deadline runner fires what falls due,
// exactly as in production. Everything is ordered by the agenda: same seed, same run.
import { createHash } from 'node:crypto';
import type { ChargebackId } from '../domain/ids.ts';
import {
  type Actor,
  DAY_MS,
  type DisputeId,
  type EvidenceId,
  type EvidenceInput,
  type Instant,
  money,
  nextDeadline,
  type OrderId,
  type PolicyValues,
} from '../domain/index.ts';
import type { VirtualClock } from '../service/clock.ts';
import {
  recordOrder,
  recordOrderStatus,
  recordShipment,
  recordTracking,
  upsertSeller,
} from '../service/marketplace.ts';
import { addPolicyVersion } from '../service/policy-store.ts';
import type { Runtime } from '../service/runtime.ts';
import { Agenda } from './agenda.ts';
import { castOf, type Move, nextMoves } from './behaviour.ts';
import { analyzeBulkTables, CURRENCY, insertBuyers, insertQuietOrders } from './bulk-orders.ts';
import type { SimulationParams } from './defaults.ts';
import {
  buyerCount,
  isLost,
  orderFate,
  planOrder,
  planSellers,
  SIMULATION_START_MS,
  type SimOrder,
  type SimSeller,
  sellerPicker,
} from './marketplace-plan.ts';
import { drawPersona, type Persona } from './persona.ts';

export interface SimulationInput {
  readonly sellers: number;
  readonly orders: number;
  readonly days: number;
  readonly seed: number;
  /** Policy values for every market, over the defaults. */
  readonly policy: Partial<PolicyValues>;
  readonly params: SimulationParams;
}

export interface Progress {
  readonly day: number;
  readonly days: number;
}

/** Days after the last order for disputes to finish: returns (10 + 30 days), appeals, rulings. */
export const TAIL_DAYS = 90;
const ARBITRATORS = 5;
const PROCESSOR: Actor = { role: 'integration', id: 'sim-processor' };

type Item =
  | { readonly kind: 'day'; readonly day: number }
  | { readonly kind: 'agent'; readonly agent: Agent }
  | { readonly kind: 'complete'; readonly order: SimOrder }
  | { readonly kind: 'chargeback'; readonly order: SimOrder; readonly step: 'open' | 'close' };

interface Agent {
  readonly order: SimOrder;
  readonly seller: SimSeller;
  readonly persona: Persona;
  readonly disputeId: DisputeId;
  opened: boolean;
}

/**
 * Where the time of a run goes, for the bench (bench/simulate.bench.ts): filled in as the run
 * goes, so that a run stopped by its time budget still tells how far it got and at what rates.
 */
export interface SimulationMeter {
  /** Orders planned so far (quiet and disputed). */
  plannedOrders: number;
  quietOrders: number;
  /** Wall time spent bulk-loading quiet orders, in ms. */
  quietMs: number;
  /** Disputed or charged-back orders put on the agenda. */
  eventfulOrders: number;
  disputesOpened: number;
  agentActs: number;
  /** Simulated days since the start reached so far. */
  day: number;
}

export function newMeter(): SimulationMeter {
  return {
    plannedOrders: 0,
    quietOrders: 0,
    quietMs: 0,
    eventfulOrders: 0,
    disputesOpened: 0,
    agentActs: 0,
    day: 0,
  };
}

/** How many of the input's orders are quiet and how many eventful: the plan alone, no store. */
export function planCounts(input: SimulationInput): { quiet: number; eventful: number } {
  const sellers = planSellers(input.seed, input.sellers, input.params);
  const pickSeller = sellerPicker(sellers);
  let eventful = 0;
  for (let i = 0; i < input.orders; i += 1) {
    const { fate } = orderDraw(input, input.params, i, sellers, pickSeller);
    if (fate.disputed || fate.chargeback) eventful += 1;
  }
  return { quiet: input.orders - eventful, eventful };
}

export interface RunFacts {
  readonly endedAt: Instant;
  readonly refused: Record<string, number>;
  readonly chargebacks: number;
  readonly sellers: readonly SimSeller[];
}

export async function runSimulation(
  rt: Runtime,
  clock: VirtualClock,
  input: SimulationInput,
  onProgress: (p: Progress) => void = () => {},
  signal?: AbortSignal,
  meter: SimulationMeter = newMeter(),
): Promise<RunFacts> {
  const p = input.params;
  const sellers = planSellers(input.seed, input.sellers, p);
  await setUp(rt, sellers, input.policy);
  await insertBuyers(rt.store, buyerCount(input.orders));
  const pickSeller = sellerPicker(sellers);
  const agenda = new Agenda<Item>();
  const fed = new Set<string>();
  const refused: Record<string, number> = {};
  let chargebacks = 0;
  const count = (into: Record<string, number>, key: string) => {
    into[key] = (into[key] ?? 0) + 1;
  };
  for (let day = 0; day < input.days; day += 1)
    agenda.add(SIMULATION_START_MS + day * DAY_MS, { kind: 'day', day });
  const endAt = SIMULATION_START_MS + (input.days + TAIL_DAYS) * DAY_MS;

  let analyzedAt = 0;
  /** The day's orders: quiet ones in bulk, the others onto the agenda. */
  const planDay = async (day: number) => {
    const first = Math.ceil((day * input.orders) / input.days);
    const last = Math.ceil(((day + 1) * input.orders) / input.days);
    const quiet: SimOrder[] = [];
    for (let i = first; i < last; i += 1) {
      const r = orderDraw(input, p, i, sellers, pickSeller);
      if (!r.fate.disputed && !r.fate.chargeback) {
        quiet.push(r.order);
        continue;
      }
      if (r.fate.chargeback)
        agenda.add((r.order.deliveredAt ?? r.order.shippedAt) + 5 * DAY_MS, {
          kind: 'chargeback',
          order: r.order,
          step: 'open',
        });
      if (r.fate.disputed && r.fate.problem !== undefined) {
        const seller = sellers[r.order.sellerIndex] as SimSeller;
        const persona = drawPersona(input.seed, i, seller, r.fate.problem, r.fate.dishonest, p);
        const agent = {
          order: r.order,
          seller,
          persona,
          disputeId: `sim-dispute-${r.order.id.slice(10)}` as DisputeId,
          opened: false,
        };
        const base = r.order.deliveredAt ?? r.order.shippedAt + 12 * DAY_MS;
        agenda.add(base + persona.openAfterMs, { kind: 'agent', agent });
      } else if (r.order.completedAt !== undefined) {
        agenda.add(r.order.completedAt, { kind: 'complete', order: r.order });
      }
    }
    const t = performance.now();
    await insertQuietOrders(rt.store, quiet, (k) => (sellers[k] as SimSeller).id);
    // Statistics refreshed each time the loaded orders double (from the first day on, so that
    // small runs and the tests take this path too): some twenty ANALYZEs for a million orders,
    // and the planner never works from a table less than half its size.
    if (quiet.length > 0 && meter.quietOrders + quiet.length >= analyzedAt * 2) {
      analyzedAt = meter.quietOrders + quiet.length;
      await analyzeBulkTables(rt.store);
    }
    meter.quietMs += performance.now() - t;
    meter.plannedOrders += last - first;
    meter.quietOrders += quiet.length;
    meter.eventfulOrders += last - first - quiet.length;
  };

  const feed = async (o: SimOrder, now: number) => {
    if (fed.has(o.id)) return;
    fed.add(o.id);
    const seller = sellers[o.sellerIndex] as SimSeller;
    await recordOrder(rt.store.db, {
      id: o.id,
      sellerId: seller.id,
      buyerId: o.buyerId,
      buyerCountry: o.buyerCountry,
      currency: CURRENCY,
      amountPaidMinor: BigInt(o.amountMinor),
      paidAt: o.paidAt,
      promisedDeliveryAt: o.shippedAt + 25 * DAY_MS,
      items: [],
    });
    await recordShipment(rt.store.db, {
      id: `${o.id}:out`,
      orderId: o.id,
      direction: 'outbound',
      channel: seller.channel,
      carrier: seller.channel === 'platform' ? 'Cainiao' : 'YunExpress',
      trackingNumber: `LP${o.id.slice(10)}CN`,
      at: o.shippedAt,
    });
    if (o.deliveredAt !== undefined && o.deliveredAt <= now)
      await recordTracking(rt.store.db, rt.service, {
        shipmentId: `${o.id}:out`,
        status: 'delivered',
        at: o.deliveredAt,
        place: o.buyerCountry,
      });
    if (o.completedAt !== undefined && o.completedAt <= now) await complete(o);
    else if (o.completedAt !== undefined) agenda.add(o.completedAt, { kind: 'complete', order: o });
  };
  const complete = (o: SimOrder) =>
    recordOrderStatus(rt.store.db, rt.service, {
      orderId: o.id,
      status: 'completed',
      by: o.completedBy,
      at: o.completedAt as number,
    });

  const act = async (agent: Agent, now: Instant) => {
    meter.agentActs += 1;
    if (!agent.opened) {
      agent.opened = true;
      await feed(agent.order, now);
      const opened = await openDispute(rt, agent);
      meter.disputesOpened += 1;
      if (!opened.ok) {
        count(refused, `open:${opened.rejection.code}`);
        return;
      }
    }
    let loaded = await rt.service.get(agent.disputeId);
    if (loaded === undefined) return;
    const due = nextDeadline(loaded.dispute);
    if (due !== undefined && due.dueAt <= now) {
      await rt.runner.drain();
      loaded = await rt.service.get(agent.disputeId);
      if (loaded === undefined) return;
    }
    const cast = castOf(agent.order.buyerId, agent.seller.id, agent.order.index, ARBITRATORS);
    const next = nextMoves(agent.persona, cast, loaded.dispute, now);
    for (const move of next.moves) {
      const result = await perform(rt, agent, move, now);
      if (!result.ok) count(refused, `${moveName(move)}:${result.code}`);
    }
    if (next.wakeAt === undefined) return;
    // A deadline the runner did not fire (a frozen escrow holds it) must not wake the agent in a
    // loop at the same instant: look again a day later.
    const wakeAt = next.wakeAt > now ? next.wakeAt : now + DAY_MS;
    if (wakeAt <= endAt) agenda.add(wakeAt, { kind: 'agent', agent });
  };

  const chargeback = async (
    o: SimOrder,
    step: 'open' | 'close',
    now: Instant,
    persona?: Persona,
  ) => {
    const id = `sim-cb-${o.id.slice(10)}` as ChargebackId;
    if (step === 'open') {
      await feed(o, now);
      const r = await rt.chargebacks.open(PROCESSOR, {
        chargebackId: id,
        orderId: o.id as OrderId,
        amount: money(BigInt(o.amountMinor), CURRENCY),
        reasonCode: '13.1',
      });
      if (!r.ok) return count(refused, `chargeback:${r.rejection.code}`);
      chargebacks += 1;
      agenda.add(now + 10 * DAY_MS, { kind: 'chargeback', order: o, step: 'close' });
      return;
    }
    // The processor decides: most card disputes on goods that arrived are won by the merchant.
    const won =
      o.deliveredAt !== undefined && (persona === undefined || !persona.chargeback.sellerConcedes);
    const r = await rt.chargebacks.recordOutcome(PROCESSOR, id, won ? 'won' : 'lost');
    if (!r.ok) count(refused, `chargeback_outcome:${r.rejection.code}`);
  };

  let lastDrainDay = -1;
  const firstDay = Math.floor(SIMULATION_START_MS / DAY_MS);
  const totalDays = input.days + TAIL_DAYS;
  for (let entry = agenda.take(); entry !== undefined; entry = agenda.take()) {
    if (signal?.aborted) throw new Error('simulation cancelled');
    if (entry.at > endAt) break;
    if (entry.at > clock.current()) clock.advance(entry.at - clock.current());
    const now = clock.current();
    // Progress by simulated day. The runner is not swept daily: every agent wakes at its
    // dispute's next deadline and drains the runner then (act), chargeback steps drain first,
    // and a last drain at the end releases what is left.
    const day = Math.floor(now / DAY_MS);
    if (day !== lastDrainDay) {
      lastDrainDay = day;
      meter.day = day - firstDay;
      onProgress({ day: Math.min(totalDays, day - firstDay), days: totalDays });
    }
    const item = entry.item;
    if (item.kind === 'day') {
      await planDay(item.day);
    } else if (item.kind === 'agent') await act(item.agent, now);
    else if (item.kind === 'complete') {
      if (fed.has(item.order.id)) await complete(item.order);
    } else {
      await rt.runner.drain();
      await chargeback(item.order, item.step, now);
    }
  }
  if (endAt > clock.current()) clock.advance(endAt - clock.current());
  await rt.runner.drain();
  onProgress({ day: totalDays, days: totalDays });
  return {
    endedAt: clock.current(),
    refused: sorted(refused),
    chargebacks,
    sellers,
  };
}

function orderDraw(
  input: SimulationInput,
  p: SimulationParams,
  i: number,
  sellers: readonly SimSeller[],
  pickSeller: (u: number) => number,
) {
  // The seller first (its tier sets the odds), then whether the parcel was lost.
  const probe = planOrder(input.seed, i, input.orders, input.days, p, pickSeller, false);
  const tier = (sellers[probe.sellerIndex] as SimSeller).tier;
  const fate = orderFate(input.seed, i, p, tier);
  const order = isLost(fate.problem)
    ? planOrder(input.seed, i, input.orders, input.days, p, pickSeller, true)
    : probe;
  return { order, fate };
}

async function setUp(rt: Runtime, sellers: readonly SimSeller[], policy: Partial<PolicyValues>) {
  for (const s of sellers)
    await upsertSeller(rt.store.db, {
      id: s.id,
      name: `Store ${s.id.slice(11)}`,
      country: s.country,
      protectionEnrolled: s.protection,
    });
  const at = SIMULATION_START_MS - DAY_MS;
  if (Object.keys(policy).length > 0)
    await addPolicyVersion(rt.store.db, {
      market: '*',
      changes: policy,
      createdBy: 'simulation',
      at,
    });
  // The article's local-return market.
  await addPolicyVersion(rt.store.db, {
    market: 'seller:IT',
    changes: { localReturn: true },
    createdBy: 'simulation',
    at,
  });
}

function openDispute(rt: Runtime, agent: Agent) {
  const { persona: p, order: o } = agent;
  const amount = money(
    BigInt(
      p.reason === 'missing_parts' ? Math.max(1, Math.floor(o.amountMinor / 2)) : o.amountMinor,
    ),
    CURRENCY,
  );
  const evidence = openingEvidence(agent);
  return rt.service.open({ role: 'buyer', id: o.buyerId } as Actor, {
    disputeId: agent.disputeId,
    orderId: o.id as OrderId,
    reason: p.reason,
    ...(p.subReason === undefined ? {} : { subReason: p.subReason }),
    request: p.requestReturn
      ? { kind: 'return_and_refund', amount, postagePaidBy: 'seller' }
      : { kind: 'refund', amount },
    description: `Simulated ${p.reason.replaceAll('_', ' ')}.`,
    ...(evidence === undefined ? {} : { evidence: [evidence] }),
  });
}

/** The buyer's photo, as the persona's evidence says: a real small file, hashed. */
function openingEvidence(agent: Agent): EvidenceInput | undefined {
  const e = agent.persona.evidence;
  if (e === 'none') return undefined;
  const spec =
    e === 'label_mismatch'
      ? { kind: 'label_comparison_photo' as const, findings: ['labels_mismatch' as const] }
      : e === 'packaging_damaged'
        ? { kind: 'outer_packaging_photo' as const, findings: ['packaging_damaged' as const] }
        : e === 'packaging_intact'
          ? { kind: 'outer_packaging_photo' as const, findings: ['packaging_intact' as const] }
          : { kind: 'item_photo' as const, findings: ['item_differs_from_listing' as const] };
  return fileEvidence(
    `${agent.disputeId}.photo` as EvidenceId,
    spec.kind,
    spec.findings,
    'photo.jpg',
    'image/jpeg',
  );
}

function fileEvidence(
  id: EvidenceId,
  kind: EvidenceInput['kind'],
  findings: EvidenceInput['findings'],
  fileName: string,
  mediaType: string,
): EvidenceInput {
  const content = `${id} ${kind} ${findings.join(',')}`;
  return {
    id,
    kind,
    findings,
    sha256: createHash('sha256').update(content).digest('hex'),
    mediaType,
    bytes: Buffer.byteLength(content),
    fileName,
    note: '',
    arbitratorOnly: false,
  };
}

async function perform(
  rt: Runtime,
  agent: Agent,
  move: Move,
  now: Instant,
): Promise<{ ok: true } | { ok: false; code: string }> {
  if (move.kind === 'delivered') {
    const command =
      move.what === 'return'
        ? ({ type: 'record_return_delivered', deliveredAt: now } as const)
        : ({ type: 'record_replacement_delivered', deliveredAt: now } as const);
    const r = await rt.service.handle(agent.disputeId, { role: 'system' }, command);
    return r.ok ? { ok: true } : { ok: false, code: r.rejection.code };
  }
  let command = move.command;
  if (command.type === 'add_evidence') {
    const e = command.evidence;
    command = {
      ...command,
      evidence: fileEvidence(e.id, e.kind, e.findings, e.fileName, e.mediaType),
    };
  }
  const r = await rt.service.handle(agent.disputeId, move.actor, command);
  return r.ok ? { ok: true } : { ok: false, code: r.rejection.code };
}

const moveName = (m: Move) => (m.kind === 'delivered' ? `${m.what}_delivered` : m.command.type);

function sorted(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}
