import { StreamLanguage } from '@codemirror/language';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { CodeEditor } from '../../components/code-editor';

export interface SetupScriptEditorProps {
  value: string;
  onChange(value: string): void;
  /** Names the editable area, and ties it to a label or error by id. */
  label: string;
  describedBy?: string | undefined;
}

const SHELL = StreamLanguage.define(shell);

/** The set-up script in CodeMirror with shell highlighting; loaded on demand, as it is most of the bundle. */
export default function SetupScriptEditor(props: SetupScriptEditorProps) {
  return <CodeEditor {...props} language={SHELL} className="script-editor code-tokens" testId="setup-script-editor" />;
}
