// A printable case file in the reader's language: the request, offers, evidence, messages and
// the timeline on plain paper (the header and navigation do not print). The API's own signed
// case file (GET /v1/disputes/{id}/case-file) stays the record for appeals and chargebacks.
import { Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDispute } from '../api/disputes.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { MoneyText } from '../components/money.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { serverNow } from '../lib/countdown.ts';
import { formatDateTime } from '../lib/format.ts';
import { TermsText, TimelineList } from './dispute.tsx';

export function CaseFilePage({ disputeId }: { disputeId: string }) {
  const { t, i18n } = useTranslation();
  const query = useDispute(disputeId);
  if (query.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const d = query.data;
  const at = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <Stack data-testid="case-file" gap="md">
      <Group justify="space-between" className="no-print">
        <Anchor href={`/disputes/${d.id}`}>{t('app.back')}</Anchor>
        <Group>
          <Anchor href={`/v1/disputes/${d.id}/case-file`} target="_blank" rel="noopener">
            HTML (API)
          </Anchor>
          <Button onClick={() => window.print()}>{t('caseFile.print')}</Button>
        </Group>
      </Group>
      <Title order={2}>{t('caseFile.title', { id: d.id })}</Title>
      <Text size="sm">
        {t('caseFile.generated', { at: formatDateTime(serverNow(), i18n.language) })}
      </Text>
      <Group>
        <StatusBadge status={d.status} />
        <Text>{t(`reason.${d.reason}`, { defaultValue: d.reason })}</Text>
      </Group>
      <Title order={3} size="h4">
        {t('caseFile.parties')}
      </Title>
      <Text>{t('caseFile.buyer', { id: d.order.buyerId, country: d.order.buyerCountry })}</Text>
      <Text>{t('caseFile.seller', { id: d.order.sellerId, country: d.order.sellerCountry })}</Text>
      <Text>
        {t('dispute.order', { orderId: d.order.orderId })} · {t('dispute.paid')}:{' '}
        <MoneyText value={d.order.paid} /> · {t('dispute.refunded')}:{' '}
        <MoneyText value={d.refunded} />
      </Text>
      <Title order={3} size="h4">
        {t('dispute.description')}
      </Title>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{d.description}</Text>
      <Title order={3} size="h4">
        {t('dispute.offers')}
      </Title>
      <Table>
        <Table.Tbody>
          {d.offers.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>{at(o.at)}</Table.Td>
              <Table.Td>{t(`role.${o.by}`, { defaultValue: o.by })}</Table.Td>
              <Table.Td>
                <TermsText terms={o.terms} />
              </Table.Td>
              <Table.Td>{t(`offerStatus.${o.status}`, { defaultValue: o.status })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h4">
        {t('dispute.evidence')}
      </Title>
      <Table>
        <Table.Tbody>
          {d.evidence.map((e) => (
            <Table.Tr key={`${e.by}-${e.id}`}>
              <Table.Td>{at(e.at)}</Table.Td>
              <Table.Td>{t(`role.${e.by}`, { defaultValue: e.by })}</Table.Td>
              <Table.Td>{t(`evidenceKind.${e.kind}`, { defaultValue: e.kind })}</Table.Td>
              <Table.Td>{e.fileName}</Table.Td>
              <Table.Td style={{ fontFamily: 'monospace', fontSize: 10, wordBreak: 'break-all' }}>
                {e.sha256}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h4">
        {t('dispute.messages')}
      </Title>
      {d.messages.map((m) => (
        <Text key={`${m.by}-${m.id}`} size="sm">
          {at(m.at)} · {t(`role.${m.by}`, { defaultValue: m.by })}: {m.body}
        </Text>
      ))}
      <Title order={3} size="h4">
        {t('dispute.timeline')}
      </Title>
      <TimelineList d={d} />
    </Stack>
  );
}
