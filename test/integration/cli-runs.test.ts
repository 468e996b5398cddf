import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../../electron/contract';
import { writeSteps } from '../helpers/pipeline-steps';
import { runCli, startHostProcess, type HostProcess } from '../helpers/host-process';
import { requireDocker } from '../helpers/require-docker';
import { removeEnvironmentImages, removeLabelled } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';

describe('orchest-desktop run', () => {
  let host: HostProcess;
  let client: BridgeClient;
  let project = { uuid: '', path: '' };
  let environment = '';
  let env: NodeJS.ProcessEnv;

  const cli = (...args: string[]) => runCli(args, env);
  const steps = (list: Parameters<typeof writeSteps>[3]) => writeSteps(project.path, 'main.orchest', environment, list);

  beforeAll(async () => {
    await requireDocker();
    const base = await ensureTestImage('debian');
    host = await startHostProcess();
    env = { ...process.env, ORCHEST_DESKTOP_URL: '', ORCHEST_DESKTOP_HOME: host.home };
    client = await host.connect();
    project = await client.request('projects.create', { name: 'cli-run' });
    const fields = { name: 'debian', baseImage: base, language: 'python' as const, gpuSupport: false, setupScript: '' };
    environment = (await client.request('environments.create', { projectId: project.uuid, fields })).uuid;
    expect((await cli('env', 'build', 'cli-run', 'debian')).code).toBe(0);
  }, 600_000);

  afterAll(async () => {
    client?.close();
    await host?.stop();
    await removeLabelled(project.uuid);
    await removeEnvironmentImages(project.uuid);
  });

  it('starts the session, runs, prints each step, and exits 0 when every step succeeded', async () => {
    const uuids = await steps([
      { title: 'first', file: 'first.sh', source: 'echo one\n' },
      { title: 'second', file: 'second.py', source: 'print("two")\n', after: ['first'] },
    ]);
    const result = await cli('run', 'cli-run', 'main.orchest', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      status: 'SUCCESS',
      steps: [
        { uuid: uuids.first, title: 'first', status: 'SUCCESS', exitCode: 0 },
        { uuid: uuids.second, title: 'second', status: 'SUCCESS', exitCode: 0 },
      ],
    });
    expect((await cli('logs', 'cli-run', 'main.orchest', 'second')).stdout.trim()).toBe('two');
    expect((await cli('session', 'status', 'cli-run', 'main.orchest', '--json')).stdout).toContain('"status": "running"');
  });

  it('runs only the steps given, and exits 1 naming the step that failed', async () => {
    const uuids = await steps([
      { title: 'good', file: 'good.sh', source: 'echo fine\n' },
      { title: 'bad', file: 'bad.sh', source: 'exit 4\n' },
    ]);
    const result = await cli('run', 'cli-run', 'main.orchest', '--steps', uuids.bad!);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad: STARTED');
    expect(result.stderr).toContain('bad: FAILURE (Exited with code 4)');
    expect(result.stdout).toMatch(/^Run FAILURE\nSTEP\s+STATUS\s+MESSAGE\s+UUID\nbad\s+FAILURE\s+Exited with code 4/);
    expect(result.stdout).not.toContain('good');
  });

  it('cancels a run from another command', async () => {
    await steps([{ title: 'slow', file: 'slow.sh', source: 'echo go; while :; do sleep 1; done\n' }]);
    const running = cli('run', 'cli-run', 'main.orchest');
    await expect.poll(async () => (await client.request('runs.get', { projectId: project.uuid, path: 'main.orchest' }))?.steps[0]?.status, { timeout: 30_000 }).toBe('STARTED');
    const cancelled = await cli('run', 'cancel', 'cli-run', 'main.orchest');
    expect(cancelled).toMatchObject({ code: 0, stdout: 'Run ABORTED\n' });
    const ended = await running;
    expect(ended.code).toBe(1);
    expect(ended.stdout).toMatch(/^Run ABORTED/);
  });
});
