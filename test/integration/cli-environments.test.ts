import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../../electron/contract';
import { runCli, startHostProcess, type HostProcess } from '../helpers/host-process';
import { requireDocker } from '../helpers/require-docker';
import { removeEnvironmentImages } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';

describe('orchest-desktop env', () => {
  let host: HostProcess;
  let client: BridgeClient;
  let projectId = '';
  let env: NodeJS.ProcessEnv;
  let busybox: string;

  const cli = (...args: string[]) => runCli(['env', ...args], env);

  beforeAll(async () => {
    await requireDocker();
    busybox = await ensureTestImage('busybox');
    host = await startHostProcess();
    env = { ...process.env, ORCHEST_DESKTOP_URL: '', ORCHEST_DESKTOP_HOME: host.home };
    client = await host.connect();
    projectId = (await client.request('projects.create', { name: 'cli-env' })).uuid;
  }, 600_000);

  afterAll(async () => {
    client?.close();
    await host?.stop();
    await removeEnvironmentImages(projectId);
  });

  it("fails the default environment's build in one line when its base image cannot be had", async () => {
    const result = await cli('build', 'cli-env', 'Python 3');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Build 1 of Python 3: FAILURE: the base image 'orchest\/base-kernel-py' cannot be had: /);
  });

  it('builds an environment, following its log, and lists it', async () => {
    const fields = { name: 'tiny', baseImage: busybox, language: 'python' as const, gpuSupport: false, setupScript: 'echo hello from the set-up script\n' };
    const created = await client.request('environments.create', { projectId, fields });
    const result = await cli('build', 'cli-env', 'tiny', '--follow');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('hello from the set-up script');
    expect(result.stdout.trim().split('\n').at(-1)).toBe(`Build 1 of tiny: SUCCESS (orchest-env-${projectId}-${created.uuid}:1)`);
    const listed = JSON.parse((await cli('list', 'cli-env', '--json')).stdout);
    expect(listed).toContainEqual({ uuid: created.uuid, name: 'tiny', language: 'python', baseImage: busybox, image: `orchest-env-${projectId}-${created.uuid}:1`, lastBuild: { number: 1, status: 'SUCCESS' } });
    expect((await cli('list', 'cli-env')).stdout).toMatch(/^NAME\s+BASE IMAGE\s+LAST BUILD\s+IMAGE\s+UUID\n/);
  });
});
