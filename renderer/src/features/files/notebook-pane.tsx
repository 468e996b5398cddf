import { useMemo } from 'react';
import { parseNotebook } from './notebook-document';
import NotebookView from './notebook-view';

/** A notebook file's text, parsed and shown; a file that is not a notebook says why. */
export default function NotebookPane({ text, label }: { text: string; label: string }) {
  const parsed = useMemo(() => {
    try {
      return { notebook: parseNotebook(text) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [text]);
  if (parsed.error !== undefined || !parsed.notebook) {
    return (
      <p className="callout callout--error" role="alert">
        This notebook cannot be shown: {parsed.error}
      </p>
    );
  }
  return <NotebookView notebook={parsed.notebook} label={label} />;
}
