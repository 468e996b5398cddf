import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where the app's files are inside step and service containers. */
export const SDK_DIR = '/orchest/sdk';
export const RUNNER_DIR = '/orchest/runner';
export const SESSION_DIR = '/orchest/session';

/** What the `orchest` SDK reads of an interactive session (SESSION_DIR/session.json). */
export interface SessionFile {
  services: Record<string, unknown>;
  /** The app's port proxy, for the services' external URLs. */
  proxy_origin: string | undefined;
}

/**
 * The files the app gives every step and service container: the `orchest` Python SDK, the notebook
 * runner and the session's service specs. They are copied from the app's resources into the app home
 * once per start, so that the engine can mount them from a folder it may share (not an app bundle).
 */
export class ContainerFiles {
  private prepared: Promise<void> | undefined;

  constructor(
    private readonly home: string,
    private readonly resourcesDir: string = defaultResourcesDir(),
  ) {}

  /** The binds of a session's containers, made ready first. */
  async binds(sessionUuid: string): Promise<string[]> {
    await (this.prepared ??= this.copyResources().catch((error: unknown) => {
      this.prepared = undefined;
      throw error;
    }));
    const sessionDir = this.sessionDir(sessionUuid);
    await fs.mkdir(sessionDir, { recursive: true });
    return [
      `${path.join(this.root, 'orchest-sdk')}:${SDK_DIR}:ro`,
      `${path.join(this.root, 'step-runner')}:${RUNNER_DIR}:ro`,
      `${sessionDir}:${SESSION_DIR}:ro`,
    ];
  }

  async writeSession(sessionUuid: string, content: SessionFile): Promise<void> {
    const dir = this.sessionDir(sessionUuid);
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, 'session.json');
    await fs.writeFile(`${file}.tmp`, JSON.stringify(content, null, 2));
    await fs.rename(`${file}.tmp`, file); // mounted folders see the new file whole
  }

  async removeSession(sessionUuid: string): Promise<void> {
    await fs.rm(this.sessionDir(sessionUuid), { recursive: true, force: true });
  }

  private get root(): string {
    return path.join(this.home, 'container-files');
  }

  private sessionDir(sessionUuid: string): string {
    return path.join(this.home, 'sessions', sessionUuid);
  }

  private async copyResources(): Promise<void> {
    for (const name of ['orchest-sdk', 'step-runner']) {
      const source = path.join(this.resourcesDir, name);
      if (!existsSync(source)) throw new Error(`The app's ${name} files are missing from ${this.resourcesDir}`);
      await fs.cp(source, path.join(this.root, name), { recursive: true, force: true, filter: (file) => !file.includes('__pycache__') });
    }
  }
}

/** The repository's resources/ folder, found upward from this module (sources, or the built host). */
function defaultResourcesDir(): string {
  let dir = import.meta.dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'resources', 'orchest-sdk'))) return path.join(dir, 'resources');
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(import.meta.dirname, 'resources');
    dir = parent;
  }
}
