import { CodeEditor } from '../../components/code-editor';
import { codeLanguage, languageNameOf } from '../files/file-languages';

export interface RunFileViewerProps {
  fileName: string;
  value: string;
  label: string;
}

/** A file of a job run's copy in CodeMirror, read-only; loaded on demand, as it is most of the bundle. */
export default function RunFileViewer({ fileName, value, label }: RunFileViewerProps) {
  return (
    <CodeEditor
      value={value}
      onChange={ignore}
      readOnly
      label={label}
      language={codeLanguage(languageNameOf(fileName))}
      className="file-editor code-tokens run-files__viewer"
      testId="job-run-file-text"
    />
  );
}

function ignore(): void {}
