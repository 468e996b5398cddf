import { isGoingOn, type Environment, type EnvironmentBuild, type EnvironmentFields } from '../../../electron/contract';
import { addBuildLogLines, emptyBuildLog, type BuildLogBuffer } from './build-log-buffer';
import type { EnvironmentFieldErrors } from './environment-draft';

/** What the window knows of one environment of the open project. */
export interface EnvironmentEntry {
  environment: Environment;
  /** Edits not saved yet; kept while the person looks elsewhere. */
  draft: EnvironmentFields | undefined;
  saving: boolean;
  /** The main process's objections to the last save, by field. */
  fieldErrors: EnvironmentFieldErrors;
  /** Why the last save failed, when no field is at fault. */
  saveError: string | undefined;
  /** Why the last build, cancel or log read failed, in words. */
  error: string | undefined;
  /** Every build, newest first; undefined until read. */
  builds: readonly EnvironmentBuild[] | undefined;
  /** The log of the build being looked at: the newest one unless another was picked. */
  log: BuildLogBuffer | undefined;
}

export function newEntry(environment: Environment): EnvironmentEntry {
  return { environment, draft: undefined, saving: false, fieldErrors: {}, saveError: undefined, error: undefined, builds: undefined, log: undefined };
}

/** The entry after a build's news: its newest build, the image sessions use, the history and the live log. */
export function withBuild(entry: EnvironmentEntry, build: EnvironmentBuild, lines: readonly string[]): EnvironmentEntry {
  const environment = { ...entry.environment };
  if (!environment.lastBuild || build.number >= environment.lastBuild.number) environment.lastBuild = build;
  if (build.status === 'SUCCESS') environment.image = build.image;
  const builds = entry.builds && upsertBuild(entry.builds, build);
  // A newer build takes the log over, so the one running is the one followed.
  const log = !entry.log || build.number > entry.log.number ? emptyBuildLog(build.number) : entry.log;
  const followed = log.number === build.number ? addBuildLogLines(log, build.logLines - lines.length + 1, lines) : log;
  return { ...entry, environment, builds, log: followed };
}

function upsertBuild(builds: readonly EnvironmentBuild[], build: EnvironmentBuild): EnvironmentBuild[] {
  const rest = builds.filter((b) => b.number !== build.number);
  return [...rest, build].sort((a, b) => b.number - a.number);
}

/** The build is waiting or running: it can be cancelled. */
export function isBuilding(build: EnvironmentBuild | undefined): boolean {
  return isGoingOn(build?.status);
}
