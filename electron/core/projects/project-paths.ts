import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../app-error';

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Turns a relative path into forward-slash form, the way it is shown and sent. */
export function toPortable(relative: string): string {
  return relative.split(path.sep).join('/');
}

/**
 * Resolves a path the renderer sent against a project folder. Absolute paths, `..` that leave the
 * folder and symbolic links that lead out of it are refused with FORBIDDEN_PATH.
 */
export async function resolveInsideProject(projectDir: string, relative: string): Promise<string> {
  const refuse = (why: string) => new AppError('FORBIDDEN_PATH', `'${relative}' ${why}`, 'path');
  if (relative.includes('\0')) throw refuse('contains a NUL character');
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) throw refuse('must be relative to the project');
  const target = path.resolve(projectDir, ...relative.split('/'));
  if (!isInside(projectDir, target)) throw refuse('leaves the project folder');
  let realRoot: string;
  let realTarget: string;
  try {
    realRoot = await fs.realpath(projectDir);
    realTarget = await fs.realpath(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('NOT_FOUND', `'${relative}' does not exist in the project`, 'path');
    }
    throw error;
  }
  if (!isInside(realRoot, realTarget)) throw refuse('is a link that leads outside the project folder');
  return realTarget;
}
