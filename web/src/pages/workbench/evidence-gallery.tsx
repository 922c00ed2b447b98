// The evidence gallery: every file the arbitrator may see, with its stated and confirmed
// findings; a picture opens zoomable, and two ticked files show side by side (the top waybill
// photographed beside the base label, the outer packaging beside the item).
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Image,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisputeView } from '../../api/disputes.ts';
import { formatDateTime } from '../../lib/format.ts';

export type Evidence = DisputeView['evidence'][number];

export const evidenceKey = (e: Evidence) => `${e.by}:${e.id}`;
const isImage = (e: Evidence) => e.mediaType.startsWith('image/');

function FindingBadges({ e }: { e: Evidence }) {
  const { t } = useTranslation();
  const confirmed = e.confirmedFindings;
  return (
    <Group gap={4}>
      {confirmed === undefined ? (
        <>
          {e.findings.map((f) => (
            <Badge
              key={f}
              size="sm"
              variant="outline"
              c="dark.8"
              title={t('workbench.case.stated')}
            >
              {t(`finding.${f}`, { defaultValue: f })}
            </Badge>
          ))}
          {e.findings.length > 0 ? (
            <Text size="xs" c="dimmed">
              {t('workbench.case.notConfirmed')}
            </Text>
          ) : null}
        </>
      ) : (
        confirmed.map((f) => (
          <Badge
            key={f}
            size="sm"
            color="green"
            variant="filled"
            c="dark.9"
            data-testid="confirmed-finding"
            title={t('workbench.case.confirmed')}
          >
            ✓ {t(`finding.${f}`, { defaultValue: f })}
          </Badge>
        ))
      )}
    </Group>
  );
}

/** One file, zoomable: buttons and the + and - keys change the scale. */
export function ZoomModal({ e, onClose }: { e: Evidence | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [scale, setScale] = useState(1);
  const zoom = (by: number) => setScale((s) => Math.min(4, Math.max(0.5, s + by)));
  return (
    <Modal
      opened={e !== undefined}
      onClose={() => {
        setScale(1);
        onClose();
      }}
      title={e?.fileName ?? ''}
      size="xl"
      data-testid="zoom"
    >
      {e === undefined ? null : (
        <Stack
          onKeyDown={(k) => {
            if (k.key === '+' || k.key === '=') zoom(0.5);
            if (k.key === '-') zoom(-0.5);
          }}
        >
          <Group>
            <Button size="xs" variant="default" onClick={() => zoom(0.5)}>
              {t('workbench.case.zoomIn')}
            </Button>
            <Button size="xs" variant="default" onClick={() => zoom(-0.5)}>
              {t('workbench.case.zoomOut')}
            </Button>
            <Text size="sm" aria-live="polite">
              {Math.round(scale * 100)}%
            </Text>
            <Anchor href={e.fileUrl} target="_blank" rel="noopener">
              {t('workbench.case.openFile')}
            </Anchor>
          </Group>
          <div style={{ overflow: 'auto', maxHeight: '70vh' }}>
            {isImage(e) ? (
              <img
                src={e.fileUrl}
                alt={e.fileName}
                data-testid="zoomed-image"
                style={{ width: `${scale * 100}%`, maxWidth: 'none' }}
              />
            ) : (
              <Text>{e.fileName}</Text>
            )}
          </div>
          <FindingBadges e={e} />
          {e.note === '' ? null : <Text size="sm">{e.note}</Text>}
        </Stack>
      )}
    </Modal>
  );
}

function Compare({ pair, onClear }: { pair: Evidence[]; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="comparison">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('workbench.case.compareTitle')}</Title>
        <Button size="xs" variant="default" onClick={onClear}>
          {t('workbench.case.clearCompare')}
        </Button>
      </Group>
      <SimpleGrid cols={2}>
        {pair.map((e) => (
          <Stack key={evidenceKey(e)} gap={4}>
            <Text size="sm" fw={500}>
              {e.fileName} · {t(`evidenceKind.${e.kind}`, { defaultValue: e.kind })}
            </Text>
            {isImage(e) ? (
              <img
                src={e.fileUrl}
                alt={e.fileName}
                data-testid="compared-image"
                style={{ width: '100%', border: '1px solid var(--mantine-color-gray-4)' }}
              />
            ) : (
              <Anchor href={e.fileUrl} target="_blank" rel="noopener">
                {e.fileName}
              </Anchor>
            )}
            <FindingBadges e={e} />
          </Stack>
        ))}
      </SimpleGrid>
    </Card>
  );
}

export function EvidenceGallery(props: { d: DisputeView; onZoom: (e: Evidence) => void }) {
  const { t, i18n } = useTranslation();
  const [picked, setPicked] = useState<string[]>([]);
  const files = props.d.evidence;
  if (files.length === 0) return <Text c="dimmed">{t('workbench.case.noEvidence')}</Text>;
  const pair = picked
    .map((k) => files.find((e) => evidenceKey(e) === k))
    .filter((e): e is Evidence => e !== undefined);
  const toggle = (k: string, on: boolean) =>
    setPicked((p) => (on ? [...p.filter((x) => x !== k), k].slice(-2) : p.filter((x) => x !== k)));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('workbench.case.compareHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {files.map((e) => (
          <Card
            key={evidenceKey(e)}
            withBorder
            padding="sm"
            data-testid="evidence"
            data-evidence={e.id}
          >
            <Group wrap="nowrap" align="start">
              <UnstyledButton
                onClick={() => props.onZoom(e)}
                aria-label={t('workbench.case.zoom', { name: e.fileName })}
                data-testid="zoom-button"
              >
                {e.thumbnailUrl === undefined ? (
                  <Text size="xs">{e.fileName}</Text>
                ) : (
                  <Image src={e.thumbnailUrl} alt="" w={88} h={88} fit="cover" radius="sm" />
                )}
              </UnstyledButton>
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {e.fileName}
                </Text>
                <Text size="sm">{t(`evidenceKind.${e.kind}`, { defaultValue: e.kind })}</Text>
                <Text size="xs" c="dimmed">
                  {t(`role.${e.by}`, { defaultValue: e.by })} ·{' '}
                  {formatDateTime(e.at, i18n.language)}
                </Text>
                <FindingBadges e={e} />
                {e.note === '' ? null : <Text size="sm">{e.note}</Text>}
                <Checkbox
                  size="xs"
                  label={t('workbench.case.compareWith', { name: e.fileName })}
                  checked={picked.includes(evidenceKey(e))}
                  onChange={(c) => toggle(evidenceKey(e), c.currentTarget.checked)}
                />
              </Stack>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      {pair.length === 2 ? <Compare pair={pair} onClear={() => setPicked([])} /> : null}
    </Stack>
  );
}
