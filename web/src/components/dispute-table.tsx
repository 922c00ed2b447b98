// Disputes as a table (cards on a phone): order, reason, status, amounts and the live countdown
// to the next deadline.
import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { DisputeSummary } from '../api/disputes.ts';
import { Link } from '../app.tsx';
import { Countdown } from './countdown.tsx';
import { MoneyText } from './money.tsx';
import { StatusBadge } from './status-badge.tsx';

function Deadline({ d, onElapsed }: { d: DisputeSummary; onElapsed: () => void }) {
  const { t } = useTranslation();
  if (d.nextDueAt === undefined) return <Text c="dimmed">{t('list.none')}</Text>;
  return (
    <Stack gap={0}>
      <Countdown dueAt={d.nextDueAt} onElapsed={onElapsed} />
      {d.nextDeadline === undefined ? null : (
        <Text size="xs" c="dimmed">
          {t(`deadline.${d.nextDeadline}`, { defaultValue: d.nextDeadline })}
        </Text>
      )}
    </Stack>
  );
}

export function DisputeTable(props: {
  items: readonly DisputeSummary[];
  caption: string;
  onElapsed: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone)
    return (
      <Stack data-testid="dispute-list" aria-label={props.caption}>
        {props.items.map((d) => (
          <Card key={d.id} withBorder data-testid="dispute-row" data-dispute={d.id}>
            <Group justify="space-between">
              <Link to={`/disputes/${d.id}`} aria-label={t('list.view', { id: d.orderId })}>
                {d.orderId}
              </Link>
              <StatusBadge status={d.status} />
            </Group>
            <Text size="sm">{t(`reason.${d.reason}`, { defaultValue: d.reason })}</Text>
            <Text size="sm">
              {t('list.requested')}: <MoneyText value={d.requested} />
            </Text>
            <Deadline d={d} onElapsed={props.onElapsed} />
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped highlightOnHover data-testid="dispute-list">
        <Table.Caption>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.order')}</Table.Th>
            <Table.Th>{t('list.reason')}</Table.Th>
            <Table.Th>{t('list.status')}</Table.Th>
            <Table.Th>{t('list.requested')}</Table.Th>
            <Table.Th>{t('list.paid')}</Table.Th>
            <Table.Th>{t('list.nextDeadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((d) => (
            <Table.Tr key={d.id} data-testid="dispute-row" data-dispute={d.id}>
              <Table.Td>
                <Link to={`/disputes/${d.id}`} aria-label={t('list.view', { id: d.orderId })}>
                  {d.orderId}
                </Link>
              </Table.Td>
              <Table.Td>{t(`reason.${d.reason}`, { defaultValue: d.reason })}</Table.Td>
              <Table.Td>
                <StatusBadge status={d.status} />
              </Table.Td>
              <Table.Td>
                <MoneyText value={d.requested} />
              </Table.Td>
              <Table.Td>
                <MoneyText value={d.paid} />
              </Table.Td>
              <Table.Td>
                <Deadline d={d} onElapsed={props.onElapsed} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
