/**
 * "Nuevo documento": start blank, from one of the cluster's templates (lineamiento, propuesta
 * conjunta de I+D, desafío operacional, acta, términos de referencia), or from a Word or
 * Markdown file. Everything happens on this computer, so it works offline.
 */
import { Dialog } from 'radix-ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_TEMPLATE_IDS,
  type DocumentTemplateId,
} from '../../../shared/ydoc/documentTemplates';
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
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setFile(null);
          setError(null);
        }
        onOpenChange(next);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog new-document-dialog">
          <Dialog.Title className="dialog-title">
            {t('newDocument.title', { group: groupName })}
          </Dialog.Title>
          <Dialog.Description className="dialog-description">
            {t('newDocument.description')}
          </Dialog.Description>
          <form
            onSubmit={(event) => {
              event.preventDefault();
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
            <fieldset className="doc-template-options" disabled={file !== null}>
              <legend className="field-label">{t('newDocument.template')}</legend>
              {DOCUMENT_TEMPLATE_IDS.map((id) => (
                <label
                  key={id}
                  className={
                    id === templateId ? 'doc-template doc-template-chosen' : 'doc-template'
                  }
                >
                  <input
                    type="radio"
                    name="document-template"
                    value={id}
                    checked={id === templateId}
                    onChange={() => setTemplateId(id)}
                  />
                  <span>
                    <strong>{t(`newDocument.templates.${id}.name`)}</strong>
                    <small>{t(`newDocument.templates.${id}.hint`)}</small>
                  </span>
                </label>
              ))}
            </fieldset>
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
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button" className="button button-quiet">
                  {t('newDocument.cancel')}
                </button>
              </Dialog.Close>
              <button type="submit" className="button button-primary" disabled={busy}>
                {file === null ? t('newDocument.create') : t('newDocument.createFromFile')}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
