import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProjectRegistry } from '../../../../electron/core/projects/project-registry';
import { ProjectService } from '../../../../electron/core/projects/project-service';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { makeTempDir } from '../../../helpers/temp-dir';

describe('ProjectService', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let onChanged: ReturnType<typeof vi.fn<() => void>>;
  const workspacePath = () => path.join(root, 'workspace');
  const service = () => new ProjectService(new Workspace(workspacePath), new ProjectRegistry(path.join(root, 'home')), onChanged);

  beforeEach(async () => {
    ({ dir: root, cleanup } = await makeTempDir());
    onChanged = vi.fn<() => void>();
  });
  afterEach(() => cleanup());

  it('creates a missing workspace with projects/ and data/', async () => {
    expect(await service().list()).toEqual([]);
    expect((await fs.stat(path.join(workspacePath(), 'projects'))).isDirectory()).toBe(true);
    expect((await fs.stat(path.join(workspacePath(), 'data'))).isDirectory()).toBe(true);
  });

  it("creates a project as Orchest did: .gitignore files, default environment, git and a Main pipeline", async () => {
    const project = await service().create('demo');
    expect(project).toMatchObject({ name: 'demo', path: path.join(workspacePath(), 'projects', 'demo'), external: false });
    const read = (rel: string) => fs.readFile(path.join(project.path, rel), 'utf8');
    expect(await read('.gitignore')).toContain('.orchest/pipelines/*/logs/');
    expect(await read('.orchest/.gitignore')).toBe('pipelines/*/logs/\npipelines/*/data/\nplasma.sock\n');
    const [envUuid] = await fs.readdir(path.join(project.path, '.orchest/environments'));
    expect(JSON.parse(await read(`.orchest/environments/${envUuid}/properties.json`))).toEqual({
      name: 'Python 3',
      uuid: envUuid,
      language: 'python',
      base_image: 'orchest/base-kernel-py',
      gpu_support: false,
    });
    expect(await read(`.orchest/environments/${envUuid}/setup_script.sh`)).toMatch(/^#!\/bin\/bash\n/);
    expect(JSON.parse(await read('main.orchest'))).toMatchObject({ name: 'Main', version: '1.0.0', steps: {}, parameters: {} });
    expect(onChanged).toHaveBeenCalled();
  });

  it('refuses a name outside the rule and a name that is taken', async () => {
    await expect(service().create('../up')).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'name' });
    await service().create('demo');
    await expect(service().create('demo')).rejects.toMatchObject({ code: 'CONFLICT', field: 'name' });
  });

  it('keeps a project id across restarts and renames', async () => {
    const { uuid, path: folder } = await service().create('before');
    expect((await service().list()).map((p) => p.uuid)).toEqual([uuid]);
    await fs.rename(folder, path.join(path.dirname(folder), 'after'));
    expect(await service().list()).toMatchObject([{ uuid, name: 'after' }]);
  });

  it("finds a project's folder after a rename", async () => {
    const { uuid, path: folder } = await service().create('old-name');
    const s = service();
    expect(await s.folder(uuid)).toBe(folder);
    await fs.rename(folder, path.join(path.dirname(folder), 'new-name'));
    expect(await s.folder(uuid)).toBe(path.join(path.dirname(folder), 'new-name'));
  });

  it('discovers folders made by hand, ignoring names outside the rule', async () => {
    await fs.mkdir(path.join(workspacePath(), 'projects', 'by-hand'), { recursive: true });
    await fs.mkdir(path.join(workspacePath(), 'projects', 'bad name'));
    const projects = await service().list();
    expect(projects.map((p) => p.name)).toEqual(['by-hand']);
    await expect(fs.stat(path.join(projects[0]!.path, 'main.orchest'))).resolves.toBeTruthy();
  });

  it('gives one id to a folder when many list at once', async () => {
    await fs.mkdir(path.join(workspacePath(), 'projects', 'once'), { recursive: true });
    const s = service();
    const lists = await Promise.all([s.list(), s.list(), s.list()]);
    expect(new Set(lists.map((l) => l[0]?.uuid)).size).toBe(1);
  });

  it('imports a folder in place and only forgets it on delete', async () => {
    const outside = path.join(root, 'code', 'analysis');
    await fs.mkdir(outside, { recursive: true });
    await fs.writeFile(path.join(outside, 'notes.md'), 'keep me');
    const project = await service().import(outside);
    expect(project).toMatchObject({ name: 'analysis', path: outside, external: true });
    expect((await service().list()).map((p) => p.uuid)).toEqual([project.uuid]);
    await service().delete(project.uuid, 'analysis');
    expect(await service().list()).toEqual([]);
    expect(await fs.readFile(path.join(outside, 'notes.md'), 'utf8')).toBe('keep me');
  });

  it('deletes a workspace project only with its name typed again', async () => {
    const project = await service().create('doomed');
    await expect(service().delete(project.uuid, 'doome')).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'confirmName' });
    await service().delete(project.uuid, 'doomed');
    await expect(fs.stat(project.path)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await service().list()).toEqual([]);
  });

  it('reports an unusable workspace instead of crashing', async () => {
    await fs.writeFile(workspacePath(), 'a file where the workspace should be');
    await expect(service().list()).rejects.toMatchObject({ code: 'WORKSPACE_UNAVAILABLE' });
  });
});
