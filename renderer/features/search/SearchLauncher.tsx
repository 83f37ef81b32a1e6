/**
 * The header's search button and the Ctrl+K palette it opens. Ctrl+K (Cmd+K on macOS) opens it
 * anywhere in the app, and so does the desktop menu's "Buscar".
 */
import { Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onAppOrLocalCommand } from '../../app/localCommands';
import { CommandPalette } from './CommandPalette';

export function SearchLauncher() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    const offCommand = onAppOrLocalCommand((command) => {
      if (command.kind === 'search') setOpen(true);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      offCommand();
    };
  }, []);

  return (
    <>
      <button
        type="button"
        className="search-button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K"
      >
        <Search aria-hidden="true" size={16} />
        <span>{t('search.open')}</span>
        <kbd>Ctrl K</kbd>
      </button>
      <CommandPalette open={open} onOpenChange={setOpen} />
    </>
  );
}
