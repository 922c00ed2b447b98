// What a new policy version changes: every policy field whose value differs between the market's
// current version and the proposed one, each side read over the defaults (a field the market does
// not set has the default's value). An admin sees this before saving, so a typo in one window
// cannot slip through as "just another version".
import { DEFAULT_POLICY, type PolicyValues } from './policy.ts';

export type PolicyField = keyof PolicyValues;

export interface PolicyFieldChange {
  readonly field: PolicyField;
  readonly current: PolicyValues[PolicyField];
  readonly proposed: PolicyValues[PolicyField];
}

export const POLICY_FIELDS = Object.keys(DEFAULT_POLICY) as PolicyField[];

/** The market's values over the defaults: what each field is when the market has its say. */
export function withDefaults(values: Partial<PolicyValues> | undefined): PolicyValues {
  return { ...DEFAULT_POLICY, ...values };
}

export function diffPolicyValues(
  current: Partial<PolicyValues> | undefined,
  proposed: Partial<PolicyValues>,
): PolicyFieldChange[] {
  const before = withDefaults(current);
  const after = withDefaults(proposed);
  return POLICY_FIELDS.filter((f) => !samePolicyValue(before[f], after[f])).map((field) => ({
    field,
    current: before[field],
    proposed: after[field],
  }));
}

// Lists (protectionReasons) compare by content; bigints and numbers by value.
function samePolicyValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}
