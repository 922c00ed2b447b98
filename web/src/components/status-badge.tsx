import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Readonly<Record<string, string>> = {
  negotiating: 'blue',
  in_arbitration: 'grape',
  appealed: 'grape',
  resolved: 'green',
  cancelled: 'gray',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  // Dark text on a light badge keeps the contrast above 4.5:1.
  return (
    <Badge color={COLORS[status] ?? 'orange'} variant="light" c="dark.8" data-testid="status">
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
