import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/rejection.ts';

/** A refusal or failure as one readable sentence; the form around it keeps what was typed. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  if (error === null || error === undefined) return null;
  return (
    <Alert color="red" role="alert" data-testid="error" variant="light">
      {describeError(error, t, i18n.language)}
      {onRetry === undefined ? null : (
        <Button ml="sm" size="xs" variant="default" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      )}
    </Alert>
  );
}
