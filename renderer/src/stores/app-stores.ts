import { bridge } from '../bridge/client';
import { createAppInfoStore } from './app-info-store';
import { createEngineStore } from './engine-store';
import { createEnvironmentsStore } from './environments-store';
import { createFileEditorStore } from './file-editor-store';
import { createFilesStore } from './files-store';
import { createJobRunStore } from './job-run-store';
import { createJobRunsStore } from './job-runs-store';
import { createJobStore } from './job-store';
import { createJobsStore } from './jobs-store';
import { createLogSearchStore } from './log-search-store';
import { createLogsStore } from './logs-store';
import { createPipelineStore } from './pipeline-store';
import { createProjectsStore } from './projects-store';
import { createRunStore } from './run-store';
import { createSessionStore } from './session-store';
import { createSettingsStore } from './settings-store';
import { createStepsEditorStore } from './steps-editor-store';
import { createWorkspaceStore } from './workspace-store';

/** The page's stores, all on the one bridge client. */
export const projectsStore = createProjectsStore(bridge);
export const workspaceStore = createWorkspaceStore(bridge);
export const engineStore = createEngineStore(bridge);
export const filesStore = createFilesStore(bridge);
export const fileEditorStore = createFileEditorStore(bridge);
export const appInfoStore = createAppInfoStore(bridge);
export const settingsStore = createSettingsStore(bridge);
export const pipelineStore = createPipelineStore(bridge);
export const stepsEditorStore = createStepsEditorStore(bridge, pipelineStore);
export const sessionStore = createSessionStore(bridge);
export const runStore = createRunStore(bridge);
export const environmentsStore = createEnvironmentsStore(bridge);
export const logsStore = createLogsStore(bridge);
export const logSearchStore = createLogSearchStore(bridge, logsStore);
export const jobsStore = createJobsStore(bridge);
export const jobStore = createJobStore(bridge);
export const jobRunsStore = createJobRunsStore(bridge);
export const jobRunStore = createJobRunStore(bridge);

/** Loads what the first screen needs and follows the main process's events; returns the teardown. */
export function startAppStores(): () => void {
  const stores = [projectsStore, workspaceStore, engineStore, filesStore, fileEditorStore, pipelineStore, stepsEditorStore, sessionStore, environmentsStore];
  const stops = [...stores.map((store) => store.getState().start()), runStore.getState().follow()];
  stops.push(...[jobsStore, jobStore, jobRunsStore, jobRunStore].map((store) => store.getState().start()));
  void settingsStore.getState().load();
  return () => stops.forEach((stop) => stop());
}
