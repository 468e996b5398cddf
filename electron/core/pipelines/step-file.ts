import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { STEP_FILE_EXTENSIONS } from '../../contract';
import { AppError } from '../app-error';
import { freeEntry } from '../files/entry-path';
import { ensureFolder } from '../files/file-operations';
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
  if (path.posix.isAbsolute(portable) || /^[a-zA-Z]:/.test(portable)) {
    throw new AppError('FORBIDDEN_PATH', `'${filePath}' must be relative to the pipeline`, 'filePath');
  }
  const relative = path.posix.normalize(path.posix.join(path.posix.dirname(pipelinePath), portable));
  // The Files tab's checks: no '..' out, no link leading out, at every folder made and at the file.
  await ensureFolder(projectDir, path.posix.dirname(relative), 'filePath');
  const entry = await freeEntry(projectDir, relative, 'filePath');
  const content = extension === 'ipynb' ? newNotebook(environment) : '';
  try {
    // 'wx' also refuses anything that appeared since the check, a link included.
    await fs.writeFile(entry.absolute, content, { flag: 'wx' });
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
