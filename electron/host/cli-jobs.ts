import type { Command } from 'commander';
import type { BridgeClient, JobDetails, JobRun, JobSchedule, JobSummary } from '../contract';
import { clientCommand, findPipeline, findProject, PIPELINE_ARGUMENT, usingClient, withClient, type ClientOptions } from './cli-client';
import { CliError } from './cli-connection';
import { formatTable } from './format-table';

/** What `jobs create` takes besides the project and pipeline. */
export interface CreateOptions {
  name?: string;
  cron?: string;
  at?: string;
  param?: string[];
  env?: string[];
  draft?: boolean;
}

const FINISHED_JOB = new Set(['SUCCESS', 'FAILURE', 'ABORTED']);
const RUN_PAGE = 500;

/** `jobs create|list|show|runs|cancel|pause|resume|run-now|rm`. */
export function addJobCommands(program: Command): void {
  const jobs = program.command('jobs').description("a project's jobs: runs of a pipeline now, at a time or on a cron schedule, over a parameter grid");

  clientCommand(jobs, 'create', 'make a job and start it (without --cron or --at: wait for its runs, exit 0 when all succeeded)')
    .argument('<project>', "the project's name")
    .argument('<pipeline>', PIPELINE_ARGUMENT)
    .requiredOption('--name <name>', "the job's name")
    .option('--cron <expr>', 'a 5-field cron schedule (minute hour day month weekday)')
    .option('--at <time>', 'once, at this date and time (ISO 8601; local time without an offset)')
    .option('--param <key=values>', 'pipeline.NAME=V1,V2 or STEP.NAME=V1,V2 (STEP by title or uuid); repeatable', collect, [])
    .option('--env <name=value>', 'a variable of the job, over the project\'s and pipeline\'s; repeatable', collect, [])
    .option('--draft', 'make the job a draft, do not start it')
    .action(async (projectName: string, pipelineRef: string, options: ClientOptions & CreateOptions) => {
      const request = createRequest(options);
      const result = await usingClient(options, async (client) => {
        const pipeline = await findPipeline(client, projectName, pipelineRef);
        const created = await client.request('jobs.create', { ...pipeline, ...request });
        if (options.draft) return { job: created, runs: undefined };
        if (request.schedule.kind !== 'now') return { job: await client.request('jobs.start', { jobUuid: created.uuid }), runs: undefined };
        return startAndWait(client, created, options.json !== true);
      });
      if (options.json) console.log(JSON.stringify(result.runs ? { ...jobReport(result.job), runs: result.runs.map(runReport) } : jobReport(result.job), null, 2));
      else console.log(formatCreated(result.job, result.runs));
      if (result.runs && result.job.status !== 'SUCCESS') process.exitCode = 1;
    });

  clientCommand(jobs, 'list', "the project's jobs")
    .argument('<project>', "the project's name")
    .action((projectName: string, options: ClientOptions) =>
      withClient(
        options,
        async (client) => (await client.request('jobs.list', { projectId: (await findProject(client, projectName)).uuid })).map(jobReport),
        (list) =>
          list.length
            ? formatTable(
                ['NAME', 'STATUS', 'PIPELINE', 'SCHEDULE', 'NEXT', 'RUNS', 'UUID'],
                list.map((j) => [j.name, j.status, j.pipelinePath, j.scheduleText, j.nextScheduledTime ?? '', countsText(j.runCounts), j.uuid]),
              )
            : 'No jobs.',
      ),
    );

  clientCommand(jobs, 'show', 'a job: its settings, schedule and runs by status')
    .argument('<job>', "the job's uuid")
    .action((jobUuid: string, options: ClientOptions) =>
      withClient(options, (client) => client.request('jobs.get', { jobUuid }), formatDetails),
    );

  clientCommand(jobs, 'runs', "a job's runs, newest first")
    .argument('<job>', "the job's uuid")
    .option('--status <status>', 'only runs of this status (PENDING, STARTED, SUCCESS, FAILURE, ABORTED)', parseRunStatus)
    .action((jobUuid: string, options: ClientOptions & { status?: JobRun['status'] }) =>
      withClient(
        options,
        async (client) => (await allRuns(client, jobUuid, options.status)).map(runReport),
        (runs) =>
          runs.length
            ? formatTable(['#', 'STATUS', 'PARAMETERS', 'STARTED', 'FINISHED', 'UUID'], runs.map((r) => [String(r.runIndex), r.status, JSON.stringify(r.parameters), r.startedAt ?? '', r.finishedAt ?? '', r.uuid]))
            : 'No runs.',
      ),
    );

  clientCommand(jobs, 'cancel', 'cancel one run of the job, or the whole job')
    .argument('<job>', "the job's uuid")
    .argument('[run]', "a run's uuid")
    .action((jobUuid: string, runUuid: string | undefined, options: ClientOptions) =>
      withClient(options, async (client) => jobReport(await client.request('jobs.cancel', { jobUuid, ...(runUuid ? { runUuid } : {}) })), (job) => `Job ${job.name}: ${job.status}`),
    );

  const simple: Array<[string, 'jobs.pause' | 'jobs.resume' | 'jobs.runNow', string]> = [
    ['pause', 'jobs.pause', 'pause a cron job'],
    ['resume', 'jobs.resume', 'resume a paused cron job'],
    ['run-now', 'jobs.runNow', "one extra batch of a cron job's runs, now"],
  ];
  for (const [name, request, description] of simple) {
    clientCommand(jobs, name, description)
      .argument('<job>', "the job's uuid")
      .action((jobUuid: string, options: ClientOptions) =>
        withClient(options, async (client) => jobReport(await client.request(request, { jobUuid })), (job) => `Job ${job.name}: ${job.status}`),
      );
  }

  clientCommand(jobs, 'rm', 'cancel a job and remove it with its runs')
    .argument('<job>', "the job's uuid")
    .action((jobUuid: string, options: ClientOptions) =>
      withClient(options, (client) => client.request('jobs.delete', { jobUuid }), (r) =>
        r.releasedImages.length ? `Removed. Images no job uses any longer: ${r.releasedImages.join(', ')}` : 'Removed.',
      ),
    );
}

/** The `jobs.create` fields from the command line's options; refuses what is not well formed. */
export function createRequest(options: CreateOptions, now: Date = new Date()) {
  if (!options.name || options.name.trim() === '') throw new CliError('Give the job a name with --name');
  return {
    name: options.name,
    schedule: parseSchedule(options, now),
    grid: parseParams(options.param ?? []),
    variables: parseEnv(options.env ?? []),
  };
}

export function parseSchedule(options: Pick<CreateOptions, 'cron' | 'at'>, now: Date = new Date()): JobSchedule {
  if (options.cron !== undefined && options.at !== undefined) throw new CliError('Give --cron or --at, not both');
  if (options.cron !== undefined) {
    if (options.cron.trim().split(/\s+/).length !== 5) throw new CliError(`--cron "${options.cron}" needs 5 fields: minute hour day month weekday`);
    return { kind: 'cron', cron: options.cron.trim() };
  }
  if (options.at !== undefined) {
    const time = new Date(options.at);
    if (Number.isNaN(time.getTime())) throw new CliError(`--at "${options.at}" is not a date and time (e.g. 2026-12-24T18:00 or 2026-12-24T18:00:00Z)`);
    if (time.getTime() <= now.getTime()) throw new CliError(`--at ${time.toISOString()} has passed`);
    return { kind: 'at', time: time.toISOString() };
  }
  return { kind: 'now' };
}

/** `KEY=V1,V2` -> the grid; each value is JSON when it reads as JSON (1, true, "a,b", [1,2]), else text. */
export function parseParams(params: string[]): Record<string, unknown[]> {
  const grid: Record<string, unknown[]> = {};
  for (const param of params) {
    const eq = param.indexOf('=');
    const key = eq > 0 ? param.slice(0, eq).trim() : '';
    const dot = key.indexOf('.');
    if (dot <= 0 || dot === key.length - 1) throw new CliError(`--param "${param}": write pipeline.NAME=V1,V2 or STEP.NAME=V1,V2`);
    const values = splitValues(param.slice(eq + 1)).map(parseValue);
    if (values.length === 0) throw new CliError(`--param "${param}" has no values`);
    if (key in grid) throw new CliError(`--param ${key} is given twice; list its values once, comma-separated`);
    grid[key] = values;
  }
  return grid;
}

/** `NAME=VALUE` -> the job's variables (the value may hold `=`). */
export function parseEnv(pairs: string[]): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError(`--env "${pair}": write NAME=VALUE`);
    variables[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return variables;
}

/** Splits on commas outside brackets, braces and double quotes. */
export function splitValues(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '\\') current += char + (text[++i] ?? '');
      else {
        if (char === '"') quoted = false;
        current += char;
      }
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function parseRunStatus(value: string): JobRun['status'] {
  const status = value.toUpperCase();
  if (!['PENDING', 'STARTED', 'SUCCESS', 'FAILURE', 'ABORTED'].includes(status)) throw new CliError(`--status ${value}: one of PENDING, STARTED, SUCCESS, FAILURE, ABORTED`);
  return status as JobRun['status'];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Starts the job and resolves once it has ended, printing each run's end when asked. */
async function startAndWait(client: BridgeClient, job: JobDetails, printChanges: boolean): Promise<{ job: JobSummary; runs: JobRun[] }> {
  let finish: ((job: JobSummary) => void) | undefined;
  const ended = new Promise<JobSummary>((resolve) => (finish = resolve));
  const seen = new Map<string, string>();
  client.on('jobs.runChanged', (run) => {
    if (run.jobUuid !== job.uuid || seen.get(run.uuid) === run.status) return;
    seen.set(run.uuid, run.status);
    if (printChanges && run.status !== 'PENDING') console.error(`Run ${run.runIndex} ${JSON.stringify(run.parameters)}: ${run.status}${run.reason ? ` (${run.reason})` : ''}`);
  });
  client.on('jobs.changed', (changed) => {
    if (changed.uuid === job.uuid && (FINISHED_JOB.has(changed.status) || changed.deleted)) finish?.(changed);
  });
  const started = await client.request('jobs.start', { jobUuid: job.uuid });
  if (FINISHED_JOB.has(started.status)) finish?.(started);
  // The job may have ended before this client heard of it: ask once more after subscribing.
  const latest = await client.request('jobs.get', { jobUuid: job.uuid });
  if (FINISHED_JOB.has(latest.status)) finish?.(latest);
  const final = await ended;
  return { job: final, runs: (await allRuns(client, job.uuid)).sort((a, b) => a.runIndex - b.runIndex) };
}

async function allRuns(client: BridgeClient, jobUuid: string, status?: JobRun['status']): Promise<JobRun[]> {
  const runs: JobRun[] = [];
  for (let offset = 0; ; offset += RUN_PAGE) {
    const page = await client.request('jobs.runs', { jobUuid, offset, limit: RUN_PAGE, ...(status ? { status } : {}) });
    runs.push(...page.runs);
    if (runs.length >= page.total || page.runs.length === 0) return runs;
  }
}

function jobReport(job: JobSummary) {
  const { uuid, name, status, pipelinePath, pipelineUuid, schedule, scheduleText, nextScheduledTime, lastScheduledTime, runCounts, reason } = job;
  return { uuid, name, status, pipelinePath, pipelineUuid, schedule, scheduleText, nextScheduledTime, lastScheduledTime, runCounts, ...(reason ? { reason } : {}) };
}

function runReport(run: JobRun) {
  const { uuid, runIndex, status, parameters, startedAt, finishedAt, reason } = run;
  return { uuid, runIndex, status, parameters, ...(startedAt ? { startedAt } : {}), ...(finishedAt ? { finishedAt } : {}), ...(reason ? { reason } : {}) };
}

function countsText(counts: JobSummary['runCounts']): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status.toLowerCase()}`)
    .join(', ');
}

function formatCreated(job: JobSummary, runs: JobRun[] | undefined): string {
  const head = `Job ${job.name} (${job.uuid}): ${job.status}${job.nextScheduledTime ? `, next at ${job.nextScheduledTime}` : ''}`;
  if (!runs) return head;
  return `${head}\n${formatTable(['#', 'STATUS', 'PARAMETERS', 'UUID'], runs.map((r) => [String(r.runIndex), r.status, JSON.stringify(r.parameters), r.uuid]))}`;
}

function formatDetails(job: JobDetails): string {
  return [
    `${job.name}: ${job.status}${job.reason ? ` (${job.reason})` : ''}`,
    `  pipeline  ${job.pipelinePath} (${job.pipelineUuid})`,
    `  schedule  ${job.scheduleText}${job.nextTimes.length ? `; next ${job.nextTimes.join(', ')}` : ''}`,
    `  grid      ${Object.keys(job.grid).length ? JSON.stringify(job.grid) : 'none'}; ${job.runsPerBatch} run(s) per batch`,
    `  runs      ${countsText(job.runCounts) || 'none'}; kept: ${job.maxRetainedRuns < 0 ? 'all' : job.maxRetainedRuns}`,
    `  variables ${Object.keys(job.variables).join(', ') || 'none'}`,
  ].join('\n');
}
