// One form around one command: the fields stay as typed when the server refuses (the refusal is
// shown above the button in the reader's language); they are cleared only after success.
import { Button, Card, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { disputeKeys } from '../api/disputes.ts';
import { ErrorAlert } from './error-alert.tsx';

export function useCommand(disputeId: string, run: () => Promise<unknown>, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      onDone?.();
      await queryClient.invalidateQueries({ queryKey: disputeKeys.all });
      void disputeId;
    },
  });
}

export function ActionForm(props: {
  title: string;
  submit: string;
  disputeId: string;
  run: () => Promise<unknown>;
  onDone?: () => void;
  children?: ReactNode;
  color?: string;
  testId?: string;
  valid?: boolean;
}) {
  const command = useCommand(props.disputeId, props.run, props.onDone);
  return (
    <Card withBorder data-testid={props.testId}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          command.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={4}>{props.title}</Title>
          {props.children}
          <ErrorAlert error={command.error} />
          <Button
            type="submit"
            loading={command.isPending}
            disabled={props.valid === false}
            color={props.color ?? 'blue'}
            style={{ alignSelf: 'flex-start' }}
          >
            {props.submit}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
