import { useState } from 'react';
import { Button, type ButtonVariant } from './button';

/** Copies text that may first have to be fetched; says for a moment that it did, or why not. */
export function CopyButton({
  text,
  label,
  children,
  variant = 'ghost',
}: {
  text: string | (() => Promise<string>);
  label: string;
  children: string;
  variant?: ButtonVariant;
}) {
  const [note, setNote] = useState<string | undefined>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof text === 'string' ? text : await text());
      setNote('Copied');
    } catch (error) {
      setNote(error instanceof Error ? `Not copied: ${error.message}` : 'Not copied');
    }
    setTimeout(() => setNote(undefined), 2_000);
  };
  return (
    <Button size="small" variant={variant} aria-label={label} onClick={() => void copy()}>
      <span aria-live="polite">{note ?? children}</span>
    </Button>
  );
}
