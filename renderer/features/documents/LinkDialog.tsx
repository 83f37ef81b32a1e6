import { Dialog } from 'radix-ui';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeLink } from './editorExtensions';

export interface LinkDialogProps {
  open: boolean;
  initialUrl: string;
  hasLink: boolean;
  onOpenChange: (open: boolean) => void;
  onApply: (href: string) => void;
  onRemove: () => void;
}

export function LinkDialog(props: LinkDialogProps) {
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        {props.open && <LinkForm {...props} />}
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function LinkForm({ initialUrl, hasLink, onOpenChange, onApply, onRemove }: LinkDialogProps) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(initialUrl);
  const [error, setError] = useState(false);
  const inputId = useId();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const href = normalizeLink(url);
    if (href === null) {
      setError(true);
      return;
    }
    onApply(href);
    onOpenChange(false);
  };

  return (
    <Dialog.Content className="dialog dialog-small">
      <Dialog.Title className="dialog-title">{t('link.title')}</Dialog.Title>
      <Dialog.Description className="dialog-description">
        {t('link.description')}
      </Dialog.Description>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={inputId}>{t('link.url')}</label>
          <input
            id={inputId}
            type="url"
            inputMode="url"
            autoComplete="off"
            value={url}
            placeholder={t('link.placeholder')}
            aria-invalid={error}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setUrl(event.target.value);
              setError(false);
            }}
          />
          {error && (
            <p id={errorId} className="field-error" role="alert">
              {t('link.invalid')}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          {hasLink && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                onRemove();
                onOpenChange(false);
              }}
            >
              {t('link.remove')}
            </button>
          )}
          <Dialog.Close asChild>
            <button type="button" className="button button-quiet">
              {t('link.cancel')}
            </button>
          </Dialog.Close>
          <button type="submit" className="button button-primary">
            {t('link.apply')}
          </button>
        </div>
      </form>
    </Dialog.Content>
  );
}
