import { describe, expect, it } from 'vitest';
import {
  STEP_BOX,
  connectSteps,
  disconnectSteps,
  duplicateSteps,
  findCycle,
  freePosition,
  kernelFor,
  moveSteps,
  newStep,
  orchestKernelName,
  readSteps,
  removeSteps,
  reorderIncoming,
  type PipelineSteps,
} from '../../../electron/contract';

function step(uuid: string, title: string, incoming: string[] = [], position: [number, number] = [0, 0]) {
  return { ...newStep({ uuid, title, filePath: `${title}.py`, position }), incoming_connections: incoming };
}

/** load -> clean -> train, plus an unconnected report. */
function sample(): PipelineSteps {
  return {
    a: step('a', 'load', [], [0, 0]),
    b: step('b', 'clean', ['a'], [300, 0]),
    c: step('c', 'train', ['b'], [600, 0]),
    d: step('d', 'report', [], [0, 300]),
  };
}

function frozen<T>(value: T): T {
  for (const inner of Object.values(value as object)) if (typeof inner === 'object' && inner) frozen(inner);
  return Object.freeze(value);
}

function boxesOverlap([x, y]: [number, number], [tx, ty]: [number, number]) {
  return Math.abs(x - tx) < STEP_BOX.width && Math.abs(y - ty) < STEP_BOX.height;
}

describe('readSteps', () => {
  it('fills what a step lacks with Orchest defaults and keeps unknown keys', () => {
    const steps = readSteps({
      x: { title: 'only a title', extra: { kept: true }, meta_data: { position: [1.5, 2], note: 'n' } },
      y: 'not a step',
    });
    expect(Object.keys(steps)).toEqual(['x']);
    expect(steps.x).toEqual({
      uuid: 'x',
      title: 'only a title',
      file_path: '',
      environment: '',
      kernel: { name: 'python', display_name: '' },
      parameters: {},
      incoming_connections: [],
      meta_data: { position: [1.5, 2], hidden: false, note: 'n' },
      extra: { kept: true },
    });
  });

  it('reads nothing from what is not an object', () => {
    expect(readSteps(undefined)).toEqual({});
    expect(readSteps([1, 2])).toEqual({});
  });
});

describe('connectSteps', () => {
  it('adds the source to the target incoming connections without touching the input', () => {
    const steps = frozen(sample());
    const edit = connectSteps(steps, 'd', 'c');
    expect(edit.ok && edit.steps.c?.incoming_connections).toEqual(['b', 'd']);
    expect(steps.c?.incoming_connections).toEqual(['b']);
  });

  it('refuses a duplicate connection by the titles', () => {
    expect(connectSteps(sample(), 'a', 'b')).toEqual({ ok: false, reason: 'load is already connected to clean' });
  });

  it('refuses a cycle and names its chain by titles', () => {
    expect(connectSteps(sample(), 'c', 'a')).toEqual({
      ok: false,
      reason: 'connecting train to load would make a cycle: load → clean → train',
    });
  });

  it('refuses a step connected to itself', () => {
    const edit = connectSteps(sample(), 'a', 'a');
    expect(edit.ok).toBe(false);
  });

  it('refuses an unknown step', () => {
    expect(connectSteps(sample(), 'a', 'nope').ok).toBe(false);
  });
});

describe('findCycle', () => {
  it('finds none in a DAG and the chain of one that loops', () => {
    expect(findCycle(sample())).toBeNull();
    const looped = { ...sample(), a: step('a', 'load', ['c']) };
    expect(findCycle(looped)).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('disconnectSteps and removeSteps', () => {
  it('removes one connection', () => {
    expect(disconnectSteps(frozen(sample()), 'a', 'b').b?.incoming_connections).toEqual([]);
  });

  it('removes the steps and every connection to them', () => {
    const steps = removeSteps(frozen(sample()), ['b']);
    expect(Object.keys(steps)).toEqual(['a', 'c', 'd']);
    expect(steps.c?.incoming_connections).toEqual([]);
  });
});

describe('duplicateSteps', () => {
  it('gives new uuids, keeps connections among the copies and from outside, and places copies on free ground', () => {
    const original = frozen(sample());
    let next = 0;
    const { steps, copies } = duplicateSteps(original, ['b', 'c'], () => `copy-${++next}`);
    expect(copies).toEqual({ b: 'copy-1', c: 'copy-2' });
    expect(steps['copy-1']?.incoming_connections).toEqual(['a']);
    expect(steps['copy-2']?.incoming_connections).toEqual(['copy-1']);
    expect(steps['copy-2']?.title).toBe('train');
    expect(steps['copy-1']?.uuid).toBe('copy-1');
    const [b, c] = [steps['copy-1']!.meta_data.position, steps['copy-2']!.meta_data.position];
    expect(c[0] - b[0]).toBe(300);
    expect(c[1] - b[1]).toBe(0);
    for (const copy of [b, c]) {
      for (const uuid of Object.keys(original)) expect(boxesOverlap(copy, original[uuid]!.meta_data.position)).toBe(false);
    }
    expect(Object.keys(original)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('copies deeply, so editing a copy leaves the original alone', () => {
    const original = sample();
    original.a!.parameters = { nested: { n: 1 } };
    const { steps, copies } = duplicateSteps(original, ['a'], () => 'a2');
    (steps[copies.a!]!.parameters.nested as { n: number }).n = 2;
    expect(original.a!.parameters).toEqual({ nested: { n: 1 } });
  });
});

describe('moveSteps and reorderIncoming', () => {
  it('moves only the named steps', () => {
    const original = frozen(sample());
    const steps = moveSteps(original, { a: [10, 20], unknown: [1, 1] });
    expect(steps.a?.meta_data.position).toEqual([10, 20]);
    expect(steps.b).toBe(original.b);
    expect(steps.unknown).toBeUndefined();
  });

  it('orders incoming connections, keeping any the order leaves out', () => {
    const steps: PipelineSteps = { ...sample(), e: step('e', 'merge', ['a', 'b', 'c', 'd']) };
    expect(reorderIncoming(frozen(steps), 'e', ['c', 'a', 'ghost']).e?.incoming_connections).toEqual(['c', 'a', 'b', 'd']);
  });
});

describe('freePosition', () => {
  it('returns the place asked for when it is free', () => {
    expect(freePosition(sample(), [0, 600])).toEqual([0, 600]);
    expect(freePosition({})).toEqual([0, 0]);
  });

  it('moves off a taken place to one no box overlaps', () => {
    const steps = sample();
    const place = freePosition(steps, [10, 10]);
    for (const s of Object.values(steps)) expect(boxesOverlap(place, s.meta_data.position)).toBe(false);
  });
});

describe('newStep and kernels', () => {
  it("uses Orchest's defaults and the environment's kernel", () => {
    const environment = { uuid: 'env-1', name: 'Python 3', language: 'python' };
    expect(newStep({ uuid: 's', filePath: 'a.ipynb', environment, position: [1, 2] })).toEqual({
      title: '',
      uuid: 's',
      incoming_connections: [],
      file_path: 'a.ipynb',
      kernel: { name: 'python', display_name: 'Python 3' },
      environment: 'env-1',
      parameters: {},
      meta_data: { position: [1, 2], hidden: false },
    });
    expect(kernelFor({ name: 'R', language: 'r' })).toEqual({ name: 'r', display_name: 'R' });
    expect(orchestKernelName('env-1')).toBe('orchest-kernel-env-1');
  });
});
