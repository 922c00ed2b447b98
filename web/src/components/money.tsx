import { useTranslation } from 'react-i18next';
import { formatMoney, type Money } from '../lib/money.ts';

export function MoneyText({ value }: { value: Money | undefined }) {
  const { i18n } = useTranslation();
  if (value === undefined) return null;
  return <span data-testid="money">{formatMoney(value, i18n.language)}</span>;
}

export function useMoney() {
  const { i18n } = useTranslation();
  return (value: Money) => formatMoney(value, i18n.language);
}
