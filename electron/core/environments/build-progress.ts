import type { BuildPhase } from '../../contract';
import { withoutAnsi } from '../logs/log-format';
import { MARKERS } from './environment-dockerfile';

const LAST_LINES = 20;

/**
 * Reads a classic build's output, line by line, into Orchest's phases (pulling the base image,
 * copying the context, running the set-up script, storing the image) and, when the build fails,
 * into words that say what failed.
 */
export class BuildProgress {
  phase: BuildPhase = 'queued';
  /** Whether any step came from the engine's cache. */
  cached = false;
  private readonly scriptLines: string[] = [];
  private scriptExit: number | undefined;
  private noRoot = false;

  constructor(private readonly baseImage: string) {}

  /** Takes one line of the build's output; returns the new phase when it changed. */
  line(raw: string): BuildPhase | undefined {
    const text = withoutAnsi(raw); // the engine colours a RUN step's stderr
    const before = this.phase;
    const step = /^Step \d+\/\d+ : (\w+)(.*)$/.exec(text);
    if (step) {
      const [, instruction, rest = ''] = step;
      if (instruction === 'FROM') this.phase = 'pulling';
      else if (instruction === 'COPY') this.phase = 'copying';
      else if (instruction === 'RUN' && rest.includes(MARKERS.setupStarts)) this.phase = 'setup';
    } else if (text.includes(' ---> Using cache')) this.cached = true;
    else if (text.startsWith(MARKERS.setupFailed)) this.scriptExit = Number(text.slice(MARKERS.setupFailed.length).trim());
    else if (text.startsWith(MARKERS.setupDone)) this.phase = 'storing';
    else if (text.includes(MARKERS.noRoot)) this.noRoot = true;
    else if (/^Successfully (built|tagged) /.test(text)) this.phase = 'storing';
    else if (this.phase === 'setup' && !/^( ---> |Removing intermediate container )/.test(text) && !text.startsWith(MARKERS.setupStarts)) {
      this.scriptLines.push(text);
      if (this.scriptLines.length > LAST_LINES) this.scriptLines.shift();
    }
    return this.phase === before ? undefined : this.phase;
  }

  /** What failed, in words, from the engine's error and what the build printed. */
  failure(engineError: string): string {
    if (this.noRoot) {
      return `the base image '${this.baseImage}' does not run as root and has no sudo, so the set-up script cannot install anything (Orchest's issue #879): use a base image whose USER is root, or that has sudo`;
    }
    if (this.scriptExit !== undefined) {
      const last = this.scriptLines.length > 0 ? `; its last lines:\n${this.scriptLines.join('\n')}` : ' without printing anything';
      return `the set-up script exited with code ${this.scriptExit}${last}`;
    }
    if (this.phase === 'pulling' || this.phase === 'queued') return `the base image '${this.baseImage}' cannot be had: ${engineError}`;
    return engineError;
  }
}
