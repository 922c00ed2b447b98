// Every admin page under one row of links to the others, so the header keeps a single "Admin"
// entry (beside the clock control) and stays on one line.
import { Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app.tsx';
import { ClockControl } from './clock-control.tsx';
import { ADMIN_PAGES } from './nav.ts';

export function AdminLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Group component="nav" aria-label={t('admin.nav.home')} gap="md" className="no-print">
        {ADMIN_PAGES.map((p) => (
          <Link key={p.to} to={p.to}>
            {t(p.labelKey)}
          </Link>
        ))}
      </Group>
      <ClockControl place="page" />
      {children}
    </Stack>
  );
}
