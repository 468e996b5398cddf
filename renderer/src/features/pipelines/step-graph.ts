/** A step as the graph draws it. */
export interface StepNode {
  id: string;
  position: { x: number; y: number };
  data: { title: string; filePath: string };
}

export interface StepEdge {
  id: string;
  source: string;
  target: string;
}

const COLUMN = 240;

/**
 * A pipeline's steps as nodes at `meta_data.position`, and an edge from each parent in
 * `incoming_connections`. Steps without a position are lined up below; unknown parents are skipped.
 */
export function stepGraph(steps: unknown): { nodes: StepNode[]; edges: StepEdge[] } {
  if (!isObject(steps)) return { nodes: [], edges: [] };
  const nodes: StepNode[] = [];
  const edges: StepEdge[] = [];
  let unplaced = 0;
  for (const [id, step] of Object.entries(steps)) {
    if (!isObject(step)) continue;
    const placed = positionOf(step.meta_data);
    const position = placed ?? { x: unplaced++ * COLUMN, y: -160 };
    nodes.push({ id, position, data: { title: text(step.title) || id, filePath: text(step.file_path) } });
    const parents = Array.isArray(step.incoming_connections) ? step.incoming_connections : [];
    for (const parent of parents) {
      if (typeof parent === 'string' && parent in steps) edges.push({ id: `${parent}->${id}`, source: parent, target: id });
    }
  }
  return { nodes, edges };
}

function positionOf(meta: unknown): { x: number; y: number } | undefined {
  if (!isObject(meta) || !Array.isArray(meta.position)) return undefined;
  const [x, y] = meta.position as unknown[];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) ? { x, y } : undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
