import { InvalidArgumentError, type Command } from 'commander';
import { MAX_LOG_PAGE, type BridgeClient, type EventPayload, type LogLine } from '../contract';
import { clientCommand, findPipeline, PIPELINE_ARGUMENT, usingClient, type ClientOptions } from './cli-client';
import { CliError } from './cli-connection';

interface LogsOptions extends ClientOptions {
  follow?: boolean;
  since?: string;
  tail?: number;
  timestamps?: boolean;
}

/** `logs PROJECT PIPELINE SERVICE-OR-STEP [--follow] [--since TIME] [--tail N]`, as `docker logs`: stdout lines to stdout, the rest to stderr. */
export function addLogsCommand(program: Command): void {
  clientCommand(program, 'logs', "a service's or a step's log of the current run (kept in .orchest/pipelines/<uuid>/logs/)")
    .argument('<project>', "the project's name")
    .argument('<pipeline>', PIPELINE_ARGUMENT)
    .argument('<source>', "a service's name, or a step's title or uuid")
    .option('-f, --follow', 'go on printing new lines until interrupted (with --json: one JSON line each)')
    .option('--since <time>', 'only lines from then on: RFC 3339 (2026-12-01T10:00:00Z) or an age (30s, 10m, 2h, 1d)', parseSince)
    .option('-n, --tail <n>', 'only the last N lines', parseCount)
    .option('-t, --timestamps', 'show when each line was received')
    .action(async (projectName: string, pipelineRef: string, source: string, options: LogsOptions) => {
      await usingClient(options, async (client) => {
        const pipeline = await findPipeline(client, projectName, pipelineRef);
        await printLogs(client, { ...pipeline, source: await sourceOf(client, pipeline.projectId, pipeline.path, source) }, options);
      });
    });
}

type Target = { projectId: string; path: string; source: string };

/** A step's log is named by its uuid; people know it by its title. */
async function sourceOf(client: BridgeClient, projectId: string, path: string, name: string): Promise<string> {
  const steps = (await client.request('logs.sources', { projectId, path })).filter((s) => s.step === name);
  if (steps.length > 1) throw new CliError(`${steps.length} steps are titled '${name}'; give the step's uuid instead`);
  return steps[0]?.source ?? name;
}

async function printLogs(client: BridgeClient, target: Target, options: LogsOptions): Promise<void> {
  const live: EventPayload<'logs.appended'>[] = [];
  let wake: (() => void) | undefined;
  if (options.follow) {
    client.on('logs.appended', (event) => {
      live.push(event);
      wake?.();
    });
    // Subscribed before the history is read, so that no line falls between the two.
    await client.request('logs.follow', { projectId: target.projectId, path: target.path, sources: [target.source], subscription: 'cli' });
  }
  const { run, total } = await client.request('logs.read', { ...target, count: 1, tail: true });
  if (run === null && !options.follow) throw new CliError(`${target.source} has no log in this pipeline yet (start its session first)`);
  const from = options.tail === undefined ? 1 : Math.max(1, total - options.tail + 1);
  const history = options.tail === 0 ? [] : await readRange(client, target, from, Infinity, options.since);
  if (!options.follow) {
    if (options.json) return console.log(JSON.stringify({ run, lines: history }, null, 2));
    return history.forEach((line) => print(line, options));
  }
  history.forEach((line) => print(line, options));
  let current = run;
  let last = history.at(-1)?.n ?? from - 1;
  for (;;) {
    const event = live.shift();
    if (!event) {
      await new Promise<void>((resolve) => (wake = resolve));
      continue;
    }
    if (event.run !== current) {
      process.stderr.write(`--- a new run of ${target.source} began (${event.run}) ---\n`);
      [current, last] = [event.run, 0];
    }
    const first = event.lines[0]?.n ?? event.total + 1;
    // Lines the host did not send (the terminal could not keep up) are read from the file.
    if (first > last + 1) (await readRange(client, target, last + 1, first - 1)).forEach((line) => print(line, options));
    for (const line of event.lines) if (line.n > last) print(line, options);
    last = Math.max(last, event.lines.at(-1)?.n ?? first - 1);
  }
}

async function readRange(client: BridgeClient, target: Target, from: number, to: number, since?: string): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  for (let next = from; next <= to; ) {
    const page = await client.request('logs.read', { ...target, from: next, count: MAX_LOG_PAGE, ...(since ? { since } : {}) });
    const kept = page.lines.filter((line) => line.n <= to);
    lines.push(...kept);
    if (kept.length === 0 || kept.length < page.lines.length) break;
    next = kept.at(-1)!.n + 1;
  }
  return lines;
}

function print(line: LogLine, options: LogsOptions): void {
  if (options.json) return void process.stdout.write(`${JSON.stringify(line)}\n`);
  const text = `${options.timestamps && line.t ? `${line.t} ` : ''}${line.text}\n`;
  (line.s === 'out' ? process.stdout : process.stderr).write(text);
}

const AGE = /^(\d+)(s|m|h|d)$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

function parseSince(value: string): string {
  const age = AGE.exec(value);
  if (age) return new Date(Date.now() - Number(age[1]) * UNIT_SECONDS[age[2] as keyof typeof UNIT_SECONDS] * 1000).toISOString();
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new InvalidArgumentError('give an RFC 3339 time (2026-12-01T10:00:00Z) or an age such as 10m');
  return new Date(time).toISOString();
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new InvalidArgumentError('a count of lines, 0 or more');
  return count;
}
