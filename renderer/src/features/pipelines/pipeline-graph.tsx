import { Background, ReactFlow, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { PipelineRun } from '../../../../electron/contract';
import { StepBox, type StepFlowNode } from './step-box';
import { stepGraph } from './step-graph';

const NODE_TYPES = { step: StepBox };

export interface PipelineGraphProps {
  steps: unknown;
  label: string;
  /** The pipeline's latest run, whose states the steps show. */
  run: PipelineRun | null | undefined;
  selected: readonly string[];
  /** A click on a step; `additive` with Shift, Ctrl or Cmd held. */
  onPick(step: string, additive: boolean): void;
  /** A click on the background. */
  onClear(): void;
  logHref(step: string): string;
}

/** The steps where the pipeline editor put them, read-only (nothing drags, connects or deletes) but selectable to run. */
export function PipelineGraph({ steps, label, run, selected, onPick, onClear, logHref }: PipelineGraphProps) {
  const graph = useMemo(() => stepGraph(steps), [steps]);
  const { nodes, edges } = useMemo(() => {
    const runs = new Map(run?.steps.map((step) => [step.uuid, step]));
    const flowNodes: StepFlowNode[] = graph.nodes.map((node) => {
      const stepRun = runs.get(node.id);
      const logs = stepRun?.startedAt !== undefined ? logHref(node.id) : undefined;
      return { ...node, type: 'step', data: { ...node.data, run: stepRun, selected: selected.includes(node.id), logHref: logs } };
    });
    // An edge into a running step moves, so the eye finds where the run is.
    const flowEdges: Edge[] = graph.edges.map((edge) => ({ ...edge, type: 'smoothstep', animated: runs.get(edge.target)?.status === 'STARTED' }));
    return { nodes: flowNodes, edges: flowEdges };
  }, [graph, run, selected, logHref]);

  if (nodes.length === 0) {
    return (
      <p className="graph-empty muted" data-testid="no-steps">
        No steps yet.
      </p>
    );
  }
  return (
    <div className="pipeline-graph" role="figure" aria-label={label} data-testid="pipeline-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        onNodeClick={(event, node) => onPick(node.id, event.shiftKey || event.ctrlKey || event.metaKey)}
        onPaneClick={onClear}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} size={1} />
      </ReactFlow>
    </div>
  );
}
