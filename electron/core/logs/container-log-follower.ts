import type Docker from 'dockerode';
import type { Disposable } from '../app-error';
import { DockerFrames } from './docker-frames';
import { DockerLogLines, type StreamCounts } from './docker-log-lines';
import type { LogFile } from './log-file';
import type { RawLogLine } from './log-format';
import { OutputLines } from './output-lines';

type Stream = NodeJS.ReadableStream & { destroy(): void };

/**
 * Follows one container's stdout and stderr into its log file, from the container's first line.
 * A container the app starts is attached to before it starts, so its lines arrive as fast as it
 * prints them. Should the file fall behind (or the attachment break), the follower lets go, so that an
 * app that is slow never holds the service up, and reads on from the engine's log store, passing over
 * exactly the lines it has; there, a file that falls behind pauses the stream (the engine keeps the
 * rest). A container the app takes back is read from the store too, after the lines its file holds.
 */
export class ContainerLogFollower implements Disposable {
  private stream: Stream | undefined;
  private stopped = false;
  /** The file's run when following began: lines of a container never go into a later run. */
  private readonly run: string | null;
  readonly ended: Promise<void>;
  private markEnded!: () => void;

  constructor(
    private readonly container: Docker.Container,
    private readonly file: LogFile,
  ) {
    this.run = file.run;
    this.ended = new Promise((resolve) => (this.markEnded = resolve));
  }

  /** Before the container starts: its output, live. */
  async attach(): Promise<void> {
    const stream = (await this.container.attach({ stream: true, stdout: true, stderr: true })) as unknown as Stream;
    if (this.stopped) return void stream.destroy();
    this.stream = stream;
    const lines = new OutputLines();
    let released = false;
    let finished = false;
    const release = () => {
      if (released || finished || this.stopped) return;
      released = true;
      stream.destroy();
      void this.start(lines.seen).catch(() => this.markEnded());
    };
    this.demux(stream, (s, chunk) => {
      this.append(lines.push(s, chunk));
      if (!this.file.writable) release();
    });
    stream.on('end', () => {
      if (released) return;
      finished = true;
      this.append(lines.flush());
      this.markEnded();
    });
    // Broken off without an end: the store has what the attachment missed.
    stream.on('error', release);
    stream.on('close', release);
  }

  /** From the engine's log store; `kept`: the lines of each stream that the file holds already. */
  async start(kept?: StreamCounts): Promise<void> {
    // Without Docker's timestamps: the engine follows its store almost twice as fast without them.
    const stream = (await this.container.logs({ follow: true, stdout: true, stderr: true, timestamps: false })) as unknown as Stream;
    if (this.stopped) return void stream.destroy();
    this.stream = stream;
    const lines = new DockerLogLines(kept);
    this.demux(stream, (s, payload) => {
      const line = lines.push(s, payload);
      if (line) this.append([line]);
      if (!this.file.writable) this.pauseUntilDrained(stream);
    });
    const finish = () => {
      this.append(lines.flush());
      this.markEnded();
    };
    stream.on('end', finish);
    stream.on('close', finish);
    stream.on('error', finish);
  }

  private append(lines: RawLogLine[]): void {
    if (!this.stopped && this.file.run === this.run) this.file.append(lines);
  }

  private demux(stream: Stream, take: (s: 'out' | 'err', payload: Buffer) => void): void {
    const frames = new DockerFrames(take);
    stream.on('data', (chunk: Buffer) => frames.push(chunk));
  }

  private pauseUntilDrained(stream: Stream): void {
    if (stream.isPaused()) return;
    stream.pause();
    this.file.once('drain', () => stream.resume());
  }

  dispose(): void {
    this.stopped = true;
    this.stream?.destroy();
    this.markEnded();
  }
}
