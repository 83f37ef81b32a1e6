/**
 * "Nuevo documento": start blank, from one of the cluster's templates (lineamiento, propuesta
 * conjunta de I+D, desafío operacional, acta, términos de referencia), or from a Word or
 * Markdown file. Everything happens on this computer, so it works offline.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_TEMPLATE_IDS,
  type DocumentTemplateId,
} from '../../../shared/ydoc/documentTemplates';
import { FormDialog, TemplateChoice } from '../common/FormDialog';
import { ImportError, readImportFile, type ImportedFile } from './import/importDocument';
import './newDocument.css';

export type NewDocumentChoice =
  { kind: 'template'; templateId: DocumentTemplateId } | { kind: 'import'; file: ImportedFile };

export interface NewDocumentDialogProps {
  open: boolean;
  groupName: string;
  onOpenChange: (open: boolean) => void;
  onCreate: (choice: NewDocumentChoice) => void;
}

export function NewDocumentDialog({
  open,
  groupName,
  onOpenChange,
  onCreate,
}: NewDocumentDialogProps) {
  const { t } = useTranslation();
  const fileId = useId();
  const errorId = useId();
  const [templateId, setTemplateId] = useState<DocumentTemplateId>('blank');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      onClosed={() => {
        setFile(null);
        setError(null);
      }}
      className="new-document-dialog"
      title={t('newDocument.title', { group: groupName })}
      description={t('newDocument.description')}
      cancelLabel={t('newDocument.cancel')}
      submitLabel={file === null ? t('newDocument.create') : t('newDocument.createFromFile')}
      submitDisabled={busy}
      onSubmit={() => {
        if (file === null) {
          onCreate({ kind: 'template', templateId });
          return;
        }
        setBusy(true);
        readImportFile(file)
          .then(
            (imported) => onCreate({ kind: 'import', file: imported }),
            (caught: unknown) =>
              setError(
                t(
                  `newDocument.errors.${caught instanceof ImportError ? caught.code : 'unreadable_file'}`,
                ),
              ),
          )
          .finally(() => setBusy(false));
      }}
    >
      <TemplateChoice
        legend={t('newDocument.template')}
        name="document-template"
        ids={DOCUMENT_TEMPLATE_IDS}
        chosen={templateId}
        onChoose={setTemplateId}
        label={(id) => t(`newDocument.templates.${id}.name`)}
        hint={(id) => t(`newDocument.templates.${id}.hint`)}
        className="doc-template-options"
        optionClass="doc-template"
        disabled={file !== null}
      />
      <div className="field">
        <label htmlFor={fileId}>{t('newDocument.import')}</label>
        <input
          id={fileId}
          type="file"
          accept=".docx,.md,.markdown"
          aria-describedby={error !== null ? errorId : undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setError(null);
          }}
        />
        {error !== null && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </FormDialog>
  );
}
