// The ruling form and the appeal decision. Before submitting, the form says who will fund the
// refund (the engine's funding rule, answered by the ruling preview) and what the chosen
// responsibility does to the seller's three rates, as the seller's own impact panel shows them.
import {
  Button,
  Card,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisputeView } from '../../api/disputes.ts';
import {
  type RulingPreview,
  useRulingPreview,
  useWorkbenchCommand,
  workbench,
} from '../../api/workbench.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { MoneyInput } from '../../components/money-input.tsx';
import { formatBp } from '../../lib/format.ts';
import { compareMinor, formatMoney, minorToDecimal, parseMoney } from '../../lib/money.ts';
import {
  bodyOf,
  type Draft,
  POSTAGE_PAYERS,
  RESPONSIBILITIES,
  type Responsibility,
} from './ruling-body.ts';

const REASON_CODES = [
  'label_mismatch',
  'transit_damage',
  'packing',
  'not_as_described',
  'defective',
  'not_delivered',
  'return_delivered',
  'no_evidence',
] as const;
const RATES = ['disputeRate', 'arbitrationRate', 'sellerResponsibilityRate'] as const;

function useDraft(d: DisputeView, preview: RulingPreview | undefined) {
  const suggested = d.suggestion?.responsibility as Responsibility | undefined;
  const max = preview?.refundableMax ?? d.refundable;
  return useState<Draft>(() => ({
    outcome: suggested === 'buyer' ? 'no_refund' : 'refund',
    amount: max === undefined ? '' : minorToDecimal(max.minor, max.currency),
    postagePaidBy: 'seller',
    responsibility: suggested ?? 'seller',
    reasonCode: suggested === 'logistics' ? 'label_mismatch' : REASON_CODES[0],
    note: '',
  }));
}

/** Who pays and what happens to the seller's rates: shown while the arbitrator chooses. */
function Consequences(props: {
  draft: Draft;
  preview: RulingPreview | undefined;
  currency: string;
}) {
  const { t, i18n } = useTranslation();
  const { draft, preview } = props;
  const chosen = preview?.byResponsibility.find((r) => r.responsibility === draft.responsibility);
  const minor = parseMoney(draft.amount, props.currency);
  return (
    <Stack gap="xs" data-testid="ruling-consequences" aria-live="polite">
      <Text fw={500} data-testid="funding">
        {draft.outcome === 'no_refund' || chosen === undefined
          ? t('workbench.ruling.noFunds')
          : t(
              draft.outcome === 'return_and_refund'
                ? 'workbench.ruling.fundsOnReturn'
                : 'workbench.ruling.funds',
              {
                amount: formatMoney(
                  { minor: minor ?? '0', currency: props.currency },
                  i18n.language,
                ),
                who: t(`workbench.funding.${chosen.funding}`),
              },
            )}
      </Text>
      {preview === undefined || chosen === undefined ? null : (
        <Table data-testid="rates-after">
          <Table.Caption>{t('workbench.ruling.ratesTitle')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('workbench.ruling.rate')}</Table.Th>
              <Table.Th>{t('workbench.ruling.now')}</Table.Th>
              <Table.Th>{t('workbench.ruling.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {RATES.map((rate) => {
              const before = preview.now[rate];
              const after = chosen.metrics[rate];
              const same = before.bp === after.bp && before.numerator === after.numerator;
              return (
                <Table.Tr key={rate} data-testid={`rate-${rate}`} data-changed={!same}>
                  <Table.Th scope="row">{t(`impact.${rate}`)}</Table.Th>
                  <Table.Td>{formatBp(before.bp, i18n.language)}</Table.Td>
                  <Table.Td fw={same ? undefined : 700}>
                    {formatBp(after.bp, i18n.language)}
                    {same ? ` (${t('workbench.ruling.unchanged')})` : ''}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function RulingFields(props: {
  draft: Draft;
  set: (change: Partial<Draft>) => void;
  preview: RulingPreview | undefined;
  currency: string;
  idPrefix: string;
  /** Whether a return and refund may be ruled (a first ruling, not an appeal's decision). */
  allowReturn: boolean;
}) {
  const { t } = useTranslation();
  const { draft, set, preview } = props;
  return (
    <Stack gap="sm">
      <NativeSelect
        id={`${props.idPrefix}-outcome`}
        label={t('workbench.ruling.outcome')}
        value={draft.outcome}
        onChange={(e) => set({ outcome: e.currentTarget.value as Draft['outcome'] })}
        data={[
          { value: 'refund', label: t('workbench.ruling.refund') },
          ...(props.allowReturn
            ? [{ value: 'return_and_refund', label: t('workbench.ruling.returnAndRefund') }]
            : []),
          { value: 'no_refund', label: t('workbench.ruling.noRefund') },
        ]}
      />
      {draft.outcome === 'return_and_refund' ? (
        <NativeSelect
          id={`${props.idPrefix}-postage`}
          label={t('workbench.ruling.postagePaidBy')}
          value={draft.postagePaidBy}
          onChange={(e) => set({ postagePaidBy: e.currentTarget.value as Draft['postagePaidBy'] })}
          data={POSTAGE_PAYERS.map((p) => ({
            value: p,
            label: t(`workbench.ruling.postage.${p}`),
          }))}
        />
      ) : null}
      {draft.outcome !== 'no_refund' ? (
        <MoneyInput
          label={t('workbench.ruling.amount')}
          currency={props.currency}
          value={draft.amount}
          onChange={(amount) => set({ amount })}
          {...(preview === undefined ? {} : { max: preview.refundableMax.minor })}
          testId="ruling-amount"
        />
      ) : null}
      <NativeSelect
        label={t('workbench.ruling.responsibility')}
        value={draft.responsibility}
        onChange={(e) => set({ responsibility: e.currentTarget.value as Responsibility })}
        data={RESPONSIBILITIES.map((r) => ({
          value: r,
          label: t(`workbench.responsibility.${r}`),
        }))}
      />
      <NativeSelect
        label={t('workbench.ruling.reasonCode')}
        value={draft.reasonCode}
        onChange={(e) => set({ reasonCode: e.currentTarget.value })}
        data={REASON_CODES.map((r) => ({ value: r, label: t(`workbench.reasonCode.${r}`) }))}
      />
      <Textarea
        label={t('workbench.ruling.note')}
        value={draft.note}
        onChange={(e) => set({ note: e.currentTarget.value })}
        maxLength={2000}
      />
      <Consequences draft={draft} preview={preview} currency={props.currency} />
    </Stack>
  );
}

function tooMuch(draft: Draft, preview: RulingPreview | undefined, currency: string): boolean {
  const minor = parseMoney(draft.amount, currency);
  return (
    draft.outcome !== 'no_refund' &&
    (minor === undefined ||
      (preview !== undefined && compareMinor(minor, preview.refundableMax.minor) > 0))
  );
}

export function RulingForm({ d }: { d: DisputeView }) {
  const { t, i18n } = useTranslation();
  const preview = useRulingPreview(d.id);
  const currency = d.order.paid.currency;
  const [draft, setDraft] = useDraft(d, preview.data);
  const command = useWorkbenchCommand(() => {
    const body = bodyOf(draft, currency);
    if (body === undefined) throw new Error('invalid amount');
    return workbench.rule(d.id, body);
  });
  if (!d.viewer.actions.includes('rule')) return null;
  return (
    <Card withBorder data-testid="ruling-form" id="ruling-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          command.mutate([]);
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('workbench.ruling.title')}
          </Title>
          {preview.data === undefined ? null : (
            <Text size="sm">
              {t('workbench.ruling.refundableMax', {
                max: formatMoney(preview.data.refundableMax, i18n.language),
              })}
            </Text>
          )}
          <ErrorAlert error={preview.error} />
          <RulingFields
            draft={draft}
            set={(change) => setDraft((x) => ({ ...x, ...change }))}
            preview={preview.data}
            currency={currency}
            idPrefix="ruling"
            allowReturn
          />
          <ErrorAlert error={command.error} />
          <Button
            type="submit"
            loading={command.isPending}
            disabled={tooMuch(draft, preview.data, currency)}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('workbench.ruling.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

export function AppealDecisionForm({ d, userId }: { d: DisputeView; userId: string }) {
  const { t } = useTranslation();
  const preview = useRulingPreview(d.id);
  const currency = d.order.paid.currency;
  const [decision, setDecision] = useState<'upheld' | 'overturned'>('upheld');
  const [draft, setDraft] = useDraft(d, preview.data);
  const command = useWorkbenchCommand(() => {
    if (decision === 'upheld') return workbench.decideAppeal(d.id, { decision });
    const ruling = bodyOf(draft, currency);
    if (ruling === undefined) throw new Error('invalid amount');
    return workbench.decideAppeal(d.id, { decision, ruling });
  });
  if (d.status !== 'appealed') return null;
  if (!d.viewer.actions.includes('decide_appeal'))
    return d.ruling?.by === userId ? (
      <Card withBorder data-testid="own-ruling">
        <Text>{t('workbench.ruling.ownRuling')}</Text>
      </Card>
    ) : null;
  return (
    <Card withBorder data-testid="appeal-form" id="ruling-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          command.mutate([]);
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('workbench.ruling.appealTitle')}
          </Title>
          <Text size="sm" fw={500} id="appeal-decision-label">
            {t('workbench.ruling.decision')}
          </Text>
          <SegmentedControl
            aria-labelledby="appeal-decision-label"
            value={decision}
            onChange={(v) => setDecision(v as 'upheld' | 'overturned')}
            data={[
              { value: 'upheld', label: t('workbench.ruling.upheld') },
              { value: 'overturned', label: t('workbench.ruling.overturned') },
            ]}
          />
          {decision === 'overturned' ? (
            <RulingFields
              draft={draft}
              set={(change) => setDraft((x) => ({ ...x, ...change }))}
              preview={preview.data}
              currency={currency}
              idPrefix="appeal"
              allowReturn={false}
            />
          ) : null}
          <ErrorAlert error={command.error} />
          <Button
            type="submit"
            loading={command.isPending}
            disabled={decision === 'overturned' && tooMuch(draft, preview.data, currency)}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('workbench.ruling.decide')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
