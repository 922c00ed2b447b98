// The seller's inbox: every dispute of the store, nearest deadline first, with live countdowns,
// filters (status, reason, buyer market, needs my action) and beside each option how many of the
// store's disputes it holds. List and counts are polled with ETags, so a buyer's new dispute or
// action, or a deadline the runner fired, appears without a reload.
import { Badge, Checkbox, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES } from '../../../src/domain/dispute/state.ts';
import { DISPUTE_REASONS } from '../../../src/domain/reasons.ts';
import { type ListQuery, useDisputeCounts, useDisputeList } from '../api/disputes.ts';
import type { SessionUser } from '../api/session.ts';
import { DisputeTable } from '../components/dispute-table.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';

/** The deadlines a seller meets by acting: "needs my action" lists the disputes due next on one. */
const SELLER_DEADLINES = [
  'seller_response',
  'return_label',
  'confirm_receipt',
  'replacement_delivery',
] as const;

function regionName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function SellerInbox(_props: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  const [market, setMarket] = useState('');
  const [needsMe, setNeedsMe] = useState(false);
  const query: ListQuery = {
    sort: 'next_deadline',
    limit: 100,
    ...(status === '' ? {} : { status: [status as NonNullable<ListQuery['status']>[number]] }),
    ...(reason === '' ? {} : { reason: reason as NonNullable<ListQuery['reason']> }),
    ...(market === '' ? {} : { market: `buyer:${market}` }),
    ...(needsMe ? { nextDeadline: [...SELLER_DEADLINES] } : {}),
  };
  const list = useDisputeList(query);
  const counts = useDisputeCounts();
  const c = counts.data;
  const items = list.data?.items ?? [];
  const needsMeCount = SELLER_DEADLINES.reduce((n, k) => n + (c?.nextDeadline[k] ?? 0), 0);
  const option = (label: string, n: number | undefined) =>
    c === undefined ? label : t('inbox.option', { label, count: n ?? 0 });
  const markets = Object.keys(c?.buyerMarket ?? {}).sort();
  if (market !== '' && !markets.includes(market)) markets.push(market);
  return (
    <Stack>
      <Title order={2}>{t('inbox.title')}</Title>
      <Text c="dimmed">{t('inbox.intro')}</Text>
      <Group align="end">
        <NativeSelect
          label={t('inbox.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: '', label: option(t('inbox.all'), c?.total) },
            ...STATUSES.map((s) => ({ value: s, label: option(t(`status.${s}`), c?.status[s]) })),
          ]}
        />
        <NativeSelect
          label={t('inbox.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data={[
            { value: '', label: option(t('inbox.all'), c?.total) },
            ...DISPUTE_REASONS.map((r) => ({
              value: r,
              label: option(t(`reason.${r}`), c?.reason[r]),
            })),
          ]}
        />
        <NativeSelect
          label={t('inbox.market')}
          value={market}
          onChange={(e) => setMarket(e.currentTarget.value)}
          data-testid="market"
          data={[
            { value: '', label: option(t('inbox.all'), c?.total) },
            ...markets.map((m) => ({
              value: m,
              label: option(regionName(m, i18n.language), c?.buyerMarket[m]),
            })),
          ]}
        />
        <Checkbox
          label={option(t('inbox.needsMe'), needsMeCount)}
          checked={needsMe}
          onChange={(e) => setNeedsMe(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <Group gap="xs" aria-live="polite">
        <Badge variant="outline" c="dark.8" data-testid="count">
          {t('inbox.count', { count: items.length })}
        </Badge>
        <Badge variant="outline" color="orange" c="dark.8" data-testid="needs-me-count">
          {t('inbox.needsMeCount', { count: needsMeCount })}
        </Badge>
      </Group>
      <ErrorAlert error={list.error ?? counts.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : items.length === 0 ? (
        <Text>{t('inbox.empty')}</Text>
      ) : (
        <DisputeTable
          items={items}
          caption={t('inbox.title')}
          onElapsed={() => {
            void list.refetch();
            void counts.refetch();
          }}
        />
      )}
    </Stack>
  );
}
