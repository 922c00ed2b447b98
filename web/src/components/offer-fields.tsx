// The fields of an offer's terms: refund (full or partial), return and refund with the postage
// payer, store coupon (value, minimum spend, expiry), replacement.
import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Terms } from '../api/disputes.ts';
import { parseMoney } from '../lib/money.ts';
import { MoneyInput } from './money-input.tsx';

export type OfferKind = Terms['kind'];

export interface OfferDraft {
  kind: OfferKind;
  amount: string;
  postagePaidBy: 'buyer' | 'seller';
  value: string;
  minSpend: string;
  expiresOn: string;
}

export const EMPTY_OFFER: OfferDraft = {
  kind: 'refund',
  amount: '',
  postagePaidBy: 'seller',
  value: '',
  minSpend: '',
  expiresOn: '',
};

/** The terms the draft describes, or undefined while a field is missing or not an amount. */
export function termsOf(d: OfferDraft, currency: string): Terms | undefined {
  const money = (text: string) => {
    const minor = parseMoney(text, currency);
    return minor === undefined ? undefined : { minor, currency };
  };
  switch (d.kind) {
    case 'refund': {
      const amount = money(d.amount);
      return amount === undefined ? undefined : { kind: 'refund', amount };
    }
    case 'return_and_refund': {
      const amount = money(d.amount);
      return amount === undefined
        ? undefined
        : { kind: 'return_and_refund', amount, postagePaidBy: d.postagePaidBy };
    }
    case 'coupon': {
      const value = money(d.value);
      const minSpend = money(d.minSpend);
      if (value === undefined || minSpend === undefined || d.expiresOn === '') return undefined;
      // The end of the chosen day, in UTC.
      const expiresAt = new Date(`${d.expiresOn}T23:59:59Z`).toISOString();
      return { kind: 'coupon', value, minSpend, expiresAt } as Terms;
    }
    case 'replacement':
      return { kind: 'replacement' } as Terms;
  }
}

export function useOfferDraft(initial: Partial<OfferDraft> = {}) {
  return useState<OfferDraft>({ ...EMPTY_OFFER, ...initial });
}

export function OfferFields(props: {
  draft: OfferDraft;
  onChange: (d: OfferDraft) => void;
  currency: string;
  refundableMinor: string;
  kinds: readonly OfferKind[];
}) {
  const { t } = useTranslation();
  const d = props.draft;
  const set = (patch: Partial<OfferDraft>) => props.onChange({ ...d, ...patch });
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('open.kind')}
        value={d.kind}
        onChange={(e) => set({ kind: e.currentTarget.value as OfferKind })}
        data={props.kinds.map((k) => ({ value: k, label: t(`offerKind.${k}`) }))}
      />
      {d.kind === 'refund' || d.kind === 'return_and_refund' ? (
        <MoneyInput
          label={t('dispute.amount')}
          currency={props.currency}
          value={d.amount}
          onChange={(amount) => set({ amount })}
          max={props.refundableMinor}
        />
      ) : null}
      {d.kind === 'return_and_refund' ? (
        <NativeSelect
          label={t('open.postage')}
          value={d.postagePaidBy}
          onChange={(e) => set({ postagePaidBy: e.currentTarget.value as 'buyer' | 'seller' })}
          data={[
            { value: 'seller', label: t('postage.seller') },
            { value: 'buyer', label: t('postage.buyer') },
          ]}
        />
      ) : null}
      {d.kind === 'coupon' ? (
        <>
          <MoneyInput
            label={t('dispute.couponValue')}
            currency={props.currency}
            value={d.value}
            onChange={(value) => set({ value })}
          />
          <MoneyInput
            label={t('dispute.minSpend')}
            currency={props.currency}
            value={d.minSpend}
            onChange={(minSpend) => set({ minSpend })}
          />
          <TextInput
            label={t('dispute.expires')}
            type="date"
            value={d.expiresOn}
            onChange={(e) => set({ expiresOn: e.currentTarget.value })}
            required
          />
        </>
      ) : null}
    </Stack>
  );
}
