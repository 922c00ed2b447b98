// Webhook subscriptions: subscribe a URL to topics (the signing secret is shown once), disable
// one, and read a subscription's delivery log with a button to send a delivery again.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import {
  adminKeys,
  createSubscription,
  disableSubscription,
  redeliver,
  TOPICS,
  type Topic,
  useDeliveries,
  useSubscriptions,
} from './api.ts';

export function WebhooksPage() {
  const { t } = useTranslation();
  const subs = useSubscriptions();
  const queryClient = useQueryClient();
  const [log, setLog] = useState<{ id: string; url: string }>();
  const disable = useMutation({
    mutationFn: disableSubscription,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.webhooks }),
  });
  return (
    <Stack>
      <Title order={2}>{t('admin.webhooks.title')}</Title>
      <Subscribe />
      <Title order={3}>{t('admin.webhooks.list')}</Title>
      <ErrorAlert error={subs.error ?? disable.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.webhooks.url')}</Table.Th>
              <Table.Th>{t('admin.webhooks.topics')}</Table.Th>
              <Table.Th>{t('admin.webhooks.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(subs.data?.items ?? []).map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.url}</Table.Td>
                <Table.Td>{s.topics.join(', ')}</Table.Td>
                <Table.Td>
                  <Badge c="dark.8" color={s.enabled ? 'green' : 'gray'} variant="light">
                    {s.enabled ? t('admin.webhooks.enabled') : t('admin.webhooks.disabledState')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setLog({ id: s.id, url: s.url })}
                    >
                      {t('admin.webhooks.showLog', { url: s.url })}
                    </Button>
                    {s.enabled ? (
                      <Button
                        size="compact-sm"
                        color="red"
                        variant="light"
                        onClick={() => disable.mutate(s.id)}
                      >
                        {t('admin.webhooks.disable', { url: s.url })}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {log === undefined ? null : <DeliveryLog subscriptionId={log.id} url={log.url} />}
    </Stack>
  );
}

function Subscribe() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [topics, setTopics] = useState<Topic[]>(['dispute.opened']);
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: createSubscription,
    onSuccess: async () => {
      setUrl('');
      setDescription('');
      await queryClient.invalidateQueries({ queryKey: adminKeys.webhooks });
    },
  });
  return (
    <form
      aria-label={t('admin.webhooks.create')}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ url, topics, ...(description === '' ? {} : { description }) });
      }}
    >
      <Stack gap="xs">
        <Title order={3}>{t('admin.webhooks.create')}</Title>
        <TextInput
          required
          type="url"
          label={t('admin.webhooks.url')}
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
        <TextInput
          label={t('admin.webhooks.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Checkbox.Group
          label={t('admin.webhooks.topics')}
          value={topics}
          onChange={(v) => setTopics(v as Topic[])}
        >
          <Group gap="xs">
            {TOPICS.map((topic) => (
              <Checkbox key={topic} value={topic} label={topic} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={create.isPending} disabled={topics.length === 0}>
            {t('admin.webhooks.submit')}
          </Button>
        </Group>
        <ErrorAlert error={create.error} />
        {create.data === undefined ? null : (
          <Alert color="yellow" role="status">
            {t('admin.webhooks.secret', { secret: create.data.secret })}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

function DeliveryLog(props: { subscriptionId: string; url: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const log = useDeliveries(props.subscriptionId);
  const again = useMutation({
    mutationFn: redeliver,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: adminKeys.deliveries(props.subscriptionId) }),
  });
  return (
    <Stack data-testid="delivery-log">
      <Title order={3}>
        {t('admin.webhooks.log')}: {props.url}
      </Title>
      <ErrorAlert error={log.error ?? again.error} />
      {again.data === undefined ? null : (
        <Text role="status">{t('admin.webhooks.redelivered', { id: again.data.id })}</Text>
      )}
      {log.data?.items.length === 0 ? <Text>{t('admin.webhooks.none')}</Text> : null}
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.webhooks.topic')}</Table.Th>
              <Table.Th>{t('admin.webhooks.status')}</Table.Th>
              <Table.Th>{t('admin.webhooks.attempts')}</Table.Th>
              <Table.Th>{t('admin.webhooks.lastAttempt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(log.data?.items ?? []).map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.topic}</Table.Td>
                <Table.Td>{t(`admin.webhooks.deliveryStatus.${d.status}`)}</Table.Td>
                <Table.Td>{d.attempt}</Table.Td>
                <Table.Td>
                  {d.lastAttemptAt === null ? '—' : formatDateTime(d.lastAttemptAt, i18n.language)}
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="default" onClick={() => again.mutate(d.id)}>
                    {t('admin.webhooks.redeliver', { id: d.id })}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
