import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAIN_SECRETS_FILE } from '../../electron/core/variables/open-secret-store';
import { startSessionApp, type SessionApp } from '../helpers/session-app';

describe('variables of deleted projects and pipelines', () => {
  let current: SessionApp | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });

  /** What the variables' file in the app home holds, as text: a forgotten secret is nowhere in it. */
  const secretsFile = () => fs.readFile(path.join(current!.home, PLAIN_SECRETS_FILE), 'utf8');

  it("are forgotten: a pipeline's with the pipeline, a project's with the project", async () => {
    current = await startSessionApp('secrets');
    const projectId = current.project.uuid;
    await current.request('pipelines.create', { projectId, path: 'other.orchest', name: 'Other' });
    const main = await current.app.pipelines.uuidOf(projectId, 'main.orchest');
    const other = await current.app.pipelines.uuidOf(projectId, 'other.orchest');
    await current.request('variables.set', { projectId, variables: { PROJECT_TOKEN: 'project-secret-1' } });
    await current.request('variables.set', { projectId, pipelineUuid: main, variables: { MAIN_TOKEN: 'main-secret-2' } });
    await current.request('variables.set', { projectId, pipelineUuid: other, variables: { OTHER_TOKEN: 'other-secret-3' } });
    expect(await secretsFile()).toContain('other-secret-3');

    await current.request('pipelines.delete', { projectId, path: 'other.orchest' });
    const afterPipeline = await secretsFile();
    expect(afterPipeline).not.toContain('other-secret-3');
    expect(afterPipeline).not.toContain(other);
    expect(afterPipeline).toContain('main-secret-2');
    expect(afterPipeline).toContain('project-secret-1');

    await current.request('projects.delete', { projectId, confirmName: 'secrets' });
    const afterProject = await secretsFile();
    for (const gone of ['project-secret-1', 'main-secret-2', projectId]) expect(afterProject).not.toContain(gone);
  });
});
