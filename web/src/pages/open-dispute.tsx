// Opening a dispute: reason and sub-reason, refund or return-and-refund, the amount with the
// refundable maximum shown, a description, and evidence with previews and upload progress. The
// dispute is opened first (its id made here), then each file is uploaded to it; a refusal keeps
// everything typed and a retry sends only what did not arrive.
import {
  Button,
  Card,
  Loader,
  NativeSelect,
  Progress,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPUTE_REASONS, NOT_RECEIVED_SUB_REASONS } from '../../../src/domain/reasons.ts';
import { disputeKeys, openDispute } from '../api/disputes.ts';
import { ApiError } from '../api/http.ts';
import { useOrders } from '../api/orders.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { EvidencePicker, type PickedFile } from '../components/evidence-picker.tsx';
import { MoneyText } from '../components/money.tsx';
import { MoneyInput } from '../components/money-input.tsx';
import { uploadAll } from '../components/upload.ts';
import { newId } from '../lib/ids.ts';
import { compareMinor, parseMoney } from '../lib/money.ts';
import { navigate } from '../router.ts';

type Reason = (typeof DISPUTE_REASONS)[number];

export function OpenDisputePage({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const orders = useOrders();
  const queryClient = useQueryClient();
  const order = orders.data?.items.find((o) => o.orderId === orderId);
  const [reason, setReason] = useState<Reason>('damaged');
  const [subReason, setSubReason] = useState('no_tracking_progress');
  const [kind, setKind] = useState<'refund' | 'return_and_refund'>('refund');
  const [postage, setPostage] = useState<'buyer' | 'seller'>('seller');
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  // Made once: a retry after a refusal or a failed upload reuses it (the server sees one dispute).
  const [disputeId] = useState(() => newId('dsp'));
  const [opened, setOpened] = useState(false);

  const submit = useMutation({
    mutationFn: async () => {
      if (order === undefined) return;
      const currency = order.paid.currency;
      const minor = parseMoney(amount, currency) ?? '0';
      if (!opened) {
        try {
          await openDispute({
            disputeId,
            orderId,
            reason,
            ...(reason === 'not_received' ? { subReason: subReason as never } : {}),
            request:
              kind === 'refund'
                ? { kind, amount: { minor, currency } }
                : { kind, amount: { minor, currency }, postagePaidBy: postage },
            description,
          });
        } catch (error) {
          // Opened by an earlier attempt whose answer was lost: carry on with the uploads.
          if (!(error instanceof ApiError && error.code === 'dispute.already_exists')) throw error;
        }
        setOpened(true);
      }
      await uploadAll(disputeId, files, setFiles);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: disputeKeys.all });
      navigate(`/disputes/${disputeId}`);
    },
  });

  if (orders.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (order === undefined)
    return (
      <ErrorAlert
        error={orders.error ?? new ApiError(404, 'order.not_found', '')}
        onRetry={() => void orders.refetch()}
      />
    );
  const currency = order.paid.currency;
  const minor = parseMoney(amount, currency);
  const valid =
    minor !== undefined &&
    compareMinor(minor, '0') > 0 &&
    compareMinor(minor, order.refundable.minor) <= 0 &&
    description.trim() !== '';

  return (
    <Stack maw={720}>
      <Title order={2}>{t('open.title', { orderId })}</Title>
      <Text>
        {t('list.paid')}: <MoneyText value={order.paid} />
      </Text>
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit.mutate();
          }}
        >
          <Stack>
            <NativeSelect
              label={t('open.reason')}
              value={reason}
              disabled={opened}
              onChange={(e) => setReason(e.currentTarget.value as Reason)}
              data={DISPUTE_REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))}
            />
            {reason === 'not_received' ? (
              <NativeSelect
                label={t('open.subReason')}
                value={subReason}
                disabled={opened}
                onChange={(e) => setSubReason(e.currentTarget.value)}
                data={NOT_RECEIVED_SUB_REASONS.map((r) => ({
                  value: r,
                  label: t(`subReason.${r}`),
                }))}
              />
            ) : null}
            <NativeSelect
              label={t('open.kind')}
              value={kind}
              disabled={opened}
              onChange={(e) => setKind(e.currentTarget.value as 'refund' | 'return_and_refund')}
              data={[
                { value: 'refund', label: t('offerKind.refund') },
                { value: 'return_and_refund', label: t('offerKind.return_and_refund') },
              ]}
            />
            {kind === 'return_and_refund' ? (
              <NativeSelect
                label={t('open.postage')}
                value={postage}
                disabled={opened}
                onChange={(e) => setPostage(e.currentTarget.value as 'buyer' | 'seller')}
                data={[
                  { value: 'seller', label: t('postage.seller') },
                  { value: 'buyer', label: t('postage.buyer') },
                ]}
              />
            ) : null}
            <MoneyInput
              label={t('open.amount')}
              currency={currency}
              value={amount}
              onChange={setAmount}
              max={order.refundable.minor}
              testId="amount"
            />
            <Textarea
              label={t('open.description')}
              value={description}
              disabled={opened}
              onChange={(e) => setDescription(e.currentTarget.value)}
              autosize
              minRows={3}
              required
            />
            <EvidencePicker files={files} onChange={setFiles} label={t('open.evidence')} />
            {submit.isPending && files.length > 0 ? (
              <Progress
                aria-label={t('open.uploading', { name: '' })}
                value={(files.filter((f) => f.done).length / files.length) * 100}
              />
            ) : null}
            <ErrorAlert error={submit.error} />
            <Button
              type="submit"
              loading={submit.isPending}
              disabled={!valid}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('open.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
