// The ruling form's draft and the API body it becomes: kept apart from the form so the mapping
// (amounts parsed in the order's currency, a return's postage payer) is tested on its own.
import type { RulingBody } from '../../api/workbench.ts';
import { parseMoney } from '../../lib/money.ts';

export const RESPONSIBILITIES = ['seller', 'logistics', 'buyer', 'none'] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

export const POSTAGE_PAYERS = ['seller', 'buyer', 'platform'] as const;

export interface Draft {
  // A return and refund is a first ruling's outcome only: an appeal refunds or does not.
  outcome: 'refund' | 'return_and_refund' | 'no_refund';
  amount: string;
  postagePaidBy: (typeof POSTAGE_PAYERS)[number];
  responsibility: Responsibility;
  reasonCode: string;
  note: string;
}

/** The body to send, or undefined while the amount does not parse. */
export function bodyOf(draft: Draft, currency: string): RulingBody | undefined {
  const minor = parseMoney(draft.amount, currency);
  if (draft.outcome !== 'no_refund' && minor === undefined) return undefined;
  const amount = { minor: minor ?? '0', currency };
  return {
    outcome:
      draft.outcome === 'refund'
        ? { kind: 'refund', amount }
        : draft.outcome === 'return_and_refund'
          ? { kind: 'return_and_refund', amount, postagePaidBy: draft.postagePaidBy }
          : { kind: 'no_refund' },
    responsibility: draft.responsibility,
    reasonCode: draft.reasonCode,
    note: draft.note,
  };
}
