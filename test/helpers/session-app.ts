import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BridgeClient, EventPayload, Project, Session } from '../../electron/contract';
import { OrchestApp } from '../../electron/core/app';
import { ownerIdOf } from '../../electron/core/app-home';
import { LABELS } from '../../electron/core/docker/labels';
import { createConfSettings } from '../../electron/core/settings/conf-settings';
import { makeTempDir } from './temp-dir';

const exec = promisify(execFile);

/** Runs the docker CLI; resolves with its trimmed stdout. */
export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await exec('docker', args, { maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

/** Names of the containers and networks labelled with the project, so a test can see nothing is left. */
export function labelledResources(projectUuid: string): Promise<{ containers: string[]; networks: string[] }> {
  return resourcesMatching(`label=${LABELS.project}=${projectUuid}`);
}

/** Removes whatever a test left with the project's label, even after a failure. */
export function removeLabelled(projectUuid: string): Promise<void> {
  return removeMatching(`label=${LABELS.project}=${projectUuid}`);
}

/** Removes the containers and networks an app home's instance made (its owner label), for when that app cannot be asked. */
export function removeOwnedBy(home: string): Promise<void> {
  return removeMatching(`label=${LABELS.owner}=${ownerIdOf(home)}`);
}

async function resourcesMatching(filter: string): Promise<{ containers: string[]; networks: string[] }> {
  const lines = (text: string) => text.split('\n').filter(Boolean);
  return {
    containers: lines(await docker('ps', '-a', '--filter', filter, '--format', '{{.Names}}')),
    networks: lines(await docker('network', 'ls', '--filter', filter, '--format', '{{.Name}}')),
  };
}

async function removeMatching(filter: string): Promise<void> {
  const { containers, networks } = await resourcesMatching(filter);
  if (containers.length > 0) await docker('rm', '-f', '-v', ...containers);
  if (networks.length > 0) await docker('network', 'rm', ...networks);
}

/** Removes the environment images the app built for a project, tagged or left untagged by a build. */
export async function removeEnvironmentImages(projectUuid: string | undefined): Promise<void> {
  if (!projectUuid) return;
  const images = (await docker('images', '-a', '-q', '--filter', `label=${LABELS.project}=${projectUuid}`)).split('\n').filter(Boolean);
  if (images.length > 0) await docker('rmi', '-f', ...new Set(images)).catch(() => undefined); // a parent goes with its child
}

export interface SessionApp {
  app: OrchestApp;
  project: Project;
  /** The app home: settings, the variables' file, logs. */
  home: string;
  workspace: string;
  events: Session[];
  /** A request through the bridge, as the renderer makes it. */
  request(name: string, input: unknown): Promise<unknown>;
  /** Replaces main.orchest's services. */
  setServices(services: Record<string, Record<string, unknown>>): Promise<void>;
  close(): Promise<void>;
}

/** An app in this process on a temp home and workspace, with one project. */
export async function startSessionApp(projectName = 'sessions'): Promise<SessionApp> {
  const { dir, cleanup } = await makeTempDir('od-sessions-');
  const home = path.join(dir, 'home');
  const workspace = path.join(dir, 'workspace');
  const settings = createConfSettings(home);
  settings.update({ workspace });
  const app = new OrchestApp({ home, shell: 'host', version: 'test', settings });
  await app.start();
  const events: Session[] = [];
  const caller = app.bridge.connect((name, payload) => {
    if (name === 'sessions.changed') events.push(payload as EventPayload<'sessions.changed'>);
  });
  const project = await app.projects.create(projectName);
  return {
    app,
    project,
    home,
    workspace,
    events,
    async request(name, input) {
      const reply = await caller.request(name, input);
      if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
      return reply.value;
    },
    async setServices(services) {
      const { revision } = await app.pipelines.get(project.uuid, 'main.orchest');
      await app.pipelines.saveServices(project.uuid, 'main.orchest', revision, services);
    },
    async close() {
      caller.dispose();
      try {
        await app.dispose();
      } finally {
        await removeLabelled(project.uuid);
        await cleanup();
      }
    },
  };
}

/** Replaces main.orchest's services through the bridge, which checks them as the Services tab's Save does. */
export async function saveServices(client: BridgeClient, projectId: string, services: Record<string, Record<string, unknown>>) {
  const { revision } = await client.request('pipelines.get', { projectId, path: 'main.orchest' });
  await client.request('pipelines.saveServices', { projectId, path: 'main.orchest', revision, services });
}

let order = 0;

/** A valid service that runs a shell until stopped (it stops at once on SIGTERM). */
export function idleService(name: string, image: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    image,
    scope: ['interactive'],
    command: 'sh',
    args: '-c "while :; do sleep 1; done"',
    ports: [8000],
    exposed: false,
    order: order++,
    ...extra,
  };
}
