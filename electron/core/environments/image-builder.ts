import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import { buildContext } from './build-context';
import { BuildProgress } from './build-progress';
import { BuildSession } from './build-session';
import { BuildkitProgress } from './buildkit-progress';
import { decodeBuildkitStatus } from './buildkit-protocol';
import { engineSupportsBuildkit } from './buildkit-support';
import { BUILDKIT_PROJECT_FOLDER, environmentDockerfile, reservedNames, type BuildVariables } from './environment-dockerfile';
import type { StoredEnvironment } from './environment-files';
import type { BuildPhase } from '../../contract';

export interface BuildRequest {
  projectDir: string;
  projectUuid: string;
  environment: StoredEnvironment;
  image: string;
  /** The values of the environment's build variables, by name; without any, the classic builder builds. */
  variables?: ReadonlyMap<string, string>;
}

export interface BuildListener {
  line(text: string): void;
  phase(phase: BuildPhase): void;
  /** Something the person should know about the build, also written into its log. */
  warning?(text: string): void;
}

/** A build that failed, with what failed in words. */
export class BuildFailure extends Error {}
export class BuildAborted extends Error {}

interface BuildEvent {
  stream?: string;
  status?: string;
  id?: string;
  aux?: unknown;
  progressDetail?: { current?: number };
  error?: string;
  errorDetail?: { message?: string };
}

export function historyWarning(names: readonly string[]): string {
  return `Warning: this engine cannot build with BuildKit, so the build variables ${names.join(', ')} are passed as build arguments: these values are stored in the image's history on this engine`;
}

/**
 * Builds an environment's image on the engine with Orchest's Dockerfile and the project as context.
 * Build variables go in as BuildKit secrets when the engine has BuildKit, else as build arguments
 * (with a warning, as their values then stay in the image's history).
 */
export async function buildEnvironmentImage(docker: Docker, request: BuildRequest, listener: BuildListener, signal: AbortSignal): Promise<{ cached: boolean }> {
  const variables = request.variables ?? new Map<string, string>();
  if (variables.size === 0) return classicBuild(docker, request, listener, signal);
  const names = [...variables.keys()];
  if (await engineSupportsBuildkit(docker)) return buildkitBuild(docker, request, listener, signal, variables);
  const warning = historyWarning(names);
  listener.line(warning);
  listener.warning?.(warning);
  return classicBuild(docker, request, listener, signal, { names, as: 'arg' }, Object.fromEntries(variables));
}

async function classicBuild(
  docker: Docker,
  request: BuildRequest,
  listener: BuildListener,
  signal: AbortSignal,
  variables?: BuildVariables,
  buildargs?: Record<string, string>,
): Promise<{ cached: boolean }> {
  const progress = new BuildProgress(request.environment.baseImage);
  let partial = '';
  const take = (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines.map((l) => l.replace(/\r$/, ''))) {
      listener.line(line);
      const phase = progress.line(line);
      if (phase) listener.phase(phase);
    }
  };
  const context = await contextOf(request, variables);
  const start = () =>
    docker.buildImage(context, {
      t: request.image,
      dockerfile: reservedNames(request.projectUuid, request.environment.uuid).dockerfile,
      rm: true,
      forcerm: true,
      abortSignal: signal,
      ...(buildargs ? { buildargs } : {}),
    });
  const engineError = await follow(docker, start, signal, (event) => {
    if (event.stream) take(event.stream);
    else if (event.status && !event.progressDetail?.current) take(`${event.id ? `${event.id}: ` : ''}${event.status}\n`);
  });
  if (partial) take('\n');
  return ended(engineError, signal, listener, progress);
}

async function buildkitBuild(docker: Docker, request: BuildRequest, listener: BuildListener, signal: AbortSignal, variables: ReadonlyMap<string, string>): Promise<{ cached: boolean }> {
  const progress = new BuildkitProgress(request.environment.baseImage, listener);
  const context = await contextOf(request, { names: [...variables.keys()], as: 'secret' });
  const session = await BuildSession.open(docker, variables);
  let engineError: string | undefined;
  try {
    const options = { t: request.image, dockerfile: reservedNames(request.projectUuid, request.environment.uuid).dockerfile, version: '2', session: session.id };
    // dockerode's buildImage opens its own session for version '2', one that serves no secrets.
    const start = () =>
      new Promise<NodeJS.ReadableStream>((resolve, reject) => {
        docker.modem.dial(
          { path: '/build?', method: 'POST', file: context, options, abortSignal: signal, isStream: true, statusCodes: { 200: true, 500: 'server error' } },
          (error, result) => (error ? reject(error) : resolve(result as NodeJS.ReadableStream)),
        );
      });
    engineError = await follow(docker, start, signal, (event) => {
      if (event.id === 'moby.buildkit.trace' && typeof event.aux === 'string') progress.status(decodeBuildkitStatus(event.aux));
      else if (event.id === 'moby.image.id') listener.line(`writing image ${(event.aux as { ID?: string } | undefined)?.ID ?? ''}`);
      else if (event.stream) for (const line of event.stream.split('\n').filter(Boolean)) listener.line(line);
    });
  } finally {
    session.dispose();
  }
  progress.end();
  return ended(engineError, signal, listener, progress);
}

function contextOf(request: BuildRequest, variables?: BuildVariables): Promise<Readable> {
  const { projectDir, projectUuid, environment } = request;
  const files = {
    dockerfile: environmentDockerfile(projectUuid, environment.uuid, environment.baseImage, variables),
    setupScript: environment.setupScript,
  };
  return buildContext(projectDir, projectUuid, environment.uuid, files, variables?.as === 'secret' ? BUILDKIT_PROJECT_FOLDER : undefined);
}

function ended(engineError: string | undefined, signal: AbortSignal, listener: BuildListener, progress: { cached: boolean; failure(engineError: string): string }) {
  if (signal.aborted) throw new BuildAborted('the build was cancelled');
  if (engineError !== undefined) throw new BuildFailure(progress.failure(engineError));
  listener.phase('done');
  return { cached: progress.cached };
}

/**
 * Sends the build and reads its stream to the end. Errors come inside the stream, not as errors of
 * the stream, so they are read from there; resolves with the engine's error, if any.
 */
async function follow(
  docker: Docker,
  start: () => Promise<NodeJS.ReadableStream>,
  signal: AbortSignal,
  onEvent: (event: BuildEvent) => void,
): Promise<string | undefined> {
  let engineError: string | undefined;
  try {
    const stream = await start();
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(
        stream,
        (error: Error | null) => (error ? reject(error) : resolve()),
        (event: BuildEvent) => {
          onEvent(event);
          if (event.error) engineError ??= event.errorDetail?.message ?? event.error;
        },
      );
    });
  } catch (error) {
    if (signal.aborted) return undefined;
    engineError ??= error instanceof Error ? error.message : String(error);
  }
  return engineError;
}
