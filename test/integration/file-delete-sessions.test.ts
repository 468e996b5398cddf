import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { idleService, labelledResources, type SessionApp } from '../helpers/session-app';
import { sessionAppPerTest } from '../helpers/session-app-per-test';

// Deleting a pipeline file from the Files tab, or the folder it is in, leaves no session running
// that nothing on screen could stop any more.
describe('a pipeline file deleted from the Files tab', () => {
  const apps = sessionAppPerTest();

  async function runningSession(app: SessionApp, pipeline: string) {
    const { revision } = await app.app.pipelines.get(app.project.uuid, pipeline);
    await app.app.pipelines.saveServices(app.project.uuid, pipeline, revision, { web: idleService('web', apps.busybox) });
    expect((await app.app.sessions.start(app.project.uuid, pipeline, true)).status).toBe('RUNNING');
  }

  it('stops its session', async () => {
    const current = await apps.open('delete-pipeline-file');
    await runningSession(current, 'main.orchest');
    await current.request('files.delete', { projectId: current.project.uuid, path: 'main.orchest' });
    expect((await labelledResources(current.project.uuid)).containers).toEqual([]);
  }, 120_000);

  it('stops the sessions of the pipelines in a deleted folder, and only those', async () => {
    const current = await apps.open('delete-pipeline-folder');
    const { uuid } = current.project;
    await fs.mkdir(path.join(current.project.path, 'flows'));
    await current.app.pipelines.create(uuid, 'flows/other.orchest', 'Other');
    await runningSession(current, 'flows/other.orchest');
    await runningSession(current, 'main.orchest');
    await current.request('files.delete', { projectId: uuid, path: 'flows' });
    const left = (await labelledResources(uuid)).containers;
    expect(left).toHaveLength(1);
    expect((await current.app.sessions.get(uuid, 'main.orchest')).status).toBe('RUNNING');
  }, 120_000);
});
