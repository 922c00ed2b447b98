// What this dispute does to the seller's three rates: now, if the buyer cancels, and if it is
// ruled against the seller (GET /v1/disputes/{id}/impact).
import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Impact, useImpact } from '../api/disputes.ts';
import { formatBp } from '../lib/format.ts';
import { ErrorAlert } from './error-alert.tsx';

const RATES = ['disputeRate', 'arbitrationRate', 'sellerResponsibilityRate'] as const;
const COLUMNS = [
  ['now', 'impact.now'],
  ['ifBuyerCancels', 'impact.ifCancels'],
  ['ifRuledAgainstSeller', 'impact.ifRuled'],
] as const;

export function ImpactPanel({ disputeId }: { disputeId: string }) {
  const { t, i18n } = useTranslation();
  const impact = useImpact(disputeId, true);
  const data: Impact | undefined = impact.data;
  return (
    <Card withBorder data-testid="impact">
      <Title order={3} size="h4">
        {t('impact.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('impact.intro')}
      </Text>
      <ErrorAlert error={impact.error} />
      {data === undefined ? null : (
        <Table.ScrollContainer minWidth={360}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('impact.rate')}</Table.Th>
                {COLUMNS.map(([, label]) => (
                  <Table.Th key={label}>{t(label)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {RATES.map((rate) => (
                <Table.Tr key={rate}>
                  <Table.Th scope="row">{t(`impact.${rate}`)}</Table.Th>
                  {COLUMNS.map(([column]) => {
                    const value = data[column][rate];
                    const changed = value.bp !== data.now[rate].bp;
                    return (
                      <Table.Td key={column} fw={changed ? 700 : undefined}>
                        {formatBp(value.bp, i18n.language)}
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({value.numerator}/{value.denominator})
                        </Text>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{t('impact.warning')}</Table.Th>
                {COLUMNS.map(([column]) => (
                  <Table.Td key={column}>{data[column].warning ? '⚠' : '—'}</Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
