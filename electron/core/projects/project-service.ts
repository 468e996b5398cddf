import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_NAME_RULE, ProjectName, type Project } from '../../contract';
import { AppError } from '../app-error';
import type { Workspace } from '../workspace/workspace';
import { ensureProjectCollateral } from './project-collateral';
import { isInside } from './project-paths';
import type { ProjectRegistry, RegistryEntry } from './project-registry';
import { SerialQueue } from './serial-queue';

type FolderIdentity = { path: string; dev: string; ino: string };

/**
 * Projects are the folders under the workspace's projects/ (discovered as Orchest did) plus folders
 * imported in place. Each keeps a uuid that survives restarts and renames.
 */
export class ProjectService {
  private readonly queue = new SerialQueue();

  constructor(
    private readonly workspace: Workspace,
    private readonly registry: ProjectRegistry,
    private readonly onChanged: () => void,
  ) {}

  list(): Promise<Project[]> {
    return this.queue.run(async () => (await this.sync()).map(toProject).sort(byName));
  }

  async get(uuid: string): Promise<Project> {
    const project = (await this.list()).find((p) => p.uuid === uuid);
    if (!project) throw new AppError('NOT_FOUND', `No project with id ${uuid}`, 'projectId');
    return project;
  }

  /** The project's folder, for the services that work inside it; rediscovered only when it moved. */
  async folder(uuid: string): Promise<string> {
    const known = this.registry.entries().find((e) => e.uuid === uuid);
    if (known && (await isFolder(known.path))) return known.path;
    return (await this.get(uuid)).path;
  }

  async create(name: string): Promise<Project> {
    if (!ProjectName.safeParse(name).success) throw new AppError('INVALID_INPUT', PROJECT_NAME_RULE, 'name');
    const project = await this.queue.run(async () => {
      await this.workspace.ensure();
      const folder = path.join(this.workspace.projectsPath, name);
      try {
        await fs.mkdir(folder);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new AppError('CONFLICT', `A project named '${name}' already exists`, 'name');
        }
        throw error;
      }
      return (await this.sync()).find((e) => e.path === folder);
    });
    this.onChanged();
    return toProject(mustExist(project, name));
  }

  /** Adds an existing folder as a project, in place: nothing is moved or copied. */
  async import(folder: string): Promise<Project> {
    const absolute = path.resolve(folder);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat?.isDirectory()) throw new AppError('NOT_FOUND', `${absolute} is not a folder`, 'path');
    if (!ProjectName.safeParse(path.basename(absolute)).success) {
      throw new AppError('INVALID_INPUT', `The folder's name must follow the project rule: ${PROJECT_NAME_RULE}`, 'path');
    }
    const project = await this.queue.run(async () => {
      const entries = await this.sync();
      const known = entries.find((e) => e.path === absolute);
      if (known) return known;
      if (!isInside(this.workspace.projectsPath, absolute) && isInside(absolute, this.workspace.path)) {
        throw new AppError('INVALID_INPUT', 'A folder that contains the workspace cannot be a project', 'path');
      }
      const entry = await this.register(await identify(absolute), !isInside(this.workspace.projectsPath, absolute));
      this.registry.replace([...entries, entry]);
      return entry;
    });
    this.onChanged();
    return toProject(project);
  }

  /** Deletes a workspace project's folder; an imported project is only removed from the list. */
  async delete(uuid: string, confirmName: string): Promise<void> {
    await this.queue.run(async () => {
      const entries = await this.sync();
      const entry = entries.find((e) => e.uuid === uuid);
      if (!entry) throw new AppError('NOT_FOUND', `No project with id ${uuid}`, 'projectId');
      const name = path.basename(entry.path);
      if (confirmName !== name) {
        throw new AppError('INVALID_INPUT', `Type the project's name '${name}' to confirm deletion`, 'confirmName');
      }
      if (!entry.external) await fs.rm(entry.path, { recursive: true, force: true });
      this.registry.replace(entries.filter((e) => e.uuid !== uuid));
    });
    this.onChanged();
  }

  /** Matches the folders on disk with the registry: by path, then by inode (a rename), else a new id. */
  private async sync(): Promise<RegistryEntry[]> {
    await this.workspace.ensure();
    const entries = this.registry.entries();
    const folders = await discoverProjectFolders(this.workspace.projectsPath);
    const result: RegistryEntry[] = [];
    const unmatched: FolderIdentity[] = [];
    const stale = new Set(entries.filter((e) => !e.external));
    for (const folder of folders) {
      const byPath = entries.find((e) => e.path === folder.path && !e.external);
      if (byPath) {
        stale.delete(byPath);
        result.push({ ...byPath, dev: folder.dev, ino: folder.ino });
      } else unmatched.push(folder);
    }
    for (const folder of unmatched) {
      const renamed = [...stale].find((e) => e.dev === folder.dev && e.ino === folder.ino);
      if (renamed) {
        stale.delete(renamed);
        result.push({ ...renamed, path: folder.path });
      } else result.push(await this.register(folder, false));
    }
    result.push(...entries.filter((e) => e.external)); // kept even while missing: its disk may be away
    if (JSON.stringify(result) !== JSON.stringify(entries)) this.registry.replace(result);
    const present = await Promise.all(result.map(async (e) => (e.external ? isFolder(e.path) : true)));
    return result.filter((_, i) => present[i]);
  }

  private async register(folder: FolderIdentity, external: boolean): Promise<RegistryEntry> {
    await ensureProjectCollateral(folder.path);
    return { uuid: randomUUID(), ...folder, external };
  }
}

/** Orchest's discovery: direct child folders whose names follow the project rule. */
async function discoverProjectFolders(projectsPath: string): Promise<FolderIdentity[]> {
  const dirents = await fs.readdir(projectsPath, { withFileTypes: true });
  const names = dirents.filter((d) => d.isDirectory() && ProjectName.safeParse(d.name).success).map((d) => d.name);
  return Promise.all(names.map((name) => identify(path.join(projectsPath, name))));
}

async function identify(folder: string): Promise<FolderIdentity> {
  const stat = await fs.stat(folder, { bigint: true });
  return { path: folder, dev: stat.dev.toString(), ino: stat.ino.toString() };
}

async function isFolder(folder: string): Promise<boolean> {
  return fs.stat(folder).then((s) => s.isDirectory(), () => false);
}

function toProject(entry: RegistryEntry): Project {
  return { uuid: entry.uuid, name: path.basename(entry.path), path: entry.path, external: entry.external };
}

function byName(a: Project, b: Project): number {
  return a.name.localeCompare(b.name);
}

function mustExist(entry: RegistryEntry | undefined, name: string): RegistryEntry {
  if (!entry) throw new AppError('INTERNAL', `Project '${name}' was created but not found`);
  return entry;
}
