/**
 * The shell every "create something" dialog shares: a Radix dialog with a title, a one-line
 * description, a form, and Cancelar / submit actions. The caller owns the fields and what
 * submitting does; `onClosed` lets it forget a half-filled form when the dialog closes.
 */
import { Dialog } from 'radix-ui';
import type { FormEvent, ReactNode } from 'react';

export interface FormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called when the dialog closes, to reset the form. */
  onClosed?: () => void;
  title: string;
  description: string;
  /** Extra class of the dialog box (its width, mostly). */
  className?: string;
  onSubmit: () => void;
  cancelLabel: string;
  submitLabel: string;
  submitDisabled?: boolean;
  children: ReactNode;
}

export function FormDialog({
  open,
  onOpenChange,
  onClosed,
  title,
  description,
  className,
  onSubmit,
  cancelLabel,
  submitLabel,
  submitDisabled = false,
  children,
}: FormDialogProps) {
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) onClosed?.();
        onOpenChange(next);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className={className ? `dialog ${className}` : 'dialog'}>
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          <Dialog.Description className="dialog-description">{description}</Dialog.Description>
          <form
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              onSubmit();
            }}
          >
            {children}
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button" className="button button-quiet">
                  {cancelLabel}
                </button>
              </Dialog.Close>
              <button type="submit" className="button button-primary" disabled={submitDisabled}>
                {submitLabel}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export interface TemplateChoiceProps<Id extends string> {
  legend: string;
  /** The radio group's name. */
  name: string;
  ids: readonly Id[];
  chosen: Id;
  onChoose: (id: Id) => void;
  label: (id: Id) => string;
  hint: (id: Id) => string;
  /** Class of the fieldset; each option gets `${optionClass}` and `${optionClass}-chosen`. */
  className: string;
  optionClass: string;
  disabled?: boolean;
}

/** Templates to start from, as radio cards with a name and a one-line hint. */
export function TemplateChoice<Id extends string>({
  legend,
  name,
  ids,
  chosen,
  onChoose,
  label,
  hint,
  className,
  optionClass,
  disabled = false,
}: TemplateChoiceProps<Id>) {
  return (
    <fieldset className={className} disabled={disabled}>
      <legend className="field-label">{legend}</legend>
      {ids.map((id) => (
        <label
          key={id}
          className={id === chosen ? `${optionClass} ${optionClass}-chosen` : optionClass}
        >
          <input
            type="radio"
            name={name}
            value={id}
            checked={id === chosen}
            onChange={() => onChoose(id)}
          />
          <span>
            <strong>{label(id)}</strong>
            <small>{hint(id)}</small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
