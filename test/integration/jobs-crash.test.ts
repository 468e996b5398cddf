// Jobs through the CLI and across a crash of the host: `jobs create` waits for its runs and says how they
// ended; a host killed with -9 during a run leaves its containers, and the next start ends that run ABORTED
// ("the app stopped") and removes them, the run's noninteractive service included.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient, JobRun } from '../../electron/contract';
import { LABELS } from '../../electron/core/docker/labels';
import { runCli, startHostProcess, type HostProcess } from '../helpers/host-process';
import { writeSteps, type StepUuids } from '../helpers/pipeline-steps';
import { requireDocker } from '../helpers/require-docker';
import { docker, idleService, removeEnvironmentImages, removeLabelled } from '../helpers/session-app';
import { makeTempDir } from '../helpers/temp-dir';
import { ensureTestImage } from '../helpers/test-images';

const cli = (args: string[], host: HostProcess) => runCli(args, { ...process.env, ORCHEST_DESKTOP_URL: '', ORCHEST_DESKTOP_HOME: host.home });

async function buildEnvironment(client: BridgeClient, projectId: string, baseImage: string): Promise<string> {
  const { uuid } = await client.request('environments.create', { projectId, fields: { name: 'Debian', baseImage, language: 'python', gpuSupport: false, setupScript: '' } });
  await client.request('environments.build', { projectId, uuid });
  for (const deadline = Date.now() + 600_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const [last] = await client.request('environments.builds', { projectId, uuid });
    if (last?.status === 'SUCCESS') return uuid;
    if (last && ['FAILURE', 'ABORTED'].includes(last.status)) throw new Error(`the test environment's build ended ${last.status}`);
  }
  throw new Error('the test environment did not build in 10 minutes');
}

describe('jobs through the CLI and across a crash of the host', () => {
  let dir: { dir: string; cleanup: () => Promise<void> };
  let host: HostProcess | undefined;
  let projectId = '';
  let uuids: StepUuids;

  beforeAll(async () => {
    await requireDocker();
    const [busybox, debian] = await Promise.all([ensureTestImage('busybox'), ensureTestImage('debian')]);
    dir = await makeTempDir('od-jobs-crash-');
    host = await startHostProcess({ dir: dir.dir });
    const client = await host.connect();
    const project = await client.request('projects.create', { name: `crash-${randomUUID().slice(0, 8)}` });
    projectId = project.uuid;
    const environment = await buildEnvironment(client, projectId, debian);
    uuids = await writeSteps(project.path, 'main.orchest', environment, [
      { title: 'count', file: 'count.sh', source: 'echo "n is $(python3 -c \'import orchest; print(orchest.get_step_param("n"))\')"\n', parameters: { n: 0 } },
      { title: 'wait', file: 'wait.sh', source: 'if [ "$SLOW" = yes ]; then echo waiting; while :; do sleep 1; done; fi\n', after: ['count'] },
    ]);
    const file = path.join(project.path, 'main.orchest');
    const pipeline = JSON.parse(await fs.readFile(file, 'utf8'));
    // A service that answers on its port, so that the steps do not wait for it.
    pipeline.services = { web: idleService('web', busybox, { scope: ['noninteractive'], command: 'httpd', args: '-f -p 8000' }) };
    await fs.writeFile(file, JSON.stringify(pipeline, null, 4));
    client.close();
  }, 900_000);

  afterAll(async () => {
    await host?.stop();
    if (projectId) {
      await removeLabelled(projectId);
      await removeEnvironmentImages(projectId);
    }
    await dir?.cleanup();
  });

  it('creates a job from the CLI with a grid, waits for its runs and exits 0 when all succeeded', async () => {
    const made = await cli(['jobs', 'create', projectId, 'main.orchest', '--name', 'from the CLI', '--param', 'count.n=1,2', '--json'], host!);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const report = JSON.parse(made.stdout) as { status: string; runs: JobRun[] };
    expect(report.status).toBe('SUCCESS');
    expect(report.runs.map((run) => [run.parameters[uuids.count!]?.n, run.status]).sort()).toEqual([
      [1, 'SUCCESS'],
      [2, 'SUCCESS'],
    ]);
    const listed = await cli(['jobs', 'list', projectId], host!);
    expect(listed.stdout).toMatch(/from the CLI\s+SUCCESS/);
  }, 300_000);

  it('ends a run that was going when the host was killed as ABORTED at the next start, and removes its containers', async () => {
    const client = await host!.connect();
    const job = await client.request('jobs.create', { projectId, path: 'main.orchest', name: 'interrupted', variables: { SLOW: 'yes' } });
    await client.request('jobs.start', { jobUuid: job.uuid });
    const deadline = Date.now() + 120_000;
    let run: JobRun | undefined;
    while (Date.now() < deadline && run?.steps[uuids.wait!]?.status !== 'STARTED') {
      run = (await client.request('jobs.runs', { jobUuid: job.uuid })).runs[0];
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(run?.steps[uuids.wait!]?.status).toBe('STARTED');
    client.close();
    host!.child.kill('SIGKILL');
    await new Promise((resolve) => host!.child.once('exit', resolve));
    const left = () => docker('ps', '-a', '--format', '{{.Names}}', '--filter', `label=${LABELS.session}=${run!.uuid}`);
    expect((await left()).split('\n')).toContain(`web-${run!.uuid}`); // the crash left the run's containers

    host = await startHostProcess({ dir: dir.dir });
    const shown = await cli(['jobs', 'runs', job.uuid, '--json'], host);
    expect(JSON.parse(shown.stdout)).toMatchObject([{ uuid: run!.uuid, status: 'ABORTED', reason: 'the app stopped' }]);
    await expect.poll(left, { timeout: 30_000 }).toBe('');
    expect(await docker('network', 'ls', '-q', '--filter', `label=${LABELS.session}=${run!.uuid}`)).toBe('');
    // Not cancelled by anyone: a job whose run the app's stop cut off did not do its work.
    const shownJob = JSON.parse((await cli(['jobs', 'show', job.uuid, '--json'], host)).stdout) as { status: string };
    expect(shownJob.status).toBe('FAILURE');
  }, 300_000);
});
