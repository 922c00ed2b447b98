import { Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatRemaining,
  onServerClockChange,
  remaining,
  serverNow,
  tickMs,
} from '../lib/countdown.ts';
import { formatDateTime } from '../lib/format.ts';

/**
 * A live countdown to a deadline on the dispute clock. When it reaches zero it says so and calls
 * onElapsed, so the page asks the server what happened (the runner fires the deadline).
 */
export function Countdown({ dueAt, onElapsed }: { dueAt: string; onElapsed?: () => void }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(serverNow);
  const elapsed = useRef(false);
  const r = remaining(dueAt, now);
  useEffect(() => onServerClockChange(() => setNow(serverNow())), []);
  useEffect(() => {
    const timer = setTimeout(() => setNow(serverNow()), tickMs(r));
    return () => clearTimeout(timer);
  });
  useEffect(() => {
    if (r.overdue && !elapsed.current) {
      elapsed.current = true;
      onElapsed?.();
    }
    if (!r.overdue) elapsed.current = false;
  }, [r.overdue, onElapsed]);
  return (
    <Text span fw={600} c={r.overdue ? 'red.9' : r.ms < 86_400_000 ? 'orange.9' : 'dark.9'}>
      <time dateTime={dueAt} title={formatDateTime(dueAt, i18n.language)} data-testid="countdown">
        {r.overdue
          ? t('countdown.overdue')
          : t('countdown.left', { time: formatRemaining(r, i18n.language) })}
      </time>
    </Text>
  );
}
