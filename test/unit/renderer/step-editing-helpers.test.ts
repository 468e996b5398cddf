import { describe, expect, it } from 'vitest';
import { newStep } from '../../../electron/contract';
import { flowEdges, flowNodes } from '../../../renderer/src/features/pipelines/flow-nodes';
import { stepIssues } from '../../../renderer/src/features/pipelines/step-issues';
import { parseJson } from '../../../renderer/src/features/pipelines/parse-json';
import { pathFromPipeline, pathInProject, titleFromFile } from '../../../renderer/src/features/pipelines/step-file-path';

describe('step file paths', () => {
  it('names project files relative to the pipeline folder, and back', () => {
    expect(pathFromPipeline('main.orchest', 'a/b.py')).toBe('a/b.py');
    expect(pathFromPipeline('sub/main.orchest', 'sub/b.py')).toBe('b.py');
    expect(pathFromPipeline('sub/deep/main.orchest', 'lib/b.py')).toBe('../../lib/b.py');
    expect(pathInProject('sub/main.orchest', '../lib/b.py')).toBe('lib/b.py');
    expect(pathInProject('main.orchest', '../b.py')).toBeUndefined();
    expect(pathInProject('main.orchest', '/data/b.py')).toBeUndefined();
  });

  it('makes a title from a file name', () => {
    expect(titleFromFile('etl/load_data.py')).toBe('load data');
    expect(titleFromFile('.env')).toBe('.env');
  });
});

describe('parseJson', () => {
  it('says on which line and column the text breaks', () => {
    expect(parseJson('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    const broken = parseJson('{\n  "a": 1,\n  "b" 2\n}');
    expect(broken).toMatchObject({ ok: false, line: 3, column: 7 });
  });
});

describe('graph nodes', () => {
  const a = newStep({ uuid: 'a', title: 'A', filePath: 'a.py', position: [0, 0] });
  const b = { ...newStep({ uuid: 'b', title: 'B', filePath: 'b.py', position: [300, 0] }), incoming_connections: ['a', 'gone'] };
  const inputs = { steps: { a, b }, selected: new Set<string>(), runs: new Map(), issues: {}, logHref: (id: string) => `#${id}` };

  it('reuses the nodes of steps that did not change, so only changed boxes redraw', () => {
    const first = flowNodes([], inputs);
    const moved = { ...b, meta_data: { ...b.meta_data, position: [320, 10] as [number, number] } };
    const second = flowNodes(first, { ...inputs, steps: { a, b: moved } });
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]?.position).toEqual({ x: 320, y: 10 });
    const picked = flowNodes(second, { ...inputs, steps: { a, b: moved }, selected: new Set(['a']) });
    expect(picked[0]?.selected).toBe(true);
    expect(picked[1]).toBe(second[1]);
    expect(flowNodes(picked, { ...inputs, steps: { a, b: moved }, selected: new Set(['a']) })).toBe(picked);
  });

  it('reuses unchanged edges, and the whole list when nothing changed', () => {
    const c = { ...newStep({ uuid: 'c', title: 'C', filePath: 'c.py', position: [600, 0] }), incoming_connections: ['b'] };
    const first = flowEdges([], { a, b, c }, new Map(), undefined);
    expect(flowEdges(first, { a, b, c }, new Map(), undefined)).toBe(first);
    const running = flowEdges(first, { a, b, c }, new Map([['c', { uuid: 'c', title: 'C', status: 'STARTED' } as never]]), undefined);
    expect(running[0]).toBe(first[0]);
    expect(running[1]).toMatchObject({ id: 'b->c', animated: true });
    expect(running).not.toBe(first);
  });

  it('draws an edge from each parent that is a step, and marks the steps that break a rule', () => {
    expect(flowEdges([], { a, b }, new Map(), 'a->b')).toMatchObject([{ id: 'a->b', source: 'a', target: 'b', selected: true }]);
    const issues = stepIssues([
      { path: 'steps.b.file_path', message: 'no file' },
      { path: 'services.x.image', message: 'no image' },
    ]);
    expect(issues).toEqual({ b: ['no file'] });
    expect(flowNodes([], { ...inputs, issues })[1]?.data.issues).toBe('no file');
  });
});
