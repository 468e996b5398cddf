import type { Handlers } from '../../bridge/bridge-server';
import type { PipelineService } from '../pipelines/pipeline-service';
import { stepTitles } from '../runs/run-plan';
import type { SessionManager } from '../sessions/session-manager';
import type { LogService } from './log-service';

type LogHandlers = Pick<Handlers, 'logs.sources' | 'logs.read' | 'logs.search' | 'logs.follow' | 'logs.unfollow'>;

export function logHandlers(logs: LogService, sessions: SessionManager, pipelines: Pick<PipelineService, 'get' | 'uuidOf'>): LogHandlers {
  const pipelineUuid = (projectId: string, path: string) => pipelines.uuidOf(projectId, path);
  const target = async (input: { projectId: string; path: string; source: string }) => ({
    projectId: input.projectId,
    pipelineUuid: await pipelineUuid(input.projectId, input.path),
    source: input.source,
  });
  return {
    'logs.sources': async ({ projectId, path }) => {
      const [session, document] = await Promise.all([sessions.get(projectId, path), pipelines.get(projectId, path)]);
      return logs.sources(projectId, session.pipelineUuid, session.services.map((s) => s.name), stepTitles(document.definition));
    },
    'logs.read': async (input) => logs.read(await target(input), input),
    'logs.search': async (input) => logs.search(await target(input), input),
    'logs.follow': async ({ projectId, path, sources, subscription }, caller) => {
      const uuid = await pipelineUuid(projectId, path);
      const live = await logs.subscribe(subscription, projectId, uuid, sources, (payload) => caller.emit('logs.appended', payload), () => caller.backlog());
      caller.own(`logs:${subscription}`, live);
      return { ok: true };
    },
    'logs.unfollow': ({ subscription }, caller) => {
      caller.release(`logs:${subscription}`);
      return { ok: true };
    },
  };
}
