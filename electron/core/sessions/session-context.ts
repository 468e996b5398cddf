import { LABELS } from '../docker/labels';

/** Where every container of a session (services and steps) finds the pipeline file. */
export const PIPELINE_FILE_MOUNT = '/pipeline.json';

/** Orchest's two kinds of session: the editor's (`interactive`) and a job run's (`noninteractive`). */
export type SessionType = 'interactive' | 'noninteractive';

/** What every container of a pipeline's session shares, its services' and its steps' alike. */
export interface SessionContext {
  /** Which services start (those whose scope has it) and ORCHEST_SESSION_TYPE; `interactive` when absent. */
  sessionType?: SessionType;
  /** The app instance's owner label value (see LABELS.owner). */
  owner: string;
  projectUuid: string;
  pipelineUuid: string;
  /** The pipeline file on the host, mounted read-only at PIPELINE_FILE_MOUNT. */
  pipelineFile: string;
  projectDir: string;
  dataDir: string;
  /** Project and pipeline variables, merged (pipeline wins). */
  variables: Record<string, string>;
  /** What the app mounts in every container of the session (the `orchest` SDK and runner, the session's specs). */
  appBinds: string[];
}

/** The labels of the session's network and of every container in it. */
export function sessionLabels(context: SessionContext, sessionUuid: string): Record<string, string> {
  return {
    [LABELS.managed]: 'true',
    [LABELS.owner]: context.owner,
    [LABELS.project]: context.projectUuid,
    [LABELS.pipeline]: context.pipelineUuid,
    [LABELS.session]: sessionUuid,
    [LABELS.sessionType]: context.sessionType ?? 'interactive',
  };
}

/** Orchest's variables naming the session, which services and steps both get. */
export function sessionVariables(context: SessionContext, sessionUuid: string): Record<string, string> {
  return {
    ORCHEST_PROJECT_UUID: context.projectUuid,
    ORCHEST_PIPELINE_UUID: context.pipelineUuid,
    ORCHEST_PIPELINE_PATH: PIPELINE_FILE_MOUNT,
    ORCHEST_SESSION_UUID: sessionUuid,
    ORCHEST_SESSION_TYPE: context.sessionType ?? 'interactive',
  };
}

/** The read-only pipeline file and the app's own mounts. */
export function sessionBinds(context: SessionContext): string[] {
  return [`${context.pipelineFile}:${PIPELINE_FILE_MOUNT}:ro`, ...context.appBinds];
}
