import type Docker from 'dockerode';
import { Writable } from 'node:stream';
import type { Disposable } from '../app-error';
import { DockerLogLines, type StreamCounts } from './docker-log-lines';
import type { LogFile } from './log-file';

/**
 * Follows one container's stdout and stderr into its log file, from the container's first line; a
 * container the app takes back passes over the lines its file already holds. The log is read from
 * the engine's log store, never attached to, so an app that is slow or gone never holds a service
 * up; when the file falls behind, the stream is paused (the engine keeps the rest), so a flooding
 * service costs bounded memory and never blocks the event loop.
 */
export class ContainerLogFollower implements Disposable {
  private stream: NodeJS.ReadableStream | undefined;
  private stopped = false;
  readonly ended: Promise<void>;
  private markEnded!: () => void;

  constructor(
    private readonly container: Docker.Container,
    private readonly docker: Docker,
    private readonly file: LogFile,
  ) {
    this.ended = new Promise((resolve) => (this.markEnded = resolve));
  }

  /** `kept`: the lines of each stream that the file holds already. */
  async start(kept?: StreamCounts): Promise<void> {
    // Without Docker's timestamps: the engine follows its store almost twice as fast without them.
    const stream = (await this.container.logs({ follow: true, stdout: true, stderr: true, timestamps: false })) as NodeJS.ReadableStream;
    if (this.stopped) return void (stream as unknown as { destroy(): void }).destroy();
    this.stream = stream;
    const lines = new DockerLogLines(kept);
    const sink = (s: 'out' | 'err') =>
      new Writable({
        write: (payload: Buffer, _encoding, done) => {
          const line = lines.push(s, payload);
          if (line) this.file.append([line]);
          if (!this.file.writable) this.pauseUntilDrained();
          done();
        },
      });
    this.docker.modem.demuxStream(stream, sink('out'), sink('err'));
    const finish = () => {
      this.file.append(lines.flush());
      this.markEnded();
    };
    stream.on('end', finish);
    stream.on('close', finish);
    stream.on('error', finish);
  }

  private pauseUntilDrained(): void {
    const stream = this.stream;
    if (!stream || stream.isPaused()) return;
    stream.pause();
    this.file.once('drain', () => stream.resume());
  }

  dispose(): void {
    this.stopped = true;
    (this.stream as unknown as { destroy?(): void } | undefined)?.destroy?.();
    this.markEnded();
  }
}
