import type Docker from 'dockerode';
import type { Environment, EnvironmentBuild, EnvironmentFields, Session } from '../../contract';
import { AppError } from '../app-error';
import { LogFile } from '../logs/log-file';
import { SerialQueue } from '../projects/serial-queue';
import { BuildHistory } from './build-history';
import { environmentImageName, newestEnvironmentImage } from './environment-images';
import { createEnvironment, deleteEnvironmentFolder, readEnvironment, writeEnvironment } from './environment-files';
import { BuildAborted, BuildFailure, buildEnvironmentImage } from './image-builder';
import { removeOldImages } from './old-images';

export interface EnvironmentServiceOptions {
  home: string;
  docker(): Promise<Docker>;
  projectFolder(projectId: string): Promise<string>;
  /** The sessions that exist now, to tell which environments their services use. */
  sessions(): Session[];
  onBuild(build: EnvironmentBuild, lines: string[]): void;
  /** The project's variables, where build variables take their values. */
  variables(projectId: string): Promise<Record<string, string>>;
  /** The images jobs locked at their Start, which old builds' clean-up keeps. */
  lockedImages?(): Promise<Set<string>>;
}

interface RunningBuild {
  build: EnvironmentBuild;
  abort: AbortController;
  done: Promise<void>;
}

/** A project's environments: their definitions on disk, and their image builds on the engine. */
export class EnvironmentService {
  private readonly history: BuildHistory;
  private readonly running = new Map<string, RunningBuild>();
  private readonly saves = new SerialQueue();

  constructor(private readonly options: EnvironmentServiceOptions) {
    this.history = new BuildHistory(options.home);
  }

  async get(projectId: string, uuid: string): Promise<Environment> {
    const stored = await readEnvironment(await this.options.projectFolder(projectId), uuid);
    const [lastBuild] = await this.builds(projectId, uuid);
    const docker = await this.options.docker().catch(() => undefined);
    const image = docker ? await newestEnvironmentImage(docker, projectId, uuid) : undefined;
    return { ...stored, ...(lastBuild ? { lastBuild } : {}), ...(image ? { image } : {}), usedBy: this.usedBy(projectId, uuid) };
  }

  async create(projectId: string, fields: EnvironmentFields): Promise<Environment> {
    return this.get(projectId, await createEnvironment(await this.options.projectFolder(projectId), fields));
  }

  async update(projectId: string, uuid: string, fields: EnvironmentFields): Promise<Environment> {
    const folder = await this.options.projectFolder(projectId);
    await readEnvironment(folder, uuid); // NOT_FOUND for an environment that is not there
    await writeEnvironment(folder, uuid, fields);
    return this.get(projectId, uuid);
  }

  async duplicate(projectId: string, uuid: string): Promise<Environment> {
    const { uuid: _, ...fields } = await readEnvironment(await this.options.projectFolder(projectId), uuid);
    return this.create(projectId, { ...fields, name: `${fields.name} (copy)` });
  }

  async delete(projectId: string, uuid: string): Promise<void> {
    const users = this.usedBy(projectId, uuid);
    if (users.length > 0) throw new AppError('CONFLICT', `The environment is in use by ${users.join(', ')}; stop that session first`);
    const folder = await this.options.projectFolder(projectId);
    await readEnvironment(folder, uuid);
    await this.running.get(key(projectId, uuid))?.abort.abort();
    await deleteEnvironmentFolder(folder, uuid);
  }

  /** Every build, newest first; the one that runs as it is now (the others' line counts are stored as they ended). */
  async builds(projectId: string, uuid: string): Promise<EnvironmentBuild[]> {
    const current = this.running.get(key(projectId, uuid));
    const stored = await this.history.list(projectId, uuid, new Set(current ? [current.build.number] : []));
    return stored.map((build) => (current?.build.number === build.number ? { ...current.build } : build));
  }

  async buildLog(projectId: string, uuid: string, number: number, from = 1): Promise<{ lines: string[]; total: number }> {
    const page = await new LogFile(this.history.logFile(projectId, uuid, number)).read({ from, count: 5000 });
    return { lines: page.lines.map((l) => l.text), total: page.total };
  }

  /** Starts a build, or returns the one that runs; its progress goes to `onBuild`. */
  async build(projectId: string, uuid: string): Promise<EnvironmentBuild> {
    const id = key(projectId, uuid);
    const current = this.running.get(id);
    if (current) return { ...current.build };
    const projectDir = await this.options.projectFolder(projectId);
    const environment = await readEnvironment(projectDir, uuid);
    const docker = await this.options.docker();
    const name = environmentImageName(projectId, uuid);
    const newest = await newestEnvironmentImage(docker, projectId, uuid);
    const [last] = await this.history.list(projectId, uuid);
    const number = Math.max(Number(newest?.split(':').pop() ?? 0), last?.number ?? 0) + 1;
    const build: EnvironmentBuild = {
      projectId,
      environmentUuid: uuid,
      number,
      image: `${name}:${number}`,
      status: 'PENDING',
      phase: 'queued',
      requestedAt: Date.now(),
      logLines: 0,
    };
    const log = new LogFile(this.history.logFile(projectId, uuid, number));
    const abort = new AbortController();
    const running: RunningBuild = { build, abort, done: Promise.resolve() };
    this.running.set(id, running);
    await this.changed(build, []);
    await log.beginRun();
    log.on('lines', (_run, lines, total) => {
      build.logLines = total;
      this.options.onBuild({ ...build }, lines.map((l) => l.text));
    });
    running.done = (async () => {
      Object.assign(build, { status: 'STARTED', startedAt: Date.now() });
      await this.changed(build, []);
      const line = (text: string) => log.append([{ t: new Date().toISOString(), s: 'out', text }]);
      try {
        const variables = await this.buildVariables(projectId, environment.buildVariables);
        await buildEnvironmentImage(docker, { projectDir, projectUuid: projectId, environment, image: build.image, variables }, {
          line,
          phase: (phase) => {
            build.phase = phase;
            void this.changed(build, []);
          },
          warning: (text) => {
            build.warning = text;
            void this.changed(build, []);
          },
        }, abort.signal);
        build.status = 'SUCCESS';
      } catch (error) {
        build.status = error instanceof BuildAborted ? 'ABORTED' : 'FAILURE';
        build.error = error instanceof Error ? error.message : String(error);
        if (build.logLines === 0) line(`The build failed: ${build.error}`);
      }
      await log.settle();
      build.endedAt = Date.now();
      await this.changed(build, []); // stored as ended before it stops counting as running
      this.running.delete(id);
      if (build.status === 'SUCCESS') await this.removeOldImages(docker, name).catch(() => undefined);
    })();
    return { ...build };
  }

  async cancel(projectId: string, uuid: string): Promise<EnvironmentBuild> {
    const current = this.running.get(key(projectId, uuid));
    if (!current) {
      const [last] = await this.builds(projectId, uuid);
      if (!last) throw new AppError('NOT_FOUND', 'The environment has no build to cancel');
      return last;
    }
    current.abort.abort();
    await current.done;
    return { ...current.build };
  }

  /** Waits for a build that runs to end (tests, the CLI's --follow through events). */
  async settled(projectId: string, uuid: string): Promise<void> {
    await this.running.get(key(projectId, uuid))?.done;
  }

  /** The values of the environment's build variables; a name the project does not set fails the build before it starts. */
  private async buildVariables(projectId: string, names: readonly string[]): Promise<Map<string, string>> {
    if (names.length === 0) return new Map();
    const values = await this.options.variables(projectId);
    const missing = names.filter((n) => !Object.hasOwn(values, n));
    if (missing.length > 0) {
      const which = missing.length === 1 ? `the build variable ${missing[0]} is` : `the build variables ${missing.join(', ')} are`;
      throw new BuildFailure(`${which} not set in the project's variables: set ${missing.length === 1 ? 'it' : 'them'} in the project's Variables, or unselect ${missing.length === 1 ? 'it' : 'them'} in the environment`);
    }
    return new Map(names.map((n) => [n, values[n]!]));
  }

  private usedBy(projectId: string, uuid: string): string[] {
    const prefix = `${environmentImageName(projectId, uuid)}:`;
    return this.options
      .sessions()
      .filter((s) => s.projectId === projectId && s.status !== 'STOPPED')
      .flatMap((s) => s.services.filter((service) => service.image.startsWith(prefix)).map((service) => `${s.pipelinePath}: ${service.name}`));
  }

  /** An environment's builds beyond the newest few, except what a session runs or a job locked. */
  async removeOldImages(docker: Docker, name: string): Promise<string[]> {
    const locked = (await this.options.lockedImages?.()) ?? new Set<string>();
    const inUse = this.options.sessions().flatMap((s) => s.services.map((service) => service.image));
    return removeOldImages(docker, name, new Set([...inUse, ...locked]));
  }

  private async changed(build: EnvironmentBuild, lines: string[]): Promise<void> {
    const stored = { ...build };
    await this.saves.run(() => this.history.save(stored));
    this.options.onBuild({ ...build }, lines);
  }

  async dispose(): Promise<void> {
    for (const running of this.running.values()) running.abort.abort();
    await Promise.all([...this.running.values()].map((r) => r.done));
  }
}

function key(projectId: string, uuid: string): string {
  return `${projectId}/${uuid}`;
}
