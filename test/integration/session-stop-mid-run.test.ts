import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineRun, Session } from '../../electron/contract';
import { LABELS } from '../../electron/core/docker/labels';
import { closeAppWithEnvironment, startAppWithEnvironment } from '../helpers/environment-builds';
import { writeSteps } from '../helpers/pipeline-steps';
import { docker, type SessionApp } from '../helpers/session-app';

const PIPELINE = 'main.orchest';
let current: SessionApp;
let environment: string;

beforeAll(async () => {
  ({ current, environment } = await startAppWithEnvironment('stop-mid-run'));
}, 900_000);

afterAll(() => closeAppWithEnvironment(current));

const stepContainers = () => docker('ps', '-a', '--format', '{{.Names}}', '--filter', `label=${LABELS.project}=${current.project.uuid}`, '--filter', `label=${LABELS.step}`);

describe('stopping the session while a run goes on', () => {
  it('cancels the run first: its steps are aborted and their containers removed, then the session stops', async () => {
    await writeSteps(current.project.path, PIPELINE, environment, [
      // Waits for a file nobody writes: only the stop can end it.
      { title: 'waits', file: 'waits.sh', source: 'echo waiting; while [ ! -e /project-dir/never ]; do sleep 0.2; done; echo finished\n' },
      { title: 'after', file: 'after.sh', source: 'echo after\n', after: ['waits'] },
    ]);
    const input = { projectId: current.project.uuid, path: PIPELINE };
    await current.request('runs.start', input);
    await expect.poll(stepContainers, { timeout: 60_000 }).toMatch(/\S/);
    await expect.poll(async () => ((await current.request('runs.get', input)) as PipelineRun | null)?.steps[0]?.status, { timeout: 30_000 }).toBe('STARTED');

    const stopped = (await current.request('sessions.stop', { ...input, wait: true })) as Session;

    expect(stopped.status).toBe('STOPPED');
    const run = (await current.request('runs.get', input)) as PipelineRun;
    expect(run.status).toBe('ABORTED');
    expect(run.steps.map((s) => [s.title, s.status])).toEqual([
      ['waits', 'ABORTED'],
      ['after', 'ABORTED'],
    ]);
    expect(await stepContainers()).toBe('');
  });
});
