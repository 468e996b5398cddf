import type { EngineStatus } from '../../contract';
import type Docker from 'dockerode';
import { AppError, type Disposable } from '../app-error';
import { createDockerClient, describeDockerHost, type DockerClientResult } from './docker-client';
import { diagnoseEngine, type EngineFailure } from './engine-diagnosis';
import { engineSurroundings } from './engine-surroundings';

const CHECK_TIMEOUT_MS = 5_000;

/** Knows whether the Docker engine answers, re-checks it now and then, and reports changes. */
export class EngineMonitor implements Disposable {
  private current: EngineStatus | undefined;
  private timer: NodeJS.Timeout | undefined;
  private client: Promise<DockerClientResult> | undefined;
  private disposed = false;

  constructor(
    private readonly onChange: (status: EngineStatus) => void,
    private readonly pollMs = 10_000,
    /** While the engine is down it is asked more often, so the app turns green soon after it appears. */
    private readonly downPollMs = 2_000,
  ) {}

  private dockerClient(): Promise<DockerClientResult> {
    return (this.client ??= createDockerClient());
  }

  start(): void {
    if (this.timer) return;
    const tick = () =>
      void this.check().finally(() => {
        if (this.disposed) return;
        const wait = this.current?.reachable ? this.pollMs : this.downPollMs;
        this.timer = setTimeout(tick, wait).unref();
      });
    tick();
  }

  /** The engine's client; when the engine is not known to answer, it is asked again first. */
  async docker(): Promise<Docker> {
    const status = await this.status(this.current?.reachable !== true);
    const client = await this.dockerClient();
    const reason = status.reachable ? client.error : status.reason;
    if (reason !== undefined || !client.docker) {
      throw new AppError('DOCKER_UNAVAILABLE', `The Docker engine does not answer at ${status.host} (${reason}); start it and try again`);
    }
    return client.docker;
  }

  async status(refresh = false): Promise<EngineStatus> {
    if (refresh || !this.current) return this.check();
    return this.current;
  }

  async check(): Promise<EngineStatus> {
    const status = await this.probe();
    const changed = JSON.stringify(status) !== JSON.stringify(this.current);
    this.current = status;
    if (changed) this.onChange(status);
    return status;
  }

  private async probe(): Promise<EngineStatus> {
    const host = describeDockerHost();
    const client = await this.dockerClient();
    if (!client.docker) return down(host, { message: client.error });
    try {
      const version = await withTimeout(client.docker.version(), CHECK_TIMEOUT_MS);
      return {
        reachable: true,
        host,
        version: version.Version,
        apiVersion: version.ApiVersion,
        os: `${version.Os}/${version.Arch}`,
      };
    } catch (error) {
      return down(host, failureOf(error));
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function down(host: string, failure: EngineFailure): EngineStatus {
  return { reachable: false, host, ...diagnoseEngine(failure, engineSurroundings()) };
}

function failureOf(error: unknown): EngineFailure {
  const err = error as NodeJS.ErrnoException & { address?: string };
  return { code: err?.code, address: err?.address, message: err instanceof Error ? err.message : String(error) };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms / 1000} s`), { code: 'ENOANSWER' })), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}
