import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog, TemplateChoice } from '../common/FormDialog';
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
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      onClosed={() => {
        setTitle('');
        setMissing(false);
      }}
      title={t('boards.newBoardIn', { group: groupName })}
      description={t('boards.create.description')}
      cancelLabel={t('boards.cancel')}
      submitLabel={t('boards.create.submit')}
      onSubmit={() => {
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
      <TemplateChoice
        legend={t('boards.create.template')}
        name="template"
        ids={TEMPLATE_IDS}
        chosen={templateId}
        onChoose={setTemplateId}
        label={(id) => t(`boards.templates.${id}`)}
        hint={(id) => t(`boards.templates.${id}Hint`)}
        className="template-options"
        optionClass="template-option"
      />
    </FormDialog>
  );
}
