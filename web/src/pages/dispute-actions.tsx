// The forms for what the viewer may do now: only the actions in the view's `viewer.actions`
// appear (the engine's own guards computed them), each a form that keeps its fields on a refusal.
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_KINDS, FINDINGS } from '../../../src/domain/reasons.ts';
import { commands, type DisputeView } from '../api/disputes.ts';
import { ActionForm, useCommand } from '../components/action-form.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { EvidencePicker, type PickedFile } from '../components/evidence-picker.tsx';
import {
  EMPTY_OFFER,
  OfferFields,
  type OfferKind,
  termsOf,
  useOfferDraft,
} from '../components/offer-fields.tsx';
import { uploadAll } from '../components/upload.ts';
import { newId } from '../lib/ids.ts';

type Offer = DisputeView['offers'][number];

export function refundableMinor(d: DisputeView): string {
  const left = BigInt(d.order.paid.minor) - BigInt(d.refunded.minor);
  return (left < 0n ? 0n : left).toString();
}

function offerKinds(role: string): readonly OfferKind[] {
  return role === 'seller'
    ? ['refund', 'return_and_refund', 'coupon', 'replacement']
    : ['refund', 'return_and_refund'];
}

/** An open offer from the other party: accept it, or reject it with a reason and a counter. */
export function OfferAnswer({ d, offer }: { d: DisputeView; offer: Offer }) {
  const { t } = useTranslation();
  const accept = useCommand(d.id, () => commands.accept(d.id, offer.id));
  const [reason, setReason] = useState('');
  const [counter, setCounter] = useState(false);
  const [draft, setDraft] = useOfferDraft();
  const currency = d.order.paid.currency;
  const terms = termsOf(draft, currency);
  const reject = useCommand(
    d.id,
    () =>
      commands.reject(
        d.id,
        offer.id,
        reason,
        counter && terms !== undefined ? { offerId: newId('offer'), terms } : undefined,
      ),
    () => {
      setReason('');
      setDraft(EMPTY_OFFER);
      setCounter(false);
    },
  );
  const can = d.viewer.actions;
  return (
    <Stack gap="xs">
      <Group>
        {can.includes('accept_offer') ? (
          <Button
            color="teal.9"
            loading={accept.isPending}
            onClick={() => accept.mutate()}
            data-testid="accept-offer"
          >
            {t('dispute.accept')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={accept.error} />
      {can.includes('reject_offer') ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            reject.mutate();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('dispute.rejectReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              autosize
              minRows={2}
            />
            <Checkbox
              label={t('dispute.counterInstead')}
              checked={counter}
              onChange={(e) => setCounter(e.currentTarget.checked)}
            />
            {counter ? (
              <OfferFields
                draft={draft}
                onChange={setDraft}
                currency={currency}
                refundableMinor={refundableMinor(d)}
                kinds={offerKinds(d.viewer.role)}
              />
            ) : null}
            <ErrorAlert error={reject.error} />
            <Button
              type="submit"
              variant="outline"
              color="red"
              loading={reject.isPending}
              disabled={reason.trim() === '' || (counter && terms === undefined)}
              style={{ alignSelf: 'flex-start' }}
              data-testid="reject-offer"
            >
              {counter ? t('dispute.counter') : t('dispute.reject')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

function ProposeOffer({ d }: { d: DisputeView }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useOfferDraft();
  const [note, setNote] = useState('');
  const terms = termsOf(draft, d.order.paid.currency);
  return (
    <ActionForm
      title={t('dispute.makeOffer')}
      submit={t('dispute.send')}
      disputeId={d.id}
      testId="propose-offer"
      valid={terms !== undefined}
      run={() =>
        commands.propose(d.id, {
          offerId: newId('offer'),
          terms: terms!,
          ...(note === '' ? {} : { note }),
        } as never)
      }
      onDone={() => {
        setDraft(EMPTY_OFFER);
        setNote('');
      }}
    >
      <OfferFields
        draft={draft}
        onChange={setDraft}
        currency={d.order.paid.currency}
        refundableMinor={refundableMinor(d)}
        kinds={offerKinds(d.viewer.role)}
      />
    </ActionForm>
  );
}

function RequestEvidence({ d }: { d: DisputeView }) {
  const { t } = useTranslation();
  const other = d.viewer.role === 'buyer' ? 'seller' : 'buyer';
  const [kinds, setKinds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  return (
    <ActionForm
      title={t('dispute.askEvidence')}
      submit={t('dispute.ask')}
      disputeId={d.id}
      testId="request-evidence"
      valid={kinds.length > 0}
      run={() =>
        commands.requestEvidence(d.id, {
          requestId: newId('req'),
          from: other,
          kinds: kinds as never,
          ...(note === '' ? {} : { note }),
        })
      }
      onDone={() => {
        setKinds([]);
        setNote('');
      }}
    >
      <Checkbox.Group label={t('dispute.kinds')} value={kinds} onChange={setKinds}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
          {EVIDENCE_KINDS.map((k) => (
            <Checkbox key={k} value={k} label={t(`evidenceKind.${k}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Textarea
        label={t('dispute.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </ActionForm>
  );
}

function AddEvidence({ d }: { d: DisputeView }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [note, setNote] = useState('');
  const [findings, setFindings] = useState<string[]>([]);
  const asked = d.evidenceRequests.find((r) => r.status === 'open' && r.from === d.viewer.role);
  return (
    <ActionForm
      title={t('dispute.uploadEvidence')}
      submit={t('dispute.upload')}
      disputeId={d.id}
      testId="add-evidence"
      valid={files.length > 0}
      run={() => uploadAll(d.id, files, setFiles, { note, findings })}
      onDone={() => {
        setFiles([]);
        setNote('');
        setFindings([]);
      }}
    >
      <EvidencePicker
        files={files}
        onChange={setFiles}
        label={t('dispute.file')}
        {...(asked?.kinds[0] === undefined ? {} : { defaultKind: asked.kinds[0] })}
      />
      <Checkbox.Group label={t('dispute.findings')} value={findings} onChange={setFindings}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
          {FINDINGS.map((f) => (
            <Checkbox key={f} value={f} label={t(`finding.${f}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <TextInput
        label={t('dispute.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </ActionForm>
  );
}

function PostMessage({ d }: { d: DisputeView }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  return (
    <ActionForm
      title={t('dispute.messages')}
      submit={t('dispute.post')}
      disputeId={d.id}
      testId="post-message"
      valid={body.trim() !== ''}
      run={() => commands.message(d.id, body, newId('msg'))}
      onDone={() => setBody('')}
    >
      <Textarea
        label={t('dispute.message')}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={2}
        required
      />
    </ActionForm>
  );
}

function Shipment(props: {
  d: DisputeView;
  title: string;
  testId: string;
  send: (carrier: string, tracking: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  return (
    <ActionForm
      title={props.title}
      submit={t('dispute.send')}
      disputeId={props.d.id}
      testId={props.testId}
      valid={carrier.trim() !== '' && tracking.trim() !== ''}
      run={() => props.send(carrier.trim(), tracking.trim())}
      onDone={() => {
        setCarrier('');
        setTracking('');
      }}
    >
      <Group grow>
        <TextInput
          label={t('dispute.carrier')}
          value={carrier}
          onChange={(e) => setCarrier(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t('dispute.tracking')}
          value={tracking}
          onChange={(e) => setTracking(e.currentTarget.value)}
          required
        />
      </Group>
    </ActionForm>
  );
}

function Escalate({ d }: { d: DisputeView }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [goods, setGoods] = useState('');
  // From the return stage the system fixes the reason; the seller only says what was wrong.
  const fromReturn = d.status === 'return_in_transit';
  return (
    <ActionForm
      title={fromReturn ? t('dispute.escalateReturn') : t('dispute.escalate')}
      submit={t('dispute.escalate')}
      disputeId={d.id}
      testId="escalate"
      color="grape"
      run={() =>
        commands.escalate(
          d.id,
          note,
          goods === '' ? undefined : (goods as 'wrong_item' | 'damaged'),
        )
      }
      onDone={() => setNote('')}
    >
      {fromReturn ? (
        <NativeSelect
          label={t('dispute.goodsProblem')}
          value={goods}
          onChange={(e) => setGoods(e.currentTarget.value)}
          data={[
            { value: '', label: t('dispute.goodsNone') },
            { value: 'wrong_item', label: t('goods.wrong_item') },
            { value: 'damaged', label: t('goods.damaged') },
          ]}
        />
      ) : null}
      <Textarea
        label={t('dispute.escalateNote')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </ActionForm>
  );
}

function Cancel({ d }: { d: DisputeView }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      title={t('dispute.cancel')}
      submit={t('dispute.cancelConfirm')}
      disputeId={d.id}
      testId="cancel"
      color="red"
      run={() => commands.cancel(d.id, reason)}
    >
      <TextInput
        label={t('dispute.cancelReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
    </ActionForm>
  );
}

function Appeal({ d }: { d: DisputeView }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  return (
    <ActionForm
      title={t('dispute.appeal')}
      submit={t('dispute.appeal')}
      disputeId={d.id}
      testId="appeal"
      valid={note.trim() !== '' && files.length > 0}
      run={async () => {
        const ids = await uploadAll(d.id, files, setFiles);
        return commands.appeal(d.id, note, ids);
      }}
    >
      <Textarea
        label={t('dispute.appealNote')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        required
      />
      <EvidencePicker files={files} onChange={setFiles} label={t('dispute.appealEvidence')} />
    </ActionForm>
  );
}

function Plain(props: {
  d: DisputeView;
  title: string;
  testId: string;
  run: () => Promise<unknown>;
}) {
  return (
    <ActionForm
      title={props.title}
      submit={props.title}
      disputeId={props.d.id}
      testId={props.testId}
      run={props.run}
    />
  );
}

export function DisputeActions({ d }: { d: DisputeView }) {
  const { t } = useTranslation();
  const can = new Set(d.viewer.actions);
  const forms = [
    can.has('propose_offer') ? <ProposeOffer key="offer" d={d} /> : null,
    can.has('supply_return_label') ? (
      <Shipment
        key="label"
        d={d}
        title={t('dispute.returnLabel')}
        testId="return-label"
        send={(c, n) => commands.returnLabel(d.id, c, n)}
      />
    ) : null,
    can.has('ship_return') ? (
      <Shipment
        key="ship"
        d={d}
        title={t('dispute.shipReturn')}
        testId="ship-return"
        send={(c, n) => commands.shipReturn(d.id, c, n)}
      />
    ) : null,
    can.has('ship_replacement') ? (
      <Shipment
        key="replacement"
        d={d}
        title={t('dispute.shipReplacement')}
        testId="ship-replacement"
        send={(c, n) => commands.shipReplacement(d.id, c, n)}
      />
    ) : null,
    can.has('confirm_receipt') ? (
      <Plain
        key="receipt"
        d={d}
        title={t('dispute.confirmReceipt')}
        testId="confirm-receipt"
        run={() => commands.confirmReceipt(d.id)}
      />
    ) : null,
    can.has('add_evidence') ? <AddEvidence key="evidence" d={d} /> : null,
    can.has('request_evidence') ? <RequestEvidence key="request" d={d} /> : null,
    can.has('post_message') ? <PostMessage key="message" d={d} /> : null,
    can.has('escalate') ? <Escalate key="escalate" d={d} /> : null,
    can.has('withdraw_escalation') ? (
      <Plain
        key="withdraw"
        d={d}
        title={t('dispute.withdraw')}
        testId="withdraw"
        run={() => commands.withdraw(d.id)}
      />
    ) : null,
    can.has('appeal') ? <Appeal key="appeal" d={d} /> : null,
    can.has('cancel') ? <Cancel key="cancel" d={d} /> : null,
  ].filter((x) => x !== null);
  if (forms.length === 0) return <Text c="dimmed">{t('dispute.noActions')}</Text>;
  return <Stack>{forms}</Stack>;
}
