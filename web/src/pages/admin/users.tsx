// Users: create an account (any role; seller staff name their store), disable or enable it, and
// reset its password; a generated password is shown once.
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import {
  type Account,
  adminKeys,
  changeRole,
  createUser,
  ROLES,
  type Role,
  resetPassword,
  setUserEnabled,
  useUsers,
} from './api.ts';

export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.users });
  const toggle = useMutation({
    mutationFn: (u: { id: string; enable: boolean }) => setUserEnabled(u.id, u.enable),
    onSuccess: refresh,
  });
  const reset = useMutation({
    mutationFn: (u: { id: string; email: string }) => resetPassword(u.id),
    onSuccess: (r, u) =>
      setNotice(t('admin.users.newPassword', { email: u.email, password: r.password ?? '' })),
  });
  return (
    <Stack>
      <Title order={2}>{t('admin.users.title')}</Title>
      <CreateUser onCreated={setNotice} />
      <ChangeRole accounts={users.data?.items ?? []} onChanged={setNotice} />
      {notice === undefined ? null : (
        <Alert color="blue" role="status" data-testid="user-notice">
          {notice}
        </Alert>
      )}
      <ErrorAlert error={users.error ?? toggle.error ?? reset.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.users.email')}</Table.Th>
              <Table.Th>{t('admin.users.name')}</Table.Th>
              <Table.Th>{t('admin.users.role')}</Table.Th>
              <Table.Th>{t('admin.users.state')}</Table.Th>
              <Table.Th>{t('admin.users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data?.items ?? []).map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>
                  {t(`role.${u.role}`)}
                  {u.sellerId === undefined ? '' : ` · ${u.sellerId}`}
                </Table.Td>
                <Table.Td>
                  <Badge
                    c="dark.8"
                    color={u.disabledAt === undefined ? 'green' : 'gray'}
                    variant="light"
                  >
                    {u.disabledAt === undefined
                      ? t('admin.users.active')
                      : t('admin.users.disabled')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() =>
                        toggle.mutate({ id: u.id, enable: u.disabledAt !== undefined })
                      }
                    >
                      {t(
                        u.disabledAt === undefined ? 'admin.users.disable' : 'admin.users.enable',
                        {
                          email: u.email,
                        },
                      )}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => reset.mutate({ id: u.id, email: u.email })}
                    >
                      {t('admin.users.reset', { email: u.email })}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function CreateUser({ onCreated }: { onCreated: (notice: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('arbitrator');
  const [sellerId, setSellerId] = useState('');
  const create = useMutation({
    mutationFn: createUser,
    onSuccess: async (r) => {
      onCreated(t('admin.users.created', { email: r.user.email, password: r.password ?? '' }));
      setEmail('');
      setName('');
      setSellerId('');
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
    },
  });
  return (
    <form
      aria-label={t('admin.users.create')}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({
          email,
          name,
          role,
          ...(role === 'seller' && sellerId !== '' ? { sellerId } : {}),
        });
      }}
    >
      <Title order={3}>{t('admin.users.create')}</Title>
      <Group align="end">
        <TextInput
          required
          type="email"
          label={t('admin.users.email')}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <TextInput
          required
          label={t('admin.users.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('admin.users.role')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        {role === 'seller' ? (
          <TextInput
            required
            label={t('admin.users.sellerId')}
            description={t('admin.users.sellerIdHint')}
            value={sellerId}
            onChange={(e) => setSellerId(e.currentTarget.value)}
          />
        ) : null}
        <Button type="submit" loading={create.isPending}>
          {t('admin.users.submit')}
        </Button>
      </Group>
      <ErrorAlert error={create.error} />
    </form>
  );
}

function ChangeRole(props: { accounts: readonly Account[]; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<Role>('arbitrator');
  const [sellerId, setSellerId] = useState('');
  const chosen = props.accounts.find((a) => a.id === userId) ?? props.accounts[0];
  const change = useMutation({
    mutationFn: (u: { id: string; email: string }) =>
      changeRole(u.id, role, role === 'seller' ? sellerId : undefined),
    onSuccess: async (a) => {
      props.onChanged(t('admin.users.roleChanged', { email: a.email, role: t(`role.${a.role}`) }));
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
    },
  });
  return (
    <form
      aria-label={t('admin.users.changeRole')}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen !== undefined) change.mutate({ id: chosen.id, email: chosen.email });
      }}
    >
      <Title order={3}>{t('admin.users.changeRole')}</Title>
      <Group align="end">
        <NativeSelect
          label={t('admin.users.account')}
          value={chosen?.id ?? ''}
          onChange={(e) => setUserId(e.currentTarget.value)}
          data={props.accounts.map((a) => ({ value: a.id, label: a.email }))}
        />
        <NativeSelect
          label={t('admin.users.role')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        {role === 'seller' ? (
          <TextInput
            required
            label={t('admin.users.sellerId')}
            value={sellerId}
            onChange={(e) => setSellerId(e.currentTarget.value)}
          />
        ) : null}
        <Button type="submit" variant="default" loading={change.isPending}>
          {t('admin.users.changeSubmit')}
        </Button>
      </Group>
      <ErrorAlert error={change.error} />
    </form>
  );
}
