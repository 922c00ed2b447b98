// The arbitration queue: cases waiting for a ruling (or, on /appeals, appeals against other
// arbitrators' rulings) with age, ruling target and overdue flag, amount, reason, market, channel
// and suggested responsibility; filters and sorts; claim and release; who holds each case.
// Keyboard: j/k or the arrows move the selection, Enter opens, c claims or releases.
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPUTE_REASONS } from '../../../../src/domain/reasons.ts';
import type { SessionUser } from '../../api/session.ts';
import {
  type QueueItem,
  type QueueQuery,
  useQueue,
  useWorkbenchCommand,
  workbench,
} from '../../api/workbench.ts';
import { Link } from '../../app.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { MoneyText } from '../../components/money.tsx';
import { serverNow } from '../../lib/countdown.ts';
import { formatDateTime } from '../../lib/format.ts';
import { navigate } from '../../router.ts';
import { type Shortcut, ShortcutButton, ShortcutHelp, useShortcuts } from './shortcuts.tsx';

const SORTS = ['age', 'target', '-amount', 'reason', 'market', 'channel', 'suggested'] as const;
const SORT_LABELS: Readonly<Record<(typeof SORTS)[number], string>> = {
  age: 'sortAge',
  target: 'sortTarget',
  '-amount': 'sortAmount',
  reason: 'sortReason',
  market: 'sortMarket',
  channel: 'sortChannel',
  suggested: 'sortSuggested',
};
const RESPONSIBILITIES = ['seller', 'logistics', 'buyer', 'none'] as const;

interface Filters {
  kind: '' | 'arbitration' | 'appeal';
  reason: string;
  market: string;
  marketSide: 'buyer' | 'seller';
  channel: '' | 'platform' | 'seller';
  suggested: string;
  overdue: boolean;
  waitingDays: string;
  targetHours: string;
  claimed: '' | 'mine' | 'others' | 'unclaimed';
  sort: string;
}

function toQuery(f: Filters): QueueQuery {
  const market = f.market.trim().toUpperCase();
  return {
    limit: 100,
    sort: f.sort,
    ...(f.kind === '' ? {} : { kind: f.kind }),
    ...(f.reason === '' ? {} : { reason: f.reason }),
    ...(/^[A-Z]{2}$/.test(market) ? { market: `${f.marketSide}:${market}` } : {}),
    ...(f.channel === '' ? {} : { channel: f.channel }),
    ...(f.suggested === ''
      ? {}
      : { suggested: f.suggested as NonNullable<QueueQuery['suggested']> }),
    ...(f.overdue ? { overdue: true } : {}),
    ...(f.waitingDays === '' ? {} : { waitingHoursMin: Number(f.waitingDays) * 24 }),
    ...(f.targetHours === '' ? {} : { targetWithinHours: Number(f.targetHours) }),
    ...(f.claimed === '' ? {} : { claimed: f.claimed }),
  };
}

/** "3 d" or "5 h": how long a case has waited, by the server's clock. */
function useAge() {
  const { t } = useTranslation();
  return (since: string) => {
    const hours = Math.max(0, Math.floor((serverNow() - Date.parse(since)) / 3_600_000));
    return hours >= 48
      ? t('workbench.queue.days', { count: Math.floor(hours / 24) })
      : t('workbench.queue.hours', { count: hours });
  };
}

function FilterBar({ f, set }: { f: Filters; set: (change: Partial<Filters>) => void }) {
  const { t } = useTranslation();
  const any = { value: '', label: t('workbench.queue.any') };
  return (
    <Group align="end" gap="sm" wrap="wrap" role="group" aria-label={t('workbench.queue.filters')}>
      <NativeSelect
        label={t('workbench.queue.kind')}
        value={f.kind}
        onChange={(e) => set({ kind: e.currentTarget.value as Filters['kind'] })}
        data={[
          { value: '', label: t('workbench.queue.kindAll') },
          { value: 'arbitration', label: t('workbench.queue.kindArbitration') },
          { value: 'appeal', label: t('workbench.queue.kindAppeal') },
        ]}
      />
      <NativeSelect
        label={t('workbench.queue.reason')}
        value={f.reason}
        onChange={(e) => set({ reason: e.currentTarget.value })}
        data={[any, ...DISPUTE_REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))]}
      />
      <NativeSelect
        label={t('workbench.queue.marketSide')}
        value={f.marketSide}
        onChange={(e) => set({ marketSide: e.currentTarget.value as Filters['marketSide'] })}
        data={[
          { value: 'buyer', label: t('workbench.queue.marketBuyer') },
          { value: 'seller', label: t('workbench.queue.marketSeller') },
        ]}
      />
      <TextInput
        label={t('workbench.queue.market')}
        placeholder={t('workbench.queue.marketHint')}
        value={f.market}
        maxLength={2}
        w={170}
        onChange={(e) => set({ market: e.currentTarget.value })}
      />
      <NativeSelect
        label={t('workbench.queue.channel')}
        value={f.channel}
        onChange={(e) => set({ channel: e.currentTarget.value as Filters['channel'] })}
        data={[
          any,
          { value: 'platform', label: t('workbench.channel.platform') },
          { value: 'seller', label: t('workbench.channel.seller') },
        ]}
      />
      <NativeSelect
        label={t('workbench.queue.suggested')}
        value={f.suggested}
        onChange={(e) => set({ suggested: e.currentTarget.value })}
        data={[
          any,
          ...RESPONSIBILITIES.map((r) => ({ value: r, label: t(`workbench.responsibility.${r}`) })),
          { value: 'unknown', label: t('workbench.queue.suggestedUnknown') },
        ]}
      />
      <NativeSelect
        label={t('workbench.queue.waitingAtLeast')}
        value={f.waitingDays}
        onChange={(e) => set({ waitingDays: e.currentTarget.value })}
        data={[
          any,
          ...['1', '3', '7'].map((n) => ({
            value: n,
            label: t('workbench.queue.days', { count: Number(n) }),
          })),
        ]}
      />
      <NativeSelect
        label={t('workbench.queue.targetWithin')}
        value={f.targetHours}
        onChange={(e) => set({ targetHours: e.currentTarget.value })}
        data={[
          any,
          ...['24', '72'].map((n) => ({
            value: n,
            label: t('workbench.queue.hours', { count: Number(n) }),
          })),
        ]}
      />
      <NativeSelect
        label={t('workbench.queue.claimed')}
        value={f.claimed}
        onChange={(e) => set({ claimed: e.currentTarget.value as Filters['claimed'] })}
        data={[
          any,
          { value: 'mine', label: t('workbench.queue.claimedMine') },
          { value: 'others', label: t('workbench.queue.claimedOthers') },
          { value: 'unclaimed', label: t('workbench.queue.claimedNone') },
        ]}
      />
      <NativeSelect
        label={t('workbench.queue.sort')}
        value={f.sort}
        onChange={(e) => set({ sort: e.currentTarget.value })}
        data={SORTS.map((s) => ({ value: s, label: t(`workbench.queue.${SORT_LABELS[s]}`) }))}
      />
      <Checkbox
        label={t('workbench.queue.overdue')}
        checked={f.overdue}
        onChange={(e) => set({ overdue: e.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}

function ClaimButton({ item, user }: { item: QueueItem; user: SessionUser }) {
  const { t } = useTranslation();
  const mine = item.claim?.staffId === user.id;
  const command = useWorkbenchCommand((id: string) =>
    mine ? workbench.release(id) : workbench.claim(id),
  );
  const held = item.claim !== undefined && !mine;
  return (
    <Stack gap={2}>
      <Button
        size="xs"
        variant={mine ? 'default' : 'filled'}
        disabled={held && user.role !== 'admin'}
        loading={command.isPending}
        onClick={() => command.mutate([item.dispute.id])}
        aria-label={t(mine ? 'workbench.queue.releaseCase' : 'workbench.queue.claimCase', {
          id: item.dispute.id,
        })}
        data-testid={mine ? 'release' : 'claim'}
      >
        {t(mine ? 'workbench.queue.release' : 'workbench.queue.claim')}
      </Button>
      <ErrorAlert error={command.error} />
    </Stack>
  );
}

function QueueRow(props: {
  item: QueueItem;
  user: SessionUser;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t, i18n } = useTranslation();
  const age = useAge();
  const { item, user } = props;
  const d = item.dispute;
  const link = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.selected) link.current?.querySelector('a')?.focus();
  }, [props.selected]);
  const holder =
    item.claim === undefined
      ? t('workbench.queue.free')
      : `${item.claim.staffId === user.id ? t('workbench.queue.you') : item.claim.staffName} · ${t(
          'workbench.queue.until',
          { at: formatDateTime(item.claim.expiresAt, i18n.language) },
        )}`;
  return (
    <Table.Tr
      data-testid="queue-row"
      data-dispute={d.id}
      data-selected={props.selected}
      aria-selected={props.selected}
      style={props.selected ? { background: 'var(--mantine-color-blue-light)' } : undefined}
      onFocus={props.onSelect}
    >
      <Table.Td>
        <div ref={link}>
          <Link to={`/disputes/${d.id}`} aria-label={t('workbench.queue.open', { id: d.id })}>
            {d.id}
          </Link>
        </div>
        {item.kind === 'appeal' ? (
          <Badge size="sm" variant="light" c="dark.8">
            {t('workbench.queue.kindAppeal')}
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td>{t(`reason.${d.reason}`, { defaultValue: d.reason })}</Table.Td>
      <Table.Td>
        <MoneyText value={d.requested} />
      </Table.Td>
      <Table.Td>
        {item.market.buyerCountry} → {item.market.sellerCountry}
      </Table.Td>
      <Table.Td>{t(`workbench.channel.${item.channel}`, { defaultValue: item.channel })}</Table.Td>
      <Table.Td data-testid="suggested">
        {item.suggested === undefined
          ? '—'
          : t(`workbench.responsibility.${item.suggested}`, { defaultValue: item.suggested })}
      </Table.Td>
      <Table.Td>{age(item.waitingSince)}</Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(item.rulingTargetAt, i18n.language)}</Text>
        {item.overdue ? (
          <Badge color="red" variant="filled" data-testid="overdue">
            {t('workbench.queue.overdueFlag')}
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td data-testid="holder">{holder}</Table.Td>
      <Table.Td>
        {user.role === 'arbitrator' || item.claim !== undefined ? (
          <ClaimButton item={item} user={user} />
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

export function QueuePage({ user, appeals }: { user: SessionUser; appeals: boolean }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({
    kind: appeals ? 'appeal' : '',
    reason: '',
    market: '',
    marketSide: 'buyer',
    channel: '',
    suggested: '',
    overdue: false,
    waitingDays: '',
    targetHours: '',
    claimed: '',
    sort: 'age',
  });
  useEffect(() => setFilters((f) => ({ ...f, kind: appeals ? 'appeal' : '' })), [appeals]);
  const queue = useQueue(toQuery(filters));
  const items = queue.data?.items ?? [];
  const [selected, setSelected] = useState(-1);
  const claim = useWorkbenchCommand((item: QueueItem) =>
    item.claim?.staffId === user.id
      ? workbench.release(item.dispute.id)
      : workbench.claim(item.dispute.id),
  );
  // mutate is stable across renders: the shortcuts are rebound only when the list changes.
  const claimOrRelease = claim.mutate;
  const shortcuts: Shortcut[] = useMemo(() => {
    const move = (by: number) =>
      setSelected((i) => Math.min(Math.max((i < 0 && by < 0 ? 0 : i) + by, 0), items.length - 1));
    const current = () => items[selected];
    return [
      { keys: ['j', 'ArrowDown'], label: 'next', run: () => move(1) },
      { keys: ['k', 'ArrowUp'], label: 'previous', run: () => move(-1) },
      {
        keys: ['Enter'],
        label: 'openCase',
        run: () => {
          const item = current();
          if (item !== undefined) navigate(`/disputes/${item.dispute.id}`);
        },
      },
      {
        keys: ['c'],
        label: 'claim',
        run: () => {
          const item = current();
          if (item !== undefined && user.role === 'arbitrator') claimOrRelease([item]);
        },
      },
    ];
  }, [items, selected, user.role, claimOrRelease]);
  const { helpOpen, setHelpOpen } = useShortcuts(shortcuts);
  return (
    <Stack data-testid="queue">
      <Group justify="space-between">
        <Title order={2}>
          {t(appeals ? 'workbench.queue.appealsTitle' : 'workbench.queue.title')}
        </Title>
        <ShortcutButton onClick={() => setHelpOpen(true)} />
      </Group>
      <Text c="dimmed">
        {t(appeals ? 'workbench.queue.appealsIntro' : 'workbench.queue.intro')}
      </Text>
      <FilterBar f={filters} set={(change) => setFilters((f) => ({ ...f, ...change }))} />
      <ErrorAlert error={queue.error ?? claim.error} onRetry={() => void queue.refetch()} />
      {queue.data?.truncated === true ? (
        <Text c="orange.9">{t('workbench.queue.truncated')}</Text>
      ) : null}
      {queue.isPending ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : items.length === 0 ? (
        <Text data-testid="queue-empty">{t('workbench.queue.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table highlightOnHover data-testid="queue-table">
            <Table.Caption>
              {t(appeals ? 'workbench.queue.appealsTitle' : 'workbench.queue.title')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('workbench.queue.case')}</Table.Th>
                <Table.Th>{t('workbench.queue.reason')}</Table.Th>
                <Table.Th>{t('workbench.queue.amount')}</Table.Th>
                <Table.Th>{t('workbench.queue.marketColumn')}</Table.Th>
                <Table.Th>{t('workbench.queue.channel')}</Table.Th>
                <Table.Th>{t('workbench.queue.suggested')}</Table.Th>
                <Table.Th>{t('workbench.queue.age')}</Table.Th>
                <Table.Th>{t('workbench.queue.target')}</Table.Th>
                <Table.Th>{t('workbench.queue.heldBy')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('workbench.queue.claim')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item, i) => (
                <QueueRow
                  key={item.dispute.id}
                  item={item}
                  user={user}
                  selected={i === selected}
                  onSelect={() => setSelected(i)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ShortcutHelp shortcuts={shortcuts} open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Stack>
  );
}
