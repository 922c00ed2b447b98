// The workbench's pages for staff: app.tsx asks this one function for arbitrator (and admin)
// paths. The pages load on demand, so buyers' and sellers' first page stays small.
import { Loader } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../api/session.ts';
import { match } from '../../router.ts';

const QueuePage = lazy(() => import('./queue-page.tsx').then((m) => ({ default: m.QueuePage })));
const CasePage = lazy(() => import('./case-page.tsx').then((m) => ({ default: m.CasePage })));

function Loading() {
  const { t } = useTranslation();
  return <Loader role="status" aria-label={t('app.loading')} />;
}

/** The workbench page for this path, or undefined when the path is not the workbench's. */
export function workbenchPage(path: string, user: SessionUser): ReactNode | undefined {
  if (user.role !== 'arbitrator' && user.role !== 'admin') return undefined;
  let page: ReactNode;
  const m = match('/disputes/:id', path);
  if (path === '/queue' || path === '/appeals')
    page = <QueuePage user={user} appeals={path === '/appeals'} />;
  else if (m !== undefined) page = <CasePage disputeId={m.id ?? ''} user={user} />;
  else return undefined;
  return <Suspense fallback={<Loading />}>{page}</Suspense>;
}
