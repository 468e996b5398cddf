import fs from 'node:fs/promises';
import type { FileEntry, TextFile } from '../../contract';
import { readTextFile } from '../files/text-file';
import { listProjectFolder } from '../projects/project-files';
import type { JobManager } from './job-manager';

/**
 * A run's copy of the project, read-only: one folder listed or one text file read, with the same guards
 * as the Files tab's (no absolute path, no `..` out of the copy, no link leading out of it).
 */
export class JobRunFiles {
  constructor(private readonly manager: Pick<JobManager, 'runProjectFolder'>) {}

  /** One folder ('' for the top); a run whose copy is not made yet (PENDING) has no files. */
  async list(jobUuid: string, runUuid: string, relative: string): Promise<FileEntry[]> {
    const folder = await this.manager.runProjectFolder(jobUuid, runUuid);
    if (relative === '' && !(await exists(folder))) return [];
    return listProjectFolder(folder, relative);
  }

  /** A text file's content; FILE_TOO_BIG or FILE_NOT_TEXT as files.read. */
  async read(jobUuid: string, runUuid: string, relative: string): Promise<TextFile> {
    return readTextFile(await this.manager.runProjectFolder(jobUuid, runUuid), relative);
  }
}

async function exists(folder: string): Promise<boolean> {
  return fs.stat(folder).then(
    (stat) => stat.isDirectory(),
    () => false,
  );
}
