import { InvalidArgumentError, type Command } from 'commander';
import { sessionShortfall, type ServiceStats, type Session, type SessionService } from '../contract';
import { clientCommand, findPipeline, PIPELINE_ARGUMENT, withClient, type ClientOptions } from './cli-client';
import { formatTable } from './format-table';

type Change = 'sessions.start' | 'sessions.stop' | 'sessions.restart';

const ACTIONS: { name: string; request: Change | 'sessions.get'; description: string }[] = [
  { name: 'start', request: 'sessions.start', description: 'start the session and wait until it runs (exit 1 when it fails)' },
  { name: 'stop', request: 'sessions.stop', description: 'stop the session and remove its containers and network' },
  { name: 'restart', request: 'sessions.restart', description: 'stop the session and start it with the services on disk now' },
  { name: 'status', request: 'sessions.get', description: 'the session and each service: state, hostname, ports' },
];

/** `session start|stop|restart|status PROJECT PIPELINE [--json]`. */
export function addSessionCommands(program: Command): void {
  const session = program.command('session').description("a pipeline's interactive session and its services");
  for (const action of ACTIONS) {
    clientCommand(session, action.name, action.description)
      .argument('<project>', "the project's name")
      .argument('<pipeline>', PIPELINE_ARGUMENT)
      .action(async (projectName: string, pipelineRef: string, options: ClientOptions) => {
        let failure: string | undefined;
        await withClient(
          options,
          async (client) => {
            const input = await findPipeline(client, projectName, pipelineRef);
            const result = await (action.request === 'sessions.get'
              ? client.request('sessions.get', input)
              : client.request(action.request, { ...input, wait: true }));
            if (action.request !== 'sessions.get') failure = startFailure(action.request, result);
            const stats = result.status === 'RUNNING' ? await client.request('sessions.stats', input) : {};
            return sessionReport(result, stats);
          },
          formatSession,
        );
        if (failure === undefined) return;
        console.error(`orchest-desktop: ${failure}`);
        process.exitCode = 1;
      });
  }
  addRestartServiceCommand(session);
}

/** `session restart-service PROJECT PIPELINE SERVICE`: one service's container, restarted. */
function addRestartServiceCommand(session: Command): void {
  clientCommand(session, 'restart-service', "restart one service's container of the running session (exit 1 when it does not run after)")
    .argument('<project>', "the project's name")
    .argument('<pipeline>', PIPELINE_ARGUMENT)
    .argument('<service>', "the service's name")
    .action(async (projectName: string, pipelineRef: string, service: string, options: ClientOptions) => {
      let state: string | undefined;
      await withClient(
        options,
        async (client) => {
          const input = await findPipeline(client, projectName, pipelineRef);
          const result = await client.request('sessions.restartService', { ...input, service });
          const restarted = result.services.find((s) => s.name === service);
          if (restarted && restarted.state !== 'running') state = stateText(restarted);
          return sessionReport(result);
        },
        formatSession,
      );
      if (state === undefined) return;
      console.error(`orchest-desktop: ${service} does not run after its restart: ${state}`);
      process.exitCode = 1;
    });
}

/** Why a start (or restart) did not end with every service running; nothing for a stop. */
function startFailure(request: Change, session: Session): string | undefined {
  if (request === 'sessions.stop') return undefined;
  if (session.status === 'FAILED') return `the session did not start: ${session.error?.message ?? 'it failed'}`;
  const shortfall = sessionShortfall(session);
  if (!shortfall) return undefined;
  const down = session.services.filter((s) => s.state !== 'running').map((s) => `${s.name} ${stateText(s)}`);
  return `the session runs, but ${shortfall}: ${down.join(', ')}`;
}

/** `open PROJECT PIPELINE SERVICE [PORT]`: an exposed service in the system browser, signed in. */
export function addOpenCommand(program: Command): void {
  clientCommand(program, 'open', "open an exposed service's port in the system browser")
    .argument('<project>', "the project's name")
    .argument('<pipeline>', PIPELINE_ARGUMENT)
    .argument('<service>', "the service's name")
    .argument('[port]', 'one of its ports (default: the first)', parsePortArgument)
    .option('--print', 'only print the link (it works once, for the browser that opens it first)')
    .action(async (projectName: string, pipelineRef: string, service: string, port: number | undefined, options: OpenOptions) => {
      await withClient(
        options,
        async (client) => {
          const pipeline = await findPipeline(client, projectName, pipelineRef);
          const { url } = await client.request('services.link', { ...pipeline, service, ...(port === undefined ? {} : { port }) });
          if (!options.print) await openInBrowser(url);
          return { url };
        },
        ({ url }) => url,
      );
    });
}

type OpenOptions = ClientOptions & { print?: boolean };

async function openInBrowser(url: string): Promise<void> {
  const report = (error: Error) => console.error(`Could not open a browser (${error.message}); open the link below.`);
  const { default: open } = await import('open');
  await open(url).then((child) => child.on('error', report), report);
}

function parsePortArgument(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InvalidArgumentError('a port is 1-65535');
  return port;
}

/** The JSON of `session status --json` (DESIGN.md's CLI contract). */
function sessionReport(session: Session, stats: Record<string, ServiceStats> = {}) {
  return {
    status: session.status.toLowerCase(),
    sessionUuid: session.sessionUuid,
    ...(session.error ? { error: session.error } : {}),
    ...(sessionShortfall(session) ? { degraded: sessionShortfall(session) } : {}),
    services: session.services.map((service) => ({
      name: service.name,
      state: service.state,
      ...(service.exitCode !== undefined ? { exitCode: service.exitCode } : {}),
      ...(service.oomKilled !== undefined ? { oomKilled: service.oomKilled } : {}),
      ...(service.restartCount !== undefined ? { restartCount: service.restartCount } : {}),
      ...(service.startedAt ? { startedAt: service.startedAt } : {}),
      ...(service.finishedAt ? { finishedAt: service.finishedAt } : {}),
      ...(service.health ? { health: service.health } : {}),
      ...(service.logsNotWritten ? { logsNotWritten: service.logsNotWritten } : {}),
      ...(stats[service.name] ?? {}),
      ...(service.message ? { message: service.message } : {}),
      containerName: service.containerName,
      internalHostname: service.internalHostname,
      image: service.image,
      ports: service.ports.map(({ port, hostPort, listening, url, tcp }) => ({
        port,
        hostPort,
        listening,
        ...(url ? { url } : {}),
        ...(tcp ? { tcp } : {}),
      })),
    })),
  };
}

function formatSession(report: ReturnType<typeof sessionReport>): string {
  const head = `Session ${report.status}${report.error ? `: ${report.error.message}` : ''}${report.degraded ? ` (${report.degraded})` : ''}`;
  if (report.services.length === 0) return head;
  const rows = report.services.map((s) => [s.name, stateText(s), usageText(s), s.internalHostname, portsText(s.ports), s.message ?? '']);
  return `${head}\n${formatTable(['SERVICE', 'STATE', 'CPU / MEMORY', 'HOSTNAME', 'PORTS', 'NOTE'], rows)}`;
}

function usageText(service: Partial<ServiceStats>): string {
  if (service.cpuPercent === undefined || service.memoryBytes === undefined) return '';
  return `${service.cpuPercent.toFixed(1)}% / ${(service.memoryBytes / 2 ** 20).toFixed(1)} MiB`;
}

function stateText(service: Pick<SessionService, 'state' | 'exitCode' | 'oomKilled'>): string {
  const why = [service.exitCode === undefined ? '' : `code ${service.exitCode}`, service.oomKilled ? 'OOM killed' : ''].filter(Boolean);
  return why.length ? `${service.state} (${why.join(', ')})` : service.state;
}

function portsText(ports: SessionService['ports']): string {
  return ports
    .map((p) => {
      if (p.hostPort === null) return `${p.port}`;
      const where = p.url ?? `127.0.0.1:${p.hostPort}`;
      return `${p.port} ${where}${p.listening ? '' : ' (not listening yet)'}`;
    })
    .join(', ');
}
