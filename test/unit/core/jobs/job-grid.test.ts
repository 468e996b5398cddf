import { describe, expect, it } from 'vitest';
import { chosenRows, defaultParameters, gridRows, MAX_GRID_RUNS, parseGridKey, runParameters } from '../../../../electron/core/jobs/job-grid';

const LOAD = '6b1c5931-8bf7-4587-b3ae-06f7ee5ccb8a';
const TRAIN = '0a3a3b2d-1111-4222-8333-444444444444';
const PLAIN = '9f9f9f9f-1111-4222-8333-555555555555';

const pipeline = () => ({
  name: 'main',
  uuid: 'p-uuid',
  parameters: { epochs: 1, tag: 'base' },
  steps: {
    [LOAD]: { uuid: LOAD, title: 'load', parameters: { rows: 100 } },
    [TRAIN]: { uuid: TRAIN, title: 'train', parameters: { rate: 0.1, depth: 3 } },
    [PLAIN]: { uuid: PLAIN, title: 'report', parameters: {} },
  },
});

describe('job grid', () => {
  it('takes every parameter of the pipeline and of each step that has any as the defaults', () => {
    expect(defaultParameters(pipeline())).toEqual({
      pipeline_parameters: { epochs: 1, tag: 'base' },
      [LOAD]: { rows: 100 },
      [TRAIN]: { rate: 0.1, depth: 3 },
    });
  });

  it('makes the Cartesian product, the first key varying slowest, every row with every parameter', () => {
    const rows = gridRows(pipeline(), { 'pipeline.epochs': [1, 2], [`${TRAIN}.rate`]: [0.1, 0.01, 0.001] });
    expect(rows).toHaveLength(6);
    expect(rows.map((row) => [row.index, row.parameters.pipeline_parameters!.epochs, row.parameters[TRAIN]!.rate])).toEqual([
      [0, 1, 0.1],
      [1, 1, 0.01],
      [2, 1, 0.001],
      [3, 2, 0.1],
      [4, 2, 0.01],
      [5, 2, 0.001],
    ]);
    expect(rows[4]!.parameters).toEqual({
      pipeline_parameters: { epochs: 2, tag: 'base' },
      [LOAD]: { rows: 100 },
      [TRAIN]: { rate: 0.01, depth: 3 },
    });
  });

  it('rows do not share their objects, so editing one leaves the others and the pipeline alone', () => {
    const definition = pipeline();
    const rows = gridRows(definition, { 'pipeline.epochs': [1, 2] });
    rows[0]!.parameters.pipeline_parameters!.tag = 'changed';
    expect(rows[1]!.parameters.pipeline_parameters!.tag).toBe('base');
    expect(definition.parameters.tag).toBe('base');
  });

  it('an empty grid is one run with the defaults', () => {
    expect(runParameters(pipeline(), {})).toEqual([defaultParameters(pipeline())]);
  });

  it('names a step by its title when only one step has it', () => {
    const rows = gridRows(pipeline(), { 'train.depth': [5, 6] });
    expect(rows.map((row) => row.parameters[TRAIN]!.depth)).toEqual([5, 6]);
    expect(parseGridKey(pipeline(), 'pipeline.a.b')).toEqual({ owner: 'pipeline_parameters', name: 'a.b' });
  });

  it('leaves out rows by index and keeps the others with their own index', () => {
    const rows = gridRows(pipeline(), { 'pipeline.epochs': [1, 2], 'train.rate': [0.1, 0.01, 0.001] });
    expect(chosenRows(rows, [1, 4]).map((row) => row.index)).toEqual([0, 2, 3, 5]);
    const kept = runParameters(pipeline(), { 'pipeline.epochs': [1, 2], 'train.rate': [0.1, 0.01, 0.001] }, [0, 1, 2]);
    expect(kept.map((p) => p.pipeline_parameters!.epochs)).toEqual([2, 2, 2]);
  });

  it('refuses unknown rows, and leaving every row out', () => {
    const rows = gridRows(pipeline(), { 'pipeline.epochs': [1, 2] });
    expect(() => chosenRows(rows, [2])).toThrow('The grid has 2 rows; there is no row 2 to leave out');
    expect(() => chosenRows(rows, [0, 1])).toThrow('Every run is left out; keep at least one');
  });

  it('refuses unknown steps and parameters, saying what there is', () => {
    expect(() => gridRows(pipeline(), { 'nope.rate': [1] })).toThrow('Grid key "nope.rate": the pipeline has no step "nope" (by uuid or title)');
    expect(() => gridRows(pipeline(), { 'train.speed': [1] })).toThrow('Step "train" has no parameter "speed" (it has rate, depth)');
    expect(() => gridRows(pipeline(), { 'report.x': [1] })).toThrow('Step "report" has no parameter "x" (it has no parameters)');
    expect(() => gridRows(pipeline(), { 'pipeline.missing': [1] })).toThrow('The pipeline has no parameter "missing" (it has epochs, tag)');
    expect(() => gridRows(pipeline(), { epochs: [1] })).toThrow('Grid key "epochs" is neither pipeline.NAME nor STEP.NAME');
    expect(() => gridRows(pipeline(), { 'pipeline.epochs': [] })).toThrow('Give "pipeline.epochs" at least one value');
  });

  it('refuses a title two steps share, and a grid of too many runs', () => {
    const twice = pipeline();
    twice.steps[PLAIN].title = 'train';
    expect(() => gridRows(twice, { 'train.rate': [1] })).toThrow('2 steps are titled "train"; name the step by its uuid');
    const many = Array.from({ length: 101 }, (_, i) => i);
    expect(() => gridRows(pipeline(), { 'pipeline.epochs': many, 'pipeline.tag': many })).toThrow(
      `The grid makes 10201 runs; a job can have at most ${MAX_GRID_RUNS}`,
    );
  });
});
