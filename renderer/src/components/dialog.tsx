import { useEffect, useRef, type ReactNode } from 'react';

export interface DialogProps {
  /** The dialog's title and accessible name. */
  label: string;
  onClose(): void;
  children: ReactNode;
  testId?: string;
}

/**
 * A modal native <dialog>: the browser traps focus and closes it on Escape. Mounting opens it;
 * unmounting closes it and gives focus back to what had it before.
 */
export function Dialog({ label, onClose, children, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={label}
      data-testid={testId}
      // Escape closes the native dialog; a close from our own cleanup finds it re-opened and is ignored.
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
    >
      <h2 className="dialog__title">{label}</h2>
      {children}
    </dialog>
  );
}
