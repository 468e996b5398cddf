import { z } from 'zod';
import {
  AppInfo,
  AppSettings,
  Diagnostics,
  EngineStatus,
  EnvironmentSummary,
  FileEntry,
  PipelineSummary,
  Project,
  ProjectId,
  ProjectName,
  RelativePath,
  WorkspaceStatus,
} from './schemas';

import { fileRequests } from './file-requests';
import { pipelineRequests } from './pipeline-requests';
import { environmentRequests } from './environment-schemas';
import { logRequests } from './log-schemas';
import { proxyRequests } from './proxy-requests';
import { runRequests } from './run-schemas';
import { jobRequests } from './job-requests';
import { sessionRequests } from './session-requests';
import { variableRequests } from './variable-requests';
import { inProject, none, ok } from './request-helpers';

/** Every request the renderer (or the CLI) may make of the main process. */
export const requests = {
  'app.info': { input: none, output: AppInfo },
  'app.diagnostics': { input: none, output: Diagnostics },
  'engine.status': {
    input: z.object({ refresh: z.boolean().optional() }).strict(),
    output: EngineStatus,
  },
  'workspace.status': { input: none, output: WorkspaceStatus },

  'settings.get': { input: none, output: AppSettings },
  'settings.update': { input: AppSettings.partial().strict(), output: AppSettings },

  'projects.list': { input: none, output: z.array(Project) },
  'projects.get': { input: inProject, output: Project },
  'projects.create': { input: z.object({ name: ProjectName }).strict(), output: Project },
  'projects.import': {
    input: z.object({ path: z.string().min(1, 'Give the folder to import') }).strict(),
    output: Project,
  },
  'projects.delete': {
    input: z
      .object({
        projectId: ProjectId,
        /** The project's name typed again: deleting is refused without it. */
        confirmName: z.string(),
      })
      .strict(),
    output: ok,
  },
  /** Subscribe the caller to changes of this project's files (event project.filesChanged). */
  'projects.watch': { input: inProject, output: ok },
  'projects.unwatch': { input: inProject, output: ok },

  'files.list': {
    input: z.object({ projectId: ProjectId, path: RelativePath }).strict(),
    output: z.array(FileEntry),
  },
  ...fileRequests,

  'pipelines.list': { input: inProject, output: z.array(PipelineSummary) },
  ...pipelineRequests,
  ...variableRequests,
  ...sessionRequests,
  ...proxyRequests,
  ...logRequests,
  ...environmentRequests,
  ...runRequests,
  ...jobRequests,
  'environments.list': { input: inProject, output: z.array(EnvironmentSummary) },
} as const;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
export type RequestInput<N extends RequestName> = z.input<Requests[N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<Requests[N]['output']>;
