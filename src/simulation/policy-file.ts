// A policy as a file (--policy, --compare, the HTTP body): policy values by their field names
// (docs/domain.md, src/domain/policy.ts), with two conveniences: a duration may be given in days
// (`negotiationDays: 3` for `negotiationMs`), and an amount in minor units as a number or a
// string. Checked by the same validation an admin's policy change goes through.
import {
  DAY_MS,
  DEFAULT_POLICY,
  type PolicyValues,
  validatePolicyValues,
} from '../domain/index.ts';

export class PolicyFileError extends Error {}

export function parsePolicy(raw: unknown): Partial<PolicyValues> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new PolicyFileError('a policy must be a JSON object of policy values');
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const asMs = key.endsWith('Days') ? `${key.slice(0, -4)}Ms` : undefined;
    if (asMs !== undefined && Object.hasOwn(DEFAULT_POLICY, asMs)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        throw new PolicyFileError(`${key}: must be a number of days, not negative`);
      values[asMs] = Math.round(value * DAY_MS);
      continue;
    }
    const base = (DEFAULT_POLICY as unknown as Record<string, unknown>)[key];
    if (typeof base === 'bigint' && (typeof value === 'number' || typeof value === 'string')) {
      try {
        values[key] = BigInt(value);
      } catch {
        throw new PolicyFileError(`${key}: must be a whole number of minor units`);
      }
      continue;
    }
    values[key] = value;
  }
  const problems = validatePolicyValues(values as Partial<PolicyValues>);
  if (problems.length > 0)
    throw new PolicyFileError(problems.map((p) => `${p.field}: ${p.problem}`).join('; '));
  return values as Partial<PolicyValues>;
}
