import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveInsideProject } from '../../../../electron/core/projects/project-paths';
import { makeTempDir } from '../../../helpers/temp-dir';

describe('resolveInsideProject', () => {
  let root: string;
  let project: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ dir: root, cleanup } = await makeTempDir());
    project = path.join(root, 'project');
    await fs.mkdir(path.join(project, 'src'), { recursive: true });
    await fs.mkdir(path.join(root, 'outside'));
    await fs.writeFile(path.join(root, 'secret.txt'), 'no');
    await fs.symlink(path.join(root, 'outside'), path.join(project, 'escape'));
    await fs.symlink(path.join(project, 'src'), path.join(project, 'inner'));
  });
  afterEach(() => cleanup());

  it('resolves the folder itself and paths inside it', async () => {
    expect(await resolveInsideProject(project, '')).toBe(project);
    expect(await resolveInsideProject(project, 'src')).toBe(path.join(project, 'src'));
    expect(await resolveInsideProject(project, 'src/../src')).toBe(path.join(project, 'src'));
  });

  it('follows a link that stays inside', async () => {
    expect(await resolveInsideProject(project, 'inner')).toBe(path.join(project, 'src'));
  });

  it.each([
    ['../secret.txt', /leaves the project folder/],
    ['src/../../outside', /leaves the project folder/],
    ['/etc', /must be relative/],
    ['escape', /link that leads outside/],
    ['a\0b', /NUL/],
  ])('refuses %j', async (relative, why) => {
    await expect(resolveInsideProject(project, relative)).rejects.toMatchObject({ code: 'FORBIDDEN_PATH', field: 'path', message: expect.stringMatching(why) });
  });

  it('says when a path does not exist', async () => {
    await expect(resolveInsideProject(project, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
