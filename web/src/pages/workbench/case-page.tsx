// One case on one screen for the arbitrator: who holds it, the request and every offer, the
// evidence gallery (zoom, side by side), both shipments' tracking, the order's ledger, messages
// and timeline on the left; the suggestion, findings, internal notes, evidence requests and the
// ruling (or appeal decision) form on the right. Keyboard: e opens the first file, r the ruling
// form, f the findings form, n the notes, q the queue, ? the list.
import { Badge, Button, Card, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DisputeView, useDispute } from '../../api/disputes.ts';
import type { SessionUser } from '../../api/session.ts';
import { useClaim, useWorkbenchCommand, workbench } from '../../api/workbench.ts';
import { Link } from '../../app.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { MoneyText } from '../../components/money.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { navigate } from '../../router.ts';
import { TermsText, TimelineList } from '../dispute.tsx';
import {
  EvidenceRequestForm,
  EvidenceRequests,
  FindingsForm,
  Notes,
  Suggestion,
} from './case-panels.tsx';
import { type Evidence, EvidenceGallery, ZoomModal } from './evidence-gallery.tsx';
import { AppealDecisionForm, RulingForm } from './ruling-form.tsx';
import { Ledger, Tracking } from './shipments.tsx';
import { type Shortcut, ShortcutButton, ShortcutHelp, useShortcuts } from './shortcuts.tsx';

function Section({ title, id, children }: { title: string; id?: string; children: ReactNode }) {
  return (
    <section aria-label={title} id={id}>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

function ClaimBar({ disputeId, user }: { disputeId: string; user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const claim = useClaim(disputeId);
  const held = claim.data?.claim ?? null;
  const mine = held?.staffId === user.id;
  const command = useWorkbenchCommand(() =>
    mine ? workbench.release(disputeId) : workbench.claim(disputeId),
  );
  const until = held === null ? '' : formatDateTime(held.expiresAt, i18n.language);
  return (
    <Group gap="sm" data-testid="claim-bar">
      <Text size="sm" data-testid="claim-holder">
        {held === null
          ? t('workbench.case.free')
          : mine
            ? t('workbench.case.heldByYou', { at: until })
            : t('workbench.case.heldBy', { name: held.staffName, at: until })}
      </Text>
      {user.role === 'arbitrator' && (held === null || mine) ? (
        <Button
          size="xs"
          variant={mine ? 'default' : 'filled'}
          loading={command.isPending}
          onClick={() => command.mutate([])}
          data-testid={mine ? 'release' : 'claim'}
        >
          {t(mine ? 'workbench.queue.release' : 'workbench.queue.claim')}
        </Button>
      ) : null}
      <ErrorAlert error={command.error ?? claim.error} />
    </Group>
  );
}

function Request({ d }: { d: DisputeView }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder data-testid="case-request">
      <Text fw={500}>
        {t('dispute.order', { orderId: d.order.orderId })} ·{' '}
        {t(`reason.${d.reason}`, { defaultValue: d.reason })}
        {d.subReason === undefined
          ? ''
          : ` · ${t(`subReason.${d.subReason}`, { defaultValue: d.subReason })}`}
      </Text>
      <Text size="sm">
        {t('dispute.paid')}: <MoneyText value={d.order.paid} /> · {t('dispute.refunded')}:{' '}
        <MoneyText value={d.refunded} /> · {d.order.buyerCountry} → {d.order.sellerCountry} ·{' '}
        {t(`workbench.channel.${d.order.outboundChannel}`, {
          defaultValue: d.order.outboundChannel,
        })}
      </Text>
      <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
        {d.description}
      </Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(d.openedAt, i18n.language)}
      </Text>
      {d.escalation === undefined ? null : (
        <Text size="sm" mt="xs">
          {t('workbench.case.escalation', {
            by: t(`role.${d.escalation.by}`, { defaultValue: d.escalation.by }),
            note: d.escalation.note,
          })}
        </Text>
      )}
      {d.ruling === undefined ? null : (
        <Text size="sm" mt="xs" fw={600} data-testid="case-ruling">
          {t('workbench.case.ruling')}:{' '}
          {t('workbench.case.rulingText', {
            outcome: t(`outcome.${d.ruling.outcome.kind}`, { defaultValue: d.ruling.outcome.kind }),
            responsibility: t(`workbench.responsibility.${d.ruling.responsibility}`, {
              defaultValue: d.ruling.responsibility,
            }),
            reason: t(`workbench.reasonCode.${d.ruling.reasonCode}`, {
              defaultValue: d.ruling.reasonCode,
            }),
          })}{' '}
          (
          {t('workbench.case.ruledBy', {
            by: d.ruling.by,
            at: formatDateTime(d.ruling.at, i18n.language),
          })}
          )
        </Text>
      )}
      {d.appeal === undefined ? null : (
        <Text size="sm" mt="xs">
          {t('workbench.case.appeal', {
            by: t(`role.${d.appeal.by}`, { defaultValue: d.appeal.by }),
            note: d.appeal.note,
          })}
        </Text>
      )}
    </Card>
  );
}

function Offers({ d }: { d: DisputeView }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs">
      {d.offers.map((o) => (
        <Card key={o.id} withBorder padding="xs" data-testid="offer" data-status={o.status}>
          <Group justify="space-between">
            <TermsText terms={o.terms} />
            <Badge variant="light" c="dark.8">
              {t(`offerStatus.${o.status}`, { defaultValue: o.status })}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {o.id === `${d.id}.request` ? `${t('workbench.case.request')} · ` : ''}
            {t('dispute.offerBy', { by: t(`role.${o.by}`, { defaultValue: o.by }) })} ·{' '}
            {formatDateTime(o.at, i18n.language)}
          </Text>
          {o.note === '' ? null : <Text size="sm">{o.note}</Text>}
        </Card>
      ))}
    </Stack>
  );
}

function Messages({ d }: { d: DisputeView }) {
  const { t, i18n } = useTranslation();
  if (d.messages.length === 0) return <Text c="dimmed">{t('dispute.noMessages')}</Text>;
  return (
    <Stack gap="xs">
      {d.messages.map((m) => (
        <Card key={`${m.by}-${m.id}`} withBorder padding="xs">
          <Text size="xs" c="dimmed">
            {t(`role.${m.by}`, { defaultValue: m.by })} · {formatDateTime(m.at, i18n.language)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {m.body}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

/** Moves focus to a form's first field and brings it into view. */
function focusFirst(containerId: string): void {
  const box = document.getElementById(containerId);
  const field = box?.querySelector<HTMLElement>('select, input, textarea, button');
  box?.scrollIntoView({ block: 'start' });
  field?.focus();
}

export function CasePage({ disputeId, user }: { disputeId: string; user: SessionUser }) {
  const { t } = useTranslation();
  const query = useDispute(disputeId);
  const [zoomed, setZoomed] = useState<Evidence | undefined>(undefined);
  const d = query.data;
  const shortcuts: Shortcut[] = useMemo(
    () => [
      {
        keys: ['e'],
        label: 'evidence',
        run: () => {
          const first = d?.evidence[0];
          if (first !== undefined) setZoomed(first);
        },
      },
      { keys: ['r'], label: 'ruling', run: () => focusFirst('ruling-form') },
      { keys: ['f'], label: 'findings', run: () => focusFirst('findings-form') },
      { keys: ['n'], label: 'notes', run: () => document.getElementById('note-body')?.focus() },
      { keys: ['q'], label: 'queue', run: () => navigate('/queue') },
    ],
    [d],
  );
  const { helpOpen, setHelpOpen } = useShortcuts(shortcuts);
  if (query.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (query.isError || d === undefined)
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Stack data-testid="case" data-status={d.status}>
      <Group justify="space-between">
        <Title order={2}>{t('workbench.case.title', { id: d.id })}</Title>
        <Group>
          <StatusBadge status={d.status} />
          <Link to={`/disputes/${d.id}/case-file`}>{t('dispute.caseFile')}</Link>
          <Link to="/queue">{t('workbench.case.backToQueue')}</Link>
          <ShortcutButton onClick={() => setHelpOpen(true)} />
        </Group>
      </Group>
      <ClaimBar disputeId={d.id} user={user} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Request d={d} />
            <Section title={t('workbench.case.offers')}>
              <Offers d={d} />
            </Section>
            <Section title={t('workbench.case.evidence')} id="evidence">
              <EvidenceGallery d={d} onZoom={setZoomed} />
            </Section>
            <Section title={t('workbench.case.requests')}>
              <EvidenceRequests d={d} />
            </Section>
            <Section title={t('workbench.case.tracking')}>
              <Tracking d={d} />
            </Section>
            <Section title={t('workbench.case.ledger')}>
              <Ledger d={d} />
            </Section>
            <Section title={t('workbench.case.messages')}>
              <Messages d={d} />
            </Section>
            <Section title={t('workbench.case.timeline')}>
              <TimelineList d={d} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Suggestion d={d} />
            <RulingForm d={d} />
            <AppealDecisionForm d={d} userId={user.id} />
            <FindingsForm d={d} />
            <Notes disputeId={d.id} />
            <EvidenceRequestForm d={d} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ZoomModal e={zoomed} onClose={() => setZoomed(undefined)} />
      <ShortcutHelp shortcuts={shortcuts} open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Stack>
  );
}
