import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import {
  connectSteps,
  disconnectSteps,
  duplicateSteps,
  freePosition,
  moveSteps,
  newStep,
  removeSteps,
  stepLabel,
  type PipelineSteps,
  type ValidationIssue,
} from '../../../../electron/contract';
import { formatRoute } from '../../app/route';
import { Button } from '../../components/button';
import { ConfirmDeleteDialog } from '../../components/confirm-delete-dialog';
import { environmentsStore, stepsEditorStore } from '../../stores/app-stores';
import { RunSelectionBar } from '../runs/run-selection-bar';
import { useRun } from '../runs/use-run';
import { stepIssues } from './step-issues';
import { pipelineGraphModule } from './pipeline-graph-module';
import { ProjectFileList } from './project-file-list';
import { SaveState } from './save-state';
import { pathFromPipeline, titleFromFile } from './step-file-path';
import { StepDetails } from './step-details';
import { pickStep } from './step-selection';
import { useEditorKeys } from './use-editor-keys';
import { useProjectFiles } from './use-project-files';


const NO_STEPS: PipelineSteps = {};

export interface StepsPanelProps {
  projectId: string;
  path: string;
  issues: readonly ValidationIssue[];
}

/**
 * The pipeline's steps as a graph to edit, with the latest run's states: steps are added, moved, connected,
 * duplicated and removed there, the selected one is edited beside it, and selected steps can be run on their own.
 */
export function StepsPanel({ projectId, path, issues }: StepsPanelProps) {
  const { run } = useRun();
  const steps = useStore(stepsEditorStore, (s) => (s.projectId === projectId && s.path === path ? s.history?.present.steps : undefined)) ?? NO_STEPS;
  const canUndo = useStore(stepsEditorStore, (s) => s.canUndo);
  const canRedo = useStore(stepsEditorStore, (s) => s.canRedo);
  const entries = useStore(environmentsStore, (s) => (s.projectId === projectId ? s.entries : undefined));
  const environments = useMemo(() => Object.values(entries ?? {}).sort((a, b) => a.environment.name.localeCompare(b.environment.name)), [entries]);
  const { files } = useProjectFiles(projectId);
  const graph = pipelineGraphModule.useModule();
  // The store's actions keep their identity as its state changes, so callbacks built on them stay the same.
  const { edit, undo, redo } = stepsEditorStore.getState();

  const [picked, setPicked] = useState<readonly string[]>([]);
  const [selectedEdge, setSelectedEdge] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<string | undefined>();
  const placeNear = useRef<(() => [number, number] | undefined) | undefined>(undefined);
  const [confirming, setConfirming] = useState<readonly string[] | undefined>();
  // A step removed meanwhile (undo, the file changed) is no longer selected.
  const selected = useMemo(() => {
    const kept = picked.filter((id) => id in steps);
    return kept.length === picked.length ? picked : kept;
  }, [picked, steps]);
  const saveError = useStore(stepsEditorStore, (s) => (s.status === 'failed' ? s.error : undefined));
  // A refused save names the step it concerns (`steps.<uuid>.file_path: ...`): it shows there too.
  const byStep = useMemo(() => stepIssues(saveError ? [...issues, refusedIssue(saveError)] : issues), [issues, saveError]);
  const choices = useMemo(() => files.map((file) => pathFromPipeline(path, file)), [files, path]);

  const clear = useCallback(() => (setPicked([]), setSelectedEdge(undefined)), []);
  const onPick = useCallback((step: string, additive: boolean) => {
    setSelectedEdge(undefined);
    setPicked((current) => pickStep(current, step, additive));
  }, []);
  const onSelect = useCallback((ids: string[]) => (setSelectedEdge(undefined), setPicked(ids)), []);
  const onPickEdge = useCallback((edge: string) => (setPicked([]), setSelectedEdge(edge)), []);
  const logHref = useCallback((step: string) => formatRoute({ name: 'pipeline', projectId, path, section: 'logs', source: step }), [projectId, path]);
  const onMove = useCallback((positions: Record<string, [number, number]>) => edit((draft) => ({ ...draft, steps: moveSteps(draft.steps, positions) })), [edit]);
  const onConnect = useCallback(
    (from: string, to: string) => {
      const result = connectSteps(stepsEditorStore.getState().history?.present.steps ?? {}, from, to);
      if (!result.ok) return setRefusal(`Not connected: ${result.reason}.`);
      setRefusal(undefined);
      edit((draft) => ({ ...draft, steps: result.steps }));
    },
    [edit],
  );
  // Read when a step is added, so the callbacks (and the graph that takes them) stay the same as environments arrive.
  const firstEnvironment = useRef(environments[0]?.environment);
  firstEnvironment.current = environments[0]?.environment;
  const addStep = useCallback(
    (filePath: string, title: string, near?: [number, number]) => {
      const uuid = crypto.randomUUID();
      const first = firstEnvironment.current;
      edit((draft) => {
        const position = freePosition(draft.steps, near ?? placeNear.current?.());
        const environment = first && { uuid: first.uuid, name: first.name, language: first.language };
        return { ...draft, steps: { ...draft.steps, [uuid]: newStep({ uuid, title, filePath, position, ...(environment ? { environment } : {}) }) } };
      });
      setSelectedEdge(undefined);
      setPicked([uuid]);
    },
    [edit],
  );
  const onDropFile = useCallback((file: string, position: [number, number]) => addStep(pathFromPipeline(path, file), titleFromFile(file), position), [addStep, path]);
  const duplicate = () => {
    let copies: Record<string, string> = {};
    edit((draft) => {
      const result = duplicateSteps(draft.steps, selected, () => crypto.randomUUID());
      copies = result.copies;
      return { ...draft, steps: result.steps };
    });
    setPicked(Object.values(copies));
  };
  const removeEdge = (edge: string) => {
    const [from, to] = edge.split('->');
    if (from && to) edit((draft) => ({ ...draft, steps: disconnectSteps(draft.steps, from, to) }));
    setSelectedEdge(undefined);
  };

  useEditorKeys({
    onUndo: undo,
    onRedo: redo,
    onSelectAll: () => (setSelectedEdge(undefined), setPicked(Object.keys(steps))),
    onDelete: () => {
      if (selectedEdge) removeEdge(selectedEdge);
      else if (selected.length > 0) setConfirming(selected);
    },
    onEscape: clear,
  });
  useEffect(() => setRefusal(undefined), [steps]);

  const count = Object.keys(steps).length;
  const one = selected.length === 1 ? steps[selected[0]!] : undefined;
  const oneRun = one && run?.steps.find((step) => step.uuid === one.uuid);
  return (
    <section className="panel steps-editor" aria-labelledby="steps-heading">
      <h3 id="steps-heading" className="panel__title">
        Steps <span className="panel__count">{count}</span>
      </h3>
      <div className="steps-editor__toolbar" role="toolbar" aria-label="Edit steps">
        <Button size="small" variant="primary" onClick={() => addStep('', 'New step')}>
          New step
        </Button>
        <Button size="small" onClick={duplicate} disabled={selected.length === 0}>
          Duplicate
        </Button>
        <Button size="small" onClick={() => (selectedEdge ? removeEdge(selectedEdge) : setConfirming(selected))} disabled={selected.length === 0 && !selectedEdge}>
          {selectedEdge ? 'Delete connection' : 'Delete'}
        </Button>
        <Button size="small" variant="ghost" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)">
          Undo
        </Button>
        <Button size="small" variant="ghost" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </Button>
        <SaveState />
      </div>
      {refusal && (
        <p className="field__error" role="alert" data-testid="connect-refusal">
          {refusal}
        </p>
      )}
      {count > 0 && <RunSelectionBar selected={selected} onClear={clear} />}
      <div className="steps-editor__body">
        <ProjectFileList files={files} />
        {graph ? (
          <graph.PipelineGraph
            steps={steps}
            label="Steps of the pipeline"
            run={run}
            selected={selected}
            issues={byStep}
            selectedEdge={selectedEdge}
            onPick={onPick}
            onSelect={onSelect}
            onPickEdge={onPickEdge}
            onClear={clear}
            onMove={onMove}
            onConnect={onConnect}
            onDropFile={onDropFile}
            logHref={logHref}
            placeNear={placeNear}
          />
        ) : (
          <div className="pipeline-graph" />
        )}
        {one && (
          <StepDetails
            key={one.uuid}
            projectId={projectId}
            pipelinePath={path}
            steps={steps}
            step={one}
            environments={environments}
            files={choices}
            issues={byStep[one.uuid] ?? []}
            logHref={oneRun?.startedAt !== undefined ? logHref(one.uuid) : undefined}
            edit={edit}
            onClose={clear}
          />
        )}
        {!one && <p className="step-details step-details--none muted">Select one step to edit its title, file, environment and parameters.</p>}
      </div>
      {confirming && (
        <ConfirmDeleteDialog
          label={confirming.length === 1 ? 'Delete step' : 'Delete steps'}
          testId="delete-steps-dialog"
          remove={async () => {
            edit((draft) => ({ ...draft, steps: removeSteps(draft.steps, confirming) }));
            setPicked([]);
          }}
          onClose={() => setConfirming(undefined)}
        >
          Delete {confirming.map((uuid) => stepLabel(steps, uuid)).join(', ')} from the pipeline? Their files stay in the project.
        </ConfirmDeleteDialog>
      )}
    </section>
  );
}

function refusedIssue(message: string): { path: string; message: string } {
  const colon = message.indexOf(': ');
  return colon > 0 && message.startsWith('steps.') ? { path: message.slice(0, colon), message: message.slice(colon + 2) } : { path: '', message };
}
