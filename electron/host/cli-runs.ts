import type { Command } from 'commander';
import { isGoingOn, type BridgeClient, type PipelineRun } from '../contract';
import { clientCommand, findPipeline, PIPELINE_ARGUMENT, usingClient, withClient, type ClientOptions } from './cli-client';
import { formatTable } from './format-table';

/** `run PROJECT PIPELINE [--steps UUID,...]` and `run cancel PROJECT PIPELINE`. */
export function addRunCommands(program: Command): void {
  const run = clientCommand(program, 'run', "run a pipeline's steps in its session and wait for the end (exit 0 when every step succeeded)")
    .argument('<project>', "the project's name")
    .argument('<pipeline>', PIPELINE_ARGUMENT)
    .option('--steps <uuids>', 'only these steps, comma-separated', (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean))
    .action(async (projectName: string, pipelineRef: string, options: ClientOptions & { steps?: string[] }) => {
      const result = await usingClient(options, async (client) =>
        runToEnd(client, await findPipeline(client, projectName, pipelineRef), options.steps, options.json !== true),
      );
      if (options.json) console.log(JSON.stringify(runReport(result), null, 2));
      else console.log(formatRun(result));
      if (result.status !== 'SUCCESS') process.exitCode = 1;
    });

  clientCommand(run, 'cancel', "stop the pipeline's run and its steps' containers")
    .argument('<project>', "the project's name")
    .argument('<pipeline>', PIPELINE_ARGUMENT)
    .action((projectName: string, pipelineRef: string, options: ClientOptions) =>
      withClient(
        options,
        async (client) => {
          const cancelled = await client.request('runs.cancel', { ...(await findPipeline(client, projectName, pipelineRef)), wait: true });
          return cancelled ? runReport(cancelled) : null;
        },
        (report) => (report ? `Run ${report.status}` : 'The pipeline has no run to cancel.'),
      ),
    );
}

/** Starts the run and resolves with it once it has ended, printing each step's changes when asked. */
async function runToEnd(client: BridgeClient, pipeline: { projectId: string; path: string }, steps: string[] | undefined, printChanges: boolean): Promise<PipelineRun> {
  const ours: { runUuid?: string } = {};
  const seen = new Map<string, string>();
  let finish: ((run: PipelineRun) => void) | undefined;
  const ended = new Promise<PipelineRun>((resolve) => (finish = resolve));
  const show = (run: PipelineRun) => {
    for (const step of run.steps) {
      if (seen.get(step.uuid) === step.status) continue;
      seen.set(step.uuid, step.status);
      if (printChanges && step.status !== 'PENDING') console.error(`${step.title}: ${step.status}${step.message ? ` (${step.message})` : ''}`);
    }
    if (!isGoingOn(run.status)) finish?.(run);
  };
  client.on('runs.changed', (run) => {
    if (run.projectId === pipeline.projectId && run.pipelinePath === pipeline.path && (!ours.runUuid || run.runUuid === ours.runUuid)) show(run);
  });
  const started = await client.request('runs.start', { ...pipeline, ...(steps ? { selection: 'selected' as const, steps } : {}) });
  ours.runUuid = started.runUuid;
  show(started);
  // The run may have ended before this client heard of it: ask once more after subscribing.
  const latest = await client.request('runs.get', pipeline);
  if (latest && latest.runUuid === started.runUuid) show(latest);
  return ended;
}

function runReport(run: PipelineRun) {
  return {
    status: run.status,
    ...(run.message ? { message: run.message } : {}),
    steps: run.steps.map(({ uuid, title, status, exitCode, message }) => ({ uuid, title, status, ...(exitCode === undefined ? {} : { exitCode }), ...(message ? { message } : {}) })),
  };
}

function formatRun(run: PipelineRun): string {
  const table = formatTable(['STEP', 'STATUS', 'MESSAGE', 'UUID'], run.steps.map((s) => [s.title, s.status, s.message ?? '', s.uuid]));
  return `Run ${run.status}${run.message ? `: ${run.message}` : ''}\n${table}`;
}
