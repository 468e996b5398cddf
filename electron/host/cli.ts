import { Command, InvalidArgumentError } from 'commander';
import { fileURLToPath } from 'node:url';
import { BridgeRequestError, ENGINE_PROBLEM_TITLES, type EngineStatus } from '../contract';
import { clientCommand, findPipeline, findProject, PIPELINE_ARGUMENT, withClient, type ClientOptions } from './cli-client';
import { CliError } from './cli-connection';
import { addEnvironmentCommands } from './cli-environments';
import { addJobCommands } from './cli-jobs';
import { addLogsCommand } from './cli-logs';
import { addRunCommands } from './cli-runs';
import { addOpenCommand, addSessionCommands } from './cli-sessions';
import { formatTable } from './format-table';
import { APP_VERSION } from './version';

const program = new Command('orchest-desktop')
  .description("Orchest's projects, pipelines and services on your own Docker engine")
  .version(APP_VERSION);

program
  .command('serve')
  .description('run Orchest Desktop headless and serve its UI in the browser')
  .option('--workspace <dir>', 'the folder that holds projects/ and data/ (saved as a setting)')
  .option('--port <n>', 'port on 127.0.0.1 (default: a free one)', parsePort, 0)
  .option('--no-open', 'do not open the system browser')
  .action(async (options: { workspace?: string; port: number; open: boolean }) => {
    const { serve } = await import('./serve');
    await serve({ ...options, rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)) });
  });

const projects = program.command('projects').description('list and create projects');
clientCommand(projects, 'list', 'list the projects of the workspace').action((options: ClientOptions) =>
  withClient(
    options,
    async (client) => (await client.request('projects.list', {})).map(({ uuid, name, path }) => ({ uuid, name, path })),
    (list) => (list.length ? formatTable(['NAME', 'PATH', 'UUID'], list.map((p) => [p.name, p.path, p.uuid])) : 'No projects yet.'),
  ),
);
clientCommand(projects, 'create', 'create a project in the workspace')
  .argument('<name>', 'letters, digits, _ . -')
  .action((name: string, options: ClientOptions) =>
    withClient(
      options,
      async (client) => {
        const { uuid, path } = await client.request('projects.create', { name });
        return { uuid, name, path };
      },
      (p) => `Created project ${p.name} at ${p.path}`,
    ),
  );

const pipelines = program.command('pipelines').description("list a project's pipelines");
clientCommand(pipelines, 'list', "list a project's pipelines (*.orchest files)")
  .argument('<project>', "the project's name")
  .action((projectName: string, options: ClientOptions) =>
    withClient(
      options,
      async (client) => {
        const project = await findProject(client, projectName);
        const list = await client.request('pipelines.list', { projectId: project.uuid });
        return list.map(({ uuid, name, path, error }) => ({ uuid, name, path, error: error ?? null }));
      },
      (list) =>
        list.length
          ? formatTable(['NAME', 'PATH', 'UUID'], list.map((p) => [p.error ? `(unreadable: ${p.error})` : (p.name ?? ''), p.path, p.uuid ?? '']))
          : 'No pipelines.',
    ),
  );

clientCommand(pipelines, 'show', 'a pipeline, migrated, with what breaks Orchest\'s rules')
  .argument('<project>', "the project's name")
  .argument('<pipeline>', PIPELINE_ARGUMENT)
  .action((projectName: string, pipelineRef: string, options: ClientOptions) =>
    withClient(
      options,
      async (client) => {
        return client.request('pipelines.get', await findPipeline(client, projectName, pipelineRef));
      },
      (doc) =>
        [
          `${String(doc.definition.name)} (${doc.path}, version ${doc.fileVersion})`,
          ...(doc.issues.length ? doc.issues.map((i) => `  ${i.service ? `service '${i.service}': ` : ''}${i.message}`) : ['  valid']),
        ].join('\n'),
    ),
  );

pipelines
  .command('validate')
  .description("check pipeline files by Orchest's rules, without a running app; never writes")
  .argument('<file...>', '*.orchest files')
  .option('--json', 'print one JSON document')
  .action(async (files: string[], options: { json?: boolean }) => {
    const { checkPipelineFile } = await import('../core/pipelines/check-pipeline-file');
    const checks = await Promise.all(files.map((file) => checkPipelineFile(file)));
    if (options.json) console.log(JSON.stringify(checks, null, 2));
    else for (const check of checks) for (const error of check.errors) console.log(`${check.file}: ${error}`);
    if (checks.some((c) => c.errors.length > 0)) process.exitCode = 1;
  });

clientCommand(program, 'status', 'the Docker engine, the workspace and what to put in a bug report').action((options: ClientOptions) =>
  withClient(
    options,
    async (client) => {
      const [app, engine, workspace, proxy] = await Promise.all([
        client.request('app.info', {}),
        client.request('engine.status', { refresh: true }),
        client.request('workspace.status', {}),
        client.request('proxy.status', {}),
      ]);
      const diagnostics = await client.request('app.diagnostics', {});
      return { app, engine, workspace, proxy, diagnostics };
    },
    ({ app, engine, workspace, proxy, diagnostics }) =>
      [
        `Orchest Desktop ${app.version} (${app.shell})`,
        ...engineLines(engine),
        workspace.error ? `Workspace: ${workspace.error}` : `Workspace: ${workspace.path}`,
        `Service proxy: ${proxy.origin}${proxy.preferredPortTaken ? ` (port ${proxy.preferredPortTaken} is taken by another program)` : ''}`,
        `Logs: ${diagnostics.paths.logs}`,
      ].join('\n'),
  ),
);

function engineLines(engine: EngineStatus): string[] {
  if (engine.reachable) return [`Docker: ${engine.version} (API ${engine.apiVersion}, ${engine.os}) at ${engine.host}`];
  return [
    `${ENGINE_PROBLEM_TITLES[engine.problem]}: ${engine.reason} (at ${engine.host})`,
    ...engine.advice.map((step) => `  - ${step.text}${step.command ? `\n      ${step.command}` : ''}`),
  ];
}

addSessionCommands(program);
addOpenCommand(program);
addLogsCommand(program);
addEnvironmentCommands(program);
addRunCommands(program);
addJobCommands(program);

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is 0-65535');
  return port;
}

program.parseAsync(process.argv).catch((error: unknown) => {
  const message =
    error instanceof CliError || error instanceof BridgeRequestError
      ? error.message
      : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  console.error(`orchest-desktop: ${message}`);
  process.exit(1);
});
