import type Docker from 'dockerode';
import type { ServiceStats, Session } from '../../contract';
import type { Disposable } from '../app-error';
import { onJsonLines } from '../docker/json-lines';
import { statsOf } from './service-stats';

type StatsStream = NodeJS.ReadableStream & { destroy(): void };

/**
 * Docker's stats of a session's running services while someone looks: one stream per running
 * container (a sample about every second), opened as services start and closed as they stop, all
 * closed on dispose.
 */
export class StatsStreams implements Disposable {
  private readonly streams = new Map<string, StatsStream | 'opening'>();
  private readonly timer: NodeJS.Timeout;
  private disposed = false;

  constructor(
    private readonly docker: Docker,
    private readonly session: () => Promise<Session>,
    private readonly onStats: (service: string, stats: ServiceStats) => void,
    syncMs = 2_000,
  ) {
    void this.sync();
    this.timer = setInterval(() => void this.sync(), syncMs).unref();
  }

  private async sync(): Promise<void> {
    const session = await this.session().catch(() => undefined);
    const running = new Map((session?.services ?? []).filter((s) => s.state === 'running').map((s) => [s.containerName, s.name]));
    for (const [container, stream] of this.streams) {
      if (running.has(container)) continue;
      if (stream !== 'opening') stream.destroy();
      this.streams.delete(container);
    }
    for (const [container, service] of running) if (!this.streams.has(container)) void this.open(container, service);
  }

  private async open(container: string, service: string): Promise<void> {
    this.streams.set(container, 'opening');
    const stream = (await this.docker
      .getContainer(container)
      .stats({ stream: true })
      .catch(() => undefined)) as StatsStream | undefined;
    if (!stream || this.disposed || this.streams.get(container) !== 'opening') {
      stream?.destroy();
      if (this.streams.get(container) === 'opening') this.streams.delete(container);
      return;
    }
    this.streams.set(container, stream);
    onJsonLines(stream, (sample) => this.onStats(service, statsOf(sample as Docker.ContainerStats)));
    const ended = () => this.streams.get(container) === stream && this.streams.delete(container);
    stream.on('end', ended);
    stream.on('error', ended);
  }

  dispose(): void {
    this.disposed = true;
    clearInterval(this.timer);
    for (const stream of this.streams.values()) if (stream !== 'opening') stream.destroy();
    this.streams.clear();
  }
}
