import type { Command } from 'commander';
import { isGoingOn, type BridgeClient, type EnvironmentBuild } from '../contract';
import { clientCommand, findProject, usingClient, withClient, type ClientOptions } from './cli-client';
import { CliError } from './cli-connection';
import { formatTable } from './format-table';

/** `env list PROJECT` and `env build PROJECT ENV [--follow]`. */
export function addEnvironmentCommands(program: Command): void {
  const env = program.command('env').description("a project's environments and their image builds");
  clientCommand(env, 'list', "the project's environments, with their newest build and image")
    .argument('<project>', "the project's name")
    .action((projectName: string, options: ClientOptions) =>
      withClient(
        options,
        async (client) => {
          const project = await findProject(client, projectName);
          const summaries = await client.request('environments.list', { projectId: project.uuid });
          return Promise.all(
            summaries.map(async (summary) => {
              if (summary.error) return { uuid: summary.uuid, name: summary.name, error: summary.error };
              const e = await client.request('environments.get', { projectId: project.uuid, uuid: summary.uuid });
              return { uuid: e.uuid, name: e.name, language: e.language, baseImage: e.baseImage, image: e.image ?? null, lastBuild: e.lastBuild ? { number: e.lastBuild.number, status: e.lastBuild.status } : null };
            }),
          );
        },
        (rows) =>
          formatTable(
            ['NAME', 'BASE IMAGE', 'LAST BUILD', 'IMAGE', 'UUID'],
            rows.map((r) => ('error' in r ? [r.name ?? '?', `unreadable: ${r.error}`, '', '', r.uuid] : [r.name, r.baseImage, r.lastBuild ? `${r.lastBuild.number} ${r.lastBuild.status}` : 'never built', r.image ?? '', r.uuid])),
          ),
      ),
    );

  clientCommand(env, 'build', "build an environment's image and wait for the end (exit 0 on SUCCESS)")
    .argument('<project>', "the project's name")
    .argument('<environment>', "the environment's uuid, or its name when unique")
    .option('-f, --follow', "print the build's log as it comes")
    .action(async (projectName: string, ref: string, options: ClientOptions & { follow?: boolean }) => {
      const build = await usingClient(options, async (client) => {
        const project = await findProject(client, projectName);
        return followBuild(client, project.uuid, await findEnvironment(client, project.uuid, ref), options.follow === true);
      });
      if (options.json) console.log(JSON.stringify(build, null, 2));
      else console.log(`Build ${build.number} of ${ref}: ${build.status}${build.error ? `: ${build.error}` : ''}${build.status === 'SUCCESS' ? ` (${build.image})` : ''}`);
      if (build.status !== 'SUCCESS') process.exitCode = 1;
    });
}

async function findEnvironment(client: BridgeClient, projectId: string, ref: string): Promise<string> {
  const all = await client.request('environments.list', { projectId });
  const byUuid = all.find((e) => e.uuid === ref);
  if (byUuid) return byUuid.uuid;
  const named = all.filter((e) => e.name === ref);
  if (named.length === 1) return named[0]!.uuid;
  if (named.length > 1) throw new CliError(`${named.length} environments are named '${ref}'; give the uuid instead`);
  throw new CliError(`No environment '${ref}' in this project (see \`orchest-desktop env list\`)`);
}

/** Starts the build (or joins the one running) and resolves with it once it has ended. */
async function followBuild(client: BridgeClient, projectId: string, uuid: string, printLog: boolean): Promise<EnvironmentBuild> {
  const ours: { number?: number } = {}; // known once the build has started
  let printed = 0;
  let finish: ((build: EnvironmentBuild) => void) | undefined;
  const ended = new Promise<EnvironmentBuild>((resolve) => (finish = resolve));
  client.on('environments.buildChanged', ({ build, lines }) => {
    if (build.projectId !== projectId || build.environmentUuid !== uuid || (ours.number !== undefined && build.number !== ours.number)) return;
    if (printLog) for (const line of lines) console.log(line);
    printed += lines.length;
    if (!isGoingOn(build.status)) finish?.(build);
  });
  const started = await client.request('environments.build', { projectId, uuid });
  ours.number = started.number;
  if (!isGoingOn(started.status)) return started;
  const build = await ended;
  if (printLog && printed < build.logLines) {
    const rest = await client.request('environments.buildLog', { projectId, uuid, number: build.number, from: printed + 1 });
    rest.lines.forEach((line) => console.log(line));
  }
  return build;
}
