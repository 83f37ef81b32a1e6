import { Download, FileCode, FileDown, FileText, FileType } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { downloadFile } from '../../../platform/desktop';
import { DOCX_TYPE, documentJson, docxBytes } from './docx';
import { useDocumentExport } from './useDocumentExport';
import './print.css';

export interface ExportMenuProps {
  doc: Y.Doc;
  title: string;
  /** The "created on … by …" line, repeated under the title in HTML and PDF. */
  meta?: string;
}

export function ExportMenu({ doc, title, meta }: ExportMenuProps) {
  const { t, i18n } = useTranslation();
  const { state, exportAs } = useDocumentExport(doc, title, meta);
  const exportDocx = async () => {
    const bytes = await docxBytes({ title, body: documentJson(doc), language: i18n.language });
    downloadFile(title, 'docx', bytes, DOCX_TYPE);
  };
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
