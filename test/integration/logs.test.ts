import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload, LogPage, LogSource, Project } from '../../electron/contract';
import { OrchestApp } from '../../electron/core/app';
import { LABELS } from '../../electron/core/docker/labels';
import { createConfSettings } from '../../electron/core/settings/conf-settings';
import { requireDocker } from '../helpers/require-docker';
import { docker, idleService, removeLabelled } from '../helpers/session-app';
import { makeTempDir } from '../helpers/temp-dir';
import { ensureTestImage } from '../helpers/test-images';
import { pollUntil } from '../helpers/poll';

/** Prints to both streams, then one more line each time the test drops a file named `more`. */
const CHATTY = [
  'import os, sys, time',
  "sys.stdout.write('hello\\r\\n'); sys.stderr.write('oops on stderr\\n')",
  "sys.stdout.buffer.write(b'bytes \\xff\\xfe end\\n'); sys.stdout.write('\\x1b[32mgreen\\x1b[0m\\n')",
  "sys.stdout.write('L' * 1000000 + '\\n'); sys.stdout.flush(); sys.stderr.flush()",
  'n = 0',
  'while True:',
  "    if os.path.exists('/project-dir/more'):",
  "        os.remove('/project-dir/more'); n += 1; print(f'late line {n}', flush=True)",
  '    time.sleep(0.1)',
].join('\n');

let debian: string;
let dir: { dir: string; cleanup: () => Promise<void> };
let app: OrchestApp | undefined;
let project: Project;
const appended: EventPayload<'logs.appended'>[] = [];
let request: (name: string, input: unknown) => Promise<unknown>;

async function openApp(): Promise<OrchestApp> {
  const home = path.join(dir.dir, 'home');
  const settings = createConfSettings(home);
  settings.update({ workspace: path.join(dir.dir, 'workspace'), keepSessionsRunning: true });
  const opened = new OrchestApp({ home, shell: 'host', version: 'test', settings });
  await opened.start();
  const caller = opened.bridge.connect((name, payload) => {
    if (name === 'logs.appended') appended.push(payload as EventPayload<'logs.appended'>);
  });
  request = async (name, input) => {
    const reply = await caller.request(name, input);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.value;
  };
  return opened;
}

const read = (source: string, extra: Record<string, unknown> = {}) =>
  request('logs.read', { projectId: project.uuid, path: 'main.orchest', source, count: 100, ...extra }) as Promise<LogPage>;

const texts = (page: LogPage) => page.lines.map((l) => l.text);

/** The last lines a service printed, as the engine keeps them (without the app). */
async function printed(service: string): Promise<string> {
  const filters = [`label=${LABELS.project}=${project.uuid}`, `label=${LABELS.service}=${service}`].flatMap((f) => ['--filter', f]);
  const container = await docker('ps', '-q', ...filters);
  return docker('logs', '--tail', '3', container);
}

beforeAll(async () => {
  await requireDocker();
  debian = await ensureTestImage('debian');
  dir = await makeTempDir('od-logs-');
  app = await openApp();
  project = await app.projects.create('logs');
  await fs.writeFile(path.join(project.path, 'chatty.py'), CHATTY);
  const { revision } = await app.pipelines.get(project.uuid, 'main.orchest');
  await app.pipelines.saveServices(project.uuid, 'main.orchest', revision, {
    chatty: idleService('chatty', debian, { command: 'python3', args: '-u /project-dir/chatty.py', binds: { '/project-dir': '/project-dir' } }),
    broken: idleService('broken', 'orchest-desktop-test/not-here:1'),
  });
}, 600_000);

afterAll(async () => {
  await app?.dispose();
  if (project) await removeLabelled(project.uuid);
  await dir?.cleanup();
});

describe("service logs in Orchest's layout", () => {
  it('writes why a service could not start into its log', async () => {
    const failed = await app!.sessions.start(project.uuid, 'main.orchest', true);
    expect(failed.status).toBe('FAILED');
    const page = await read('broken');
    expect(page.lines).toEqual([expect.objectContaining({ s: 'sys', text: expect.stringMatching(/^Orchest Desktop could not start broken: image 'orchest-desktop-test\/not-here:1' is not on this machine/) })]);
    const file = path.join(project.path, '.orchest', 'pipelines', failed.pipelineUuid, 'logs', 'broken.log');
    expect((await fs.readFile(file, 'utf8')).split('\n')[0]).toBe(page.run);
  });

  it('follows stdout and stderr from the start, safely, and live', async () => {
    const { revision, definition } = await app!.pipelines.get(project.uuid, 'main.orchest');
    const services = definition.services as Record<string, Record<string, unknown>>;
    delete services.broken;
    await app!.pipelines.saveServices(project.uuid, 'main.orchest', revision, services);
    const session = await app!.sessions.start(project.uuid, 'main.orchest', true);
    expect(session.status).toBe('RUNNING');
    const page = await pollUntil(() => read('chatty'), (p) => p.total >= 5, 'the first lines');
    // Docker copies the two streams apart, so only each one's own order is kept.
    const stream = (s: string) => page.lines.filter((l) => l.s === s).map((l) => l.text.slice(0, 40));
    expect(stream('err')).toEqual(['oops on stderr']);
    expect(stream('out')).toEqual(['hello', 'bytes \ufffd\ufffd end', '\x1b[32mgreen\x1b[0m', 'L'.repeat(40)]);
    expect(page.lines.find((l) => l.text.startsWith('L'))!.text).toHaveLength(1_000_000);
    expect(page.lines.every((l) => l.t && !Number.isNaN(Date.parse(l.t)))).toBe(true);

    await request('logs.follow', { projectId: project.uuid, path: 'main.orchest', sources: ['chatty'], subscription: 'live' });
    await fs.writeFile(path.join(project.path, 'more'), '');
    const event = await pollUntil(async () => appended.find((e) => e.lines.some((l) => l.text === 'late line 1')), Boolean, 'the live line');
    expect(event).toMatchObject({ subscription: 'live', source: 'chatty', run: page.run, skipped: 0 });
    expect(event!.lines.find((l) => l.text === 'late line 1')!.n).toBe(6);

    const found = await request('logs.search', { projectId: project.uuid, path: 'main.orchest', source: 'chatty', query: 'LATE LINE' });
    expect(found).toEqual({ run: page.run, matches: [6], truncated: false });
    const sources = (await request('logs.sources', { projectId: project.uuid, path: 'main.orchest' })) as LogSource[];
    expect(sources).toEqual([
      { source: 'broken', run: expect.any(String), lines: 1, previous: false },
      { source: 'chatty', run: page.run, lines: 6, previous: true }, // the failed start was a run too
    ]);
  });

  it('goes on after a restart of the app without losing or repeating a line', async () => {
    await app!.dispose(); // keepSessionsRunning: the session stays
    app = undefined;
    await fs.writeFile(path.join(project.path, 'more'), '');
    await pollUntil(() => printed('chatty'), (text) => text.includes('late line 2'), 'the line printed while no app watches');
    app = await openApp();
    await pollUntil(async () => (await app!.sessions.get(project.uuid, 'main.orchest')).status, (s) => s === 'RUNNING', 'the session taken back');
    const page = await pollUntil(() => read('chatty'), (p) => p.total >= 7, 'the line printed meanwhile');
    expect(texts(page).slice(5)).toEqual(['late line 1', 'late line 2']);
    await fs.writeFile(path.join(project.path, 'more'), '');
    const later = await pollUntil(() => read('chatty'), (p) => p.total >= 8, 'a line after the restart');
    expect(texts(later).slice(5)).toEqual(['late line 1', 'late line 2', 'late line 3']);
  });

  it('keeps the logs after the session stops, and a new run starts a new marker', async () => {
    const before = await read('chatty');
    await app!.sessions.stop(project.uuid, 'main.orchest', true);
    expect((await read('chatty')).total).toBe(before.total);
    await app!.sessions.start(project.uuid, 'main.orchest', true);
    const fresh = await pollUntil(() => read('chatty'), (p) => p.total >= 5, 'the new run');
    expect(fresh.run).not.toBe(before.run);
    expect(fresh.lines.find((l) => l.s === 'out')!.text).toBe('hello');
    const previous = await read('chatty', { previous: true });
    expect(previous.run).toBe(before.run);
    expect(previous.total).toBe(before.total);
    await app!.sessions.stop(project.uuid, 'main.orchest', true);
  });

  it("reads a log that Orchest wrote", async () => {
    const { uuid } = (await app!.pipelines.get(project.uuid, 'main.orchest')).definition as { uuid: string };
    const file = path.join(project.path, '.orchest', 'pipelines', uuid, 'logs', 'old-service.log');
    await fs.writeFile(file, '0b6f1a0e-5a4c-4c1e-9e58-6ab0f0a3d2c1\nStarting server\nListening on :8080\n');
    expect(await read('old-service')).toEqual({
      run: '0b6f1a0e-5a4c-4c1e-9e58-6ab0f0a3d2c1',
      total: 2,
      lines: [
        { n: 1, s: 'out', text: 'Starting server' },
        { n: 2, s: 'out', text: 'Listening on :8080' },
      ],
    });
  });
});
