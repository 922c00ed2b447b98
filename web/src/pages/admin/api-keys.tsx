// API keys: create one with scopes and an optional expiry (the secret is shown once, with a copy
// button), list them without secrets, revoke one at once.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
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
  type ApiKey,
  adminKeys,
  type CreatedApiKey,
  createApiKey,
  revokeApiKey,
  SCOPES,
  type Scope,
  useApiKeys,
  useClock,
} from './api.ts';

export function ApiKeysPage() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedApiKey>();
  return (
    <Stack>
      <Title order={2}>{t('admin.apiKeys.title')}</Title>
      <CreateKey onCreated={setCreated} />
      {created === undefined ? null : <ShownOnce created={created} />}
      <KeyList />
    </Stack>
  );
}

function CreateKey({ onCreated }: { onCreated: (k: CreatedApiKey) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['integration']);
  const [expires, setExpires] = useState('');
  const create = useMutation({
    mutationFn: createApiKey,
    onSuccess: async (k) => {
      onCreated(k);
      setName('');
      setExpires('');
      await queryClient.invalidateQueries({ queryKey: adminKeys.keys });
    },
  });
  return (
    <form
      aria-label={t('admin.apiKeys.create')}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({
          name,
          scopes,
          // datetime-local has no zone: the label says UTC, so it is read as UTC.
          ...(expires === '' ? {} : { expiresAt: new Date(`${expires}:00Z`).toISOString() }),
        });
      }}
    >
      <Stack gap="xs">
        <Title order={3}>{t('admin.apiKeys.create')}</Title>
        <TextInput
          required
          label={t('admin.apiKeys.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Checkbox.Group
          label={t('admin.apiKeys.scopes')}
          value={scopes}
          onChange={(v) => setScopes(v as Scope[])}
        >
          <Group>
            {SCOPES.map((s) => (
              <Checkbox key={s} value={s} label={t(`admin.apiKeys.scope.${s}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput
          type="datetime-local"
          label={t('admin.apiKeys.expiresAt')}
          value={expires}
          onChange={(e) => setExpires(e.currentTarget.value)}
          w={260}
        />
        <Group>
          <Button type="submit" loading={create.isPending} disabled={scopes.length === 0}>
            {t('admin.apiKeys.submit')}
          </Button>
        </Group>
        <ErrorAlert error={create.error} />
      </Stack>
    </form>
  );
}

function ShownOnce({ created }: { created: CreatedApiKey }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" role="status">
      <Stack gap="xs">
        <Text fw={700}>{t('admin.apiKeys.secretTitle')}</Text>
        <Text size="sm">{t('admin.apiKeys.secretHint')}</Text>
        <Code block data-testid="api-key-secret">
          {created.key}
        </Code>
        <CopyButton value={created.key}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy} aria-live="polite">
              {copied ? t('admin.apiKeys.copied') : t('admin.apiKeys.copy')}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}

function KeyList() {
  const { t, i18n } = useTranslation();
  const keys = useApiKeys();
  const clock = useClock(true);
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.keys }),
  });
  const when = (at: string | undefined) =>
    at === undefined ? t('admin.apiKeys.never') : formatDateTime(at, i18n.language);
  // Expiry is judged against the server's clock (virtual in the demo), not the browser's.
  const now = clock.data === undefined ? undefined : Date.parse(clock.data.now);
  const state = (k: ApiKey) =>
    k.revokedAt !== undefined
      ? 'revoked'
      : k.expiresAt !== undefined && now !== undefined && Date.parse(k.expiresAt) <= now
        ? 'expired'
        : 'live';
  return (
    <Stack>
      <Title order={3}>{t('admin.apiKeys.list')}</Title>
      <ErrorAlert error={keys.error ?? revoke.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table data-testid="api-keys">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.apiKeys.name')}</Table.Th>
              <Table.Th>{t('admin.apiKeys.scopes')}</Table.Th>
              <Table.Th>{t('admin.apiKeys.created')}</Table.Th>
              <Table.Th>{t('admin.apiKeys.lastUsed')}</Table.Th>
              <Table.Th>{t('admin.apiKeys.expires')}</Table.Th>
              <Table.Th>{t('admin.apiKeys.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(keys.data?.items ?? []).map((k) => {
              const s = state(k);
              return (
                <Table.Tr key={k.id}>
                  <Table.Td>{k.name}</Table.Td>
                  <Table.Td>{k.scopes.join(', ')}</Table.Td>
                  <Table.Td>{when(k.createdAt)}</Table.Td>
                  <Table.Td>{when(k.lastUsedAt)}</Table.Td>
                  <Table.Td>{when(k.expiresAt)}</Table.Td>
                  <Table.Td>
                    <Badge c="dark.8" color={s === 'live' ? 'green' : 'gray'} variant="light">
                      {t(`admin.apiKeys.${s}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {s === 'revoked' ? null : (
                      <Button
                        size="compact-sm"
                        color="red"
                        variant="light"
                        loading={revoke.isPending && revoke.variables === k.id}
                        onClick={() => revoke.mutate(k.id)}
                      >
                        {t('admin.apiKeys.revoke', { name: k.name })}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
