import { Position, type Edge } from '@xyflow/react';
import type { PipelineSteps, StepRun } from '../../../../electron/contract';
import type { StepBoxData, StepFlowNode } from './step-box';

export interface NodeInputs {
  steps: PipelineSteps;
  selected: ReadonlySet<string>;
  runs: ReadonlyMap<string, StepRun>;
  issues: Readonly<Record<string, string[]>>;
  /** Where a step's log is; without it the boxes have no Log link (a click on the box shows the log). */
  logHref?(step: string): string;
}

/**
 * The graph's nodes for the steps, reusing each previous node whose step, selection, run and issues did not
 * change: React Flow then redraws only the boxes that did, which keeps a pipeline of hundreds of steps smooth.
 * What React Flow measured stays on the node, so it is not measured again.
 */
export function flowNodes(previous: readonly StepFlowNode[], inputs: NodeInputs): StepFlowNode[] {
  const before = new Map(previous.map((node) => [node.id, node]));
  const nodes = Object.entries(inputs.steps).map(([id, step]): StepFlowNode => {
    const run = inputs.runs.get(id);
    const data: StepBoxData = {
      title: step.title || id,
      filePath: step.file_path,
      run,
      selected: inputs.selected.has(id),
      logHref: run?.startedAt !== undefined && inputs.logHref ? inputs.logHref(id) : undefined,
      issues: inputs.issues[id]?.join('\n'),
    };
    const [x, y] = step.meta_data.position;
    const old = before.get(id);
    if (old && old.position.x === x && old.position.y === y && old.selected === data.selected && sameData(old.data, data)) return old;
    return { id, type: 'step', position: { x, y }, data, selected: data.selected, ...(old?.measured ? { measured: old.measured } : ESTIMATED_BOX) };
  });
  return sameItems(previous, nodes) ? (previous as StepFlowNode[]) : nodes;
}

/** The previous array itself when it holds the same objects: React Flow then has nothing to look at again. */
function sameItems<T>(previous: readonly T[], next: readonly T[]): boolean {
  return previous.length === next.length && next.every((item, i) => item === previous[i]);
}

/**
 * A step box's size and handles before React Flow measures it (pipeline.css .step-node): with them the
 * connections are drawn in the first frame, not after every box has been measured; the measure then corrects them.
 */
const ESTIMATED_BOX = (() => {
  const width = 190;
  const height = 53;
  const handle = { width: 6, height: 6, y: height / 2 - 3 };
  return {
    measured: { width, height },
    handles: [
      { ...handle, type: 'target' as const, position: Position.Left, x: -3 },
      { ...handle, type: 'source' as const, position: Position.Right, x: width - 3 },
    ],
  };
})();

function sameData(a: StepBoxData, b: StepBoxData): boolean {
  return (
    a.title === b.title && a.filePath === b.filePath && a.run === b.run && a.selected === b.selected && a.logHref === b.logHref && a.issues === b.issues
  );
}

/** An edge's id names both ends, so a selected edge can be removed from it. */
export const edgeId = (from: string, to: string) => `${from}->${to}`;

/**
 * One edge from each parent in `incoming_connections` that is a step; an edge into a running step moves.
 * Edges that did not change are the previous objects, so only the changed ones are drawn again.
 */
export function flowEdges(previous: readonly Edge[], steps: PipelineSteps, runs: ReadonlyMap<string, StepRun>, selectedEdge: string | undefined): Edge[] {
  const before = new Map(previous.map((edge) => [edge.id, edge]));
  const edges: Edge[] = [];
  for (const [id, step] of Object.entries(steps)) {
    for (const parent of step.incoming_connections) {
      if (!(parent in steps)) continue;
      const edge = edgeId(parent, id);
      const animated = runs.get(id)?.status === 'STARTED';
      const selected = edge === selectedEdge;
      const old = before.get(edge);
      edges.push(old && old.animated === animated && old.selected === selected ? old : { id: edge, source: parent, target: id, type: 'smoothstep', animated, selected });
    }
  }
  return sameItems(previous, edges) ? (previous as Edge[]) : edges;
}
