// The buyer's home: their disputes (nearest deadline first) and opening a dispute on an order.
import { Button, Card, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisputeList } from '../api/disputes.ts';
import { DisputeTable } from '../components/dispute-table.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { navigate } from '../router.ts';

export function BuyerHome() {
  const { t } = useTranslation();
  const list = useDisputeList({ sort: 'next_deadline', limit: 100 });
  const [orderId, setOrderId] = useState('');
  return (
    <Stack>
      <Title order={2}>{t('buyerHome.title')}</Title>
      <Text c="dimmed">{t('buyerHome.intro')}</Text>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : list.data?.items.length === 0 ? (
        <Text>{t('buyerHome.empty')}</Text>
      ) : (
        <DisputeTable
          items={list.data?.items ?? []}
          caption={t('buyerHome.title')}
          onElapsed={() => void list.refetch()}
        />
      )}
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (orderId.trim() !== '')
              navigate(`/orders/${encodeURIComponent(orderId.trim())}/dispute`);
          }}
        >
          <Title order={3} size="h4" mb="sm">
            {t('buyerHome.openTitle')}
          </Title>
          <Group align="end">
            <TextInput
              label={t('buyerHome.orderId')}
              description={t('buyerHome.orderIdHint')}
              value={orderId}
              onChange={(e) => setOrderId(e.currentTarget.value)}
              required
            />
            <Button type="submit">{t('buyerHome.openFor')}</Button>
          </Group>
        </form>
      </Card>
    </Stack>
  );
}
