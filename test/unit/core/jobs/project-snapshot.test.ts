import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copySnapshot, measureProject, snapshotProject, type CopyProgress } from '../../../../electron/core/jobs/project-snapshot';
import { itNeeding, noPosixFileModes } from '../../../helpers/machine-needs';
import { makeTempDir } from '../../../helpers/temp-dir';

const PIPELINE = '0915b350-b929-4cbd-b0d4-763cac0bb69f';

async function write(root: string, relative: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(root, relative)), { recursive: true });
  await fs.writeFile(path.join(root, relative), text);
}

/** Every file, folder and link under root, relative, with links as `name -> target`. */
async function tree(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
    const relative = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (entry.isSymbolicLink()) found.push(`${relative} -> ${await fs.readlink(path.join(root, relative))}`);
    else found.push(entry.isDirectory() ? `${relative}/` : relative);
  }
  return found.sort();
}

describe('project snapshot', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let project: string;
  let outside: string;

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    project = path.join(dir, 'project');
    outside = path.join(dir, 'outside');
    await write(outside, 'secret.txt', 'not for the snapshot');
    await write(outside, 'big/blob.bin', 'x'.repeat(1000));
    await write(project, 'main.orchest', '{}');
    await write(project, 'train.py', 'print(1)\n');
    await write(project, '.gitignore', '*.log\n/build/\n!keep.log\n');
    await write(project, 'run.log', 'left out');
    await write(project, 'keep.log', 'kept by a negation');
    await write(project, 'build/out.o', 'left out');
    await write(project, 'src/build/kept.txt', 'only /build/ at the root is ignored');
    await write(project, 'src/.gitignore', 'cache/\n');
    await write(project, 'src/cache/c.bin', 'left out by the nested .gitignore');
    await write(project, 'src/util.py', 'x = 1\n');
    await write(project, 'notes/.gitignore', '!debug.log\n');
    await write(project, 'notes/debug.log', 'the deeper .gitignore wins');
    await write(project, '.git/HEAD', 'ref: refs/heads/main\n');
    await write(project, `.orchest/pipelines/${PIPELINE}/logs/step.log`, 'left out');
    await write(project, `.orchest/pipelines/${PIPELINE}/logs/service.txt`, 'left out');
    await write(project, '.orchest/environments/e1/properties.json', '{}');
    await write(project, 'workspace-data/x.csv', 'left out by leaveOut');
    await fs.symlink('train.py', path.join(project, 'link-in'));
    await fs.symlink('../src/util.py', path.join(project, 'notes', 'util-link'));
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(project, 'link-abs-out'));
    await fs.symlink('../outside/big', path.join(project, 'link-dir-out'));
    await fs.symlink('src/../../outside/secret.txt', path.join(project, 'link-sneaky'));
    await fs.symlink(path.join(project, 'src', 'util.py'), path.join(project, 'src', 'link-abs-in'));
  });
  afterEach(() => cleanup());

  const expected = [
    '.gitignore',
    '.orchest/',
    '.orchest/environments/',
    '.orchest/environments/e1/',
    '.orchest/environments/e1/properties.json',
    '.orchest/pipelines/',
    `.orchest/pipelines/${PIPELINE}/`,
    'keep.log',
    'link-in -> train.py',
    'main.orchest',
    'notes/',
    'notes/.gitignore',
    'notes/debug.log',
    'notes/util-link -> ../src/util.py',
    'src/',
    'src/.gitignore',
    'src/build/',
    'src/build/kept.txt',
    'src/link-abs-in -> util.py',
    'src/util.py',
    'train.py',
  ];

  it('copies the project without what .gitignore names, .git, the logs and the data, and links as links', async () => {
    const target = path.join(dir, 'home', 'jobs', 'j1', 'snapshot');
    const size = await snapshotProject(project, target, { leaveOut: [path.join(project, 'workspace-data')] });
    expect(await tree(target)).toEqual(expected);
    expect(await fs.readFile(path.join(target, 'notes', 'util-link'), 'utf8')).toBe('x = 1\n');
    expect(size.linksOut.sort()).toEqual(['link-abs-out', 'link-dir-out', 'link-sneaky']);
    expect(size).toMatchObject({ files: 10, folders: 8, links: 3 });
  });

  it('never follows a link out of the project, even one to a folder', async () => {
    const target = path.join(dir, 'snap');
    await snapshotProject(project, target);
    const copied = await tree(target);
    expect(copied.some((entry) => entry.includes('blob.bin') || entry.includes('secret'))).toBe(false);
  });

  it('says its size and file count before copying, the same as the copy reports', async () => {
    const measured = await measureProject(project, { leaveOut: [path.join(project, 'workspace-data')] });
    const bytes = (await Promise.all(expected.filter((e) => !e.endsWith('/') && !e.includes(' -> ')).map((e) => fs.stat(path.join(project, e))))).reduce(
      (sum, stats) => sum + stats.size,
      0,
    );
    expect(measured).toMatchObject({ files: 10, bytes });
    await expect(fs.access(path.join(dir, 'snap'))).rejects.toThrow();
    const copied = await snapshotProject(project, path.join(dir, 'snap'), { leaveOut: [path.join(project, 'workspace-data')] });
    expect(copied).toEqual(measured);
  });

  it('copies a project of thousands of files, reporting its progress to the end', async () => {
    for (let folder = 0; folder < 30; folder++) {
      await Promise.all(Array.from({ length: 100 }, (_, i) => write(project, `many/f${folder}/file-${i}.txt`, `${folder}-${i}\n`)));
    }
    const measured = await measureProject(project);
    expect(measured.files).toBeGreaterThan(3000);
    const seen: CopyProgress[] = [];
    const target = path.join(dir, 'snap');
    // The event loop keeps turning while the copy goes on (the app stays responsive), counted, not timed.
    let turns = 0;
    let copying = true;
    const turn = () => {
      turns++;
      if (copying) setImmediate(turn);
    };
    setImmediate(turn);
    await snapshotProject(project, target, { onProgress: (p) => seen.push(p), concurrency: 4 });
    copying = false;
    expect(turns).toBeGreaterThan(100);
    expect(seen).toHaveLength(measured.files);
    expect(seen.at(-1)).toEqual({ files: measured.files, bytes: measured.bytes, totalFiles: measured.files, totalBytes: measured.bytes });
    expect(seen.every((p, i) => i === 0 || p.bytes >= seen[i - 1]!.bytes)).toBe(true);
    expect(await fs.readFile(path.join(target, 'many', 'f29', 'file-99.txt'), 'utf8')).toBe('29-99\n');
  }, 120_000); // thousands of files on a busy machine's disk

  it('refuses to copy over a folder that exists, and stops when aborted', async () => {
    await fs.mkdir(path.join(dir, 'taken'));
    await expect(snapshotProject(project, path.join(dir, 'taken'))).rejects.toMatchObject({ code: 'CONFLICT' });
    const controller = new AbortController();
    controller.abort();
    await expect(snapshotProject(project, path.join(dir, 'never'), { signal: controller.signal })).rejects.toThrow();
    await expect(fs.access(path.join(dir, 'never'))).rejects.toThrow();
  });

  it('removes what it copied when aborted halfway', async () => {
    const controller = new AbortController();
    const target = path.join(dir, 'half');
    const copy = snapshotProject(project, target, { concurrency: 1, signal: controller.signal, onProgress: (p) => p.files === 3 && controller.abort() });
    await expect(copy).rejects.toThrow();
    await expect(fs.access(target)).rejects.toThrow();
  });

  it('gives a run its own full copy of the snapshot, links as links', async () => {
    const snapshot = path.join(dir, 'snap');
    await snapshotProject(project, snapshot, { leaveOut: [path.join(project, 'workspace-data')] });
    const runCopy = path.join(dir, 'runs', 'r1', 'project');
    await copySnapshot(snapshot, runCopy);
    expect(await tree(runCopy)).toEqual(expected);
    await fs.writeFile(path.join(runCopy, 'train.py'), 'changed by the run');
    expect(await fs.readFile(path.join(snapshot, 'train.py'), 'utf8')).toBe('print(1)\n');
  });

  itNeeding(noPosixFileModes, 'keeps a file executable', async () => {
    await fs.chmod(path.join(project, 'train.py'), 0o755);
    await snapshotProject(project, path.join(dir, 'snap'));
    expect((await fs.stat(path.join(dir, 'snap', 'train.py'))).mode & 0o777).toBe(0o755);
  });
});
