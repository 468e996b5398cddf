import type Docker from 'dockerode';
import { buildContext } from './build-context';
import { BuildProgress } from './build-progress';
import { environmentDockerfile, reservedNames } from './environment-dockerfile';
import type { StoredEnvironment } from './environment-files';
import type { BuildPhase } from '../../contract';

export interface BuildRequest {
  projectDir: string;
  projectUuid: string;
  environment: StoredEnvironment;
  image: string;
}

export interface BuildListener {
  line(text: string): void;
  phase(phase: BuildPhase): void;
}

/** A build that failed, with what failed in words. */
export class BuildFailure extends Error {}
export class BuildAborted extends Error {}

interface BuildEvent {
  stream?: string;
  status?: string;
  id?: string;
  progressDetail?: { current?: number };
  error?: string;
  errorDetail?: { message?: string };
}

/**
 * Builds an environment's image on the engine with Orchest's Dockerfile and the project as context.
 * Errors come inside the build's stream, not as errors of the stream, so they are read from there.
 */
export async function buildEnvironmentImage(docker: Docker, request: BuildRequest, listener: BuildListener, signal: AbortSignal): Promise<{ cached: boolean }> {
  const { projectDir, projectUuid, environment, image } = request;
  const names = reservedNames(projectUuid, environment.uuid);
  const progress = new BuildProgress(environment.baseImage);
  const setPhase = (phase: BuildPhase | undefined) => phase && listener.phase(phase);
  const context = await buildContext(projectDir, projectUuid, environment.uuid, {
    dockerfile: environmentDockerfile(projectUuid, environment.uuid, environment.baseImage),
    setupScript: environment.setupScript,
  });
  let engineError: string | undefined;
  let partial = '';
  const take = (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines.map((l) => l.replace(/\r$/, ''))) {
      listener.line(line);
      setPhase(progress.line(line));
    }
  };
  try {
    const stream = await docker.buildImage(context, {
      t: image,
      dockerfile: names.dockerfile,
      rm: true,
      forcerm: true,
      abortSignal: signal,
    });
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(
        stream,
        (error: Error | null) => (error ? reject(error) : resolve()),
        (event: BuildEvent) => {
          if (event.stream) take(event.stream);
          else if (event.status && !event.progressDetail?.current) take(`${event.id ? `${event.id}: ` : ''}${event.status}\n`);
          if (event.error) engineError ??= event.errorDetail?.message ?? event.error;
        },
      );
    });
  } catch (error) {
    if (signal.aborted) throw new BuildAborted('the build was cancelled');
    engineError ??= error instanceof Error ? error.message : String(error);
  }
  if (partial) take('\n');
  if (signal.aborted) throw new BuildAborted('the build was cancelled');
  if (engineError !== undefined) throw new BuildFailure(progress.failure(engineError));
  listener.phase('done');
  return { cached: progress.cached };
}
