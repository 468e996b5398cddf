import { describe, expect, it } from 'vitest';
import type { JobDetails } from '../../../electron/contract';
import { gridFields, gridOf, gridTexts, stepTitlesOf } from '../../../renderer/src/features/jobs/grid-fields';
import { draftErrors, draftFieldOf, draftOf, fromLocalInput, settingsOf, toLocalInput } from '../../../renderer/src/features/jobs/job-draft';
import { canEditJob, formatDuration, runCountsText, runDuration, shortParameters } from '../../../renderer/src/features/jobs/job-format';
import { formatValues, parseValues } from '../../../renderer/src/features/jobs/values-field';

describe('parseValues', () => {
  it('reads a JSON value per line, and a line that is not JSON as a string', () => {
    expect(parseValues('hi\nho')).toEqual(['hi', 'ho']);
    expect(parseValues('1\n2.5\n"3"\ntrue\nnull\n[1, 2]\n{"a": 1}')).toEqual([1, 2.5, '3', true, null, [1, 2], { a: 1 }]);
    expect(parseValues('  hello world  \n\n\n{not json')).toEqual(['hello world', '{not json']);
    expect(parseValues('')).toEqual([]);
  });

  it('writes values back so that they read the same', () => {
    const values = ['hi', '2', 'true', '', ' padded ', 'two\nlines', 2, true, null, [1, 'a'], { b: 'c' }, '"quoted"'];
    const text = formatValues(values);
    expect(text.split('\n').slice(0, 3)).toEqual(['hi', '"2"', '"true"']);
    // The empty string and one with a line break are written as JSON, so no value is lost.
    expect(parseValues(text)).toEqual(values);
  });
});

describe('runCountsText', () => {
  it('says the runs by status in the states order, none left out', () => {
    expect(runCountsText({ FAILURE: 1, SUCCESS: 2, PENDING: 0 })).toBe('2 SUCCESS, 1 FAILURE');
    expect(runCountsText({ PENDING: 3, STARTED: 1, ABORTED: 4 })).toBe('3 PENDING, 1 STARTED, 4 ABORTED');
    expect(runCountsText({})).toBe('no runs');
  });
});

describe('formatDuration', () => {
  it('reads like a stopwatch at every scale', () => {
    expect([0, 420, 9_990, 12_000, 65_000, 3_600_000 + 4 * 60_000, 50 * 3_600_000].map(formatDuration)).toEqual([
      '0.0 s', '0.4 s', '9.9 s', '12 s', '1 min 5 s', '1 h 4 min', '2 d 2 h',
    ]);
    expect(formatDuration(-1)).toBe('');
  });

  it('times a run until it ends, or until now while it goes', () => {
    const startedAt = '2026-01-01T00:00:00.000Z';
    expect(runDuration({ startedAt, finishedAt: '2026-01-01T00:00:30.000Z' }, 0)).toBe('30 s');
    expect(runDuration({ startedAt }, Date.parse(startedAt) + 2_000)).toBe('2.0 s');
    expect(runDuration({}, 0)).toBe('');
  });
});

describe('shortParameters', () => {
  const parameters = { pipeline_parameters: { n: 2 }, 'step-1': { greeting: 'hi', other: 1 } };
  it('names step parameters by the step title, and only the varied ones when told', () => {
    const titles = new Map([['step-1', 'Greet']]);
    expect(shortParameters(parameters, titles)).toBe('pipeline.n=2, Greet.greeting="hi", Greet.other=1');
    expect(shortParameters(parameters, titles, new Set(['step-1.greeting']))).toBe('Greet.greeting="hi"');
  });
});

describe('canEditJob', () => {
  it('allows a draft, or a cron job that has not ended', () => {
    expect(canEditJob({ status: 'DRAFT', schedule: { kind: 'now' } })).toBe(true);
    expect(canEditJob({ status: 'STARTED', schedule: { kind: 'now' } })).toBe(false);
    expect(canEditJob({ status: 'PAUSED', schedule: { kind: 'cron' } })).toBe(true);
    expect(canEditJob({ status: 'ABORTED', schedule: { kind: 'cron' } })).toBe(false);
  });
});

const definition = {
  uuid: 'p',
  parameters: { n: 1 },
  steps: {
    's-b': { title: 'B step', parameters: { greeting: 'hello' } },
    's-a': { title: 'A step', parameters: {} },
    's-c': { title: '', parameters: { x: [1] } },
  },
};

describe('grid fields', () => {
  it('lists the pipeline parameters, then each step parameter with its title', () => {
    expect(gridFields(definition)).toEqual([
      { key: 'pipeline.n', label: 'Pipeline: n', current: '1' },
      { key: 's-b.greeting', label: 'B step: greeting', current: '"hello"' },
      { key: 's-c.x', label: 's-c: x', current: '[1]' },
    ]);
    expect(gridFields(undefined)).toEqual([]);
    expect(stepTitlesOf(definition).get('s-b')).toBe('B step');
  });

  it('makes the grid from the fields, leaving out the empty ones', () => {
    expect(gridOf({ 'pipeline.n': '1\n2', 's-b.greeting': '  \n' })).toEqual({ 'pipeline.n': [1, 2] });
    expect(gridOf(gridTexts({ 's-b.greeting': ['hi', 'ho'] }))).toEqual({ 's-b.greeting': ['hi', 'ho'] });
  });
});

const job: JobDetails = {
  uuid: 'j',
  name: 'Nightly',
  projectId: 'p',
  pipelineUuid: 'pu',
  pipelinePath: 'main.orchest',
  pipelineName: 'Main',
  status: 'DRAFT',
  schedule: { kind: 'cron', cron: '0 9 * * 1-5' },
  scheduleText: 'At 09:00, Monday through Friday',
  nextScheduledTime: null,
  lastScheduledTime: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  maxRetainedRuns: -1,
  batches: 0,
  runsMade: 0,
  runCounts: { PENDING: 0, STARTED: 0, SUCCESS: 0, FAILURE: 0, ABORTED: 0 },
  snapshot: null,
  grid: { 's-b.greeting': ['hi', 'ho'] },
  leftOut: [1],
  runsPerBatch: 1,
  variables: { TOKEN: 'x' },
  environmentImages: {},
  nextTimes: [],
  pipelineDefinition: null,
};

describe('job draft', () => {
  it('round-trips a job through the form to the same settings', () => {
    expect(settingsOf(draftOf(job))).toEqual({
      name: 'Nightly',
      schedule: { kind: 'cron', cron: '0 9 * * 1-5' },
      grid: { 's-b.greeting': ['hi', 'ho'] },
      leftOut: [1],
      variables: { TOKEN: 'x' },
      maxRetainedRuns: -1,
    });
    expect(settingsOf({ ...draftOf(job), keep: ' 5 ', when: 'now' })).toMatchObject({ maxRetainedRuns: 5, schedule: { kind: 'now' } });
  });

  it('keeps a time in the local zone through the datetime-local field', () => {
    const iso = '2026-03-04T05:06:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput('')).toBeUndefined();
    expect(settingsOf({ ...draftOf(job), when: 'at', time: toLocalInput(iso) }).schedule).toEqual({ kind: 'at', time: iso });
  });

  it('finds what the form can tell before sending', () => {
    expect(draftErrors({ ...draftOf(job), when: 'at', time: '' })).toEqual({ time: 'Give a date and time' });
    expect(draftErrors({ ...draftOf(job), cron: ' ', keep: 'two' })).toMatchObject({ cron: expect.any(String), keep: expect.any(String) });
    expect(draftErrors(draftOf(job))).toEqual({});
  });

  it('places the host errors next to the field they concern', () => {
    expect(['schedule.cron', 'schedule.time', 'schedule', 'cron', 'time', 'grid', 'parameters', 'leftOut', 'maxRetainedRuns', 'name', 'variables.A B', 'jobUuid', undefined].map(draftFieldOf)).toEqual([
      'cron', 'time', 'when', 'cron', 'time', 'parameters', 'parameters', 'parameters', 'keep', 'name', 'variables', undefined, undefined,
    ]);
  });
});
