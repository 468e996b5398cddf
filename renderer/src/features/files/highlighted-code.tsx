import { highlightCode, classHighlighter } from '@lezer/highlight';
import type { ReactNode } from 'react';
import { codeLanguage } from './file-languages';

/** Source code as highlighted spans (no HTML strings), in the language given when it is known. */
export function HighlightedCode({ code, language }: { code: string; language: string | undefined }) {
  const support = codeLanguage(language);
  const parser = support ? ('language' in support ? support.language.parser : support.parser) : undefined;
  if (!parser) return <code>{code}</code>;
  const parts: ReactNode[] = [];
  highlightCode(
    code,
    parser.parse(code),
    classHighlighter,
    (text, classes) => parts.push(classes ? <span key={parts.length} className={classes}>{text}</span> : text),
    () => parts.push('\n'),
  );
  return <code>{parts}</code>;
}
