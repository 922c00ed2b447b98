// Policies per market: every value beside its default, edited as a new version whose difference
// from the current one shows before it is saved, and which disputes run on which version.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { PolicyPreview } from './api.ts';
import { adminKeys, previewPolicy, savePolicy, useMarketPolicy } from './api.ts';
import { PolicyUsage } from './policy-usage.tsx';
import { changedValues, type Draft, isDuration, showValue, toDraftValue } from './policy-values.ts';

type Scope = 'all' | 'buyer' | 'seller';

/** What the simulator gets to compare the proposed version against the current one. */
export interface PolicyProposal {
  readonly market: string;
  /** Every value the market runs on now (its version's and the defaults). */
  readonly current: Readonly<Record<string, unknown>>;
  /** The values the proposal changes. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly preview: PolicyPreview;
}

export function PoliciesPage(props: {
  /** Slot for "simulate this version against the current one", shown under the difference. */
  readonly renderSimulation?: (proposal: PolicyProposal) => ReactNode;
}) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>('buyer');
  const [country, setCountry] = useState('IT');
  const [market, setMarket] = useState<string>('buyer:IT');
  const valid = scope === 'all' || /^[A-Z]{2}$/.test(country);
  return (
    <Stack>
      <Title order={2}>{t('admin.policies.title')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) setMarket(scope === 'all' ? '*' : `${scope}:${country}`);
        }}
      >
        <Group align="end">
          <NativeSelect
            label={t('admin.policies.scope')}
            value={scope}
            onChange={(e) => setScope(e.currentTarget.value as Scope)}
            data={[
              { value: 'all', label: t('admin.policies.scopeAll') },
              { value: 'buyer', label: t('admin.policies.scopeBuyer') },
              { value: 'seller', label: t('admin.policies.scopeSeller') },
            ]}
          />
          {scope === 'all' ? null : (
            <TextInput
              label={t('admin.policies.country')}
              description={t('admin.policies.countryHint')}
              value={country}
              maxLength={2}
              w={140}
              error={valid ? undefined : t('admin.policies.countryHint')}
              onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())}
            />
          )}
          <Button type="submit" variant="default">
            {t('admin.policies.load')}
          </Button>
        </Group>
      </form>
      <MarketPolicyForm key={market} market={market} renderSimulation={props.renderSimulation} />
      <PolicyUsage />
    </Stack>
  );
}

function MarketPolicyForm(props: {
  market: string;
  renderSimulation?: ((proposal: PolicyProposal) => ReactNode) | undefined;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const policy = useMarketPolicy(props.market);
  const [draft, setDraft] = useState<Draft>({});
  const [saved, setSaved] = useState<string>();
  const preview = useMutation({
    mutationFn: (values: Record<string, unknown>) => previewPolicy(props.market, values),
  });
  const save = useMutation({
    mutationFn: (values: Record<string, unknown>) => savePolicy(props.market, values),
    onSuccess: async (version) => {
      setSaved(version.id);
      setDraft({});
      preview.reset();
      await queryClient.invalidateQueries({ queryKey: adminKeys.market(props.market) });
      await queryClient.invalidateQueries({ queryKey: adminKeys.usage });
    },
  });
  if (policy.isPending) return <Text>{t('app.loading')}</Text>;
  if (policy.isError)
    return <ErrorAlert error={policy.error} onRetry={() => void policy.refetch()} />;
  const fields = policy.data.fields;
  const values = changedValues(fields, draft);
  const edit = (field: string, value: string | boolean) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setSaved(undefined);
    preview.reset();
  };
  return (
    <Stack>
      <Text data-testid="policy-current">
        {policy.data.current === undefined
          ? t('admin.policies.noVersion')
          : t('admin.policies.current', { id: policy.data.current.id })}
      </Text>
      {saved === undefined ? null : (
        <Alert color="green" role="status" data-testid="policy-saved">
          {t('admin.policies.saved', { id: saved })}
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          preview.mutate(values);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {fields.map((f) => {
            const d = draft[f.field] ?? toDraftValue(f.field, f.value);
            const name = t(`admin.field.${f.field}`, { defaultValue: f.field });
            const hint = `${f.field} · ${t('admin.policies.default')}: ${showValue(f.field, f.default, t('admin.policies.hours'))}${f.setHere ? ` · ${t('admin.policies.setHere')}` : ''}`;
            return typeof d === 'boolean' ? (
              <Checkbox
                key={f.field}
                label={name}
                description={hint}
                checked={d}
                onChange={(e) => edit(f.field, e.currentTarget.checked)}
              />
            ) : (
              <TextInput
                key={f.field}
                label={isDuration(f.field) ? `${name} (${t('admin.policies.hours')})` : name}
                description={
                  Array.isArray(f.value) ? `${hint} · ${t('admin.policies.listHint')}` : hint
                }
                value={d}
                onChange={(e) => edit(f.field, e.currentTarget.value)}
              />
            );
          })}
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" loading={preview.isPending}>
            {t('admin.policies.preview')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={preview.error ?? save.error} />
      {preview.data === undefined ? null : (
        <PreviewPanel
          preview={preview.data}
          saving={save.isPending}
          onSave={() => save.mutate(values)}
          simulation={props.renderSimulation?.({
            market: props.market,
            current: Object.fromEntries(fields.map((f) => [f.field, f.value])),
            values,
            preview: preview.data,
          })}
        />
      )}
    </Stack>
  );
}

function PreviewPanel(props: {
  preview: PolicyPreview;
  saving: boolean;
  onSave: () => void;
  simulation: ReactNode;
}) {
  const { t } = useTranslation();
  const p = props.preview;
  const hours = t('admin.policies.hours');
  return (
    <Stack data-testid="policy-diff">
      <Title order={3}>{t('admin.policies.diffTitle', { id: p.next.id })}</Title>
      {p.changes.length === 0 ? (
        <Text>{t('admin.policies.noChanges')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.policies.field')}</Table.Th>
              <Table.Th>{t('admin.policies.from')}</Table.Th>
              <Table.Th>{t('admin.policies.to')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.changes.map((c) => (
              <Table.Tr key={c.field}>
                <Table.Td>
                  {t(`admin.field.${c.field}`, { defaultValue: c.field })}
                  <Text size="xs" c="dark.6">
                    {c.field}
                  </Text>
                </Table.Td>
                <Table.Td>{showValue(c.field, c.current, hours)}</Table.Td>
                <Table.Td>{showValue(c.field, c.proposed, hours)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {props.simulation}
      <Group>
        <Button disabled={p.changes.length === 0} loading={props.saving} onClick={props.onSave}>
          {t('admin.policies.save', { id: p.next.id })}
        </Button>
      </Group>
    </Stack>
  );
}
