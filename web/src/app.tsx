// The shell: header with navigation for the signed-in role, the language switch and sign-out;
// the page for the current path. Signed-out visitors see the sign-in page.
import {
  Anchor,
  AppShell,
  Burger,
  Button,
  Center,
  Container,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_KEY, type SessionUser, signOut, useSession } from './api/session.ts';
import { ErrorAlert } from './components/error-alert.tsx';
import { LANGUAGE_NAMES, LANGUAGES, type Language, setLanguage } from './i18n/index.ts';
import { adminConsole } from './pages/admin/routes.tsx';
import { BuyerHome } from './pages/buyer-home.tsx';
import { CaseFilePage } from './pages/case-file.tsx';
import { DisputePage } from './pages/dispute.tsx';
import { OpenDisputePage } from './pages/open-dispute.tsx';
import { SellerInbox } from './pages/seller-inbox.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { workbenchPage } from './pages/workbench/routes.tsx';
import { match, navigate, useLocation } from './router.ts';

// Charts are the heaviest code; only the metrics page loads them.
const MetricsPage = lazy(() => import('./pages/metrics.tsx'));

export function Link(props: { to: string; children: ReactNode; 'aria-label'?: string }) {
  return (
    <Anchor
      href={props.to}
      aria-label={props['aria-label']}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </Anchor>
  );
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(e) => setLanguage(e.currentTarget.value as Language)}
      data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
      size="xs"
      data-testid="language"
    />
  );
}

function homeOf(user: SessionUser): string {
  if (user.role === 'arbitrator') return '/queue';
  const admin = adminConsole('', user).home;
  if (admin !== undefined) return admin;
  return user.role === 'buyer' ? '/orders' : user.role === 'seller' ? '/inbox' : '/none';
}

function Page({ user }: { user: SessionUser }) {
  const { path } = useLocation();
  const { t } = useTranslation();
  const admin = adminConsole(path, user).page;
  if (admin !== undefined) return admin;
  let m = match('/disputes/:id/case-file', path);
  if (m !== undefined) return <CaseFilePage disputeId={m.id ?? ''} />;
  const staffPage = workbenchPage(path, user);
  if (staffPage !== undefined) return staffPage;
  m = match('/disputes/:id', path);
  if (m !== undefined) return <DisputePage disputeId={m.id ?? ''} user={user} />;
  m = match('/orders/:orderId/dispute', path);
  if (m !== undefined && user.role === 'buyer')
    return <OpenDisputePage orderId={m.orderId ?? ''} />;
  if (path === '/orders' && user.role === 'buyer') return <BuyerHome />;
  if (path === '/inbox' && user.role === 'seller') return <SellerInbox user={user} />;
  if (path === '/store-metrics' && user.role === 'seller')
    return (
      <Suspense fallback={<Loader role="status" aria-label={t('app.loading')} />}>
        <MetricsPage user={user} />
      </Suspense>
    );
  if (path === '/' || path === '/signin') {
    const home = homeOf(user);
    if (home !== '/none') {
      queueMicrotask(() => navigate(home, true));
      return null;
    }
  }
  if (path === '/none' || user.role === 'arbitrator' || user.role === 'admin')
    return <Text>{t('app.noAccess')}</Text>;
  return <Text>{t('app.notFound')}</Text>;
}

export function App() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure();
  const { path } = useLocation();

  if (session.isPending)
    return (
      <Center h="100vh">
        <Loader role="status" aria-label={t('app.loading')} />
      </Center>
    );
  if (session.isError)
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </Container>
    );
  const user = session.data;
  if (user === null) return <SignInPage />;

  const nav =
    user.role === 'buyer'
      ? [{ to: '/orders', label: t('app.myOrders') }]
      : user.role === 'seller'
        ? [
            { to: '/inbox', label: t('app.inbox') },
            { to: '/store-metrics', label: t('app.metrics') },
          ]
        : user.role === 'arbitrator'
          ? [
              { to: '/queue', label: t('workbench.nav.queue') },
              { to: '/appeals', label: t('workbench.nav.appeals') },
            ]
          : adminConsole(path, user).nav.map((n) => ({ to: n.to, label: t(n.labelKey) }));
  const printing = path.endsWith('/case-file');

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: true } }}
      padding="md"
      className={printing ? 'printing' : undefined}
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className="no-print">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('app.home')}
            />
            <Title order={1} size="h3">
              <Link to={homeOf(user) === '/none' ? '/' : homeOf(user)}>{t('app.title')}</Link>
            </Title>
            <Group gap="md" visibleFrom="sm" component="nav" aria-label={t('app.home')}>
              {nav.map((n) => (
                <Link key={n.to} to={n.to}>
                  {n.label}
                </Link>
              ))}
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" visibleFrom="md" data-testid="signed-in">
              {t('app.signedInAs', { name: user.name, role: t(`role.${user.role}`) })}
            </Text>
            {adminConsole(path, user).header}
            <LanguageSwitch />
            <Button
              variant="default"
              size="xs"
              onClick={async () => {
                await signOut().catch(() => undefined);
                queryClient.clear();
                queryClient.setQueryData(SESSION_KEY, null);
                navigate('/', true);
              }}
            >
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" className="no-print">
        <Stack component="nav" aria-label={t('app.home')}>
          {nav.map((n) => (
            <Button
              key={n.to}
              variant="subtle"
              onClick={() => {
                close();
                navigate(n.to);
              }}
            >
              {n.label}
            </Button>
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="lg" px={0}>
          <Page user={user} />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
