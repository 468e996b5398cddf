import Markdown, { type Components } from 'react-markdown';
import { ansiSegments } from '../logs/ansi-segments';
import { HighlightedCode } from './highlighted-code';
import type { NotebookDocument, NotebookOutput } from './notebook-document';

// Links leave the app's page: a new window, which the desktop app refuses and a browser opens apart.
const markdownComponents: Components = {
  // Fenced code gets the same highlighting as code cells; inline code stays plain.
  code: ({ className, children }) => {
    const language = /\blanguage-([\w+-]+)/.exec(className ?? '')?.[1];
    if (!language || typeof children !== 'string') return <code>{children}</code>;
    return <HighlightedCode code={children.replace(/\n$/, '')} language={language} />;
  },
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
};

/** A notebook, read-only: markdown rendered (raw HTML left out), code highlighted, and the saved outputs. */
export default function NotebookView({ notebook, label }: { notebook: NotebookDocument; label: string }) {
  return (
    <div className="notebook" role="document" aria-label={label} data-testid="notebook-view">
      {notebook.cells.map((cell, index) =>
        cell.type === 'markdown' ? (
          <div key={index} className="notebook__cell notebook__markdown code-tokens">
            <Markdown skipHtml components={markdownComponents}>
              {cell.source}
            </Markdown>
          </div>
        ) : cell.type === 'raw' ? (
          <pre key={index} className="notebook__cell notebook__raw">
            {cell.source}
          </pre>
        ) : (
          <div key={index} className="notebook__cell notebook__code">
            <div className="notebook__prompt" aria-hidden="true">
              [{cell.executionCount ?? ' '}]
            </div>
            <pre className="notebook__source code-tokens">
              <HighlightedCode code={cell.source} language={notebook.language} />
            </pre>
            {cell.outputs.map((output, n) => (
              <Output key={n} output={output} />
            ))}
          </div>
        ),
      )}
    </div>
  );
}

function Output({ output }: { output: NotebookOutput }) {
  switch (output.type) {
    case 'stream':
      return <pre className={`notebook__output notebook__output--${output.name === 'stderr' ? 'stderr' : 'stdout'}`}>{output.text}</pre>;
    case 'text':
      return <pre className="notebook__output">{output.text}</pre>;
    case 'image':
      return <img className="notebook__image" src={`data:${output.mime};base64,${output.base64}`} alt="Cell output" />;
    case 'error':
      return (
        <pre className="notebook__output notebook__output--error" data-testid="notebook-error">
          {tracebackLines(output).map((line, n) => (
            <span key={n}>
              {ansiSegments(line).segments.map((segment, s) => (
                <span key={s} className={segment.className} style={segment.style}>
                  {segment.text}
                </span>
              ))}
              {'\n'}
            </span>
          ))}
        </pre>
      );
  }
}

/** Traceback entries hold several lines each; ANSI styles are read line by line. */
function tracebackLines(output: Extract<NotebookOutput, { type: 'error' }>): string[] {
  const entries = output.traceback.length > 0 ? output.traceback : [`${output.name}: ${output.value}`];
  return entries.flatMap((entry) => entry.split('\n'));
}
