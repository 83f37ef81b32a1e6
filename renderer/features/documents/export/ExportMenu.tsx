import { Download, FileCode, FileDown, FileText, FileType } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import type { DocumentExport } from './useDocumentExport';
import './print.css';

export function ExportMenu({ exporter }: { exporter: DocumentExport }) {
  const { t } = useTranslation();
  const { state, exportAs, exportDocx } = exporter;
  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <button type="button" className="button button-quiet" disabled={state.kind === 'working'}>
            <Download aria-hidden="true" size={15} />
            {t('export.menu')}
          </button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
            <DropdownMenu.Item className="menu-item" onSelect={() => void exportAs('pdf')}>
              <FileDown aria-hidden="true" size={15} />
              {t('export.pdf')}
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={() => void exportDocx()}>
              <FileType aria-hidden="true" size={15} />
              {t('export.docx')}
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={() => void exportAs('html')}>
              <FileCode aria-hidden="true" size={15} />
              {t('export.html')}
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={() => void exportAs('markdown')}>
              <FileText aria-hidden="true" size={15} />
              {t('export.markdown')}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <span className="visually-hidden" role="status">
        {state.kind === 'saved' && t('export.saved', { fileName: state.fileName })}
        {state.kind === 'failed' && t('export.failed')}
      </span>
    </>
  );
}
