// The arbitrator's side panels on a case: the suggested responsibility with its reasons, the
// form to confirm findings on a file, internal notes (staff only), and evidence requests to
// either party with a due date. Each form keeps what was typed when the server refuses.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_KINDS, FINDINGS } from '../../../../src/domain/reasons.ts';
import type { DisputeView } from '../../api/disputes.ts';
import { useNotes, useWorkbenchCommand, workbench } from '../../api/workbench.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { serverNow } from '../../lib/countdown.ts';
import { formatDateTime } from '../../lib/format.ts';
import { newId } from '../../lib/ids.ts';
import { evidenceKey } from './evidence-gallery.tsx';

type Fact = NonNullable<DisputeView['suggestion']>['facts'][number];

/** One reason of the suggestion in the reader's language, from its code and the file it cites. */
function factText(f: Fact, t: TFunction, locale: string): string {
  const s = f.source;
  const source =
    s === undefined
      ? ''
      : t(`workbench.suggestionSource.${s.confirmed ? 'confirmed' : 'stated'}`, {
          kind: t(`evidenceKind.${s.kind}`, { defaultValue: s.kind }),
          id: s.evidenceId,
          by: t(`role.${s.by}`, { defaultValue: s.by }),
        });
  return t(`workbench.suggestionFact.${f.code}`, {
    defaultValue: f.code,
    source,
    at: f.at === undefined ? '' : formatDateTime(f.at, locale),
    reason: f.reason === undefined ? '' : t(`reason.${f.reason}`, { defaultValue: f.reason }),
  });
}

export function Suggestion({ d }: { d: DisputeView }) {
  const { t, i18n } = useTranslation();
  const s = d.suggestion;
  return (
    <Card withBorder data-testid="suggestion" data-responsibility={s?.responsibility ?? ''}>
      <Title order={3} size="h4">
        {t('workbench.case.suggestion')}
      </Title>
      <Text fw={600} size="lg">
        {s?.responsibility === undefined
          ? t('workbench.case.suggestionNone')
          : t(`workbench.responsibility.${s.responsibility}`, { defaultValue: s.responsibility })}
      </Text>
      {s === undefined || s.facts.length === 0 ? null : (
        <>
          <Text size="sm" fw={500} mt="xs">
            {t('workbench.case.reasons')}
          </Text>
          <ul data-testid="suggestion-reasons" style={{ margin: 0, paddingLeft: 20 }}>
            {s.facts.map((f) => (
              <li key={f.code}>
                <Text size="sm">{factText(f, t, i18n.language)}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

export function FindingsForm({ d }: { d: DisputeView }) {
  const { t } = useTranslation();
  const files = d.evidence;
  const [key, setKey] = useState(files[0] === undefined ? '' : evidenceKey(files[0]));
  const file = files.find((e) => evidenceKey(e) === key);
  const [findings, setFindings] = useState<string[] | undefined>(undefined);
  const shown = findings ?? file?.confirmedFindings ?? file?.findings ?? [];
  const command = useWorkbenchCommand(
    () =>
      workbench.confirmFindings(d.id, file?.id ?? '', {
        findings: shown as never,
        uploadedBy: file?.by as 'buyer' | 'seller' | 'arbitrator',
      }),
    () => setFindings(undefined),
  );
  if (!d.viewer.actions.includes('confirm_findings') || files.length === 0) return null;
  return (
    <Card withBorder data-testid="findings-form" id="findings-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          command.mutate([]);
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('workbench.case.confirmFindings')}
          </Title>
          <NativeSelect
            id="findings-file"
            label={t('workbench.case.evidenceFile')}
            value={key}
            onChange={(e) => {
              setKey(e.currentTarget.value);
              setFindings(undefined);
            }}
            data={files.map((e) => ({
              value: evidenceKey(e),
              label: `${e.fileName} (${t(`evidenceKind.${e.kind}`, { defaultValue: e.kind })})`,
            }))}
          />
          <Checkbox.Group label={t('workbench.case.findings')} value={shown} onChange={setFindings}>
            <Stack gap={4} mt={4}>
              {FINDINGS.map((f) => (
                <Checkbox key={f} value={f} label={t(`finding.${f}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <ErrorAlert error={command.error} />
          {command.isSuccess ? (
            <Text size="sm" c="green.9" role="status">
              {t('workbench.case.findingsDone')}
            </Text>
          ) : null}
          <Button type="submit" loading={command.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('workbench.case.confirm')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

export function Notes({ disputeId }: { disputeId: string }) {
  const { t, i18n } = useTranslation();
  const notes = useNotes(disputeId);
  const [body, setBody] = useState('');
  const [noteId, setNoteId] = useState(() => crypto.randomUUID());
  const command = useWorkbenchCommand(
    () => workbench.addNote(disputeId, noteId, body.trim()),
    () => {
      setBody('');
      setNoteId(crypto.randomUUID());
    },
  );
  return (
    <Card withBorder data-testid="notes">
      <Title order={3} size="h4">
        {t('workbench.case.notes')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('workbench.case.notesHint')}
      </Text>
      <ErrorAlert error={notes.error} />
      <Stack gap="xs">
        {(notes.data?.items ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('workbench.case.noNotes')}
          </Text>
        ) : (
          notes.data?.items.map((n) => (
            <Alert key={n.id} variant="light" color="yellow" data-testid="note">
              <Text size="xs" c="dimmed">
                {n.staffName} · {formatDateTime(n.at, i18n.language)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.body}
              </Text>
            </Alert>
          ))
        )}
      </Stack>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim() !== '') command.mutate([]);
        }}
      >
        <Stack gap="xs" mt="sm">
          <Textarea
            id="note-body"
            label={t('workbench.case.addNote')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <ErrorAlert error={command.error} />
          <Button
            type="submit"
            variant="default"
            loading={command.isPending}
            disabled={body.trim() === ''}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('workbench.case.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** Every evidence request of the case: of whom, which kinds, due when, and whether answered. */
export function EvidenceRequests({ d }: { d: DisputeView }) {
  const { t, i18n } = useTranslation();
  if (d.evidenceRequests.length === 0) return <Text c="dimmed">{t('dispute.noRequests')}</Text>;
  return (
    <Stack gap="xs">
      {d.evidenceRequests.map((r) => (
        <Card key={r.id} withBorder padding="xs" data-testid="evidence-request" data-from={r.from}>
          <Text size="sm">
            {r.kinds.map((k) => t(`evidenceKind.${k}`, { defaultValue: k })).join(', ')} ·{' '}
            {t(`dispute.requestStatus.${r.status}`, { defaultValue: r.status })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('dispute.requestFrom', {
              from: t(`role.${r.from}`, { defaultValue: r.from }),
              due: formatDateTime(r.dueAt, i18n.language),
            })}
          </Text>
          {r.note === '' ? null : <Text size="sm">{r.note}</Text>}
        </Card>
      ))}
    </Stack>
  );
}

/** A local date-time for the input: the policy's default window from now, by the server's clock. */
function defaultDue(): string {
  const at = new Date(serverNow() + 3 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

export function EvidenceRequestForm({ d }: { d: DisputeView }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState<'buyer' | 'seller'>('buyer');
  const [kinds, setKinds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [due, setDue] = useState(defaultDue);
  const command = useWorkbenchCommand(
    () =>
      workbench.requestEvidence(d.id, {
        requestId: newId('req'),
        from,
        kinds: kinds as never,
        ...(note === '' ? {} : { note }),
        ...(due === '' ? {} : { dueAt: new Date(due).toISOString() }),
      }),
    () => {
      setKinds([]);
      setNote('');
    },
  );
  if (!d.viewer.actions.includes('request_evidence')) return null;
  return (
    <Card withBorder data-testid="request-evidence">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          command.mutate([]);
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('workbench.case.askEvidence')}
          </Title>
          <NativeSelect
            label={t('workbench.case.askFrom')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value as 'buyer' | 'seller')}
            data={[
              { value: 'buyer', label: t('role.buyer') },
              { value: 'seller', label: t('role.seller') },
            ]}
          />
          <Checkbox.Group label={t('dispute.kinds')} value={kinds} onChange={setKinds}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              {EVIDENCE_KINDS.map((k) => (
                <Checkbox key={k} value={k} label={t(`evidenceKind.${k}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <TextInput
            type="datetime-local"
            label={t('workbench.case.dueAt')}
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
          />
          <Textarea
            label={t('dispute.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <ErrorAlert error={command.error} />
          <Button
            type="submit"
            loading={command.isPending}
            disabled={kinds.length === 0}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('workbench.case.ask')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
