// The store's metrics: the three rates against the warning level as a chart, and the open
// disputes that would weigh most on them if ruled against the store. (The API reports the rates
// over the rolling window as of now; a history over time needs an API that keeps one.)
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DEFAULT_POLICY } from '../../../src/domain/policy.ts';
import { disputeKeys, getImpact, useDisputeList, useSellerMetrics } from '../api/disputes.ts';
import type { SessionUser } from '../api/session.ts';
import { Link } from '../app.tsx';
import { Countdown } from '../components/countdown.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { formatBp } from '../lib/format.ts';

const RATES = ['disputeRate', 'arbitrationRate', 'sellerResponsibilityRate'] as const;
const OPEN = [
  'negotiating',
  'awaiting_return_label',
  'awaiting_return_shipment',
  'return_in_transit',
  'awaiting_replacement',
  'in_arbitration',
  'appealed',
] as const;

export default function MetricsPage({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const metrics = useSellerMetrics(user.sellerId);
  const open = useDisputeList({ status: [...OPEN], sort: 'next_deadline', limit: 20 }, false);
  const impacts = useQueries({
    queries: (open.data?.items ?? []).map((d) => ({
      queryKey: disputeKeys.impact(d.id),
      queryFn: () => getImpact(d.id),
    })),
  });
  if (metrics.isPending) return <Loader aria-label={t('app.loading')} />;
  if (metrics.isError)
    return <ErrorAlert error={metrics.error} onRetry={() => void metrics.refetch()} />;
  const m = metrics.data.metrics;
  const warnBp = DEFAULT_POLICY.sellerResponsibilityWarnBp;
  const data = RATES.map((rate) => ({
    rate: t(`impact.${rate}`),
    value: m[rate].bp / 100,
  }));
  const weighing = (open.data?.items ?? [])
    .map((d, i) => {
      const impact = impacts[i]?.data;
      const delta =
        impact === undefined
          ? 0
          : impact.ifRuledAgainstSeller.sellerResponsibilityRate.bp -
            impact.now.sellerResponsibilityRate.bp;
      return { d, impact, delta };
    })
    .sort((a, b) => b.delta - a.delta);
  return (
    <Stack>
      <Title order={2}>{t('metricsPage.title')}</Title>
      <Text c="dimmed">{t('metricsPage.window', { days: metrics.data.windowDays })}</Text>
      <Alert color={m.warning ? 'red' : 'green'} variant="light" role="status">
        {m.warning ? t('metricsPage.warning') : t('metricsPage.ok')}
      </Alert>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('metricsPage.chart')}
        </Title>
        {/* The table below gives the same numbers to screen readers. */}
        <BarChart
          h={260}
          data={data}
          dataKey="rate"
          series={[{ name: 'value', label: '%', color: 'blue.8' }]}
          referenceLines={[{ y: warnBp / 100, label: t('impact.warning'), color: 'red.8' }]}
          valueFormatter={(v) =>
            new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(v)
          }
        />
        <Table mt="sm">
          <Table.Tbody>
            {RATES.map((rate) => (
              <Table.Tr key={rate}>
                <Table.Th scope="row">{t(`impact.${rate}`)}</Table.Th>
                <Table.Td>{formatBp(m[rate].bp, i18n.language)}</Table.Td>
                <Table.Td>
                  {t('metricsPage.counts', {
                    numerator: m[rate].numerator,
                    denominator: m[rate].denominator,
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4">
          {t('metricsPage.weighing')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('metricsPage.weighingIntro')}
        </Text>
        <Table.ScrollContainer minWidth={480}>
          <Table data-testid="weighing">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.order')}</Table.Th>
                <Table.Th>{t('impact.sellerResponsibilityRate')}</Table.Th>
                <Table.Th>{t('list.nextDeadline')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weighing.map(({ d, impact }) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Link to={`/disputes/${d.id}`}>{d.orderId}</Link>
                  </Table.Td>
                  <Table.Td>
                    {impact === undefined
                      ? '…'
                      : `${formatBp(impact.now.sellerResponsibilityRate.bp, i18n.language)} → ${formatBp(
                          impact.ifRuledAgainstSeller.sellerResponsibilityRate.bp,
                          i18n.language,
                        )}`}
                  </Table.Td>
                  <Table.Td>
                    {d.nextDueAt === undefined ? t('list.none') : <Countdown dueAt={d.nextDueAt} />}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
