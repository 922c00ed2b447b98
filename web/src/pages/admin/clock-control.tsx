// The virtual clock in the header (demo mode, admins): the current virtual time and buttons that
// move it forward by an hour, a day or a week, so a visitor watches deadlines fire. Every query
// is refetched afterwards: countdowns, statuses and balances all moved.
import { Button, Group, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useConsoleConfig } from '../../api/session.ts';
import { formatDateTime } from '../../lib/format.ts';
import { describeError } from '../../lib/rejection.ts';
import { advanceClock, useClock } from './api.ts';

const STEPS = [
  { key: 'admin.clock.plusHour', by: { hours: 1 } },
  { key: 'admin.clock.plusDay', by: { days: 1 } },
  { key: 'admin.clock.plusWeek', by: { days: 7 } },
] as const;

/**
 * `place`: the header on wide screens, the top of the admin pages on narrow ones (a phone's
 * header has no room for it); only one of the two renders.
 */
export function ClockControl({ place }: { place: 'header' | 'page' }) {
  const wide = useMediaQuery('(min-width: 48em)', true);
  const { t, i18n } = useTranslation();
  const config = useConsoleConfig();
  const demo = config.data?.demo === true;
  const clock = useClock(demo);
  const queryClient = useQueryClient();
  const advance = useMutation({
    mutationFn: advanceClock,
    onSuccess: async () => {
      await queryClient.invalidateQueries();
    },
  });
  if (!demo || clock.data?.virtual !== true || wide !== (place === 'header')) return null;
  return (
    <Group
      gap={4}
      wrap={place === 'header' ? 'nowrap' : 'wrap'}
      role="group"
      aria-label={t('admin.clock.label')}
    >
      <Text size="xs" data-testid="virtual-now" aria-live="polite" style={{ whiteSpace: 'nowrap' }}>
        {t('admin.clock.now', { time: formatDateTime(clock.data.now, i18n.language) })}
      </Text>
      {STEPS.map((s) => (
        <Button
          key={s.key}
          size="compact-xs"
          variant="light"
          style={{ flexShrink: 0 }}
          loading={advance.isPending}
          onClick={() => advance.mutate(s.by)}
        >
          {t(s.key)}
        </Button>
      ))}
      {advance.isError ? (
        <Text size="xs" c="red.8" role="alert">
          {describeError(advance.error, t, i18n.language)}
        </Text>
      ) : null}
    </Group>
  );
}
