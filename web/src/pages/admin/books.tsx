// The books: runs the ledger check and then the audit verification on the server (the same
// checks as the CLI) and shows pass or fail with the counts and every problem reported.
import { Badge, Button, Card, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { type CheckReport, runAuditVerify, runLedgerCheck } from './api.ts';

interface Books {
  readonly ledger: CheckReport;
  readonly audit: CheckReport;
}

// One after the other: the server runs one check of the books at a time.
async function runBoth(): Promise<Books> {
  const ledger = await runLedgerCheck();
  const audit = await runAuditVerify();
  return { ledger, audit };
}

type Loose = Record<string, unknown> & { problems?: { problem?: string; detail?: string }[] };

export function BooksPage() {
  const { t } = useTranslation();
  const run = useMutation({ mutationFn: runBoth });
  const ledger = run.data?.ledger as (CheckReport & { ledger: Loose; ties: Loose }) | undefined;
  const audit = run.data?.audit as (CheckReport & { chain: Loose; checkpoints: Loose }) | undefined;
  return (
    <Stack>
      <Title order={2}>{t('admin.books.title')}</Title>
      <Text>{t('admin.books.intro')}</Text>
      <Group>
        <Button onClick={() => run.mutate()} loading={run.isPending}>
          {t('admin.books.run')}
        </Button>
      </Group>
      <ErrorAlert error={run.error} />
      <CheckCard
        testId="ledger-check"
        title={t('admin.books.ledger')}
        report={ledger}
        summary={
          ledger === undefined
            ? ''
            : t('admin.books.ledgerSummary', {
                transactions: ledger.ledger.transactions,
                postings: ledger.ledger.postings,
                balances: (ledger.ledger.balances as unknown[] | undefined)?.length ?? 0,
                ties: ledger.ties.ok ? t('admin.books.pass') : t('admin.books.fail'),
              })
        }
        problems={[
          ...((ledger?.ledger.unbalanced as unknown[] | undefined) ?? []),
          ...((ledger?.ledger.withoutDispute as unknown[] | undefined) ?? []),
          ...((ledger?.ledger.overRecovered as unknown[] | undefined) ?? []),
          ...((ledger?.ledger.negativeEscrow as unknown[] | undefined) ?? []),
          ...(ledger?.ties.problems ?? []),
        ]}
      />
      <CheckCard
        testId="audit-verify"
        title={t('admin.books.audit')}
        report={audit}
        summary={
          audit === undefined
            ? ''
            : t('admin.books.auditSummary', {
                disputes: audit.chain.disputes ?? '—',
                events: audit.chain.events ?? '—',
                checkpoints: audit.checkpoints.checkpoints,
                keys: audit.checkpoints.keys,
              })
        }
        problems={[
          ...(audit !== undefined && audit.chain.ok === false ? [audit.chain] : []),
          ...(audit?.checkpoints.problems ?? []),
        ]}
      />
    </Stack>
  );
}

function CheckCard(props: {
  testId: string;
  title: string;
  report: CheckReport | undefined;
  summary: string;
  problems: readonly unknown[];
}) {
  const { t } = useTranslation();
  const r = props.report;
  return (
    <Card withBorder data-testid={props.testId}>
      <Stack gap="xs">
        <Group>
          <Title order={3}>{props.title}</Title>
          <Badge
            c="dark.8"
            color={r === undefined ? 'gray' : r.ok ? 'green' : 'red'}
            size="lg"
            variant="light"
            data-testid={`${props.testId}-result`}
          >
            {r === undefined
              ? t('admin.books.notRun')
              : r.ok
                ? t('admin.books.pass')
                : t('admin.books.fail')}
          </Badge>
        </Group>
        {r === undefined ? null : <Text>{props.summary}</Text>}
        {props.problems.length === 0 ? null : (
          <>
            <Text fw={600}>{t('admin.books.problems')}</Text>
            <List>
              {props.problems.map((p) => (
                <List.Item key={JSON.stringify(p)}>
                  <Code>{JSON.stringify(p)}</Code>
                </List.Item>
              ))}
            </List>
          </>
        )}
        {r === undefined ? null : (
          <details>
            <summary>{t('admin.books.details')}</summary>
            <Code block>{JSON.stringify(r, null, 2)}</Code>
          </details>
        )}
      </Stack>
    </Card>
  );
}
