import os from 'node:os';
import { BridgeServer, type Handlers } from '../bridge/bridge-server';
import type { AppInfo, Diagnostics, EngineStatus } from '../contract';
import { ownerIdOf } from './app-home';
import { logsFolder, type AppLog } from './diagnostics/app-log';
import { diagnosticsReport } from './diagnostics/diagnostics-report';
import { EngineMonitor } from './docker/engine-monitor';
import type { DesktopFileHooks } from './files/desktop-file-hooks';
import { fileHandlers } from './files/file-handlers';
import { environmentHandlers } from './environments/environment-handlers';
import { EnvironmentService } from './environments/environment-service';
import { logHandlers } from './logs/log-handlers';
import { LogService } from './logs/log-service';
import { pipelineHandlers } from './pipelines/pipeline-handlers';
import { PipelineService } from './pipelines/pipeline-service';
import { ProjectRegistry } from './projects/project-registry';
import { projectHandlers } from './projects/project-handlers';
import { isInside } from './projects/project-paths';
import { ProjectService } from './projects/project-service';
import { FolderWatcher } from './projects/project-watcher';
import { PortProxy, type ProxyListening } from './proxy/port-proxy';
import { APP_COOKIE_PREFIX } from './proxy/app-cookies';
import { ProxyAuth } from './proxy/proxy-auth';
import { routesOf, type ProxyRoute } from './proxy/routes';
import { runHandlers } from './runs/run-handlers';
import { RunManager } from './runs/run-manager';
import { jobHandlers } from './jobs/job-handlers';
import { JobRoom } from './jobs/job-room';
import { serviceLink, withServiceAddresses } from './proxy/service-links';
import { ContainerFiles } from './sessions/container-files';
import { sessionHandlers } from './sessions/session-handlers';
import { SessionManager } from './sessions/session-manager';
import { SessionRecovery } from './sessions/session-recovery';
import type { Settings } from './settings/settings';
import { openSecretStore, secretStorage } from './variables/open-secret-store';
import type { SecretCipher } from './variables/secret-store';
import { variableHandlers } from './variables/variable-handlers';
import { VariableService } from './variables/variable-service';
import { Workspace } from './workspace/workspace';

export interface AppOptions {
  /** The app's config and data folder. */
  home: string;
  shell: AppInfo['shell'];
  version: string;
  settings: Settings;
  /** Encrypts the variables (safeStorage in the desktop app); without it they are kept in a 0600 file. */
  cipher?: SecretCipher;
  /** The folder with the files given to containers (orchest-sdk/, step-runner/); found upward from the code when not given. */
  resourcesDir?: string;
  /** The process's own log, where the app notes its start and the engine's changes. */
  log?: AppLog;
  /** Desktop-only file actions (trash, open with the system's app); the headless host deletes for good. */
  desktopFiles?: DesktopFileHooks;
}

/** The composition root: builds every service, wires them to the bridge, and disposes them. */
export class OrchestApp {
  readonly bridge: BridgeServer;
  readonly engine: EngineMonitor;
  readonly projects: ProjectService;
  readonly pipelines: PipelineService;
  readonly variables: VariableService;
  readonly sessions: SessionManager;
  readonly proxy: PortProxy;
  readonly logs: LogService;
  readonly environments: EnvironmentService;
  readonly runs: RunManager;
  readonly jobs: JobRoom;
  private proxyListening: ProxyListening | undefined;
  private routes = new Map<string, ProxyRoute>();
  private readonly recovery: SessionRecovery;
  private readonly workspace: Workspace;
  private workspaceWatcher: FolderWatcher | undefined;

  constructor(private readonly options: AppOptions) {
    const { settings } = options;
    const owner = ownerIdOf(options.home);
    this.workspace = new Workspace(() => settings.get().workspace);
    this.engine = new EngineMonitor((status) => {
      options.log?.write(status.reachable ? 'info' : 'warn', engineLogLine(status));
      this.bridge.broadcast('engine.status', status);
      if (status.reachable) void this.recovery.attach().then(() => this.removeStrayJobRuns());
      else this.recovery.detach();
    });
    this.projects = new ProjectService(this.workspace, new ProjectRegistry(options.home), () =>
      this.bridge.broadcast('projects.changed', {}),
    );
    this.pipelines = new PipelineService((projectId) => this.projects.folder(projectId));
    this.variables = new VariableService(openSecretStore(options.home, options.cipher));
    this.logs = new LogService(
      (projectId) => this.projects.folder(projectId),
      ({ projectId, pipelineUuid, source }, problem) => this.sessions.logProblem(projectId, pipelineUuid, source, problem),
    );
    const containerFiles = new ContainerFiles(options.home, options.resourcesDir);
    this.sessions = new SessionManager({
      docker: () => this.engine.docker(),
      sources: {
        projectFolder: (projectId) => this.projects.folder(projectId),
        pipeline: (projectId, relative) => this.pipelines.get(projectId, relative),
        variables: (projectId, pipelineUuid) => this.variables.effective(projectId, pipelineUuid),
        dataDir: () => this.workspace.dataPath,
        owner,
        containerFiles,
        proxyOrigin: () => (this.proxyListening ? this.proxy.origin : undefined),
      },
      logs: this.logs,
      beforeStop: (session) => this.runs.cancelInSession(session),
      pipelineUuid: (projectId, relative) => this.pipelines.uuidOf(projectId, relative),
      onChange: (session) => {
        this.routes = routesOf(this.sessions.list());
        this.bridge.broadcast('sessions.changed', session);
      },
      present: (session) => withServiceAddresses(session, this.proxy.origin),
    });
    this.runs = new RunManager({
      docker: () => this.engine.docker(),
      pipeline: (projectId, relative) => this.pipelines.get(projectId, relative),
      pipelineUuid: (projectId, relative) => this.pipelines.uuidOf(projectId, relative),
      projectFolder: (projectId) => this.projects.folder(projectId),
      variables: (projectId, pipelineUuid) => this.variables.effective(projectId, pipelineUuid),
      dataDir: () => this.workspace.dataPath,
      owner,
      containerFiles,
      logs: this.logs,
      startSession: (projectId, relative) => this.sessions.start(projectId, relative, true),
      session: (projectId, relative) => this.sessions.get(projectId, relative),
      environmentName: async (projectId, uuid) => (await this.environments.get(projectId, uuid)).name,
      onChange: (run) => this.bridge.broadcast('runs.changed', run),
    });
    this.environments = new EnvironmentService({
      home: options.home,
      docker: () => this.engine.docker(),
      projectFolder: (projectId) => this.projects.folder(projectId),
      sessions: () => this.sessions.list(),
      onBuild: (build, lines) => this.bridge.broadcast('environments.buildChanged', { build, lines }),
      variables: async (projectId) => (await this.variables.get(projectId)).project,
      lockedImages: () => this.jobs.manager.lockedImages(),
    });
    this.jobs = new JobRoom({
      home: options.home,
      cipher: options.cipher,
      owner,
      docker: () => this.engine.docker(),
      containerFiles,
      dataDir: () => this.workspace.dataPath,
      proxyOrigin: () => (this.proxyListening ? this.proxy.origin : undefined),
      pipeline: (projectId, relative) => this.pipelines.get(projectId, relative),
      projectFolder: (projectId) => this.projects.folder(projectId),
      effectiveVariables: (projectId, pipelineUuid) => this.variables.effective(projectId, pipelineUuid),
      environmentName: async (projectId, uuid) => (await this.environments.get(projectId, uuid)).name,
      runsAtOnce: () => settings.get().jobRunsAtOnce,
      broadcast: (name, payload) => this.bridge.broadcast(name, payload),
    });
    this.proxy = new PortProxy({ routes: () => this.routes, auth: new ProxyAuth(`${APP_COOKIE_PREFIX}_proxy_${process.pid}`) });
    this.recovery = new SessionRecovery(this.sessions, () => this.engine.docker(), (projectId, pipelineUuid) =>
      this.pipelines.pathOf(projectId, pipelineUuid).catch(() => undefined),
      owner,
      (error) => console.error(`Could not take back the running sessions: ${error instanceof Error ? error.message : String(error)}`),
    );
    this.bridge = new BridgeServer(this.handlers());
  }

  async start(): Promise<void> {
    const { version, shell, settings, log } = this.options;
    log?.write('info', `Orchest Desktop ${version} (${shell}) starts, Node.js ${process.versions.node} on ${process.platform}; workspace ${settings.get().workspace}`);
    this.proxyListening = await this.proxy.listen(this.options.settings.get().proxyPort);
    this.engine.start();
    await this.watchWorkspace();
    // Jobs that cannot be read are said in their own tab; the rest of the app starts whatever they hold.
    await this.jobs.start().catch((error: unknown) => log?.write('error', `The jobs could not be taken up: ${error instanceof Error ? error.message : String(error)}`));
  }

  private handlers(): Handlers {
    const { settings } = this.options;
    return {
      'app.info': () => ({
        version: this.options.version,
        shell: this.options.shell,
        platform: process.platform,
        secrets: secretStorage(this.options.home, this.options.cipher),
      }),
      'app.diagnostics': () => this.diagnostics(),
      'engine.status': ({ refresh }) => this.engine.status(refresh),
      'workspace.status': () => this.workspace.status(),
      'settings.get': () => settings.get(),
      'settings.update': async (patch) => {
        const before = settings.get().workspace;
        const next = settings.update(patch);
        if (next.workspace !== before) {
          await this.watchWorkspace();
          this.bridge.broadcast('projects.changed', {});
        }
        return next;
      },
      ...projectHandlers(this.projects, async (projectId) => {
        await this.sessions.stopWhere((s) => s.projectId === projectId);
        await this.variables.forget(projectId);
      }),
      // A pipeline file deleted from the Files tab (or the folder it was in) takes its session with it.
      ...fileHandlers(this.projects, this.options.desktopFiles, (projectId, deleted) =>
        this.sessions.stopWhere((s) => s.projectId === projectId && isInside(deleted, s.pipelinePath)),
      ),
      ...variableHandlers(this.variables, this.projects, this.pipelines),
      ...pipelineHandlers(this.pipelines, async (projectId, uuid) => {
        await this.sessions.stopWhere((s) => s.projectId === projectId && s.pipelineUuid === uuid);
        await this.variables.forget(projectId, uuid);
      }),
      ...sessionHandlers(this.sessions),
      ...environmentHandlers(this.environments),
      ...runHandlers(this.runs),
      ...jobHandlers(this.jobs.manager),
      ...logHandlers(this.logs, this.sessions, this.pipelines, this.jobs.runLogs),
      'proxy.status': () => ({ origin: this.proxy.origin, ...(this.proxyListening ?? { port: 0 }) }),
      'services.link': async ({ projectId, path, service, port }) => ({
        url: serviceLink(this.proxy, await this.sessions.get(projectId, path), service, port),
      }),
    };
  }

  private async diagnostics(): Promise<Diagnostics> {
    const { home, version, shell, settings } = this.options;
    const { node, electron, chrome } = process.versions;
    return diagnosticsReport({
      app: { version, shell },
      runtime: { node, electron, chrome },
      os: { platform: process.platform, release: os.release(), arch: process.arch },
      engine: await this.engine.status(true),
      paths: { home, logs: logsFolder(home), settings: settings.path, workspace: settings.get().workspace },
      proxy: this.proxy.origin,
      storedSettings: settings.stored(),
    });
  }

  /** New or removed folders under projects/ change the project list. */
  private async watchWorkspace(): Promise<void> {
    await this.workspaceWatcher?.dispose();
    this.workspaceWatcher = undefined;
    const status = await this.workspace.status();
    if (status.error) return;
    this.workspaceWatcher = new FolderWatcher(
      this.workspace.projectsPath,
      () => this.bridge.broadcast('projects.changed', {}),
      0,
    );
    // A folder made right after a change of workspace is reported, not taken for part of the first scan.
    await this.workspaceWatcher.ready;
  }

  /** Job runs' leftovers that no run carries out now, once the engine answers (at start, and when it is back). */
  private async removeStrayJobRuns(): Promise<void> {
    try {
      await this.jobs.removeStrays(await this.engine.docker());
    } catch (error) {
      this.options.log?.write('warn', `Could not remove what job runs left in Docker: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Stops the sessions, unless the setting keeps them running for the next start to take back. */
  async dispose(): Promise<void> {
    this.engine.dispose();
    this.recovery.dispose();
    await this.environments.dispose();
    await this.runs.dispose();
    await this.jobs.dispose();
    await this.sessions.shutdown(!this.options.settings.get().keepSessionsRunning);
    await this.logs.dispose();
    await this.proxy.dispose();
    await this.workspaceWatcher?.dispose();
    await this.bridge.dispose();
  }
}

function engineLogLine(status: EngineStatus): string {
  return status.reachable
    ? `Docker ${status.version} (API ${status.apiVersion}) answers at ${status.host}`
    : `Docker does not answer at ${status.host} (${status.problem}): ${status.reason}`;
}
