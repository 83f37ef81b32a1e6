/**
 * Exports the open document as PDF, HTML or Markdown. The HTML and Markdown are made here from
 * the Y.Doc; where they are saved (native dialog or download) and how the PDF is made (main
 * prints it, or the browser's print dialog) is renderer/platform's business.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { ExportFormat } from '../../../../shared/ipc/events';
import {
  downloadFile,
  onAppCommand,
  saveExport,
  type ExportRequest,
} from '../../../platform/desktop';
import { DOCX_TYPE, documentJson, docxBytes } from './docx';
import { documentBodyHtml, standaloneHtml } from './documentHtml';
import { htmlToMarkdown } from './markdown';

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'working'; format: ExportFormat }
  | { kind: 'saved'; fileName: string }
  | { kind: 'failed' };

export function buildExportRequest(
  format: ExportFormat,
  doc: Y.Doc,
  title: string,
  language: string,
  meta?: string,
): ExportRequest {
  const bodyHtml = documentBodyHtml(doc);
  if (format === 'markdown') return { format, title, markdown: htmlToMarkdown(title, bodyHtml) };
  return { format, title, html: standaloneHtml({ title, bodyHtml, language, meta }) };
}

/** Exporting the open document (null while it loads), for the export menu and the desktop menu. */
export function useDocumentExport(doc: Y.Doc | null, title: string, meta?: string) {
  const { i18n } = useTranslation();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  const exportAs = useCallback(
    async (format: ExportFormat) => {
      if (doc === null) return;
      setState({ kind: 'working', format });
      try {
        const outcome = await saveExport(
          buildExportRequest(format, doc, title, i18n.language, meta),
        );
        setState(
          outcome.status === 'saved'
            ? { kind: 'saved', fileName: outcome.fileName }
            : { kind: 'idle' },
        );
      } catch (error) {
        console.error('export_failed', error);
        setState({ kind: 'failed' });
      }
    },
    [doc, title, meta, i18n.language],
  );

  // Archivo → Exportar in the desktop menu reaches the document that is open.
  useEffect(
    () =>
      onAppCommand((command) => {
        if (command.kind === 'export-document') void exportAs(command.format);
      }),
    [exportAs],
  );

  /** Word is made here and downloaded, in every shell. */
  const exportDocx = useCallback(async () => {
    if (doc === null) return;
    const bytes = await docxBytes({ title, body: documentJson(doc), language: i18n.language });
    downloadFile(title, 'docx', bytes, DOCX_TYPE);
  }, [doc, title, i18n.language]);

  return { state, exportAs, exportDocx };
}

export type DocumentExport = ReturnType<typeof useDocumentExport>;
