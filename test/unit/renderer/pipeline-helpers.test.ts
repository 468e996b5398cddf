import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipelineNameError, pipelinePathError, suggestedPipelinePath } from '../../../renderer/src/features/pipelines/pipeline-path';
import { readSteps } from '../../../electron/contract';
import { flowEdges, flowNodes } from '../../../renderer/src/features/pipelines/flow-nodes';
import { itNeeding } from '../../helpers/machine-needs';
import { missingOrchestFixtures, ORCHEST_FIXTURES } from '../../helpers/shared-fixtures';

describe('the graph of a pipeline file', () => {
  const graphOf = (steps: unknown) => {
    const read = readSteps(steps);
    const inputs = { steps: read, selected: new Set<string>(), runs: new Map(), issues: {}, logHref: (id: string) => id };
    return { nodes: flowNodes([], inputs), edges: flowEdges([], read, new Map(), undefined) };
  };

  it('places steps at meta_data.position with an edge from each incoming connection', () => {
    const graph = graphOf({
      a: { title: 'Get data', file_path: 'get.py', incoming_connections: [], meta_data: { position: [10, 20] } },
      b: { title: 'Train', file_path: 'train.ipynb', incoming_connections: ['a', 'gone'], meta_data: { position: [300.5, 20] } },
      c: { file_path: 'c.sh', incoming_connections: 'a' },
    });
    expect(graph.nodes.map((node) => [node.id, node.position, node.data.title, node.data.filePath])).toEqual([
      ['a', { x: 10, y: 20 }, 'Get data', 'get.py'],
      ['b', { x: 300.5, y: 20 }, 'Train', 'train.ipynb'],
      ['c', { x: 0, y: 0 }, 'c', 'c.sh'],
    ]);
    expect(graph.edges.map((edge) => [edge.id, edge.source, edge.target])).toEqual([['a->b', 'a', 'b']]);
  });

  it('draws nothing for missing or odd steps', () => {
    expect(graphOf(undefined)).toEqual({ nodes: [], edges: [] });
    expect(graphOf([1, 2])).toEqual({ nodes: [], edges: [] });
  });

  itNeeding(missingOrchestFixtures, 'reads a real Orchest pipeline', () => {
    const file = path.join(ORCHEST_FIXTURES, 'pipelines', 'quickstart__california_housing.orchest');
    const { steps } = JSON.parse(fs.readFileSync(file, 'utf8')) as { steps: Record<string, unknown> };
    const graph = graphOf(steps);
    expect(graph.nodes).toHaveLength(Object.keys(steps).length);
    expect(graph.edges.length).toBeGreaterThan(0);
  });
});

describe('pipeline paths', () => {
  it('suggests a file name from the pipeline name', () => {
    expect(suggestedPipelinePath('Train model')).toBe('train_model.orchest');
    expect(suggestedPipelinePath('  ETL: v2!  ')).toBe('etl_v2.orchest');
    expect(suggestedPipelinePath('???')).toBe('pipeline.orchest');
  });

  it('takes relative paths ending in .orchest only', () => {
    for (const ok of ['', 'a.orchest', 'pipelines/train.orchest']) expect(pipelinePathError(ok)).toBeUndefined();
    for (const bad of ['a.json', '/abs.orchest', '../out.orchest', 'a//b.orchest', '.orchest', 'dir/.orchest', 'a\\b.orchest']) {
      expect(pipelinePathError(bad)).toMatch(/ending in \.orchest/);
    }
  });

  it('limits names to 255 characters', () => {
    expect(pipelineNameError('x'.repeat(255))).toBeUndefined();
    expect(pipelineNameError('x'.repeat(256))).toMatch(/255/);
  });
});
