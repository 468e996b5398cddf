import fs from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../../bridge/bridge-server';
import { DOWNLOAD_LIMIT } from '../../contract';
import { AppError } from '../app-error';
import type { ProjectService } from '../projects/project-service';
import type { DesktopFileHooks } from './desktop-file-hooks';
import { createFile, createFolder, deleteEntry, describeEntry, moveEntry } from './file-operations';
import { mayOpenWithSystem } from './open-policy';
import { readTextFile, regularFile, writeTextFile } from './text-file';

type FileRequests =
  | 'files.createFile'
  | 'files.createFolder'
  | 'files.move'
  | 'files.describe'
  | 'files.delete'
  | 'files.read'
  | 'files.write'
  | 'files.download'
  | 'files.openWithSystem';

/**
 * Operations on a project's files; `desktop` is there only in the desktop app (trash, system apps).
 * `onDeleted` hears of each deleted path (a pipeline file's session then stops).
 */
export function fileHandlers(
  projects: ProjectService,
  desktop: DesktopFileHooks | undefined,
  onDeleted: (projectId: string, relative: string) => Promise<void> = async () => undefined,
): Pick<Handlers, FileRequests> {
  const folder = (projectId: string) => projects.folder(projectId);
  return {
    'files.createFile': async ({ projectId, path }) => createFile(await folder(projectId), path),
    'files.createFolder': async ({ projectId, path }) => createFolder(await folder(projectId), path),
    'files.move': async ({ projectId, from, to }) => moveEntry(await folder(projectId), from, to),
    'files.describe': async ({ projectId, path }) => describeEntry(await folder(projectId), path),
    'files.delete': async ({ projectId, path }) => {
      const deleted = await deleteEntry(await folder(projectId), path, desktop?.trashItem);
      await onDeleted(projectId, path);
      return deleted;
    },
    'files.read': async ({ projectId, path }) => readTextFile(await folder(projectId), path),
    'files.write': async ({ projectId, path, content, revision, overwrite }) =>
      writeTextFile(await folder(projectId), path, content, revision, overwrite),
    'files.download': async ({ projectId, path: relative }) => {
      const { file, shown, size } = await regularFile(await folder(projectId), relative);
      if (size > DOWNLOAD_LIMIT) {
        throw new AppError('FILE_TOO_BIG', `'${shown}' is larger than ${DOWNLOAD_LIMIT / 1024 / 1024} MB; copy it from the project's folder`, 'path');
      }
      const bytes = await fs.readFile(file);
      return { name: path.basename(shown), size: bytes.length, base64: bytes.toString('base64') };
    },
    'files.openWithSystem': async ({ projectId, path: relative }) => {
      if (!desktop) throw new AppError('INVALID_INPUT', 'Files open with a system application only in the desktop app');
      const { file, shown } = await regularFile(await folder(projectId), relative);
      if (!mayOpenWithSystem(file, await fs.stat(file))) {
        throw new AppError('FORBIDDEN_PATH', `'${shown}' is a program or script; it is not run from here`, 'path');
      }
      await desktop.openPath(file).catch((error: unknown) => {
        throw new AppError('NOT_FOUND', `No application opened '${shown}': ${error instanceof Error ? error.message : String(error)}`, 'path');
      });
      return { ok: true };
    },
  };
}
