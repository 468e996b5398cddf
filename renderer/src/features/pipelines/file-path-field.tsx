import { useId, useState } from 'react';
import { bridge } from '../../bridge/client';
import { errorMessage } from '../../bridge/request-error';
import { Button } from '../../components/button';

/** The kinds of file a step runs, as Orchest's "create file" offered them. */
export const STEP_FILE_EXTENSIONS = ['.py', '.ipynb', '.R', '.sh', '.jl', '.js'] as const;

export interface FilePathFieldProps {
  projectId: string;
  pipelinePath: string;
  value: string;
  /** The project's files, relative to the pipeline's folder. */
  choices: readonly string[];
  /** The step's environment, so a new notebook gets its kernel. */
  environment: string;
  onChange(filePath: string): void;
}

/** A step's file: typed, picked from the project's files, or made on the spot as an empty file of a kind. */
export function FilePathField({ projectId, pipelinePath, value, choices, environment, onChange }: FilePathFieldProps) {
  const id = useId();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [extension, setExtension] = useState<string>('.py');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const create = async () => {
    const base = name.trim();
    if (!base) return setError('Give the file a name');
    setBusy(true);
    setError(undefined);
    try {
      const filePath = base.endsWith(extension) ? base : `${base}${extension}`;
      const made = await bridge.request('pipelines.createStepFile', { projectId, path: pipelinePath, filePath, ...(environment ? { environment } : {}) });
      onChange(made.filePath);
      setCreating(false);
      setName('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="field file-path-field">
      <label className="field__label" htmlFor={id}>
        File path
      </label>
      <div className="file-path-field__row">
        <input
          id={id}
          className="field__input"
          list={`${id}-files`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder="Pick a file of the project"
          spellCheck={false}
          autoComplete="off"
        />
        <datalist id={`${id}-files`}>
          {choices.map((choice) => (
            <option key={choice} value={choice} />
          ))}
        </datalist>
        <Button size="small" onClick={() => setCreating((open) => !open)} aria-expanded={creating}>
          New file
        </Button>
      </div>
      {creating && (
        <div className="file-path-field__new" role="group" aria-label="New file">
          <input
            className="field__input"
            aria-label="New file name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void create();
            }}
            placeholder="name, relative to the pipeline"
            spellCheck={false}
            autoComplete="off"
          />
          <select className="field__input" aria-label="Extension" value={extension} onChange={(event) => setExtension(event.target.value)}>
            {STEP_FILE_EXTENSIONS.map((ext) => (
              <option key={ext} value={ext}>
                {ext}
              </option>
            ))}
          </select>
          <Button size="small" variant="primary" onClick={() => void create()} disabled={busy}>
            Create file
          </Button>
        </div>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
