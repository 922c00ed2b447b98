// "Simulate this version against the current one": under the policy page's difference, a small
// what-if (POST /v1/simulations) runs the same synthetic marketplace under the current values and
// under the proposal, shows its progress (cancellable), then the key figures side by side with
// the changed ones marked, the sellers who cross a threshold, and a link to the full HTML report.
import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { PolicyProposal } from './policies.tsx';
import {
  type Crossing,
  cancelSimulation,
  comparisonOf,
  DEFAULT_SIZE,
  type Difference,
  SIZE_LIMITS,
  type SimulationSize,
  type SimulationView,
  startSimulation,
  useSimulation,
} from './simulation-api.ts';

const SIZE_FIELDS = ['sellers', 'orders', 'days', 'seed'] as const;

export function SimulationPanel({ proposal }: { proposal: PolicyProposal }) {
  const { t } = useTranslation();
  const [size, setSize] = useState<Record<keyof SimulationSize, number | string>>(DEFAULT_SIZE);
  const [id, setId] = useState<string>();
  const start = useMutation({
    mutationFn: (s: SimulationSize) =>
      startSimulation(s, proposal.current, { ...proposal.current, ...proposal.values }),
    onSuccess: (view) => setId(view.id),
  });
  const cancel = useMutation({ mutationFn: cancelSimulation });
  const job = useSimulation(id);
  const invalid = SIZE_FIELDS.filter((f) => {
    const v = size[f];
    return (
      typeof v !== 'number' ||
      !Number.isInteger(v) ||
      v < (f === 'seed' ? 0 : 1) ||
      v > SIZE_LIMITS[f]
    );
  });
  const running = start.isPending || job.data?.status === 'running';
  return (
    <Stack data-testid="simulation" gap="sm">
      <Title order={3}>{t('admin.simulation.title')}</Title>
      <Text size="sm">{t('admin.simulation.intro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (invalid.length > 0) return;
          cancel.reset();
          start.mutate(size as unknown as SimulationSize);
        }}
      >
        <Group align="start">
          {SIZE_FIELDS.map((f) => (
            <NumberInput
              key={f}
              w={150}
              label={t(`admin.simulation.${f}`)}
              description={t('admin.simulation.range', {
                min: f === 'seed' ? 0 : 1,
                max: SIZE_LIMITS[f],
              })}
              value={size[f]}
              allowDecimal={false}
              allowNegative={false}
              error={invalid.includes(f) ? t('admin.simulation.outOfRange') : undefined}
              onChange={(v) => setSize((s) => ({ ...s, [f]: v }))}
            />
          ))}
        </Group>
        <Group mt="sm">
          <Button type="submit" variant="default" loading={start.isPending} disabled={running}>
            {t('admin.simulation.start')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={start.error ?? cancel.error ?? job.error} />
      {job.data === undefined ? null : (
        <JobView
          view={job.data}
          cancelling={cancel.isPending}
          onCancel={() => {
            if (id !== undefined) cancel.mutate(id, { onSuccess: () => void job.refetch() });
          }}
        />
      )}
    </Stack>
  );
}

function JobView(props: { view: SimulationView; cancelling: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  const v = props.view;
  if (v.status === 'running') {
    const label = t('admin.simulation.progress', {
      percent: v.progress.percent,
      run: v.progress.run,
      runs: v.progress.runs,
    });
    return (
      <Stack gap="xs" data-testid="simulation-progress">
        <Progress value={v.progress.percent} aria-label={label} animated />
        <Group>
          <Text size="sm" role="status">
            {label}
          </Text>
          <Button size="xs" variant="default" loading={props.cancelling} onClick={props.onCancel}>
            {t('admin.simulation.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }
  if (v.status === 'cancelled')
    return (
      <Alert color="gray" role="status" data-testid="simulation-cancelled">
        {t('admin.simulation.cancelled')}
      </Alert>
    );
  if (v.status === 'failed')
    return (
      <Alert color="red" role="alert" data-testid="error">
        {t('admin.simulation.failed')}
        {v.error === undefined ? null : (
          <Text size="xs" mt="xs">
            {v.error}
          </Text>
        )}
      </Alert>
    );
  const comparison = comparisonOf(v);
  if (comparison === undefined) return null;
  return (
    <Figures
      differences={comparison.differences}
      crossings={comparison.crossings}
      html={v.links.html}
    />
  );
}

/** The figures an operator decides on, in reading order (compare.ts names them). */
function keyFigure(figure: string): number | undefined {
  if (figure.startsWith('outcome ')) return 0;
  if (figure.startsWith('refunds from ')) return 1;
  const order = [
    'refunded total (minor)',
    'median days to resolution',
    'escalations',
    'peak arbitration queue',
    'appeals',
    'sellers at warn',
    'sellers at restrict',
  ];
  const i = order.indexOf(figure);
  return i < 0 ? undefined : 2 + i;
}

function figureLabel(figure: string, t: TFunction): string {
  if (figure.startsWith('outcome '))
    return t('admin.simulation.figure.outcome', { outcome: figure.slice('outcome '.length) });
  const funder = /^refunds from (\w+) \(minor\)$/.exec(figure)?.[1];
  if (funder !== undefined)
    return t('admin.simulation.figure.refunds', {
      funder: t(`admin.simulation.funder.${funder}`, { defaultValue: funder }),
    });
  const key = {
    'refunded total (minor)': 'refundedTotal',
    'median days to resolution': 'medianDays',
    escalations: 'escalations',
    'peak arbitration queue': 'peakQueue',
    appeals: 'appeals',
    'sellers at warn': 'sellersWarn',
    'sellers at restrict': 'sellersRestrict',
  }[figure];
  return key === undefined ? figure : t(`admin.simulation.figure.${key}`);
}

function Figures(props: { differences: Difference[]; crossings: Crossing[]; html: string }) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => x.toLocaleString(i18n.language);
  const rows = props.differences
    .filter((d) => keyFigure(d.figure) !== undefined)
    .sort((a, b) => (keyFigure(a.figure) ?? 0) - (keyFigure(b.figure) ?? 0));
  const changed = rows.filter((d) => d.change !== 0).length;
  return (
    <Stack gap="sm" data-testid="simulation-report">
      <Text role="status">{t('admin.simulation.done', { count: changed })}</Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.simulation.figureHead')}</Table.Th>
            <Table.Th>{t('admin.simulation.currentHead')}</Table.Th>
            <Table.Th>{t('admin.simulation.proposalHead')}</Table.Th>
            <Table.Th>{t('admin.simulation.changeHead')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((d) => (
            <Table.Tr
              key={d.figure}
              {...(d.change === 0 ? {} : { bg: 'yellow.0' })}
              data-changed={d.change !== 0}
            >
              <Table.Td>{figureLabel(d.figure, t)}</Table.Td>
              <Table.Td>{n(d.base)}</Table.Td>
              <Table.Td>{n(d.candidate)}</Table.Td>
              <Table.Td {...(d.change === 0 ? {} : { fw: 700 })}>
                {d.change === 0 ? '=' : `${d.change > 0 ? '+' : '−'}${n(Math.abs(d.change))}`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4}>{t('admin.simulation.crossingsTitle')}</Title>
      {props.crossings.length === 0 ? (
        <Text size="sm">{t('admin.simulation.noCrossings')}</Text>
      ) : (
        <Table data-testid="simulation-crossings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.simulation.seller')}</Table.Th>
              <Table.Th>{t('admin.simulation.currentHead')}</Table.Th>
              <Table.Th>{t('admin.simulation.proposalHead')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.crossings.map((c) => (
              <Table.Tr key={c.sellerId}>
                <Table.Td>{c.sellerId}</Table.Td>
                <Table.Td>{t(`admin.simulation.level.${c.base}`)}</Table.Td>
                <Table.Td>{t(`admin.simulation.level.${c.candidate}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Anchor href={props.html} target="_blank" rel="noopener">
        {t('admin.simulation.openReport')}
      </Anchor>
    </Stack>
  );
}
