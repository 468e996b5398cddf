// A job run's copy of the project through jobs.runFiles / jobs.runFile: what a step wrote is listed and
// read; `..`, absolute paths and links leading out of the copy are refused, as the Files tab refuses them.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileEntry, JobDetails, JobRun, JobSummary, TextFile } from '../../electron/contract';
import { closeAppWithEnvironment, startAppWithEnvironment } from '../helpers/environment-builds';
import { writeSteps, type StepUuids } from '../helpers/pipeline-steps';
import type { SessionApp } from '../helpers/session-app';

let current: SessionApp;
let uuids: StepUuids;
let job: JobDetails;
let run: JobRun;
let outside: string;
const PIPELINE = 'main.orchest';

const request = <T>(name: string, input: unknown) => current.request(name, input) as Promise<T>;

beforeAll(async () => {
  let environment: string;
  ({ current, environment } = await startAppWithEnvironment('job-run-files'));
  uuids = await writeSteps(current.project.path, PIPELINE, environment, [
    {
      title: 'write',
      file: 'write.py',
      source: ['import os', 'os.makedirs("out", exist_ok=True)', 'open("out/result.txt", "w").write("written by the run\\n")', 'print("done")'].join('\n'),
    },
  ]);
  outside = await fs.mkdtemp(path.join(os.tmpdir(), 'run-files-outside-'));
  await fs.writeFile(path.join(outside, 'secret.txt'), 'not the run\'s\n');
  const created = await request<JobDetails>('jobs.create', { projectId: current.project.uuid, path: PIPELINE, name: 'files' });
  await request<JobSummary>('jobs.start', { jobUuid: created.uuid });
  const deadline = Date.now() + 240_000;
  job = await request<JobDetails>('jobs.get', { jobUuid: created.uuid });
  while (!/^(SUCCESS|FAILURE|ABORTED)$/.test(job.status)) {
    if (Date.now() > deadline) throw new Error(`The job is still ${job.status} after 240 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    job = await request<JobDetails>('jobs.get', { jobUuid: created.uuid });
  }
  [run] = (await request<{ runs: JobRun[] }>('jobs.runs', { jobUuid: job.uuid })).runs as [JobRun];
  // Links a step could have left in its copy: out of it (a folder and a file), and one inside it.
  const copy = current.app.jobs.store.runProjectFolder(job.uuid, run.uuid);
  await fs.symlink(outside, path.join(copy, 'out-folder'));
  await fs.symlink(path.join(outside, 'secret.txt'), path.join(copy, 'out-file.txt'));
  await fs.symlink('out/result.txt', path.join(copy, 'in-link.txt'));
}, 900_000);

afterAll(async () => {
  await closeAppWithEnvironment(current);
  if (outside) await fs.rm(outside, { recursive: true, force: true });
});

const files = (p: string) => request<FileEntry[]>('jobs.runFiles', { jobUuid: job.uuid, runUuid: run.uuid, path: p });
const file = (p: string) => request<TextFile>('jobs.runFile', { jobUuid: job.uuid, runUuid: run.uuid, path: p });

describe('a job run\'s files', () => {
  it('lists the copy\'s folders with sizes and reads what a step wrote beside the code', async () => {
    expect(run.status).toBe('SUCCESS');
    expect(job.pipelineDefinition).toMatchObject({ steps: { [uuids.write!]: { title: 'write' } } });
    const top = await files('');
    expect(top.map((entry) => entry.name)).toEqual(expect.arrayContaining(['out', 'write.py', PIPELINE]));
    expect(top.find((entry) => entry.name === 'out')?.kind).toBe('directory');
    const out = await files('out');
    expect(out).toEqual([{ name: 'result.txt', path: 'out/result.txt', kind: 'file', size: 'written by the run\n'.length }]);
    expect((await file('out/result.txt')).content).toBe('written by the run\n');
    expect((await file('in-link.txt')).content).toBe('written by the run\n');
    // The project's own folder did not get the step's output: the run wrote in its copy.
    await expect(fs.stat(path.join(current.project.path, 'out'))).rejects.toThrow();
  });

  it('refuses `..`, absolute paths and links out of the copy', async () => {
    const refused = /^FORBIDDEN_PATH: /;
    await expect(files('..')).rejects.toThrow(refused);
    await expect(files('out/../..')).rejects.toThrow(refused);
    await expect(files('../../..')).rejects.toThrow(refused);
    await expect(files(outside)).rejects.toThrow(refused);
    await expect(files('out-folder')).rejects.toThrow(refused);
    await expect(file('../run.json')).rejects.toThrow(refused);
    await expect(file('../../job.json')).rejects.toThrow(refused);
    await expect(file(path.join(outside, 'secret.txt'))).rejects.toThrow(refused);
    await expect(file('out-file.txt')).rejects.toThrow(refused);
    await expect(file('out-folder/secret.txt')).rejects.toThrow(refused);
  });

  it('says NOT_FOUND for a run the job does not have, and for a folder as a file', async () => {
    await expect(request('jobs.runFiles', { jobUuid: job.uuid, runUuid: 'no-such-run', path: '' })).rejects.toThrow(/^NOT_FOUND: /);
    await expect(file('out')).rejects.toThrow(/^INVALID_INPUT: /);
    await expect(file('missing.txt')).rejects.toThrow(/^NOT_FOUND: /);
  });
});
