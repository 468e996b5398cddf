import fs from 'node:fs/promises';
import path from 'node:path';
import { isGoingOn, type EnvironmentBuild } from '../../contract';

/**
 * Each environment's builds, kept in the app home (not in the project, which is versioned):
 * `<home>/environment-builds/<project uuid>/<environment uuid>/builds.json` and `<number>.log`.
 */
export class BuildHistory {
  constructor(private readonly home: string) {}

  folder(projectId: string, environmentUuid: string): string {
    return path.join(this.home, 'environment-builds', projectId, environmentUuid);
  }

  logFile(projectId: string, environmentUuid: string, number: number): string {
    return path.join(this.folder(projectId, environmentUuid), `${number}.log`);
  }

  /** Newest first. Builds the app was running when it stopped are told as ABORTED. */
  async list(projectId: string, environmentUuid: string, running: Set<number> = new Set()): Promise<EnvironmentBuild[]> {
    const text = await fs.readFile(path.join(this.folder(projectId, environmentUuid), 'builds.json'), 'utf8').catch(() => '[]');
    let builds: EnvironmentBuild[];
    try {
      builds = JSON.parse(text) as EnvironmentBuild[];
    } catch {
      builds = [];
    }
    return builds
      .map((b) => isGoingOn(b.status) && !running.has(b.number) ? { ...b, status: 'ABORTED' as const, error: 'the app stopped during the build' } : b)
      .sort((a, b) => b.number - a.number);
  }

  async save(build: EnvironmentBuild): Promise<void> {
    const folder = this.folder(build.projectId, build.environmentUuid);
    await fs.mkdir(folder, { recursive: true });
    const others = (await this.list(build.projectId, build.environmentUuid, new Set([build.number]))).filter((b) => b.number !== build.number);
    const file = path.join(folder, 'builds.json');
    await fs.writeFile(`${file}.tmp`, JSON.stringify([build, ...others], null, 2));
    await fs.rename(`${file}.tmp`, file);
  }
}
