import { CodeEditor } from '../../components/code-editor';
import { codeLanguage, languageNameOf } from './file-languages';

export interface TextEditorProps {
  fileName: string;
  value: string;
  onChange(value: string): void;
  label: string;
}

/** A text file in CodeMirror, highlighted by its name; loaded on demand, as it is most of the bundle. */
export default function TextEditor({ fileName, ...props }: TextEditorProps) {
  return <CodeEditor {...props} language={codeLanguage(languageNameOf(fileName))} className="file-editor code-tokens" testId="file-editor" />;
}
