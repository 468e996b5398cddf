import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { environmentDockerfile } from '../../../electron/core/environments/environment-dockerfile';
import { readEnvironmentFolder } from '../../../electron/core/environments/environment-files';
import { readEnvironmentsFolder } from '../../../electron/core/projects/environment-discovery';
import { readPipelineSummary } from '../../../electron/core/pipelines/pipeline-summary';
import { describeNeeding } from '../../helpers/machine-needs';
import { ORCHEST_FIXTURES, missingOrchestFixtures } from '../../helpers/shared-fixtures';

describeNeeding(missingOrchestFixtures, "Orchest's own project files", () => {
  it('reads every fixture pipeline with its name and uuid', async () => {
    const folder = path.join(ORCHEST_FIXTURES, 'pipelines');
    const files = (await fs.readdir(folder)).filter((f) => f.endsWith('.orchest'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const summary = await readPipelineSummary(folder, file);
      expect(summary.error, file).toBeUndefined();
      expect(summary.name, file).toEqual(expect.any(String));
      expect(summary.uuid, file).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('reads every fixture environment', async () => {
    const projects = await fs.readdir(path.join(ORCHEST_FIXTURES, 'environments'));
    expect(projects.length).toBeGreaterThan(3);
    for (const project of projects) {
      const environments = await readEnvironmentsFolder(path.join(ORCHEST_FIXTURES, 'environments', project));
      expect(environments.length, project).toBeGreaterThan(0);
      for (const env of environments) {
        expect(env.error, `${project}/${env.uuid}`).toBeUndefined();
        expect(env.name).toEqual(expect.any(String));
        expect(['python', 'r', 'julia', 'javascript']).toContain(env.language);
        expect(env.baseImage).toEqual(expect.any(String));
      }
    }
  });

  it('loads every fixture environment for a build: fields, set-up script and Dockerfile', async () => {
    const root = path.join(ORCHEST_FIXTURES, 'environments');
    for (const project of await fs.readdir(root)) {
      for (const uuid of await fs.readdir(path.join(root, project))) {
        const environment = await readEnvironmentFolder(path.join(root, project, uuid), uuid);
        expect(environment.name, `${project}/${uuid}`).not.toBe('');
        expect(environment.setupScript, `${project}/${uuid}`).toMatch(/\S/);
        const dockerfile = environmentDockerfile('p', uuid, environment.baseImage);
        expect(dockerfile.split('\n')[0]).toBe(`FROM ${environment.baseImage.replace(/^registry:/, '')}`);
      }
    }
  });
});
