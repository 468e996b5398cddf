import path from 'node:path';
import type { PipelineSummary } from '../../contract';
import { AppError } from '../app-error';
import { readPipelineFile } from './pipeline-file';

/** A pipeline file's identity; a file that cannot be read or parsed is listed with why, and where it broke. */
export async function readPipelineSummary(projectDir: string, relative: string): Promise<PipelineSummary> {
  try {
    const { json } = await readPipelineFile(path.join(projectDir, ...relative.split('/')), relative);
    return {
      uuid: typeof json.uuid === 'string' && json.uuid !== '' ? json.uuid : null,
      name: typeof json.name === 'string' ? json.name : null,
      path: relative,
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { uuid: null, name: null, path: relative, error: error.message };
  }
}
