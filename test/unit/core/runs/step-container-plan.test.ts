import { describe, expect, it } from 'vitest';
import { planRun } from '../../../../electron/core/runs/run-plan';
import { stepFileLocation } from '../../../../electron/core/runs/step-command';
import { planStepContainer, type StepContainerInput } from '../../../../electron/core/runs/step-container-plan';

const SESSION = 'aaaaaaaa-bbbb-4ccc11111111-2222-4333';
const step = planRun(
  { path: 'flows/main.orchest', definition: { steps: { s1: { title: 'Load', file_path: 'code/load.ipynb', environment: 'env-1', incoming_connections: [] } } } },
  'all',
).steps[0]!;

const input = (extra: Partial<StepContainerInput> = {}): StepContainerInput => ({
  owner: 'home-1',
  projectUuid: 'proj',
  pipelineUuid: 'pipe',
  pipelineFile: '/ws/projects/p/flows/main.orchest',
  projectDir: '/ws/projects/p',
  dataDir: '/ws/data',
  sessionUuid: SESSION,
  runUuid: 'run-1',
  step,
  image: 'orchest-env-proj-env-1:3',
  imageEnv: ['PATH=/usr/bin', 'PYTHONPATH=/opt/lib'],
  variables: { TOKEN: 'x', PATH: '/evil', ORCHEST_STEP_UUID: 'spoofed' },
  appBinds: ['/home/app/sdk:/orchest/sdk:ro'],
  ...extra,
});

describe('planStepContainer', () => {
  it("makes Orchest's step container: session network, mounts, working folder, variables and labels", () => {
    expect(planStepContainer(input())).toEqual({
      image: 'orchest-env-proj-env-1:3',
      cmd: ['python3', '-u', '/orchest/runner/run_notebook.py', 'load.ipynb'],
      workingDir: '/project-dir/flows/code',
      env: [
        'TOKEN=x',
        'ORCHEST_STEP_UUID=s1',
        'ORCHEST_PROJECT_UUID=proj',
        'ORCHEST_PIPELINE_UUID=pipe',
        'ORCHEST_PIPELINE_PATH=/pipeline.json',
        `ORCHEST_SESSION_UUID=${SESSION}`,
        'ORCHEST_SESSION_TYPE=interactive',
        'ORCHEST_NAMESPACE=orchest',
        'ORCHEST_CLUSTER=cluster-1',
        'PYTHONUNBUFFERED=1',
        'PYTHONPATH=/orchest/sdk:/opt/lib',
      ],
      labels: {
        'io.orchest-desktop.managed': 'true',
        'io.orchest-desktop.owner': 'home-1',
        'io.orchest-desktop.project': 'proj',
        'io.orchest-desktop.pipeline': 'pipe',
        'io.orchest-desktop.session': SESSION,
        'io.orchest-desktop.session-type': 'interactive',
        'io.orchest-desktop.run': 'run-1',
        'io.orchest-desktop.step': 's1',
      },
      binds: [
        '/ws/projects/p:/project-dir',
        '/ws/data:/data',
        '/ws/projects/p/flows/main.orchest:/pipeline.json:ro',
        '/home/app/sdk:/orchest/sdk:ro',
      ],
      network: `orchest-session-${SESSION}`,
    });
  });
});

describe('stepFileLocation', () => {
  it('places a step file relative to the pipeline, or under /data, never outside the project', () => {
    expect(stepFileLocation('s', 'main.orchest', 'a.py')).toEqual({ workingDir: '/project-dir', projectRelative: 'a.py' });
    expect(stepFileLocation('s', 'flows/main.orchest', '../lib/a.py')).toEqual({ workingDir: '/project-dir/lib', projectRelative: 'lib/a.py' });
    expect(stepFileLocation('s', 'main.orchest', '/data/in/a.sh')).toEqual({ workingDir: '/data/in', projectRelative: undefined });
    expect(() => stepFileLocation('s', 'main.orchest', '../../etc/a.sh')).toThrow('outside the project');
  });
});
