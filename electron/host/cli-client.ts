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

export async function findPipelinePath(client: BridgeClient, projectId: string, ref: string): Promise<string> {
  const list = await client.request('pipelines.list', { projectId });
  const byPathOrUuid = list.find((p) => p.path === ref || p.uuid === ref);
  if (byPathOrUuid) return byPathOrUuid.path;
  const byName = list.filter((p) => p.name === ref);
  if (byName.length === 1) return byName[0]!.path;
  if (byName.length > 1) throw new CliError(`${byName.length} pipelines are named '${ref}'; give the path instead`);
  throw new CliError(`No pipeline '${ref}' in this project (see \`orchest-desktop pipelines list\`)`);
}
