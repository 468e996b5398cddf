import path from 'node:path';
import { AppError } from '../app-error';

/** Where the app's runner of notebooks is inside step containers (see StepMounts). */
export const NOTEBOOK_RUNNER = '/orchest/runner/run_notebook.py';

/** How a step's file runs: the program it needs from the image, and the command in its folder. */
export interface StepCommand {
  /** The program the image must have (named when it lacks it). */
  program: string;
  argv: string[];
}

/** Orchest's runner: each extension with its interpreter (a file without one runs with bash). */
const PROGRAMS: Record<string, string> = { py: 'python3', r: 'Rscript', sh: 'bash', jl: 'julia', js: 'node', '': 'bash' };

export function stepCommandOf(title: string, filePath: string): StepCommand {
  const name = path.posix.basename(filePath);
  const extension = path.posix.extname(name).slice(1).toLowerCase();
  if (extension === 'ipynb') return { program: 'python3', argv: ['python3', '-u', NOTEBOOK_RUNNER, name] };
  const program = PROGRAMS[extension];
  if (!program) {
    throw new AppError('PIPELINE_INVALID', `Step '${title}': ${name} cannot run; a step's file ends in .ipynb, .py, .R, .sh, .jl or .js`, 'file_path');
  }
  return { program, argv: program === 'python3' ? ['python3', '-u', name] : [program, name] };
}

/** A step file's place: in the project relative to the pipeline's folder, or under /data. */
export interface StepFileLocation {
  /** The folder the step runs in, inside its container. */
  workingDir: string;
  /** The file on the host, relative to the project folder; undefined for files under /data. */
  projectRelative: string | undefined;
}

export function stepFileLocation(title: string, pipelinePath: string, filePath: string): StepFileLocation {
  if (filePath.startsWith('/data/')) return { workingDir: path.posix.dirname(path.posix.normalize(filePath)), projectRelative: undefined };
  const relative = path.posix.normalize(path.posix.join(path.posix.dirname(pipelinePath), filePath));
  if (relative.startsWith('../') || relative === '..' || path.posix.isAbsolute(relative)) {
    throw new AppError('PIPELINE_INVALID', `Step '${title}': its file ${filePath} is outside the project`, 'file_path');
  }
  const folder = path.posix.dirname(relative);
  return { workingDir: folder === '.' ? '/project-dir' : `/project-dir/${folder}`, projectRelative: relative };
}
