// The buyer's home: their orders (what was bought, paid and can still be refunded, each with its
// disputes or a button to open one) and their disputes, nearest deadline first.
import { Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDisputeList } from '../api/disputes.ts';
import { type BuyerOrder, useOrders } from '../api/orders.ts';
import { Link } from '../app.tsx';
import { DisputeTable } from '../components/dispute-table.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { MoneyText } from '../components/money.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDateTime } from '../lib/format.ts';
import { formatMoney } from '../lib/money.ts';
import { navigate } from '../router.ts';

const LIVE = new Set([
  'negotiating',
  'awaiting_return_label',
  'awaiting_return_shipment',
  'return_in_transit',
  'awaiting_replacement',
  'in_arbitration',
  'appealed',
]);

function OrderCard({ order }: { order: BuyerOrder }) {
  const { t, i18n } = useTranslation();
  const live = order.disputes.some((d) => LIVE.has(d.status));
  return (
    <Card withBorder data-testid="order" data-order={order.orderId}>
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{t('dispute.order', { orderId: order.orderId })}</Text>
        <MoneyText value={order.paid} />
      </Group>
      <Text size="sm">{order.items.map((i) => `${i.title} × ${i.quantity}`).join(', ')}</Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(order.paidAt, i18n.language)}
      </Text>
      <Group gap="xs" mt="xs">
        {order.disputes.map((d) => (
          <Group key={d.id} gap={4}>
            <Link to={`/disputes/${d.id}`} aria-label={t('list.view', { id: d.id })}>
              {d.id}
            </Link>
            <StatusBadge status={d.status} />
          </Group>
        ))}
      </Group>
      {live || order.refundable.minor === '0' ? null : (
        <Group mt="sm" justify="space-between">
          <Text size="sm">
            {t('open.amountHint', { max: formatMoney(order.refundable, i18n.language) })}
          </Text>
          <Button
            size="xs"
            onClick={() => navigate(`/orders/${encodeURIComponent(order.orderId)}/dispute`)}
            data-testid="open-dispute"
          >
            {t('buyerHome.openFor')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

export function BuyerHome() {
  const { t } = useTranslation();
  const list = useDisputeList({ sort: 'next_deadline', limit: 100 });
  const orders = useOrders();
  return (
    <Stack>
      <Title order={2}>{t('buyerHome.title')}</Title>
      <Text c="dimmed">{t('buyerHome.intro')}</Text>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : list.data?.items.length === 0 ? (
        <Text>{t('buyerHome.empty')}</Text>
      ) : (
        <DisputeTable
          items={list.data?.items ?? []}
          caption={t('buyerHome.title')}
          onElapsed={() => void list.refetch()}
        />
      )}
      <Title order={3}>{t('app.myOrders')}</Title>
      <ErrorAlert error={orders.error} onRetry={() => void orders.refetch()} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {(orders.data?.items ?? []).map((o) => (
          <OrderCard key={o.orderId} order={o} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
