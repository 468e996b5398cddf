import { describe, expect, it } from 'vitest';
import { logRowText } from '../../../renderer/src/features/logs/log-text';
import { stepTitles } from '../../../renderer/src/features/logs/step-titles';
import { pickStep, stepIds } from '../../../renderer/src/features/pipelines/step-selection';
import { runStatusLabel } from '../../../renderer/src/features/runs/run-labels';

describe('pickStep', () => {
  it('selects only the clicked step, or with a modifier toggles it in or out of the rest', () => {
    expect(pickStep(['a', 'b'], 'c', false)).toEqual(['c']);
    expect(pickStep(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(pickStep(['a', 'b'], 'a', true)).toEqual(['b']);
  });

  it('reads the step uuids of a definition, and none from anything else', () => {
    expect(stepIds({ s1: {}, s2: {} })).toEqual(['s1', 's2']);
    expect([stepIds(undefined), stepIds([]), stepIds('x')]).toEqual([[], [], []]);
  });
});

describe('step log labels', () => {
  it('names a step log by its title, from the log list first and the run for one not listed yet', () => {
    const titles = stepTitles(
      [
        { source: 'web', run: 'r', lines: 1, previous: false },
        { source: 's1', step: 'Load', run: 'r', lines: 1, previous: false },
      ],
      [
        { uuid: 's1', title: 'Old title', filePath: 'a.py', status: 'SUCCESS' },
        { uuid: 's2', title: 'Train', filePath: 'b.py', status: 'STARTED' },
      ],
    );
    expect([...titles]).toEqual([
      ['s1', 'Load'],
      ['s2', 'Train'],
    ]);
    const row = { source: 's1', line: { n: 1, s: 'out' as const, text: 'done' } };
    expect(logRowText(row, { sources: true, timestamps: false, labels: titles })).toBe('Load | done');
    expect(logRowText({ ...row, source: 'web' }, { sources: true, timestamps: false, labels: titles })).toBe('web | done');
  });
});

describe('runStatusLabel', () => {
  it('says the run state in words, in the session pill tones', () => {
    expect((['PENDING', 'STARTED', 'SUCCESS', 'FAILURE', 'ABORTED'] as const).map(runStatusLabel)).toEqual([
      { tone: 'busy', text: 'Run: PENDING' },
      { tone: 'busy', text: 'Run: STARTED' },
      { tone: 'ok', text: 'Run: SUCCESS' },
      { tone: 'error', text: 'Run: FAILURE' },
      { tone: 'warn', text: 'Run: ABORTED' },
    ]);
  });
});
