import { AppError } from '../app-error';
import { readPipelineFile } from './pipeline-file';
import { migratePipeline } from './pipeline-migrations';
import { validatePipeline } from './pipeline-validation';

export interface FileCheck {
  file: string;
  /** One line per broken rule: `service 'x': field: reason`, or the JSON error with line and column. */
  errors: string[];
}

/** Reads a pipeline file, migrates it in memory and checks Orchest's rules; it never writes. */
export async function checkPipelineFile(file: string): Promise<FileCheck> {
  try {
    const read = await readPipelineFile(file, file);
    const issues = validatePipeline(migratePipeline(read.json).definition);
    return { file, errors: issues.map((i) => (i.service ? `service '${i.service}': ${i.message}` : i.message)) };
  } catch (error) {
    if (error instanceof AppError) return { file, errors: [error.message.replace(`${file} `, '')] };
    throw error;
  }
}
