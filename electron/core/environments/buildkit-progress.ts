import type { BuildPhase } from '../../contract';
import type { BuildkitStatus } from './buildkit-protocol';
import { BuildProgress } from './build-progress';
import { MARKERS } from './environment-dockerfile';

const ORDER: readonly BuildPhase[] = ['queued', 'pulling', 'copying', 'setup', 'storing', 'done'];

/** The phase a BuildKit step (a vertex, named as in `docker build --progress=plain`) starts. */
export function phaseOfVertex(name: string): BuildPhase | undefined {
  if (name.startsWith('[internal] load metadata for ') || /^\[\d+\/\d+\] FROM /.test(name)) return 'pulling';
  if (name === '[internal] load build context' || /^\[\d+\/\d+\] COPY /.test(name)) return 'copying';
  if (/^\[\d+\/\d+\] RUN /.test(name) && name.includes(MARKERS.setupStarts)) return 'setup';
  if (name.startsWith('exporting to image')) return 'storing';
  return undefined;
}

/**
 * Reads BuildKit's progress (the `moby.buildkit.trace` messages of a build's stream) into the log
 * lines, Orchest's phases and the failures in words that BuildProgress gives for the classic builder.
 * Steps run side by side, so a phase only moves forward; their output comes in pieces, so each
 * step's is cut into lines apart.
 */
export class BuildkitProgress {
  private readonly progress: BuildProgress;
  private readonly steps = new Map<string, { n: number; started: boolean; done: boolean; partial: string }>();

  constructor(
    baseImage: string,
    private readonly listener: { line(text: string): void; phase(phase: BuildPhase): void },
  ) {
    this.progress = new BuildProgress(baseImage);
  }

  get cached(): boolean {
    return this.progress.cached;
  }

  status(status: BuildkitStatus): void {
    for (const vertex of status.vertexes) {
      const step = this.step(vertex.digest);
      if (vertex.started && !step.started) {
        step.started = true;
        this.listener.line(`#${step.n} ${vertex.name}`);
        const phase = phaseOfVertex(vertex.name);
        if (phase) this.moveTo(phase);
      }
      for (const log of status.logs.filter((l) => l.vertex === vertex.digest)) this.output(step, log.msg.toString('utf8'));
      if ((vertex.completed || vertex.error) && !step.done) {
        step.done = true;
        this.flush(step);
        if (vertex.cached) {
          this.progress.cached = true;
          this.listener.line(`#${step.n} CACHED`);
        }
        if (vertex.error) this.listener.line(`#${step.n} ERROR: ${vertex.error}`);
      }
    }
    const known = new Set(status.vertexes.map((v) => v.digest));
    for (const log of status.logs.filter((l) => !known.has(l.vertex))) this.output(this.step(log.vertex), log.msg.toString('utf8'));
  }

  /** Lines a step printed last without a line end. */
  end(): void {
    for (const step of this.steps.values()) this.flush(step);
  }

  failure(engineError: string): string {
    return this.progress.failure(engineError);
  }

  private step(digest: string) {
    let step = this.steps.get(digest);
    if (!step) this.steps.set(digest, (step = { n: this.steps.size + 1, started: false, done: false, partial: '' }));
    return step;
  }

  private output(step: { partial: string }, text: string): void {
    const lines = (step.partial + text).split('\n');
    step.partial = lines.pop() ?? '';
    for (const line of lines) this.take(line.replace(/\r$/, ''));
  }

  private flush(step: { partial: string }): void {
    if (step.partial) this.output(step, '\n');
  }

  private take(line: string): void {
    this.listener.line(line);
    const before = this.progress.phase;
    const next = this.progress.line(line);
    if (next) {
      this.progress.phase = before;
      this.moveTo(next);
    }
  }

  private moveTo(phase: BuildPhase): void {
    if (ORDER.indexOf(phase) <= ORDER.indexOf(this.progress.phase)) return;
    this.progress.phase = phase;
    this.listener.phase(phase);
  }
}
