import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { STEP_FILE_EXTENSIONS } from '../../contract';
import { AppError } from '../app-error';
import { isInside } from '../projects/project-paths';
import { kernelspecOf } from './notebook-kernelspec';
import { toNotebookJson } from './orchest-json';

export interface NotebookEnvironment {
  uuid: string;
  name: string;
  language: string;
}

/**
 * Creates a step's file, `filePath` being relative to the pipeline's folder, with the folders it needs:
 * empty, or for `.ipynb` a notebook for the environment's kernel. Never replaces a file; refuses a path that
 * leaves the project, through `..` or a symbolic link. Returns the path in its short form.
 */
export async function createStepFile(
  projectDir: string,
  pipelinePath: string,
  filePath: string,
  environment: NotebookEnvironment | undefined,
): Promise<string> {
  const portable = path.posix.normalize(filePath.replaceAll('\\', '/'));
  const extension = path.posix.extname(portable).slice(1);
  if (!(STEP_FILE_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new AppError('INVALID_INPUT', `A step's file ends in ${STEP_FILE_EXTENSIONS.map((e) => `.${e}`).join(', ')}`, 'filePath');
  }
  const refuse = (why: string) => new AppError('FORBIDDEN_PATH', `'${filePath}' ${why}`, 'filePath');
  if (path.posix.isAbsolute(portable) || /^[a-zA-Z]:/.test(portable)) throw refuse('must be relative to the pipeline');
  const relative = path.posix.normalize(path.posix.join(path.posix.dirname(pipelinePath), portable));
  const target = path.resolve(projectDir, ...relative.split('/'));
  if (relative === '..' || relative.startsWith('../') || !isInside(projectDir, target)) throw refuse('leaves the project folder');

  const realRoot = await fs.realpath(projectDir);
  const folder = path.dirname(target);
  const staysInside = async (at: string) => isInside(realRoot, await fs.realpath(at).catch(() => '/\0'));
  if (!(await staysInside(await deepestExisting(folder)))) throw refuse('is in a link that leads outside the project folder');
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new AppError('CONFLICT', `A file is in the way of ${portable}'s folder`, 'filePath');
    throw error;
  }
  if (!(await staysInside(folder))) throw refuse('is in a link that leads outside the project folder');

  const content = extension === 'ipynb' ? newNotebook(environment) : '';
  try {
    // 'wx' also refuses a symbolic link at the file's place, even a dangling one.
    await fs.writeFile(target, content, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('CONFLICT', `${portable} already exists`, 'filePath');
    throw error;
  }
  return portable;
}

/** An nbformat 4 notebook with one empty code cell, set to the environment's Orchest kernel. */
export function newNotebook(environment: NotebookEnvironment | undefined): string {
  const language = environment?.language ?? 'python';
  return toNotebookJson({
    cells: [{ cell_type: 'code', execution_count: null, id: randomUUID().slice(0, 8), metadata: {}, outputs: [], source: [] }],
    metadata: {
      ...(environment ? { kernelspec: kernelspecOf(environment) } : {}),
      language_info: { name: language === 'r' ? 'R' : language },
    },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

async function deepestExisting(folder: string): Promise<string> {
  for (let at = folder; ; at = path.dirname(at)) {
    try {
      await fs.lstat(at);
      return at;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(at) === at) throw error;
    }
  }
}
