// The admin's part of the console: its navigation, the header's clock control and the page for
// an /admin path. app.tsx calls adminConsole once and places the three; everything else about
// the admin pages lives in this folder.
import { Loader } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../api/session.ts';
import { ApiKeysPage } from './api-keys.tsx';
import { BooksPage } from './books.tsx';
import { ClockControl } from './clock-control.tsx';
import { AdminHome } from './home.tsx';
import { AdminLayout } from './layout.tsx';
import { ADMIN_HOME, type AdminNavItem } from './nav.ts';
import { PoliciesPage } from './policies.tsx';
import { SimulationPanel } from './simulation-panel.tsx';
import { UsersPage } from './users.tsx';
import { WebhooksPage } from './webhooks.tsx';

// Charts are the heaviest code: only the platform accounts page loads them.
const AccountsPage = lazy(() => import('./accounts.tsx'));

function Lazy({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loader role="status" aria-label={t('app.loading')} />}>
      {children}
    </Suspense>
  );
}

function pageFor(path: string): ReactNode | undefined {
  switch (path.replace(/\/+$/, '')) {
    case ADMIN_HOME:
      return <AdminHome />;
    case '/admin/policies':
      return <PoliciesPage renderSimulation={(p) => <SimulationPanel proposal={p} />} />;
    case '/admin/users':
      return <UsersPage />;
    case '/admin/api-keys':
      return <ApiKeysPage />;
    case '/admin/webhooks':
      return <WebhooksPage />;
    case '/admin/books':
      return <BooksPage />;
    case '/admin/accounts':
      return (
        <Lazy>
          <AccountsPage />
        </Lazy>
      );
    default:
      return undefined;
  }
}

/**
 * What the shell shows an admin: navigation (label keys), the header's clock control (demo mode
 * only, it decides itself) and the page for `path` (undefined: not an admin page). Other roles
 * get nothing.
 */
export function adminConsole(
  path: string,
  user: SessionUser,
): { home?: string; nav: readonly AdminNavItem[]; header: ReactNode; page: ReactNode | undefined } {
  if (user.role !== 'admin') return { nav: [], header: null, page: undefined };
  const page = pageFor(path);
  return {
    home: ADMIN_HOME,
    // One entry in the header: the admin pages have their own row (AdminLayout).
    nav: [{ to: ADMIN_HOME, labelKey: 'admin.nav.home' }],
    header: <ClockControl place="header" />,
    page: page === undefined ? undefined : <AdminLayout>{page}</AdminLayout>,
  };
}
