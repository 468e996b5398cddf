import type Docker from 'dockerode';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EventPayload, LogPage, LogSource } from '../../contract';
import type { Disposable } from '../app-error';
import { ContainerLogFollower } from './container-log-follower';
import { LogFile } from './log-file';
import { LogSubscription } from './log-subscription';

/** The log of one service (or step) of one pipeline. */
export interface LogTarget {
  projectId: string;
  pipelineUuid: string;
  source: string;
}

/** Step logs are named by the step's uuid (Orchest's rule); services by their name. */
const STEP_LOG = /^[\da-f]{8}-([\da-f]{4}-){3}[\da-f]{12}\.log$/;

/**
 * Every log the app keeps: `<project>/.orchest/pipelines/<pipeline uuid>/logs/<source>.log`. Starts
 * runs, writes the app's own lines, follows containers into their files, and serves reads, searches
 * and live subscriptions.
 */
export class LogService implements Disposable {
  private readonly files = new Map<string, LogFile>();
  private readonly followers = new Map<string, ContainerLogFollower>();

  constructor(
    private readonly projectFolder: (projectId: string) => Promise<string>,
    /** A log's writes began to fail (why) or work again (undefined). */
    private readonly onWriteProblem: (target: LogTarget, problem: string | undefined) => void = () => undefined,
  ) {}

  async logsFolder(projectId: string, pipelineUuid: string): Promise<string> {
    return path.join(await this.projectFolder(projectId), '.orchest', 'pipelines', pipelineUuid, 'logs');
  }

  async file(target: LogTarget, previous = false): Promise<LogFile> {
    const name = `${target.source}.log${previous ? '.1' : ''}`;
    const file = path.join(await this.logsFolder(target.projectId, target.pipelineUuid), name);
    let log = this.files.get(file);
    if (!log) {
      this.files.set(file, (log = new LogFile(file)));
      log.on('writeProblem', (problem) => this.onWriteProblem(target, problem));
    }
    return log;
  }

  /** A new run of the log, as Orchest's sidecar began each session: a fresh file with a new marker. */
  async beginRun(target: LogTarget): Promise<void> {
    this.followers.get(key(target))?.dispose();
    await (await this.file(target)).beginRun();
  }

  /** Lines of the app's own: why a start failed, what is being pulled. */
  async note(target: LogTarget, text: string): Promise<void> {
    const file = await this.file(target);
    await file.load();
    if (file.run === null) await file.beginRun();
    file.append(text.split(/\r?\n/).filter(Boolean).map((line) => ({ t: new Date().toISOString(), s: 'sys' as const, text: line })));
    await file.settle();
  }

  /** Attaches to a container that is about to start, so that its log gets its lines as they are printed. */
  async attach(target: LogTarget, container: Docker.Container): Promise<void> {
    const follower = await this.follower(target, container);
    await follower.attach();
  }

  /** Resolves once the target's container has ended and its last line is on disk. */
  async ended(target: LogTarget): Promise<void> {
    await this.followers.get(key(target))?.ended;
    await (await this.file(target)).settle();
  }

  /**
   * Follows a container's output from the engine's log store into the target's log. `resume` (a session taken back after a
   * restart, a container that started again) goes on after the lines the file holds; otherwise from
   * the container's first line.
   */
  async follow(target: LogTarget, container: Docker.Container, resume = false): Promise<void> {
    const file = await this.file(target);
    const follower = await this.follower(target, container);
    await follower.start(resume ? await file.streamCounts() : undefined);
  }

  /** A new follower of the target's log, in place of the one it had. */
  private async follower(target: LogTarget, container: Docker.Container): Promise<ContainerLogFollower> {
    const file = await this.file(target);
    await file.load();
    if (file.run === null) await file.beginRun();
    const follower = new ContainerLogFollower(container, file);
    this.followers.get(key(target))?.dispose();
    this.followers.set(key(target), follower);
    void follower.ended.then(() => {
      if (this.followers.get(key(target)) === follower) this.followers.delete(key(target));
    });
    return follower;
  }

  /**
   * The pipeline's service logs on disk with the ones named (a session's services), which may have none
   * yet, and the logs of its steps (named by uuid, shown by title).
   */
  async sources(projectId: string, pipelineUuid: string, named: string[] = [], steps: Record<string, string> = {}): Promise<LogSource[]> {
    const folder = await this.logsFolder(projectId, pipelineUuid);
    const entries = await fs.readdir(folder).catch(() => [] as string[]);
    const onDisk = entries.filter((name) => name.endsWith('.log') && !STEP_LOG.test(name)).map((name) => name.slice(0, -4));
    const services = [...new Set([...named, ...onDisk])].sort();
    const stepLogs = Object.keys(steps).filter((uuid) => entries.includes(`${uuid}.log`));
    return Promise.all(
      [...services, ...stepLogs].map(async (source) => {
        const file = await this.file({ projectId, pipelineUuid, source });
        await file.load();
        const step = steps[source] === undefined ? {} : { step: steps[source] };
        return { source, ...step, run: file.run, lines: file.index.lines, previous: entries.includes(`${source}.log.1`) };
      }),
    );
  }

  async read(target: LogTarget, options: { previous?: boolean; from?: number; count: number; tail?: boolean; since?: string }): Promise<LogPage> {
    return (await this.file(target, options.previous)).read(options);
  }

  async search(target: LogTarget, options: { previous?: boolean; query: string; caseSensitive?: boolean; limit?: number }) {
    const file = await this.file(target, options.previous);
    const found = await file.search(options.query, options.caseSensitive ?? false, options.limit ?? 10_000);
    return { run: file.run, ...found };
  }

  /** Sends the new lines of the sources' current runs to `send` until disposed. */
  async subscribe(
    id: string,
    projectId: string,
    pipelineUuid: string,
    sources: string[],
    send: (payload: EventPayload<'logs.appended'>) => void,
    backlog: () => number,
  ): Promise<LogSubscription> {
    const files = await Promise.all(
      sources.map(async (source) => {
        const file = await this.file({ projectId, pipelineUuid, source });
        await file.load();
        return { source, file };
      }),
    );
    return new LogSubscription(id, files, send, backlog);
  }

  /** Lets go of a project's logs (a job run's that ended): their lines on disk, then their files and followers. */
  async forget(projectId: string): Promise<void> {
    const folder = await this.projectFolder(projectId);
    for (const [target, follower] of this.followers) {
      if (target.startsWith(`${projectId}/`)) {
        follower.dispose();
        this.followers.delete(target);
      }
    }
    const files = [...this.files].filter(([file]) => file.startsWith(`${folder}${path.sep}`));
    await Promise.all(files.map(([, log]) => log.settle()));
    for (const [file] of files) this.files.delete(file);
  }

  /** Waits until every line received so far is on disk. */
  async settle(): Promise<void> {
    await Promise.all([...this.files.values()].map((file) => file.settle()));
  }

  async dispose(): Promise<void> {
    for (const follower of this.followers.values()) follower.dispose();
    this.followers.clear();
    await this.settle();
  }
}

function key(target: LogTarget): string {
  return `${target.projectId}/${target.pipelineUuid}/${target.source}`;
}
