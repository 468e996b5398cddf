import { syntaxHighlighting } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';
import { classHighlighter } from '@lezer/highlight';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef } from 'react';

export interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  /** Names the editable area. */
  label: string;
  describedBy?: string | undefined;
  /** The highlighting; plain text without. */
  language?: Extension | undefined;
  className: string;
  testId: string;
  /** Shown only: the text cannot be changed (it can be selected, searched and copied). */
  readOnly?: boolean;
}

// Token classes (tok-keyword, tok-string, ...) are coloured in the styles with the theme's tokens.
const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--surface)', color: 'var(--text)', fontSize: '13px' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--surface-sunken)', color: 'var(--text-muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--surface-hover)' },
  '&.cm-focused': { outline: 'none' },
});

/**
 * CodeMirror in the app's theme. Only ever imported by modules loaded on demand: it is most of the bundle.
 * The editor is made once (its parent keys it by what it edits); later values arrive through the second effect.
 */
export function CodeEditor({ value, onChange, label, describedBy, language, className, testId, readOnly = false }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    const attributes: Record<string, string> = { 'aria-label': label, 'aria-multiline': 'true' };
    if (readOnly) attributes['aria-readonly'] = 'true';
    if (describedBy) attributes['aria-describedby'] = describedBy;
    const editor = new EditorView({
      parent: host.current!,
      doc: value,
      extensions: [
        basicSetup,
        ...(language ? [language] : []),
        syntaxHighlighting(classHighlighter),
        theme,
        ...(readOnly ? [EditorState.readOnly.of(true)] : []),
        EditorView.contentAttributes.of(attributes),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) latest.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => editor.destroy();
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div ref={host} className={className} data-testid={testId} />;
}
