// The store's metrics: the three rates over time (the rolling window's rates week by week, from
// the metrics projection) against the warning threshold, today's numbers, and the open disputes
// that would weigh most on them if ruled against the store.
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Alert, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  disputeKeys,
  getImpact,
  useDisputeList,
  useMetricsHistory,
  useSellerMetrics,
} from '../api/disputes.ts';
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
  const history = useMetricsHistory(user.sellerId);
  const open = useDisputeList({ status: [...OPEN], sort: 'next_deadline', limit: 20 }, false);
  const impacts = useQueries({
    queries: (open.data?.items ?? []).map((d) => ({
      queryKey: disputeKeys.impact(d.id),
      queryFn: () => getImpact(d.id),
    })),
  });
  if (metrics.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (metrics.isError)
    return <ErrorAlert error={metrics.error} onRetry={() => void metrics.refetch()} />;
  const m = metrics.data.metrics;
  const thresholds = history.data?.thresholds;
  const day = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric' });
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const data = (history.data?.series ?? []).map((p) => ({
    at: day.format(Date.parse(p.at)),
    ...Object.fromEntries(RATES.map((rate) => [rate, p.metrics[rate].bp / 100])),
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
        {/* The table below gives today's numbers to screen readers. */}
        {history.isPending ? (
          <Loader role="status" aria-label={t('app.loading')} />
        ) : (
          <LineChart
            h={280}
            data={data}
            dataKey="at"
            data-testid="rates-chart"
            withLegend
            curveType="linear"
            series={[
              { name: 'disputeRate', label: t('impact.disputeRate'), color: 'blue.8' },
              { name: 'arbitrationRate', label: t('impact.arbitrationRate'), color: 'grape.8' },
              {
                name: 'sellerResponsibilityRate',
                label: t('impact.sellerResponsibilityRate'),
                color: 'orange.9',
              },
            ]}
            referenceLines={
              thresholds === undefined
                ? []
                : [{ y: thresholds.warnBp / 100, label: t('impact.warning'), color: 'red.8' }]
            }
            valueFormatter={(v) => percent.format(v)}
          />
        )}
        <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
        {thresholds === undefined ? null : (
          <Text size="sm" mt="xs" data-testid="thresholds">
            {t('metricsPage.thresholds', {
              rate: formatBp(thresholds.warnBp, i18n.language),
              count: thresholds.warnCount,
            })}
          </Text>
        )}
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
