import { describe, expect, it } from 'vitest';
import { runInOrder, type StepResult } from '../../../../electron/core/runs/run-scheduler';

/** A step runner whose steps end when the test says so. */
function controlledSteps() {
  const started: string[] = [];
  const finishers = new Map<string, (result: StepResult) => void>();
  const skipped: [string, string | undefined][] = [];
  return {
    started,
    skipped,
    callbacks: {
      run: (uuid: string) => {
        started.push(uuid);
        return new Promise<StepResult>((resolve) => finishers.set(uuid, resolve));
      },
      skip: (uuid: string, parent: string | undefined) => void skipped.push([uuid, parent]),
    },
    finish: async (uuid: string, result: StepResult) => {
      finishers.get(uuid)!(result);
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('runInOrder', () => {
  it('starts each step once its parents succeeded, at most `parallelism` at once', async () => {
    const steps = controlledSteps();
    const done = runInOrder(
      [
        { uuid: 'a', parents: [] },
        { uuid: 'b', parents: [] },
        { uuid: 'c', parents: [] },
        { uuid: 'd', parents: ['a', 'b'] },
      ],
      2,
      steps.callbacks,
      new AbortController().signal,
    );
    await tick();
    expect(steps.started).toEqual(['a', 'b']);
    await steps.finish('a', 'SUCCESS');
    expect(steps.started).toEqual(['a', 'b', 'c']);
    await steps.finish('b', 'SUCCESS');
    expect(steps.started).toEqual(['a', 'b', 'c', 'd']);
    await steps.finish('c', 'SUCCESS');
    await steps.finish('d', 'SUCCESS');
    expect([...(await done).values()]).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS']);
  });

  it('skips everything after a failed step and lets the others finish', async () => {
    const steps = controlledSteps();
    const done = runInOrder(
      [
        { uuid: 'a', parents: [] },
        { uuid: 'other', parents: [] },
        { uuid: 'b', parents: ['a'] },
        { uuid: 'c', parents: ['b'] },
      ],
      0,
      steps.callbacks,
      new AbortController().signal,
    );
    await tick();
    await steps.finish('a', 'FAILURE');
    expect(steps.skipped).toEqual([
      ['b', 'a'],
      ['c', 'b'],
    ]);
    await steps.finish('other', 'SUCCESS');
    const results = await done;
    expect(Object.fromEntries(results)).toEqual({ a: 'FAILURE', other: 'SUCCESS', b: 'ABORTED', c: 'ABORTED' });
  });

  it('starts nothing once cancelled and ends when the running steps do', async () => {
    const steps = controlledSteps();
    const abort = new AbortController();
    const done = runInOrder(
      [
        { uuid: 'a', parents: [] },
        { uuid: 'b', parents: ['a'] },
      ],
      0,
      steps.callbacks,
      abort.signal,
    );
    await tick();
    abort.abort();
    expect(steps.skipped).toEqual([['b', undefined]]);
    await steps.finish('a', 'ABORTED');
    expect(Object.fromEntries(await done)).toEqual({ a: 'ABORTED', b: 'ABORTED' });
    expect(steps.started).toEqual(['a']);
  });

  it('names the cancel, not a parent, for every step of a run cancelled before it began', async () => {
    const abort = new AbortController();
    abort.abort();
    const steps = controlledSteps();
    await runInOrder([{ uuid: 'a', parents: [] }, { uuid: 'b', parents: ['a'] }], 0, steps.callbacks, abort.signal);
    expect(steps.skipped).toEqual([
      ['a', undefined],
      ['b', undefined],
    ]);
  });

  it('counts a step that throws as failed', async () => {
    const results = await runInOrder(
      [{ uuid: 'a', parents: [] }],
      0,
      { run: () => Promise.reject(new Error('boom')), skip: () => undefined },
      new AbortController().signal,
    );
    expect(results.get('a')).toBe('FAILURE');
  });
});
