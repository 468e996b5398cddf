import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridRows } from '../../../../electron/core/jobs/job-grid';
import { jobRunContext, planJobRunSession, runPipelineDefinition, runPipelineFileText, type JobRunInput } from '../../../../electron/core/jobs/job-plan';
import { planRun } from '../../../../electron/core/runs/run-plan';
import { planStepContainer } from '../../../../electron/core/runs/step-container-plan';
import { parseOrchestJson, toPlainJson } from '../../../../electron/core/pipelines/orchest-json';
import { itNeeding } from '../../../helpers/machine-needs';
import { missingOrchestFixtures, ORCHEST_FIXTURES } from '../../../helpers/shared-fixtures';

const PROJECT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const PIPELINE = '11111111-2222-4333-8444-555555555555';
const RUN = '99999999-8888-4777-8666-555555555555';
const STEP = 'bb789d4f-9e8c-462d-8a6d-9b437ca705f7';
const RUN_DIR = '/home/u/.config/orchest-desktop/jobs/j1/runs/' + RUN + '/project';

const definition = {
  name: 'main',
  uuid: PIPELINE,
  parameters: { epochs: 1, tag: 'base' },
  steps: {
    [STEP]: { uuid: STEP, title: 'train', parameters: { rate: 0.1, depth: 3 }, meta_data: { position: [1, 2] } },
    other: { uuid: 'other', title: 'report', parameters: {} },
  },
  services: {
    redis: { name: 'redis', image: 'redis', scope: ['noninteractive'], ports: [6379], binds: { '/project-dir': '/project-dir' }, env_variables_inherit: ['TOKEN'] },
    both: { name: 'both', image: 'environment@env-1', scope: ['interactive', 'noninteractive'], ports: [80] },
    editor: { name: 'editor', image: 'nginx', scope: ['interactive'], ports: [8080] },
  },
};

const input = (overrides: Partial<JobRunInput> = {}): JobRunInput => ({
  job: { projectId: PROJECT, pipelineUuid: PIPELINE, pipelinePath: 'flows/main.orchest', pipelineDefinition: definition, environmentImages: { 'env-1': 'orchest-env-env-1:4' } },
  runUuid: RUN,
  parameters: { pipeline_parameters: { epochs: 2, tag: 'base' }, [STEP]: { rate: 0.01, depth: 3 } },
  runProjectDir: RUN_DIR,
  owner: 'home-1',
  dataDir: '/ws/data',
  variables: { TOKEN: 'secret', OTHER: 'x' },
  appBinds: ['/app/sdk:/orchest/sdk:ro'],
  ...overrides,
});

describe('a job run\'s pipeline file', () => {
  it('has the run\'s parameters written in, the rest of the pipeline as it was', () => {
    const written = runPipelineDefinition(definition, { pipeline_parameters: { epochs: 2 }, [STEP]: { rate: 0.5 } });
    expect(written.parameters).toEqual({ epochs: 2, tag: 'base' });
    expect((written.steps as Record<string, { parameters: unknown }>)[STEP]!.parameters).toEqual({ rate: 0.5, depth: 3 });
    expect(written.services).toBe(definition.services);
    // The job's own copy is not changed.
    expect(definition.parameters.epochs).toBe(1);
    expect(definition.steps[STEP].parameters.rate).toBe(0.1);
  });

  it('refuses parameters for a step the pipeline does not have', () => {
    expect(() => runPipelineDefinition(definition, { gone: { a: 1 } })).toThrow("The job's pipeline has no step gone for the run's parameters");
  });

  itNeeding(missingOrchestFixtures, 'is written as Orchest wrote pipeline files, from a real one', async () => {
    const text = await fs.readFile(path.join(ORCHEST_FIXTURES, 'pipelines', 'orchest-cypress__dump-env-params.orchest'), 'utf8');
    const real = parseOrchestJson(text) as Record<string, unknown>;
    const [, second] = gridRows(real, { 'pipeline.pipeline-param-A': [1, 2.5], 'dump-env-params.step-param-a': ['x'] });
    const written = runPipelineFileText(real, second!.parameters);
    expect(written).toContain('    "parameters": {\n        "pipeline-param-A": 2.5\n    },');
    const back = toPlainJson(parseOrchestJson(written)) as { steps: Record<string, { parameters: unknown }> };
    expect(back.steps[STEP]!.parameters).toEqual({ 'step-param-a': 'x', 'test-output-file': 'test-output.json' });
  });
});

describe('a job run\'s session', () => {
  it('starts only the services whose scope has noninteractive, named by the run, on the run\'s copy', () => {
    const plan = planJobRunSession(input());
    expect(plan.sessionUuid).toBe(RUN);
    expect(plan.network.name).toBe(`orchest-session-${RUN}`);
    expect(plan.containers.map((c) => c.name)).toEqual([`both-${RUN}`, `redis-${RUN}`]);
    const redis = plan.containers.find((c) => c.service === 'redis')!;
    expect(redis.binds).toEqual([
      `${RUN_DIR}/flows/main.orchest:/pipeline.json:ro`,
      '/app/sdk:/orchest/sdk:ro',
      `${RUN_DIR}:/project-dir`,
    ]);
    expect(redis.env).toEqual([
      `ORCHEST_PROJECT_UUID=${PROJECT}`,
      `ORCHEST_PIPELINE_UUID=${PIPELINE}`,
      'ORCHEST_PIPELINE_PATH=/pipeline.json',
      `ORCHEST_SESSION_UUID=${RUN}`,
      'ORCHEST_SESSION_TYPE=noninteractive',
      'TOKEN=secret',
    ]);
    expect(redis.labels['io.orchest-desktop.session']).toBe(RUN);
  });

  it('uses the images the job locked', () => {
    const plan = planJobRunSession(input());
    expect(plan.containers.find((c) => c.service === 'both')!.image).toBe('orchest-env-env-1:4');
    const unlocked = input({ job: { ...input().job, environmentImages: {} } });
    expect(() => planJobRunSession(unlocked)).toThrow('environment@env-1');
  });

  it('gives the steps the same session: the run\'s uuid, type and copy', () => {
    expect(jobRunContext(input())).toMatchObject({
      sessionType: 'noninteractive',
      sessionUuid: RUN,
      pipelineFile: `${RUN_DIR}/flows/main.orchest`,
      projectDir: RUN_DIR,
      variables: { TOKEN: 'secret', OTHER: 'x' },
    });
  });

  it("gives a step's container the run's session: its network, copy, uuid and type", () => {
    const [step] = planRun({ path: 'flows/main.orchest', definition: { steps: { [STEP]: { file_path: 'train.py', environment: 'env-1' } } } }, 'all').steps;
    const container = planStepContainer({ ...jobRunContext(input()), runUuid: RUN, step: step!, image: 'orchest-env-env-1:4', imageEnv: [] });
    expect(container.network).toBe(`orchest-session-${RUN}`);
    expect(container.binds.slice(0, 3)).toEqual([`${RUN_DIR}:/project-dir`, '/ws/data:/data', `${RUN_DIR}/flows/main.orchest:/pipeline.json:ro`]);
    expect(container.env).toEqual(expect.arrayContaining([`ORCHEST_SESSION_UUID=${RUN}`, 'ORCHEST_SESSION_TYPE=noninteractive', 'TOKEN=secret']));
  });
});
