import type { Command } from 'commander';
import type { BridgeClient } from '../contract';
import { CliError, connect, locateHost } from './cli-connection';

export type ClientOptions = { json?: boolean; url?: string };

/** A subcommand that talks to a running host; prints JSON with --json, a readable form otherwise. */
export function clientCommand(parent: Command, name: string, description: string) {
  return parent
    .command(name)
    .description(description)
    .option('--json', 'print one JSON document')
    .option('--url <url>', 'the host to talk to (default: $ORCHEST_DESKTOP_URL or the running app)');
}

/** Runs `work` on a connection to the host, closed afterwards whatever happens. */
export async function usingClient<T>(options: ClientOptions, work: (client: BridgeClient) => Promise<T>): Promise<T> {
  const client = await connect(locateHost(options.url));
  try {
    return await work(client);
  } finally {
    client.close();
  }
}

export async function withClient<T>(options: ClientOptions, work: (client: BridgeClient) => Promise<T>, show: (value: T) => string) {
  const value = await usingClient(options, work);
  console.log(options.json ? JSON.stringify(value, null, 2) : show(value));
}

export async function findProject(client: BridgeClient, nameOrId: string) {
  const projects = await client.request('projects.list', {});
  const project = projects.find((p) => p.name === nameOrId || p.uuid === nameOrId);
  if (!project) throw new CliError(`No project named '${nameOrId}' (see \`orchest-desktop projects list\`)`);
  return project;
}

/** The help of every PIPELINE argument. */
export const PIPELINE_ARGUMENT = 'the file path in the project (main.orchest), its uuid, or its name when unique';

/** A pipeline as the bridge's requests name it, from a project's name and a pipeline's path, uuid or name. */
export async function findPipeline(client: BridgeClient, projectName: string, pipelineRef: string): Promise<{ projectId: string; path: string }> {
  const project = await findProject(client, projectName);
  return { projectId: project.uuid, path: await findPipelinePath(client, project.uuid, pipelineRef) };
}

async function findPipelinePath(client: BridgeClient, projectId: string, ref: string): Promise<string> {
  const list = await client.request('pipelines.list', { projectId });
  const byPathOrUuid = list.find((p) => p.path === ref || p.uuid === ref);
  if (byPathOrUuid) return byPathOrUuid.path;
  const byName = list.filter((p) => p.name === ref);
  if (byName.length === 1) return byName[0]!.path;
  if (byName.length > 1) throw new CliError(`${byName.length} pipelines are named '${ref}'; give the path instead`);
  throw new CliError(`No pipeline '${ref}' in this project (see \`orchest-desktop pipelines list\`)`);
}
