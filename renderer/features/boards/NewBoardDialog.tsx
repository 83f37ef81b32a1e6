import { Dialog } from 'radix-ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_IDS, type TemplateId } from '../../../shared/ydoc/boardTemplates';

export interface NewBoardDialogProps {
  open: boolean;
  groupName: string;
  onOpenChange: (open: boolean) => void;
  onCreate: (title: string, templateId: TemplateId) => void;
}

export function NewBoardDialog({ open, groupName, onOpenChange, onCreate }: NewBoardDialogProps) {
  const { t } = useTranslation();
  const nameId = useId();
  const errorId = useId();
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState<TemplateId>('openInnovation');
  const [missing, setMissing] = useState(false);

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setTitle('');
          setMissing(false);
        }
        onOpenChange(next);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title className="dialog-title">
            {t('boards.newBoardIn', { group: groupName })}
          </Dialog.Title>
          <Dialog.Description className="dialog-description">
            {t('boards.create.description')}
          </Dialog.Description>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (title.trim() === '') {
                setMissing(true);
                return;
              }
              onCreate(title.trim(), templateId);
              setTitle('');
            }}
          >
            <div className="field">
              <label htmlFor={nameId}>{t('boards.create.name')}</label>
              <input
                id={nameId}
                value={title}
                maxLength={200}
                placeholder={t('boards.create.namePlaceholder')}
                aria-invalid={missing}
                aria-describedby={missing ? errorId : undefined}
                onChange={(event) => {
                  setTitle(event.target.value);
                  setMissing(false);
                }}
              />
              {missing && (
                <p id={errorId} className="field-error" role="alert">
                  {t('boards.create.nameRequired')}
                </p>
              )}
            </div>
            <fieldset className="template-options">
              <legend className="field-label">{t('boards.create.template')}</legend>
              {TEMPLATE_IDS.map((id) => (
                <label
                  key={id}
                  className={
                    id === templateId ? 'template-option template-option-chosen' : 'template-option'
                  }
                >
                  <input
                    type="radio"
                    name="template"
                    value={id}
                    checked={id === templateId}
                    onChange={() => setTemplateId(id)}
                  />
                  <span>
                    <strong>{t(`boards.templates.${id}`)}</strong>
                    <small>{t(`boards.templates.${id}Hint`)}</small>
                  </span>
                </label>
              ))}
            </fieldset>
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button" className="button button-quiet">
                  {t('boards.cancel')}
                </button>
              </Dialog.Close>
              <button type="submit" className="button button-primary">
                {t('boards.create.submit')}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
