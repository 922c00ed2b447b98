// Email and password; in demo mode the demo accounts are listed to pick from.
import {
  Button,
  Card,
  Container,
  Group,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_KEY, signIn, useConsoleConfig } from '../api/session.ts';
import { LanguageSwitch } from '../app.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const config = useConsoleConfig();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: (c: { email: string; password: string }) => signIn(c.email, c.password),
    onSuccess: (user) => queryClient.setQueryData(SESSION_KEY, user),
  });
  const demo = config.data?.demo === true ? config.data : undefined;

  return (
    <Container size="sm" py="xl" component="main" id="main">
      <Group justify="space-between" mb="lg">
        <div>
          <Title order={1}>{t('app.title')}</Title>
          <Text c="dimmed">{t('app.tagline')}</Text>
        </div>
        <LanguageSwitch />
      </Group>
      <Card withBorder padding="lg">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            mutation.mutate({ email, password });
          }}
        >
          <Stack>
            <Title order={2} size="h3">
              {t('signIn.title')}
            </Title>
            <ErrorAlert error={mutation.error} />
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={mutation.isPending}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
      {demo === undefined ? null : (
        <Card withBorder padding="lg" mt="lg">
          <Title order={2} size="h3">
            {t('signIn.demoTitle')}
          </Title>
          <Text size="sm" mb="sm">
            {t('signIn.demoHint')}
          </Text>
          <Table.ScrollContainer minWidth={320}>
            <Table>
              <Table.Tbody>
                {demo.accounts.map((a) => (
                  <Table.Tr key={a.email} data-testid="demo-account">
                    <Table.Td>
                      <Text size="sm">{a.name}</Text>
                      <Text size="xs" c="dimmed">
                        {a.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`role.${a.role}`)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={t('signIn.use', { name: a.name })}
                        onClick={() => {
                          setEmail(a.email);
                          setPassword(demo.password ?? '');
                          mutation.mutate({ email: a.email, password: demo.password ?? '' });
                        }}
                      >
                        {t('signIn.submit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Container>
  );
}
