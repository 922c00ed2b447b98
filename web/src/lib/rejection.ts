// Every refusal the API can answer, as a sentence in the reader's language: the problem's stable
// code picks the text (never shown raw), its facts add what helps (the refundable maximum).
import type { TFunction } from 'i18next';
import { formatMoney } from './money.ts';

export interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly facts?: Readonly<Record<string, unknown>>;
}

function isRefusal(error: unknown): error is Refusal {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as Refusal).status === 'number' &&
    typeof (error as Refusal).code === 'string'
  );
}

export function rejectionKey(code: string): string {
  return `rejection.${code}`;
}

/** The readable message for an error thrown by an API call (or anything else). */
export function describeError(error: unknown, t: TFunction, locale: string): string {
  if (!isRefusal(error) || error.status === 0) return t('rejection.network');
  const key = rejectionKey(error.code);
  const known = error.code !== '' && t(key, { defaultValue: '' }) !== '';
  const text = known ? t(key) : t('rejection.unknown', { status: error.status });
  const facts = error.facts ?? {};
  if (
    error.code === 'money.exceeds_refundable' &&
    typeof facts.refundableMinor === 'string' &&
    typeof facts.currency === 'string'
  ) {
    const max = formatMoney({ minor: facts.refundableMinor, currency: facts.currency }, locale);
    return `${text} ${t('open.amountHint', { max })}`;
  }
  return text;
}
