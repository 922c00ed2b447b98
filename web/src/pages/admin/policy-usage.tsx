// Which disputes run on which policy version: counts per version, and the newest disputes of
// one version with links to them. A dispute keeps the versions it opened under.
import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useDisputesOnVersion, usePolicyUsage } from './api.ts';

export function PolicyUsage() {
  const { t } = useTranslation();
  const usage = usePolicyUsage();
  const [shown, setShown] = useState<string>();
  const name = (id: string) => (id === 'default' ? t('admin.policies.defaultVersion') : id);
  return (
    <Stack>
      <Title order={3}>{t('admin.policies.usageTitle')}</Title>
      <ErrorAlert error={usage.error} />
      <Table data-testid="policy-usage">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.policies.version')}</Table.Th>
            <Table.Th>{t('admin.policies.disputes')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(usage.data?.items ?? []).map((u) => (
            <Table.Tr key={u.versionId}>
              <Table.Td>{name(u.versionId)}</Table.Td>
              <Table.Td>{u.disputes}</Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="default" onClick={() => setShown(u.versionId)}>
                  {t('admin.policies.showDisputes', { id: name(u.versionId) })}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {shown === undefined ? null : <DisputesOnVersion versionId={shown} title={name(shown)} />}
    </Stack>
  );
}

function DisputesOnVersion(props: { versionId: string; title: string }) {
  const { t, i18n } = useTranslation();
  const list = useDisputesOnVersion(props.versionId);
  return (
    <Stack data-testid="disputes-on-version">
      <Title order={4}>{t('admin.policies.disputesOn', { id: props.title })}</Title>
      <ErrorAlert error={list.error} />
      {list.data?.items.length === 0 ? <Text>{t('admin.policies.none')}</Text> : null}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.policies.dispute')}</Table.Th>
            <Table.Th>{t('admin.policies.status')}</Table.Th>
            <Table.Th>{t('admin.policies.opened')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.items ?? []).map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Link to={`/disputes/${encodeURIComponent(d.id)}`}>{d.id}</Link>
              </Table.Td>
              <Table.Td>{t(`status.${d.status}`, { defaultValue: d.status })}</Table.Td>
              <Table.Td>{formatDateTime(d.openedAt, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
