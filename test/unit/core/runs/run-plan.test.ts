import { describe, expect, it } from 'vitest';
import { planRun as planRunOf, stepTitles } from '../../../../electron/core/runs/run-plan';

const planRun = (definition: Record<string, unknown>, ...rest: [Parameters<typeof planRunOf>[1], string[]?]) => planRunOf({ definition, path: 'main.orchest' }, ...rest);

const ENV = 'e0000000-0000-4000-8000-000000000000';
const step = (title: string, parents: string[] = [], extra: Record<string, unknown> = {}) => ({
  uuid: title,
  title,
  file_path: `${title}.py`,
  environment: ENV,
  incoming_connections: parents,
  ...extra,
});
/** a → b → d, a → c → d, and e alone; listed out of order. */
const pipeline = (settings: Record<string, unknown> = {}) => ({
  uuid: 'p',
  settings,
  steps: { d: step('d', ['b', 'c']), b: step('b', ['a']), a: step('a'), c: step('c', ['a']), e: step('e') },
});

describe('planRun', () => {
  it('runs every step after its parents, ties in the order of the file', () => {
    const plan = planRun(pipeline(), 'all');
    expect(order(plan)).toEqual(['a', 'b', 'c', 'd', 'e']); // each time the first ready step in the file
    const position = (uuid: string) => plan.steps.findIndex((s) => s.uuid === uuid);
    expect(position('a')).toBeLessThan(position('b'));
    expect(position('a')).toBeLessThan(position('c'));
    expect(position('b')).toBeLessThan(position('d'));
    expect(position('c')).toBeLessThan(position('d'));
    expect(plan.steps.find((s) => s.uuid === 'd')?.parents).toEqual(['b', 'c']);
    expect(plan.parallelism).toBe(0);
  });

  it('takes the selected steps only, keeping only the connections between them', () => {
    const plan = planRun(pipeline(), 'selected', ['d', 'b']);
    expect(plan.steps.map((s) => [s.uuid, s.parents])).toEqual([
      ['b', []],
      ['d', ['b']],
    ]);
  });

  it('takes a step and everything after it', () => {
    expect(order(planRun(pipeline(), 'descendants', ['c']))).toEqual(['c', 'd']);
    expect(order(planRun(pipeline(), 'descendants', ['a'])).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it("reads max_steps_parallelism, 0 and nonsense being no limit", () => {
    expect(planRun(pipeline({ max_steps_parallelism: 2 }), 'all').parallelism).toBe(2);
    expect(planRun(pipeline({ max_steps_parallelism: 0 }), 'all').parallelism).toBe(0);
    expect(planRun(pipeline({ max_steps_parallelism: -1 }), 'all').parallelism).toBe(0);
  });

  it('refuses what cannot run, saying which step and why', () => {
    expect(() => planRun(pipeline(), 'selected', ['zz'])).toThrow('The pipeline has no step zz');
    expect(() => planRun(pipeline(), 'selected', [])).toThrow('Select the steps to run');
    expect(() => planRun({ steps: {} }, 'all')).toThrow('no steps to run');
    expect(() => planRun({ steps: { a: step('a', [], { environment: '' }) } }, 'all')).toThrow("Step 'a' doesn't reference any environment");
    expect(() => planRun({ steps: { a: step('a', [], { file_path: 'notes.txt' }) } }, 'all')).toThrow("Step 'a': notes.txt cannot run");
    expect(() => planRun({ steps: { a: step('a', ['b']), b: step('b', ['a']), c: step('c') } }, 'all')).toThrow('The steps a, b depend on each other in a cycle');
  });

  it("names each step's log by its title, or its uuid when it has none", () => {
    expect(stepTitles({ steps: { a: step('a'), b: { ...step('b'), title: '' }, broken: 3 } })).toEqual({ a: 'a', b: 'b' });
    expect(stepTitles({ steps: { u: { title: 'Load' } } })).toEqual({ u: 'Load' });
  });

  it('refuses a step file outside the project, before anything runs', () => {
    expect(() => planRun({ steps: { a: step('a', [], { file_path: '../elsewhere/a.py' }) } }, 'all')).toThrow("Step 'a': its file ../elsewhere/a.py is outside the project");
  });

  it('knows each kind of step', () => {
    const kinds = ['x.py', 'x.sh', 'x.R', 'x.jl', 'x.js', 'x.ipynb', 'x'].map((file_path, i) => step(`s${i}`, [], { file_path }));
    const plan = planRun({ steps: Object.fromEntries(kinds.map((s) => [s.uuid, s])) }, 'all');
    expect(plan.steps.map((s) => s.command.argv)).toEqual([
      ['python3', '-u', 'x.py'],
      ['bash', 'x.sh'],
      ['Rscript', 'x.R'],
      ['julia', 'x.jl'],
      ['node', 'x.js'],
      ['python3', '-u', '/orchest/runner/run_notebook.py', 'x.ipynb'],
      ['bash', 'x'],
    ]);
  });
});

function order(plan: ReturnType<typeof planRun>): string[] {
  return plan.steps.map((s) => s.uuid);
}
