import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../app-error';
import { JobRecord, RecordId, RunRecord } from './job-records';
import { runsBeyondRetention } from './job-retention';
import { runAfterAppStart } from './job-states';
import { readJsonFile, writeJsonFile } from './json-file';
import { mapLimited } from './map-limited';

/** Run files read at once: a job of thousands of runs lists quickly without opening them all together. */
const READ_CONCURRENCY = 16;

/** A record the store could not read; the rest is still listed. */
export interface StoreProblem {
  file: string;
  message: string;
}

export interface Listed<T> {
  records: T[];
  problems: StoreProblem[];
}

/**
 * Jobs and their runs as plain JSON files in the app home:
 * `jobs/<job uuid>/{job.json, snapshot/, runs/<run uuid>/{run.json, project/}}`.
 */
export class JobStore {
  constructor(private readonly home: () => string) {}

  get root(): string {
    return path.join(this.home(), 'jobs');
  }

  jobFolder(jobUuid: string): string {
    return path.join(this.root, idOf(jobUuid));
  }

  snapshotFolder(jobUuid: string): string {
    return path.join(this.jobFolder(jobUuid), 'snapshot');
  }

  runFolder(jobUuid: string, runUuid: string): string {
    return path.join(this.jobFolder(jobUuid), 'runs', idOf(runUuid));
  }

  /** The run's own copy of the snapshot, its `/project-dir`. */
  runProjectFolder(jobUuid: string, runUuid: string): string {
    return path.join(this.runFolder(jobUuid, runUuid), 'project');
  }

  async writeJob(job: JobRecord): Promise<void> {
    await writeJsonFile(path.join(this.jobFolder(job.uuid), 'job.json'), JobRecord.parse(job));
  }

  async readJob(jobUuid: string): Promise<JobRecord> {
    const file = path.join(this.jobFolder(jobUuid), 'job.json');
    const read = await readJsonFile(file, JobRecord);
    if (read.ok) return read.value;
    if (read.missing) throw new AppError('NOT_FOUND', `There is no job ${jobUuid}`);
    throw new AppError('INTERNAL', `The job's file ${file} ${read.message}`);
  }

  /** Every job that can be read, oldest first; a broken or foreign folder is reported, not fatal. */
  async listJobs(): Promise<Listed<JobRecord>> {
    const listed = await this.readAll(this.root, 'job.json', JobRecord);
    listed.records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return listed;
  }

  async writeRun(run: RunRecord): Promise<void> {
    await writeJsonFile(path.join(this.runFolder(run.jobUuid, run.uuid), 'run.json'), RunRecord.parse(run));
  }

  /** The job's runs in the order they were made; broken run files are reported, not fatal. */
  async listRuns(jobUuid: string): Promise<Listed<RunRecord>> {
    const listed = await this.readAll(path.join(this.jobFolder(jobUuid), 'runs'), 'run.json', RunRecord);
    listed.records.sort((a, b) => a.runIndex - b.runIndex);
    return listed;
  }

  /** The job's folder with its snapshot and every run's. */
  async removeJob(jobUuid: string): Promise<void> {
    await fs.rm(this.jobFolder(jobUuid), { recursive: true, force: true });
  }

  async removeRun(jobUuid: string, runUuid: string): Promise<void> {
    await fs.rm(this.runFolder(jobUuid, runUuid), { recursive: true, force: true });
  }

  /** Removes the job's finished runs beyond its limit, oldest first, with their folders; answers what went. */
  async applyRetention(jobUuid: string, keep: number): Promise<RunRecord[]> {
    const { records } = await this.listRuns(jobUuid);
    const removed = runsBeyondRetention(records, keep);
    for (const run of removed) await this.removeRun(jobUuid, run.uuid);
    return removed;
  }

  /**
   * At app start: every run that was going when the app stopped is ABORTED ("the app stopped"), and
   * answered so that what it started can be removed.
   */
  async abortInterrupted(now: Date): Promise<RunRecord[]> {
    const aborted: RunRecord[] = [];
    for (const job of (await this.listJobs()).records) {
      for (const run of (await this.listRuns(job.uuid)).records) {
        const after = runAfterAppStart(run.status);
        if (after.status === run.status) continue;
        const updated: RunRecord = { ...run, status: after.status, reason: after.reason, finishedAt: now.toISOString() };
        await this.writeRun(updated);
        aborted.push(updated);
      }
    }
    return aborted;
  }

  private async readAll<T>(folder: string, fileName: string, schema: z.ZodType<T>): Promise<Listed<T>> {
    const listed: Listed<T> = { records: [], problems: [] };
    let entries: string[];
    try {
      entries = (await fs.readdir(folder, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return listed;
      throw error;
    }
    const files = entries.sort().map((name) => path.join(folder, name, fileName));
    const reads = await mapLimited(files, READ_CONCURRENCY, (file) => readJsonFile(file, schema));
    reads.forEach((read, index) => {
      if (read.ok) listed.records.push(read.value);
      else listed.problems.push({ file: files[index]!, message: `${fileName} ${read.message}` });
    });
    return listed;
  }
}

function idOf(id: string): string {
  if (!RecordId.safeParse(id).success) throw new AppError('INVALID_INPUT', `"${id}" is not a job or run id`);
  return id;
}
