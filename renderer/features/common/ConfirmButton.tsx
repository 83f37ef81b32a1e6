import { AlertDialog } from 'radix-ui';
import type { ReactNode } from 'react';

export interface ConfirmButtonProps {
  /** What the button shows (icon and text). */
  children: ReactNode;
  /** The button's accessible name when its text alone is not specific enough. */
  label?: string;
  className?: string;
  title: string;
  description: string;
  cancelLabel: string;
  confirmLabel: string;
  onConfirm: () => void;
}

/** A button for a consequential action that asks first, in an accessible alert dialog. */
export function ConfirmButton({
  children,
  label,
  className = 'button button-quiet',
  title,
  description,
  cancelLabel,
  confirmLabel,
  onConfirm,
}: ConfirmButtonProps) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <button type="button" className={className} aria-label={label}>
          {children}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog dialog-small">
          <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">
            {description}
          </AlertDialog.Description>
          <div className="dialog-actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button button-quiet">
                {cancelLabel}
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" className="button button-danger" onClick={onConfirm}>
                {confirmLabel}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
