import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { compareMinor, formatMoney, parseMoney } from '../lib/money.ts';

/** An amount typed in the reader's way, checked against the currency and an optional maximum. */
export function MoneyInput(props: {
  label: string;
  currency: string;
  value: string;
  onChange: (text: string) => void;
  max?: string;
  description?: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const minor = parseMoney(props.value, props.currency);
  const max =
    props.max === undefined
      ? undefined
      : formatMoney({ minor: props.max, currency: props.currency }, i18n.language);
  const error =
    props.value === ''
      ? undefined
      : minor === undefined
        ? t('open.amountInvalid', { currency: props.currency })
        : props.max !== undefined && compareMinor(minor, props.max) > 0
          ? t('open.amountTooHigh', { max })
          : undefined;
  return (
    <TextInput
      label={`${props.label} (${props.currency})`}
      inputMode="decimal"
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      description={
        props.description ?? (max === undefined ? undefined : t('open.amountHint', { max }))
      }
      error={error}
      required
      data-testid={props.testId}
    />
  );
}
