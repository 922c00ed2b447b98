// One dispute, for a buyer or a seller: the request, the next deadline counting down and who owns
// it, the actions allowed now, offers, evidence, requests, messages and the timeline. The view
// is read again every two seconds, so the other party's action appears without a reload.
import {
  Anchor,
  Badge,
  Card,
  Grid,
  Group,
  Image,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type DisputeView, useDispute } from '../api/disputes.ts';
import type { SessionUser } from '../api/session.ts';
import { Link } from '../app.tsx';
import { Countdown } from '../components/countdown.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { ImpactPanel } from '../components/impact-panel.tsx';
import { MoneyText } from '../components/money.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDateTime } from '../lib/format.ts';
import { formatMoney } from '../lib/money.ts';
import { DisputeActions, OfferAnswer } from './dispute-actions.tsx';

export function TermsText({ terms }: { terms: DisputeView['offers'][number]['terms'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Text span>
      {t(`offerKind.${terms.kind}`)}
      {terms.amount === undefined ? null : (
        <>
          {' '}
          <MoneyText value={terms.amount} />
        </>
      )}
      {terms.postagePaidBy === undefined ? null : ` · ${t(`postage.${terms.postagePaidBy}`)}`}
      {terms.value === undefined ? null : (
        <>
          {' '}
          <MoneyText value={terms.value} />
        </>
      )}
      {terms.minSpend === undefined ? null : (
        <>
          {' · '}
          {t('dispute.minSpend')} <MoneyText value={terms.minSpend} />
        </>
      )}
      {terms.expiresAt === undefined
        ? null
        : ` · ${t('dispute.expires')} ${formatDateTime(terms.expiresAt, i18n.language)}`}
    </Text>
  );
}

export function NextDeadline({ d, onElapsed }: { d: DisputeView; onElapsed: () => void }) {
  const { t, i18n } = useTranslation();
  const due = [...d.viewer.dueDates].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const next = due[0];
  return (
    <Card withBorder data-testid="next-deadline">
      <Title order={3} size="h4">
        {t('dispute.nextDeadline')}
      </Title>
      {next === undefined ? (
        <Text c="dimmed">{t('dispute.noDeadline')}</Text>
      ) : (
        <Stack gap={4}>
          <Text fw={500}>{t(`deadline.${next.kind}`, { defaultValue: next.kind })}</Text>
          <Countdown dueAt={next.dueAt} onElapsed={onElapsed} />
          <Text size="sm">
            {t('countdown.dueAt', { at: formatDateTime(next.dueAt, i18n.language) })}
          </Text>
          <Group gap="xs">
            <Text size="sm">
              {t('dispute.owner', { owner: t(`role.${next.owner}`, { defaultValue: next.owner }) })}
            </Text>
            {next.owner === d.viewer.role ? (
              <Badge color="orange" variant="filled" c="dark.9">
                {t('dispute.yourTurn')}
              </Badge>
            ) : null}
          </Group>
          {due.length > 1 ? (
            <List size="sm" mt="xs" aria-label={t('dispute.deadlines')}>
              {due.slice(1).map((x) => (
                <List.Item key={`${x.kind}-${x.key ?? ''}`}>
                  {t(`deadline.${x.kind}`, { defaultValue: x.kind })} ·{' '}
                  {formatDateTime(x.dueAt, i18n.language)} ·{' '}
                  {t(`role.${x.owner}`, { defaultValue: x.owner })}
                </List.Item>
              ))}
            </List>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}

export function TimelineList({ d }: { d: DisputeView }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="timeline">
      {d.timeline.map((e) => (
        <Timeline.Item
          key={e.seq}
          title={t(`event.${e.type}`, { defaultValue: t('event.other', { type: e.type }) })}
        >
          <Text size="xs" c="dimmed">
            {formatDateTime(e.at, i18n.language)} · {t(`role.${e.by}`, { defaultValue: e.by })}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function Offers({ d }: { d: DisputeView }) {
  const { t, i18n } = useTranslation();
  if (d.offers.length === 0) return <Text c="dimmed">{t('dispute.noOffers')}</Text>;
  return (
    <Stack gap="sm">
      {d.offers.map((o) => (
        <Card key={o.id} withBorder padding="sm" data-testid="offer" data-status={o.status}>
          <Group justify="space-between">
            <TermsText terms={o.terms} />
            <Badge variant="light" c="dark.8">
              {t(`offerStatus.${o.status}`, { defaultValue: o.status })}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('dispute.offerBy', { by: t(`role.${o.by}`, { defaultValue: o.by }) })} ·{' '}
            {formatDateTime(o.at, i18n.language)}
          </Text>
          {o.note === '' ? null : <Text size="sm">{o.note}</Text>}
          {o.status === 'open' && o.by !== d.viewer.role ? <OfferAnswer d={d} offer={o} /> : null}
        </Card>
      ))}
    </Stack>
  );
}

function Evidence({ d }: { d: DisputeView }) {
  const { t, i18n } = useTranslation();
  if (d.evidence.length === 0) return <Text c="dimmed">{t('dispute.noEvidence')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {d.evidence.map((e) => (
        <Card key={`${e.by}-${e.id}`} withBorder padding="sm" data-testid="evidence">
          <Group wrap="nowrap" align="start">
            {e.thumbnailUrl === undefined ? null : (
              <Image src={e.thumbnailUrl} alt={e.fileName} w={72} h={72} fit="cover" radius="sm" />
            )}
            <Stack gap={2}>
              <Anchor href={e.fileUrl} target="_blank" rel="noopener">
                {e.fileName}
              </Anchor>
              <Text size="sm">{t(`evidenceKind.${e.kind}`, { defaultValue: e.kind })}</Text>
              <Text size="xs" c="dimmed">
                {t(`role.${e.by}`, { defaultValue: e.by })} · {formatDateTime(e.at, i18n.language)}
              </Text>
              {e.findings.map((f) => (
                <Badge key={f} size="sm" variant="outline" c="dark.8">
                  {t(`finding.${f}`, { defaultValue: f })}
                </Badge>
              ))}
              {e.note === '' ? null : <Text size="sm">{e.note}</Text>}
            </Stack>
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Requests({ d }: { d: DisputeView }) {
  const { t, i18n } = useTranslation();
  if (d.evidenceRequests.length === 0) return <Text c="dimmed">{t('dispute.noRequests')}</Text>;
  return (
    <Stack gap="xs">
      {d.evidenceRequests.map((r) => (
        <Card key={r.id} withBorder padding="sm" data-testid="evidence-request">
          <Group justify="space-between">
            <Text size="sm">
              {r.kinds.map((k) => t(`evidenceKind.${k}`, { defaultValue: k })).join(', ')}
            </Text>
            <Badge variant="light" c="dark.8">
              {t(`dispute.requestStatus.${r.status}`, { defaultValue: r.status })}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('dispute.requestFrom', {
              from: t(`role.${r.from}`, { defaultValue: r.from }),
              due: formatDateTime(r.dueAt, i18n.language),
            })}
          </Text>
          {r.status === 'open' ? <Countdown dueAt={r.dueAt} /> : null}
          {r.note === '' ? null : <Text size="sm">{r.note}</Text>}
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
        <Card key={`${m.by}-${m.id}`} withBorder padding="sm" data-testid="message">
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

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

export function DisputePage({ disputeId, user }: { disputeId: string; user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const query = useDispute(disputeId);
  if (query.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const refresh = () => void query.refetch();
  return (
    <Stack data-testid="dispute" data-status={d.status}>
      <Group justify="space-between">
        <Title order={2}>{t('dispute.title', { id: d.id })}</Title>
        <Group>
          <StatusBadge status={d.status} />
          <Link to={`/disputes/${d.id}/case-file`}>{t('dispute.caseFile')}</Link>
        </Group>
      </Group>
      <Text size="xs" c="dimmed" aria-live="off">
        {t('app.live')}
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Card withBorder>
              <Text fw={500}>{t('dispute.order', { orderId: d.order.orderId })}</Text>
              <Text>
                {t(`reason.${d.reason}`, { defaultValue: d.reason })}
                {d.subReason === undefined
                  ? null
                  : ` · ${t(`subReason.${d.subReason}`, { defaultValue: d.subReason })}`}
              </Text>
              <Text size="sm">
                {t('dispute.paid')}: <MoneyText value={d.order.paid} /> · {t('dispute.refunded')}:{' '}
                <MoneyText value={d.refunded} />
              </Text>
              <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {d.description}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(d.openedAt, i18n.language)}
              </Text>
              {d.couponCode === undefined ? null : (
                <Text>{t('dispute.coupon', { code: d.couponCode })}</Text>
              )}
              {d.resolution === undefined ? null : (
                <Text fw={600} mt="xs" data-testid="resolution">
                  {t('dispute.resolution')}:{' '}
                  {t('dispute.resolvedHow', {
                    outcome: t(`outcome.${d.resolution.outcome}`, {
                      defaultValue: d.resolution.outcome,
                    }),
                    how: t(`how.${d.resolution.how}`, { defaultValue: d.resolution.how }),
                    amount: formatMoney(d.resolution.refunded, i18n.language),
                  })}
                </Text>
              )}
            </Card>
            <Section title={t('dispute.offers')}>
              <Offers d={d} />
            </Section>
            <Section title={t('dispute.requests')}>
              <Requests d={d} />
            </Section>
            <Section title={t('dispute.evidence')}>
              <Evidence d={d} />
            </Section>
            <Section title={t('dispute.messages')}>
              <Messages d={d} />
            </Section>
            <Section title={t('dispute.timeline')}>
              <TimelineList d={d} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <NextDeadline d={d} onElapsed={refresh} />
            {user.role === 'seller' ? <ImpactPanel disputeId={d.id} /> : null}
            <Section title={t('dispute.actions')}>
              <DisputeActions d={d} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
