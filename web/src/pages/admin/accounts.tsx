// The platform's accounts (logistics compensation, protection fund, fees, return postage): the
// balance now and a line of end-of-day balances per account and currency. Loaded lazily: it
// carries the charts.
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Card, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatMoney, minorToDecimal } from '../../lib/money.ts';
import { usePlatformAccounts } from './api.ts';

const WINDOWS = [7, 30, 90, 365] as const;

export default function AccountsPage() {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState<number>(30);
  const accounts = usePlatformAccounts(days);
  return (
    <Stack>
      <Title order={2}>{t('admin.accounts.title')}</Title>
      <Text>{t('admin.accounts.intro')}</Text>
      <NativeSelect
        label={t('admin.accounts.days')}
        value={String(days)}
        onChange={(e) => setDays(Number(e.currentTarget.value))}
        data={WINDOWS.map((d) => String(d))}
        w={160}
      />
      {accounts.isPending ? <Loader role="status" aria-label={t('app.loading')} /> : null}
      <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} />
      {accounts.data?.items.length === 0 ? <Text>{t('admin.accounts.none')}</Text> : null}
      {(accounts.data?.items ?? []).map((a) => {
        const name = t(`admin.accounts.account.${a.account}`, { defaultValue: a.account });
        const data = a.days.map((d) => ({
          day: d.day,
          [a.currency]: Number(minorToDecimal(d.balanceMinor, a.currency)),
        }));
        return (
          <Card key={`${a.account} ${a.currency}`} withBorder data-testid="platform-account">
            <Title order={3}>
              {name} ({a.currency})
            </Title>
            <Text>
              {t('admin.accounts.balance', {
                amount: formatMoney({ minor: a.balanceMinor, currency: a.currency }, i18n.language),
              })}
            </Text>
            <LineChart
              h={200}
              data={data}
              dataKey="day"
              series={[{ name: a.currency, label: name, color: 'blue.7' }]}
              curveType="step"
              withDots={false}
            />
          </Card>
        );
      })}
    </Stack>
  );
}
