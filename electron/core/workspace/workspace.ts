import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { WorkspaceStatus } from '../../contract';
import { AppError } from '../app-error';

/** The folder that holds projects/ and data/, as Orchest's userdir did. */
export class Workspace {
  constructor(private readonly root: () => string) {}

  get path(): string {
    return this.root();
  }
  get projectsPath(): string {
    return path.join(this.root(), 'projects');
  }
  get dataPath(): string {
    return path.join(this.root(), 'data');
  }

  /** Creates what is missing; throws WORKSPACE_UNAVAILABLE saying why when it cannot be used. */
  async ensure(): Promise<void> {
    for (const dir of [this.projectsPath, this.dataPath]) {
      try {
        await fs.mkdir(dir, { recursive: true });
        await fs.access(dir, constants.R_OK | constants.W_OK | constants.X_OK);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        throw new AppError('WORKSPACE_UNAVAILABLE', `The workspace folder ${dir} cannot be used (${code})`);
      }
    }
  }

  async status(): Promise<WorkspaceStatus> {
    const base = { path: this.path, projectsPath: this.projectsPath, dataPath: this.dataPath };
    try {
      await this.ensure();
      return base;
    } catch (error) {
      return { ...base, error: (error as Error).message };
    }
  }
}
