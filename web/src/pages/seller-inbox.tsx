// The seller's inbox: every dispute of the store, nearest deadline first, with live countdowns,
// filters (status, reason, needs my action) and counts. The list re-reads itself every few
// seconds, so a buyer's new dispute or action appears without a reload.
import { Badge, Checkbox, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES } from '../../../src/domain/dispute/state.ts';
import { DISPUTE_REASONS } from '../../../src/domain/reasons.ts';
import { type ListQuery, useDisputeList } from '../api/disputes.ts';
import type { SessionUser } from '../api/session.ts';
import { DisputeTable } from '../components/dispute-table.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';

/** Deadlines the seller must meet: the list's summary names the next one, not its owner. */
const SELLER_DEADLINES = new Set(['seller_response', 'return_label', 'confirm_receipt']);

export function SellerInbox(_props: { user: SessionUser }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  const [needsMe, setNeedsMe] = useState(false);
  const query: ListQuery = {
    sort: 'next_deadline',
    limit: 100,
    ...(status === '' ? {} : { status: [status as NonNullable<ListQuery['status']>[number]] }),
    ...(reason === '' ? {} : { reason: reason as NonNullable<ListQuery['reason']> }),
  };
  const list = useDisputeList(query);
  const items = list.data?.items ?? [];
  const mine = items.filter((d) => SELLER_DEADLINES.has(d.nextDeadline ?? ''));
  const shown = needsMe ? mine : items;
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
            { value: '', label: t('inbox.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('inbox.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data={[
            { value: '', label: t('inbox.all') },
            ...DISPUTE_REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) })),
          ]}
        />
        <Checkbox
          label={t('inbox.needsMe')}
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
          {t('inbox.needsMeCount', { count: mine.length })}
        </Badge>
      </Group>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : shown.length === 0 ? (
        <Text>{t('inbox.empty')}</Text>
      ) : (
        <DisputeTable
          items={shown}
          caption={t('inbox.title')}
          onElapsed={() => void list.refetch()}
        />
      )}
    </Stack>
  );
}
