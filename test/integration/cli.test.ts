import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startHostProcess, type HostProcess } from '../helpers/host-process';
import { requireDocker } from '../helpers/require-docker';
import { makeTempDir } from '../helpers/temp-dir';

/** Runs the CLI with the test's environment, found through nothing but what `env` says. */
const cli = (args: string[], env: NodeJS.ProcessEnv) => runCli(args, { ...process.env, ORCHEST_DESKTOP_URL: '', ...env });

describe('the CLI against a running host', () => {
  let host: HostProcess;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    host = await startHostProcess();
    env = { ORCHEST_DESKTOP_HOME: host.home }; // found through the discovery file
  });
  afterAll(() => host?.stop());

  it('creates and lists projects as JSON with stable keys', async () => {
    const created = await cli(['projects', 'create', 'cli-demo', '--json'], env);
    expect(created.code).toBe(0);
    const project = JSON.parse(created.stdout);
    expect(project).toEqual({ uuid: expect.any(String), name: 'cli-demo', path: path.join(host.workspace, 'projects', 'cli-demo') });
    const listed = await cli(['projects', 'list', '--json'], env);
    expect(JSON.parse(listed.stdout)).toEqual([project]);
  });

  it('lists pipelines of a project by name', async () => {
    const listed = await cli(['pipelines', 'list', 'cli-demo', '--json'], env);
    expect(JSON.parse(listed.stdout)).toEqual([{ uuid: expect.any(String), name: 'Main', path: 'main.orchest', error: null }]);
    const text = await cli(['pipelines', 'list', 'cli-demo'], env);
    expect(text.stdout).toMatch(/^NAME\s+PATH\s+UUID\nMain\s+main\.orchest\s+[0-9a-f-]{36}\n$/);
  });

  it('finds the host through --url and ORCHEST_DESKTOP_URL too', async () => {
    const viaFlag = await cli(['projects', 'list', '--json', '--url', host.url], {});
    expect(JSON.parse(viaFlag.stdout).map((p: { name: string }) => p.name)).toEqual(['cli-demo']);
    const viaEnv = await cli(['projects', 'list', '--json'], { ORCHEST_DESKTOP_URL: host.url });
    expect(viaEnv.code).toBe(0);
  });

  it('reports the Docker engine and the workspace', async () => {
    await requireDocker();
    const status = await cli(['status', '--json'], env);
    expect(JSON.parse(status.stdout)).toMatchObject({
      app: { shell: 'host' },
      engine: { reachable: true, version: expect.any(String) },
      workspace: { path: host.workspace },
      diagnostics: {
        app: { shell: 'host' },
        runtime: { node: process.versions.node },
        engine: { reachable: true },
        paths: { home: host.home, logs: path.join(host.home, 'logs'), workspace: host.workspace },
        text: expect.stringContaining(`Workspace: ${host.workspace}`),
      },
    });
    const text = await cli(['status'], env);
    expect(text.stdout).toContain(`Logs: ${path.join(host.home, 'logs')}`);
  });

  it('keeps a log of its own in the app home, without its token', async () => {
    const log = await fs.readFile(path.join(host.home, 'logs', 'host.log'), 'utf8');
    expect(log).toMatch(/^\S+Z INFO {2}Orchest Desktop \S+ \(host\) starts, Node\.js /);
    expect(log).toMatch(/INFO {2}Docker \S+ \(API \S+\) answers at |WARN {2}Docker does not answer at /);
    expect(log).not.toContain(host.token);
  });

  it('shows a pipeline migrated, by path, uuid or name', async () => {
    const byPath = JSON.parse((await cli(['pipelines', 'show', 'cli-demo', 'main.orchest', '--json'], env)).stdout);
    expect(byPath).toMatchObject({ path: 'main.orchest', fileVersion: '1.0.0', issues: [], definition: { name: 'Main', version: '1.2.3' } });
    const byName = JSON.parse((await cli(['pipelines', 'show', 'cli-demo', 'Main', '--json'], env)).stdout);
    const byUuid = JSON.parse((await cli(['pipelines', 'show', 'cli-demo', byPath.definition.uuid, '--json'], env)).stdout);
    expect(byName).toEqual(byPath);
    expect(byUuid).toEqual(byPath);
  });

  it.each([
    [['projects', 'create', '../evil'], /^orchest-desktop: name: Project names use only letters/],
    [['projects', 'create', 'cli-demo'], /^orchest-desktop: A project named 'cli-demo' already exists$/],
    [['pipelines', 'list', 'nobody'], /^orchest-desktop: No project named 'nobody'/],
  ])('exits 1 with a one-line reason for %j', async (args, reason) => {
    const result = await cli(args, env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(reason);
  });

  it('refuses a wrong token in one line', async () => {
    const result = await cli(['projects', 'list', '--url', `http://127.0.0.1:${host.port}/?token=wrong`], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused the connection \(HTTP 401\)/);
  });
});

describe('orchest-desktop pipelines validate', () => {
  it('needs no host, exits 0 when all files are valid, else 1 with one line per broken rule, and never writes', async () => {
    const { dir, cleanup } = await makeTempDir();
    const good = path.join(dir, 'good.orchest');
    const bad = path.join(dir, 'bad.orchest');
    const broken = path.join(dir, 'broken.orchest');
    const base = { name: 'p', version: '1.2.3', uuid: 'u', settings: { data_passing_memory_size: '1GB' }, steps: {} };
    const redis = { name: 'redis', image: 'redis', scope: ['interactive'], order: 0, ports: [6379], exposed: false };
    await fs.writeFile(good, JSON.stringify({ ...base, services: { redis } }));
    await fs.writeFile(bad, JSON.stringify({ ...base, services: { redis: { ...redis, ports: [70000] } } }));
    await fs.writeFile(broken, '{"name": }');
    const env = { ORCHEST_DESKTOP_HOME: dir };
    expect(await cli(['pipelines', 'validate', good], env)).toMatchObject({ code: 0, stdout: '' });
    const result = await cli(['pipelines', 'validate', good, bad, broken], env);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      `${bad}: service 'redis': ports: 70000 is outside 1-65535`,
      expect.stringMatching(new RegExp(`^${broken}: is not valid JSON: .*\\(line 1 column 10\\)$`)),
    ]);
    expect(await fs.readFile(broken, 'utf8')).toBe('{"name": }');
    await cleanup();
  });
});

describe('the CLI without a host', () => {
  it('says how to start one', async () => {
    const { dir, cleanup } = await makeTempDir();
    const result = await cli(['projects', 'list', '--json'], { ORCHEST_DESKTOP_HOME: dir });
    await cleanup();
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^orchest-desktop: No Orchest Desktop is running .* Start one with `npx orchest-desktop serve`/);
  });

  it('says so when the host at --url is gone', async () => {
    const result = await cli(['status', '--url', 'http://127.0.0.1:1/?token=x'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not answer at 127.0.0.1:1/);
  });
});
