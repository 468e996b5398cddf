import { Background, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { stepGraph, type StepNode } from './step-graph';

type StepFlowNode = Node<StepNode['data'], 'step'>;

function StepBox({ data }: NodeProps<StepFlowNode>) {
  return (
    <div className="step-node">
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="step-node__title">{data.title}</span>
      {data.filePath && <code className="step-node__file">{data.filePath}</code>}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

const NODE_TYPES = { step: StepBox };

/** The steps where the pipeline editor put them, read-only: nothing drags, connects or deletes. */
export function PipelineGraph({ steps, label }: { steps: unknown; label: string }) {
  const { nodes, edges } = useMemo(() => {
    const graph = stepGraph(steps);
    const flowNodes: StepFlowNode[] = graph.nodes.map((node) => ({ ...node, type: 'step' }));
    const flowEdges: Edge[] = graph.edges.map((edge) => ({ ...edge, type: 'smoothstep' }));
    return { nodes: flowNodes, edges: flowEdges };
  }, [steps]);

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
