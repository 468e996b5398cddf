import type { Handlers } from '../../bridge/bridge-server';
import { AppError } from '../app-error';
import type { PipelineService } from '../pipelines/pipeline-service';
import { stepTitles } from '../runs/run-plan';
import type { SessionManager } from '../sessions/session-manager';
import type { LogService } from './log-service';

type LogHandlers = Pick<Handlers, 'logs.sources' | 'logs.read' | 'logs.search' | 'logs.follow' | 'logs.unfollow'>;

/** Where a job run's logs are, for the logs' requests that name one. */
export interface JobRunLogs {
  logs: LogService;
  /** The run's log key (its copy of the project) and what its logs are named by. */
  run(jobUuid: string, runUuid: string): Promise<{ key: string; pipelineUuid: string; services: string[]; steps: Record<string, string> }>;
}

interface PipelineInput {
  projectId: string;
  path: string;
  jobRun?: { jobUuid: string; runUuid: string } | undefined;
}

export function logHandlers(logs: LogService, sessions: SessionManager, pipelines: Pick<PipelineService, 'get' | 'uuidOf'>, jobRuns?: JobRunLogs): LogHandlers {
  /** The log service and the (project key, pipeline uuid) that its files are found by. */
  const where = async ({ projectId, path, jobRun }: PipelineInput) => {
    if (!jobRun) return { service: logs, projectId, pipelineUuid: await pipelines.uuidOf(projectId, path) };
    if (!jobRuns) throw new AppError('NOT_FOUND', 'This app has no jobs');
    const run = await jobRuns.run(jobRun.jobUuid, jobRun.runUuid);
    return { service: jobRuns.logs, projectId: run.key, pipelineUuid: run.pipelineUuid, run };
  };
  const target = async (input: PipelineInput & { source: string }) => {
    const { service, projectId, pipelineUuid } = await where(input);
    return { service, target: { projectId, pipelineUuid, source: input.source } };
  };
  return {
    'logs.sources': async (input) => {
      const found = await where(input);
      if (found.run) return found.service.sources(found.projectId, found.pipelineUuid, found.run.services, found.run.steps);
      const { projectId, path } = input;
      const [session, document] = await Promise.all([sessions.get(projectId, path), pipelines.get(projectId, path)]);
      return logs.sources(projectId, session.pipelineUuid, session.services.map((s) => s.name), stepTitles(document.definition));
    },
    'logs.read': async (input) => {
      const { service, target: log } = await target(input);
      return service.read(log, input);
    },
    'logs.search': async (input) => {
      const { service, target: log } = await target(input);
      return service.search(log, input);
    },
    'logs.follow': async (input, caller) => {
      const { service, projectId, pipelineUuid } = await where(input);
      const { sources, subscription } = input;
      const live = await service.subscribe(subscription, projectId, pipelineUuid, sources, (payload) => caller.emit('logs.appended', payload), () => caller.backlog());
      caller.own(`logs:${subscription}`, live);
      return { ok: true };
    },
    'logs.unfollow': ({ subscription }, caller) => {
      caller.release(`logs:${subscription}`);
      return { ok: true };
    },
  };
}
