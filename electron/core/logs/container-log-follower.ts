import type Docker from 'dockerode';
import { Writable } from 'node:stream';
import type { Disposable } from '../app-error';
import { DockerLogLines } from './docker-log-lines';
import type { LogFile } from './log-file';
import { compareTimes } from './log-format';

/**
 * Follows one container's stdout and stderr (with Docker's timestamps) into its log file, from the
 * container's creation or, for a container the app takes back, from just after the last line kept.
 * When the file falls behind, the Docker stream is paused (the engine buffers), so a flooding service
 * costs bounded memory and never blocks the event loop.
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

  /** `since`: the time of the last line already kept (RFC 3339); lines at or before it are skipped. */
  async start(since?: string): Promise<void> {
    const sinceSeconds = since ? Date.parse(since) / 1000 : 0;
    const stream = (await this.container.logs({ follow: true, stdout: true, stderr: true, timestamps: true, since: Math.floor(sinceSeconds) })) as NodeJS.ReadableStream;
    if (this.stopped) return void (stream as unknown as { destroy(): void }).destroy();
    this.stream = stream;
    const lines = new DockerLogLines();
    const keep = (line: { t?: string }) => !since || !line.t || compareTimes(line.t, since) > 0;
    const sink = (s: 'out' | 'err') =>
      new Writable({
        write: (payload: Buffer, _encoding, done) => {
          this.file.append(lines.push(s, payload).filter(keep));
          if (!this.file.writable) this.pauseUntilDrained();
          done();
        },
      });
    this.docker.modem.demuxStream(stream, sink('out'), sink('err'));
    const finish = () => {
      this.file.append(lines.flush().filter(keep));
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
