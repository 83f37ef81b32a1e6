/**
 * Ctrl+/ (or "Ver atajos de teclado" in Ctrl+K): the keyboard shortcuts of the app and the
 * editor, in one dialog.
 */
import { Dialog } from 'radix-ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Window event that opens the dialog (the palette's command). */
export const SHORTCUT_HELP_EVENT = 'minka:shortcut-help';

const SHORTCUTS: Array<[string, string[]]> = [
  ['search', ['Ctrl', 'K']],
  ['help', ['Ctrl', '/']],
  ['newDocument', ['Ctrl', 'N']],
  ['bold', ['Ctrl', 'B']],
  ['italic', ['Ctrl', 'I']],
  ['underline', ['Ctrl', 'U']],
  ['heading', ['Ctrl', 'Alt', '1–3']],
  ['bulletList', ['Ctrl', 'Shift', '8']],
  ['orderedList', ['Ctrl', 'Shift', '7']],
  ['taskList', ['Ctrl', 'Shift', '9']],
  ['slash', ['/']],
  ['undo', ['Ctrl', 'Z']],
  ['redo', ['Ctrl', 'Shift', 'Z']],
];

export function ShortcutHelp() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === '/') {
        event.preventDefault();
        setOpen(true);
      }
    };
    const onRequest = () => setOpen(true);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener(SHORTCUT_HELP_EVENT, onRequest);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener(SHORTCUT_HELP_EVENT, onRequest);
    };
  }, []);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog shortcut-help" aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">{t('help.title')}</Dialog.Title>
          <table className="shortcut-table">
            <tbody>
              {SHORTCUTS.map(([id, keys]) => (
                <tr key={id}>
                  <th scope="row">{t(`help.keys.${id}`)}</th>
                  <td>
                    {keys.map((key, i) => (
                      <span key={key}>
                        {i > 0 && ' + '}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="button button-primary">
                {t('help.close')}
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
