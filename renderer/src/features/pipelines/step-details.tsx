import { useId } from 'react';
import { kernelFor, reorderIncoming, stepLabel, type PipelineStep, type PipelineSteps } from '../../../../electron/contract';
import { Button } from '../../components/button';
import { StepLog } from '../logs/step-log';
import { TextField } from '../../components/text-field';
import type { EnvironmentEntry } from '../../stores/environment-entry';
import type { StepsDraft } from '../../stores/steps-editor-store';
import { FilePathField } from './file-path-field';
import { JsonField } from './json-field';

export interface StepDetailsProps {
  projectId: string;
  pipelinePath: string;
  steps: PipelineSteps;
  step: PipelineStep;
  environments: readonly EnvironmentEntry[];
  /** The project's files, relative to the pipeline's folder. */
  files: readonly string[];
  issues: readonly string[];
  /** The step's log in the Logs section, once the step has run. */
  logHref: string | undefined;
  edit(change: (draft: StepsDraft) => StepsDraft, mergeKey?: string): void;
  onClose(): void;
}

/** The selected step's properties, its incoming connections in order, and its log. */
export function StepDetails({ projectId, pipelinePath, steps, step, environments, files, issues, logHref, edit, onClose }: StepDetailsProps) {
  const headingId = useId();
  const uuid = step.uuid;
  const update = (change: Partial<PipelineStep>, mergeKey?: string) =>
    edit((draft) => {
      const current = draft.steps[uuid];
      return current ? { ...draft, steps: { ...draft.steps, [uuid]: { ...current, ...change } } } : draft;
    }, mergeKey && `${mergeKey}:${uuid}`);

  const chooseEnvironment = (environmentUuid: string) => {
    const environment = environments.find((entry) => entry.environment.uuid === environmentUuid)?.environment;
    // As Orchest's editor: the kernel follows the environment's language, its display name the environment's name.
    const kernel = environment ? { ...step.kernel, ...kernelFor({ name: environment.name, language: environment.language }) } : step.kernel;
    update({ environment: environmentUuid, kernel });
  };
  const move = (index: number, by: -1 | 1) => {
    const order = [...step.incoming_connections];
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved!);
    edit((draft) => ({ ...draft, steps: reorderIncoming(draft.steps, uuid, order) }));
  };
  const known = environments.some((entry) => entry.environment.uuid === step.environment);

  return (
    <aside className="step-details panel" aria-labelledby={headingId} data-testid="step-details">
      <div className="step-details__head">
        <h4 id={headingId} className="panel__title">
          Step {step.title || uuid}
        </h4>
        <Button size="small" variant="ghost" onClick={onClose} aria-label="Close the step panel">
          Close
        </Button>
      </div>
      {issues.length > 0 && (
        <ul className="step-details__issues field__error" aria-label="Rules the step breaks">
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
      <TextField label="Title" value={step.title} onChange={(title) => update({ title }, 'title')} />
      <FilePathField
        projectId={projectId}
        pipelinePath={pipelinePath}
        value={step.file_path}
        choices={files}
        environment={step.environment}
        onChange={(filePath) => update({ file_path: filePath }, 'file')}
      />
      <div className="field">
        <label className="field__label" htmlFor={`${headingId}-environment`}>
          Environment
        </label>
        <select id={`${headingId}-environment`} className="field__input" value={step.environment} onChange={(event) => chooseEnvironment(event.target.value)}>
          {!known && <option value={step.environment}>{step.environment ? `Unknown (${step.environment})` : 'None'}</option>}
          {environments.map(({ environment }) => (
            <option key={environment.uuid} value={environment.uuid}>
              {environment.name} ({environment.language})
            </option>
          ))}
        </select>
      </div>
      <JsonField label="Parameters" value={step.parameters} onChange={(parameters) => update({ parameters }, 'parameters')} />
      <section aria-label="Incoming connections">
        <h5 className="step-details__subtitle">Incoming connections</h5>
        {step.incoming_connections.length === 0 ? (
          <p className="muted">None: connect a step's output to this step's input.</p>
        ) : (
          <ol className="step-details__incoming">
            {step.incoming_connections.map((parent, index) => {
              const name = stepLabel(steps, parent);
              return (
                <li key={parent}>
                  <span>{name}</span>
                  <Button size="small" variant="ghost" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${name} up`}>
                    ↑
                  </Button>
                  <Button
                    size="small"
                    variant="ghost"
                    disabled={index === step.incoming_connections.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={`Move ${name} down`}
                  >
                    ↓
                  </Button>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      {logHref ? (
        <StepLog projectId={projectId} path={pipelinePath} step={uuid} title={stepLabel(steps, uuid)} fullHref={logHref} />
      ) : (
        <p className="muted">No log yet: the step has not run.</p>
      )}
    </aside>
  );
}
