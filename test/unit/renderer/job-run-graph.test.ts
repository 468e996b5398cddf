import { describe, expect, it } from 'vitest';
import { readSteps, type JobRun } from '../../../electron/contract';
import { jobRunAsPipelineRun, jobRunStepsKey } from '../../../renderer/src/features/jobs/job-run-graph';
import { parseRunsAtOnce, runsAtOnceProblem } from '../../../renderer/src/features/settings/runs-at-once';
import { flowNodes } from '../../../renderer/src/features/pipelines/flow-nodes';

const steps = readSteps({
  'step-a': { uuid: 'step-a', title: 'A', file_path: 'a.py', incoming_connections: [], meta_data: { position: [0, 0] } },
  'step-b': { uuid: 'step-b', title: '', file_path: 'b.sh', incoming_connections: ['step-a'], meta_data: { position: [300, 0] } },
});

const run: JobRun = {
  uuid: 'run-1',
  jobUuid: 'job-1',
  status: 'STARTED',
  parameters: {},
  batch: 0,
  indexInBatch: 0,
  runIndex: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  startedAt: '2026-01-01T00:00:01.000Z',
  steps: { 'step-a': { status: 'FAILURE', startedAt: '2026-01-01T00:00:02.000Z', finishedAt: '2026-01-01T00:00:03.000Z', message: 'exit code 1' } },
};

const context = { projectId: 'p', pipelinePath: 'main.orchest', pipelineUuid: 'pl' };

describe('jobRunAsPipelineRun', () => {
  it('gives every step of the frozen pipeline a state, PENDING until the run tells of it', () => {
    const mapped = jobRunAsPipelineRun(run, steps, context);
    expect(mapped).toEqual({
      runUuid: 'run-1',
      projectId: 'p',
      pipelinePath: 'main.orchest',
      pipelineUuid: 'pl',
      status: 'STARTED',
      startedAt: '2026-01-01T00:00:01.000Z',
      steps: [
        { uuid: 'step-a', title: 'A', filePath: 'a.py', status: 'FAILURE', startedAt: '2026-01-01T00:00:02.000Z', finishedAt: '2026-01-01T00:00:03.000Z', message: 'exit code 1' },
        { uuid: 'step-b', title: 'step-b', filePath: 'b.sh', status: 'PENDING' },
      ],
    });
  });

  it('takes the creation time before the run starts, and its end and reason once it ended', () => {
    const pending = jobRunAsPipelineRun({ ...run, status: 'PENDING', startedAt: undefined, steps: {} }, steps, context);
    expect(pending.startedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(pending.steps.map((step) => step.status)).toEqual(['PENDING', 'PENDING']);
    const ended = jobRunAsPipelineRun({ ...run, status: 'ABORTED', finishedAt: '2026-01-01T00:00:09.000Z', reason: 'the app stopped' }, steps, context);
    expect(ended).toMatchObject({ status: 'ABORTED', finishedAt: '2026-01-01T00:00:09.000Z', message: 'the app stopped' });
  });

  it('keeps a step the run tells of that the pipeline does not have', () => {
    const mapped = jobRunAsPipelineRun({ ...run, steps: { ghost: { status: 'SUCCESS' } } }, steps, context);
    expect(mapped.steps.map((step) => [step.uuid, step.title, step.status])).toEqual([
      ['step-a', 'A', 'PENDING'],
      ['step-b', 'step-b', 'PENDING'],
      ['ghost', 'ghost', 'SUCCESS'],
    ]);
  });

  it('feeds the graph: a step without a log link when no place for logs is given', () => {
    const mapped = jobRunAsPipelineRun(run, steps, context);
    const nodes = flowNodes([], { steps, selected: new Set(), runs: new Map(mapped.steps.map((step) => [step.uuid, step])), issues: {} });
    expect(nodes.map((node) => [node.id, node.data.run?.status, node.data.logHref])).toEqual([
      ['step-a', 'FAILURE', undefined],
      ['step-b', 'PENDING', undefined],
    ]);
  });
});

describe('jobRunStepsKey', () => {
  it('changes with a step state and not with the order steps are told in', () => {
    const key = jobRunStepsKey(run);
    expect(jobRunStepsKey({ ...run, parameters: { pipeline_parameters: { n: 1 } } })).toBe(key);
    expect(jobRunStepsKey({ ...run, steps: { ...run.steps, 'step-b': { status: 'STARTED' } } })).not.toBe(key);
    const two = { x: { status: 'SUCCESS' as const }, y: { status: 'PENDING' as const } };
    expect(jobRunStepsKey({ ...run, steps: two })).toBe(jobRunStepsKey({ ...run, steps: { y: two.y, x: two.x } }));
  });
});

describe('runs of a job at once (setting)', () => {
  it('takes a whole number from 1 to 16', () => {
    expect(parseRunsAtOnce(' 4 ')).toBe(4);
    expect(parseRunsAtOnce('16')).toBe(16);
    for (const text of ['0', '17', '', '2.5', '-1', 'two']) expect(parseRunsAtOnce(text)).toBeNaN();
    expect(runsAtOnceProblem('1')).toBeUndefined();
    expect(runsAtOnceProblem('20')).toBe('A whole number from 1 to 16');
  });
});
