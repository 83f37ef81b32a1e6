/**
 * The markup every form of the register, regulations and missions repeats: a labelled control
 * (with an optional hint), and the footer of error, Cancelar and submit. The control keeps its own
 * props; Field gives it the id its label points to.
 */
import { Slot } from 'radix-ui';
import { useId, type ReactElement } from 'react';

export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  /** One control: input, select or textarea. */
  children: ReactElement;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Slot.Root id={id}>{children}</Slot.Root>
      {hint !== undefined && <p className="field-hint">{hint}</p>}
    </div>
  );
}

/** A failed action's sentence, announced to screen readers; nothing while there is none. */
export function FormError({ error }: { error: string | null }) {
  if (error === null) return null;
  return (
    <p className="form-error" role="alert">
      {error}
    </p>
  );
}

/** The error of the last try, then Cancelar and the submit button (off while it runs). */
export function FormFooter({
  error,
  submitDisabled,
  cancelLabel,
  onCancel,
  submitLabel,
}: {
  error: string | null;
  /** While the action runs, or while the form is not complete. */
  submitDisabled: boolean;
  cancelLabel: string;
  onCancel: () => void;
  submitLabel: string;
}) {
  return (
    <>
      <FormError error={error} />
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="submit" className="button button-primary" disabled={submitDisabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
