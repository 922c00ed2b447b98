// Policy input for previewing a version (routes/admin-policies.ts; routes/staff.ts adds one with
// the same shapes, to be folded onto these): the market, and the changed values as JSON.
import { Type } from 'typebox';
import type { PolicyValues } from '../../domain/index.ts';

/** `*` for every market, `buyer:IT` or `seller:IT` for one country's buyers or sellers. */
export const PolicyMarket = Type.String({ pattern: '^(\\*|(buyer|seller):[A-Z]{2})$' });

export const PolicyChanges = Type.Record(
  Type.String({ maxLength: 64 }),
  Type.Unknown({
    description: 'checked field by field against the policy (types are not coerced)',
  }),
  { maxProperties: 40 },
);

// Money limits travel as decimal strings; the policy keeps them as bigint.
const BIGINT_FIELDS = new Set(['protectionAmountCapMinor', 'protectionFeeMinor']);
export function fromWireValues(values: Record<string, unknown>): Partial<PolicyValues> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    out[k] =
      BIGINT_FIELDS.has(k) && typeof v === 'string' && /^[0-9]{1,18}$/.test(v) ? BigInt(v) : v;
  }
  return out as Partial<PolicyValues>;
}
