import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../../electron/contract';
import { CLI, runCli, startHostProcess, type HostProcess } from '../helpers/host-process';
import { requireDocker } from '../helpers/require-docker';
import { idleService, removeLabelled, saveServices } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';

/** Two lines on stdout and one on stderr, then a line each time the test drops a file named `more`. */
const SCRIPT = 'echo first; echo to-stderr >&2; echo second; while :; do if [ -f /project-dir/more ]; then rm /project-dir/more; echo later; fi; sleep 0.1; done';

describe('orchest-desktop logs', () => {
  let host: HostProcess;
  let client: BridgeClient;
  let projectId = '';
  let projectPath = '';
  let env: NodeJS.ProcessEnv;

  const cli = (...args: string[]) => runCli(['logs', 'cli-logs', 'main.orchest', ...args], env);

  beforeAll(async () => {
    await requireDocker();
    const busybox = await ensureTestImage('busybox');
    host = await startHostProcess();
    env = { ...process.env, ORCHEST_DESKTOP_URL: '', ORCHEST_DESKTOP_HOME: host.home };
    client = await host.connect();
    const project = await client.request('projects.create', { name: 'cli-logs' });
    [projectId, projectPath] = [project.uuid, project.path];
    await saveServices(client, projectId, {
      talker: idleService('talker', busybox, { args: `-c "${SCRIPT}"`, binds: { '/project-dir': '/project-dir' } }),
    });
    const session = await client.request('sessions.start', { projectId, path: 'main.orchest', wait: true });
    expect(session.status).toBe('RUNNING');
    const deadline = Date.now() + 20_000;
    while ((await client.request('logs.read', { projectId, path: 'main.orchest', source: 'talker', count: 5 })).total < 3) {
      if (Date.now() > deadline) throw new Error('the service printed nothing');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 600_000);

  afterAll(async () => {
    client?.close();
    await host?.stop();
    if (projectId) await removeLabelled(projectId);
  });

  it('prints stdout lines to stdout and stderr lines to stderr, as docker logs', async () => {
    const result = await cli('talker');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('first\nsecond\n');
    expect(result.stderr).toBe('to-stderr\n');
  });

  it('takes --tail, --since, --timestamps and --json', async () => {
    expect((await cli('talker', '--tail', '1')).stdout + (await cli('talker', '--tail', '1')).stderr).toMatch(/^(second|to-stderr)\n$/);
    expect((await cli('talker', '--since', '2h')).stdout).toBe('first\nsecond\n');
    expect((await cli('talker', '--since', '2999-01-01T00:00:00Z')).stdout).toBe('');
    expect((await cli('talker', '-t')).stdout).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z first\n/);
    const json = JSON.parse((await cli('talker', '--json')).stdout);
    expect(json.run).toMatch(/^[0-9a-f-]{36}$/);
    expect(json.lines.map((l: { s: string; text: string }) => `${l.s}:${l.text}`).sort()).toEqual(['err:to-stderr', 'out:first', 'out:second']);
    const bad = await cli('talker', '--since', 'yesterday-ish');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/RFC 3339/);
    const missing = await cli('nobody');
    expect(missing).toMatchObject({ code: 1, stderr: 'orchest-desktop: nobody has no log in this pipeline yet (start its session first)\n' });
  });

  it('follows new lines until interrupted', async () => {
    const child = spawn(process.execPath, [CLI, 'logs', 'cli-logs', 'main.orchest', 'talker', '--follow'], { env });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    try {
      await until(() => stdout === 'first\nsecond\n', 'the history');
      await fs.writeFile(path.join(projectPath, 'more'), '');
      await until(() => stdout === 'first\nsecond\nlater\n', 'the new line');
    } finally {
      child.kill('SIGINT');
    }
  });
});

async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`${what} did not come in 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
