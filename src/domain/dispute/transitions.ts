// The transition table: who may do what in which status, and where each action can lead.
// decide() enforces the first part; the state diagram in docs/ is generated from the second,
// and a property test checks that every status change evolve() makes is listed here.
import type { Role } from '../actor.ts';
import type { CommandType } from './commands.ts';
import type { Status } from './state.ts';

export type ActionName = Exclude<CommandType, 'open'>;

const LIVE: readonly Status[] = [
  'negotiating',
  'awaiting_return_label',
  'awaiting_return_shipment',
  'return_in_transit',
  'awaiting_replacement',
  'in_arbitration',
];
const PARTY_EVIDENCE: readonly Status[] = [...LIVE, 'resolved', 'appealed'];
const BEFORE_RULING: readonly Status[] = LIVE;
const ARBITRATION: readonly Status[] = ['in_arbitration', 'appealed'];
const ALL: readonly Status[] = [...PARTY_EVIDENCE, 'cancelled'];

type Rule = Partial<Record<Role, readonly Status[]>>;

export const ACTION_RULES: Readonly<Record<ActionName, Rule>> = {
  propose_offer: { buyer: ['negotiating'], seller: ['negotiating'] },
  accept_offer: { buyer: ['negotiating'], seller: ['negotiating'] },
  reject_offer: { buyer: ['negotiating'], seller: ['negotiating'] },
  request_evidence: { buyer: ['negotiating'], seller: ['negotiating'], arbitrator: ARBITRATION },
  add_evidence: { buyer: PARTY_EVIDENCE, seller: PARTY_EVIDENCE, arbitrator: ARBITRATION },
  confirm_findings: { arbitrator: ARBITRATION },
  post_message: { buyer: PARTY_EVIDENCE, seller: PARTY_EVIDENCE, arbitrator: ARBITRATION },
  cancel: { buyer: BEFORE_RULING },
  escalate: { buyer: ['negotiating'], seller: ['negotiating', 'return_in_transit'] },
  withdraw_escalation: { buyer: ['in_arbitration'], seller: ['in_arbitration'] },
  supply_return_label: { seller: ['awaiting_return_label'] },
  set_return_details: { seller: ['awaiting_return_label', 'awaiting_return_shipment'] },
  ship_return: { buyer: ['awaiting_return_shipment'] },
  record_return_delivered: { system: ['return_in_transit', 'in_arbitration'] },
  confirm_receipt: { seller: ['return_in_transit'] },
  ship_replacement: { seller: ['awaiting_replacement'] },
  record_replacement_delivered: { system: ['awaiting_replacement'] },
  record_order_completed: { system: ALL },
  record_escrow_hold: { system: ALL },
  close_by_chargeback: { system: ALL },
  rule: { arbitrator: ['in_arbitration'] },
  appeal: { buyer: ['resolved'], seller: ['resolved'] },
  decide_appeal: { arbitrator: ['appealed'] },
  fire_deadline: { system: ALL },
  // The marketplace's payment side; refunds are owed from any status a refund can be paid in.
  record_refund_result: { integration: ALL, system: ALL },
};

export const ACTION_NAMES = Object.keys(ACTION_RULES) as ActionName[];

/** Actions a person can take; the rest are sent by the system (runner, tracking feed). */
export const PERSON_ACTIONS = ACTION_NAMES.filter((a) => ACTION_RULES[a].system === undefined);

export interface Transition {
  readonly from: Status | 'start';
  readonly to: Status;
  readonly on: string;
}

export const TRANSITIONS: readonly Transition[] = [
  { from: 'start', to: 'negotiating', on: 'open' },
  { from: 'start', to: 'resolved', on: 'open (protection refund)' },
  { from: 'negotiating', to: 'resolved', on: 'accept_offer (refund)' },
  { from: 'negotiating', to: 'awaiting_return_label', on: 'accept_offer (return, local market)' },
  { from: 'negotiating', to: 'awaiting_return_shipment', on: 'accept_offer (return)' },
  { from: 'negotiating', to: 'awaiting_replacement', on: 'accept_offer (replacement)' },
  { from: 'negotiating', to: 'cancelled', on: 'accept_offer (coupon) / cancel' },
  { from: 'negotiating', to: 'in_arbitration', on: 'escalate / deadline negotiation_end' },
  { from: 'negotiating', to: 'resolved', on: 'deadline seller_response (refund)' },
  {
    from: 'negotiating',
    to: 'awaiting_return_label',
    on: 'deadline seller_response (return, local)',
  },
  { from: 'negotiating', to: 'awaiting_return_shipment', on: 'deadline seller_response (return)' },
  { from: 'awaiting_return_label', to: 'awaiting_return_shipment', on: 'supply_return_label' },
  { from: 'awaiting_return_label', to: 'resolved', on: 'deadline return_label (refund)' },
  { from: 'awaiting_return_label', to: 'cancelled', on: 'cancel' },
  { from: 'awaiting_return_shipment', to: 'return_in_transit', on: 'ship_return' },
  { from: 'awaiting_return_shipment', to: 'resolved', on: 'deadline return_shipment (no refund)' },
  { from: 'awaiting_return_shipment', to: 'cancelled', on: 'cancel' },
  { from: 'return_in_transit', to: 'resolved', on: 'confirm_receipt / deadline confirm_receipt' },
  { from: 'return_in_transit', to: 'in_arbitration', on: 'escalate (fixed reason)' },
  {
    from: 'return_in_transit',
    to: 'in_arbitration',
    on: 'confirm_receipt (condition not as described)',
  },
  { from: 'return_in_transit', to: 'cancelled', on: 'cancel' },
  { from: 'awaiting_replacement', to: 'resolved', on: 'record_replacement_delivered' },
  { from: 'awaiting_replacement', to: 'negotiating', on: 'deadline replacement_delivery' },
  { from: 'awaiting_replacement', to: 'cancelled', on: 'cancel' },
  { from: 'in_arbitration', to: 'negotiating', on: 'withdraw_escalation' },
  { from: 'in_arbitration', to: 'return_in_transit', on: 'withdraw_escalation' },
  { from: 'in_arbitration', to: 'resolved', on: 'rule (refund / no_refund)' },
  { from: 'in_arbitration', to: 'awaiting_return_label', on: 'rule (return, local market)' },
  { from: 'in_arbitration', to: 'awaiting_return_shipment', on: 'rule (return)' },
  { from: 'in_arbitration', to: 'cancelled', on: 'cancel' },
  ...LIVE.map((from) => ({ from, to: 'resolved' as const, on: 'close_by_chargeback' })),
  { from: 'resolved', to: 'appealed', on: 'appeal' },
  { from: 'appealed', to: 'resolved', on: 'decide_appeal' },
];

export function isListedTransition(from: Status | 'start', to: Status): boolean {
  return from === to || TRANSITIONS.some((t) => t.from === from && t.to === to);
}
