// Both shipments' carrier tracking (carrier, channel, places, who signed) and the order's ledger:
// what the arbitrator checks a "not received" or a relabelled parcel against, and where money
// already went.
import { Badge, Card, Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DisputeView } from '../../api/disputes.ts';
import { MoneyText } from '../../components/money.tsx';
import { formatDateTime } from '../../lib/format.ts';

export function Tracking({ d }: { d: DisputeView }) {
  const { t, i18n } = useTranslation();
  if (d.tracking.length === 0) return <Text c="dimmed">{t('workbench.case.noTracking')}</Text>;
  return (
    <Stack>
      {d.tracking.map((s) => (
        <Card
          key={s.shipmentId}
          withBorder
          padding="sm"
          data-testid="shipment"
          data-direction={s.direction}
        >
          <Title order={4} size="h5">
            {t(`workbench.case.direction.${s.direction}`, { defaultValue: s.direction })}
          </Title>
          <Group gap="xs" mb="xs">
            <Text size="sm">
              {s.carrier} · {s.trackingNumber}
            </Text>
            <Badge size="sm" variant="light" c="dark.8">
              {t(`workbench.channel.${s.channel}`, { defaultValue: s.channel })}
            </Badge>
          </Group>
          {s.events.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('workbench.case.noEvents')}
            </Text>
          ) : (
            <Timeline bulletSize={12} lineWidth={2}>
              {s.events.map((e) => (
                <Timeline.Item
                  key={`${e.at}-${e.status}`}
                  title={t(`workbench.trackingStatus.${e.status}`, { defaultValue: e.status })}
                >
                  <Text size="xs" c="dimmed">
                    {formatDateTime(e.at, i18n.language)}
                    {e.place === null ? '' : ` · ${e.place}`}
                    {e.signed ? ` · ${t('workbench.case.signed')}` : ''}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Card>
      ))}
    </Stack>
  );
}

function accountName(account: string, t: TFunction): string {
  const at = account.indexOf(':');
  const prefix = at < 0 ? account : account.slice(0, at);
  const name = t(`workbench.account.${prefix}`, { defaultValue: prefix });
  return at < 0 ? name : `${name} (${account.slice(at + 1)})`;
}

export function Ledger({ d }: { d: DisputeView }) {
  const { t, i18n } = useTranslation();
  if (d.ledger.length === 0) return <Text c="dimmed">{t('workbench.case.noLedger')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table data-testid="ledger">
        <Table.Caption>{t('workbench.case.ledger')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('workbench.case.timeline')}</Table.Th>
            <Table.Th>{t('workbench.case.account')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('workbench.case.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.ledger.flatMap((x) =>
            x.postings.map((p, i) => (
              <Table.Tr
                key={`${x.id}-${p.account}-${p.amountMinor}`}
                data-testid="ledger-row"
                data-kind={x.kind}
              >
                <Table.Td>
                  {i === 0
                    ? `${t(`workbench.ledgerKind.${x.kind}`, { defaultValue: x.kind })} · ${formatDateTime(x.at, i18n.language)}`
                    : ''}
                </Table.Td>
                <Table.Td>{accountName(p.account, t)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <MoneyText value={{ minor: p.amountMinor, currency: p.currency }} />
                </Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
