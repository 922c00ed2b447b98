// Choosing evidence files: a kind per file, an image preview, and each file's upload progress.
import {
  ActionIcon,
  Card,
  FileButton,
  Group,
  Image,
  NativeSelect,
  Progress,
  Stack,
  Text,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_KINDS } from '../../../src/domain/reasons.ts';

export interface PickedFile {
  readonly key: string;
  readonly file: File;
  kind: string;
  progress: number;
  done: boolean;
  evidenceId: string;
}

function Preview({ file }: { file: File }) {
  // Made and revoked by the same effect, so a remount (React's strict mode does one) never shows
  // a revoked URL.
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    if (!file.type.startsWith('image/')) return;
    const made = URL.createObjectURL(file);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  if (url === undefined) return <Text size="xs">{file.type || file.name}</Text>;
  return <Image src={url} alt={file.name} w={64} h={64} fit="cover" radius="sm" />;
}

export function EvidencePicker(props: {
  files: PickedFile[];
  onChange: (files: PickedFile[]) => void;
  label: string;
  defaultKind?: string;
  multiple?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Group>
        <Text size="sm" fw={500}>
          {props.label}
        </Text>
        <FileButton
          multiple={props.multiple ?? true}
          accept="image/jpeg,image/png,image/webp,application/pdf,video/mp4"
          onChange={(picked: File[] | File | null) => {
            const list = picked === null ? [] : Array.isArray(picked) ? picked : [picked];
            const added = list.map((file) => ({
              key: `${file.name}-${file.size}-${Math.random()}`,
              file,
              kind:
                props.defaultKind ?? (file.type.startsWith('image/') ? 'item_photo' : 'document'),
              progress: 0,
              done: false,
              evidenceId: `ev-${crypto.randomUUID().slice(0, 13)}`,
            }));
            props.onChange(props.multiple === false ? added : [...props.files, ...added]);
          }}
        >
          {(p) => (
            <button
              type="button"
              className="mantine-focus-auto file-button"
              {...p}
              data-testid="add-files"
            >
              {t('open.addFiles')}
            </button>
          )}
        </FileButton>
      </Group>
      {props.files.map((f) => (
        <Card key={f.key} withBorder padding="xs" data-testid="picked-file">
          <Group wrap="nowrap" align="center">
            <Preview file={f.file} />
            <Stack gap={4} style={{ flex: 1 }}>
              <Text size="sm">{f.file.name}</Text>
              <NativeSelect
                aria-label={`${t('open.evidenceKind')}: ${f.file.name}`}
                size="xs"
                value={f.kind}
                disabled={f.done}
                onChange={(e) =>
                  props.onChange(
                    props.files.map((x) =>
                      x.key === f.key ? { ...x, kind: e.currentTarget.value } : x,
                    ),
                  )
                }
                data={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`evidenceKind.${k}`) }))}
              />
              {f.progress > 0 ? (
                <Progress
                  value={f.progress * 100}
                  aria-label={
                    f.done ? t('open.uploaded') : t('open.uploading', { name: f.file.name })
                  }
                  color={f.done ? 'green' : 'blue'}
                />
              ) : null}
            </Stack>
            {f.done ? null : (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('open.remove', { name: f.file.name })}
                onClick={() => props.onChange(props.files.filter((x) => x.key !== f.key))}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
