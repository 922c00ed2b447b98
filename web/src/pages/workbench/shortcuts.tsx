// Keyboard shortcuts for the workbench: single keys, ignored while typing in a field or with a
// modifier held (so the browser's and the screen reader's own keys keep working). `?` opens the
// list of what the current page offers.
import { Button, Kbd, Modal, Table } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Shortcut {
  /** KeyboardEvent.key values that trigger it. */
  readonly keys: readonly string[];
  /** A key of workbench.shortcuts.* */
  readonly label: string;
  readonly run: () => void;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.getAttribute('role') === 'textbox'
  );
}

/** Binds the shortcuts while the page is shown; `?` toggles the list. */
export function useShortcuts(shortcuts: readonly Shortcut[]): {
  helpOpen: boolean;
  setHelpOpen: (open: boolean) => void;
} {
  const [helpOpen, setHelpOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === '?') {
        e.preventDefault();
        setHelpOpen((open) => !open);
        return;
      }
      // Inside a dialog the page's keys stand still (Escape closes it).
      if (document.querySelector('[role=dialog]') !== null) return;
      const hit = shortcuts.find((s) => s.keys.includes(e.key));
      if (hit === undefined) return;
      e.preventDefault();
      hit.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcuts]);
  return { helpOpen, setHelpOpen };
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  Enter: 'Enter',
  Escape: 'Esc',
};

export function ShortcutHelp(props: {
  shortcuts: readonly Shortcut[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rows = [
    ...props.shortcuts.map((s) => ({ keys: s.keys, label: s.label })),
    { keys: ['?'], label: 'help' },
    { keys: ['Escape'], label: 'close' },
  ];
  return (
    <Modal opened={props.open} onClose={props.onClose} title={t('workbench.shortcuts.title')}>
      <Table data-testid="shortcut-list">
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Td>
                {r.keys.map((k) => (
                  <Kbd key={k} mr={4}>
                    {KEY_NAMES[k] ?? k}
                  </Kbd>
                ))}
              </Table.Td>
              <Table.Td>{t(`workbench.shortcuts.${r.label}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}

/** The header button that opens the list, for those who do not know `?` yet. */
export function ShortcutButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="default" size="xs" onClick={onClick} data-testid="shortcuts">
      {t('workbench.shortcuts.open')}
    </Button>
  );
}
