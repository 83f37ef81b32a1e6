/**
 * "Texto alternativo": what a screen reader says instead of the image, and what exports write as
 * its description. Opened right after an image is inserted and from the image's toolbar.
 */
import { Dialog } from 'radix-ui';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface AltTextDialogProps {
  open: boolean;
  initial: string;
  src: string;
  onOpenChange: (open: boolean) => void;
  onSave: (alt: string) => void;
}

export function AltTextDialog(props: AltTextDialogProps) {
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        {props.open && <AltTextForm {...props} />}
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Screen readers stop reading long descriptions usefully well before this. */
const MAX_ALT = 500;

function AltTextForm({ initial, src, onOpenChange, onSave }: AltTextDialogProps) {
  const { t } = useTranslation();
  const [alt, setAlt] = useState(initial);
  const fieldId = useId();
  const helpId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(alt.trim().slice(0, MAX_ALT));
    onOpenChange(false);
  };

  return (
    <Dialog.Content className="dialog dialog-small alt-dialog">
      <Dialog.Title className="dialog-title">{t('images.altTitle')}</Dialog.Title>
      <Dialog.Description className="dialog-description">
        {t('images.altDescription')}
      </Dialog.Description>
      <form onSubmit={submit} noValidate>
        {src !== '' && <img className="alt-dialog-preview" src={src} alt="" />}
        <div className="field">
          <label htmlFor={fieldId}>{t('images.altLabel')}</label>
          <textarea
            id={fieldId}
            rows={3}
            maxLength={MAX_ALT}
            value={alt}
            aria-describedby={helpId}
            placeholder={t('images.altPlaceholder')}
            onChange={(event) => setAlt(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) submit(event);
            }}
          />
          <p id={helpId} className="field-help">
            {t('images.altHelp')}
          </p>
        </div>
        <div className="dialog-actions">
          <Dialog.Close asChild>
            <button type="button" className="button button-quiet">
              {t('images.later')}
            </button>
          </Dialog.Close>
          <button type="submit" className="button button-primary">
            {t('images.saveAlt')}
          </button>
        </div>
      </form>
    </Dialog.Content>
  );
}
