import type { ReactNode } from 'react';
import { Button, type ButtonVariant } from './button';

export interface DialogFooterProps {
  onCancel(): void;
  /** The submit button's label; it submits the dialog's form. */
  submit: ReactNode;
  variant?: ButtonVariant;
  /** False while the form cannot be sent (an error stands, or nothing to send). */
  ready?: boolean;
  busy?: boolean;
  /** Destructive dialogs start on Cancel. */
  focusCancel?: boolean;
}

/** Cancel, then the form's submit button, busy while its request runs. */
export function DialogFooter({ onCancel, submit, variant = 'primary', ready = true, busy = false, focusCancel = false }: DialogFooterProps) {
  return (
    <div className="dialog__footer">
      <Button onClick={onCancel} autoFocus={focusCancel}>
        Cancel
      </Button>
      <Button type="submit" variant={variant} disabled={!ready || busy} aria-busy={busy || undefined}>
        {submit}
      </Button>
    </div>
  );
}
