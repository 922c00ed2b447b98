// The admin's home: one line per admin page saying what it is for.
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app.tsx';
import { ADMIN_PAGES } from './nav.ts';

export function AdminHome() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('admin.home.title')}</Title>
      <Text>{t('admin.home.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {ADMIN_PAGES.map((p) => (
          <Card key={p.to} withBorder>
            <Link to={p.to}>{t(p.labelKey)}</Link>
            <Text size="sm">{t(p.descriptionKey ?? '')}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
