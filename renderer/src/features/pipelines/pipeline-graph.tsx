import {
  applyNodeChanges,
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import { type PipelineRun, type PipelineSteps } from '../../../../electron/contract';
import { FILE_DRAG_TYPE } from './file-drag';
import { flowEdges, flowNodes } from './flow-nodes';
import { StepBox, type StepFlowNode } from './step-box';

const NODE_TYPES = { step: StepBox };

export interface PipelineGraphProps {
  steps: PipelineSteps;
  label: string;
  /** The pipeline's latest run, whose states the steps show. */
  run: PipelineRun | null | undefined;
  selected: readonly string[];
  /** The rules each step breaks, by step uuid. */
  issues: Readonly<Record<string, string[]>>;
  selectedEdge: string | undefined;
  /**
   * Nothing can be changed: steps do not drag, connect or drop, no rectangle selects; a click on a step
   * still picks it (a job run's page shows that step's log).
   */
  readOnly?: boolean;
  /** A click on a step; `additive` with Shift, Ctrl or Cmd held. */
  onPick(step: string, additive: boolean): void;
  /** Steps taken by a rectangle drawn with Shift held. */
  onSelect?(steps: string[]): void;
  onPickEdge?(edge: string): void;
  /** A click on the background. */
  onClear?(): void;
  onMove?(positions: Record<string, [number, number]>): void;
  onConnect?(from: string, to: string): void;
  /** A file of the project dropped on the graph, at this place of the canvas. */
  onDropFile?(path: string, position: [number, number]): void;
  /** Where a step's log is (a Log link on each box that ran); without it the boxes have none. */
  logHref?(step: string): string;
  /** Filled with where on the canvas a new step would be in sight. */
  placeNear?: RefObject<(() => [number, number] | undefined) | undefined>;
}

/**
 * The steps where the editor put them: they drag, connect and are selected, one by one or with a rectangle.
 * Memoised: the panel around it re-renders as the project's files and environments arrive.
 */
export const PipelineGraph = memo(function PipelineGraph(props: PipelineGraphProps) {
  return (
    <ReactFlowProvider>
      <EditableGraph {...props} />
    </ReactFlowProvider>
  );
});

function EditableGraph({
  steps,
  label,
  run,
  selected,
  issues,
  selectedEdge,
  readOnly = false,
  onPick,
  onSelect,
  onPickEdge,
  onClear,
  onMove,
  onConnect,
  onDropFile,
  logHref,
  placeNear,
}: PipelineGraphProps) {
  const flow = useReactFlow();
  // No run yet and no run at all (undefined, then null) are the same states: the boxes stay as they are.
  const runSteps = run?.steps;
  const runs = useMemo(() => new Map(runSteps?.map((step) => [step.uuid, step])), [runSteps]);
  const selection = useMemo(() => new Set(selected), [selected]);
  // Positions change here while a step is dragged, and reach the pipeline once, when it is dropped.
  const inputs = useMemo(() => ({ steps, selected: selection, runs, issues, logHref }), [steps, selection, runs, issues, logHref]);
  const [graph, setGraph] = useState(() => ({ inputs, nodes: flowNodes([], inputs) }));
  // New inputs give new nodes in this same render (no empty first frame, no second commit).
  if (graph.inputs !== inputs) setGraph((previous) => ({ inputs, nodes: flowNodes(previous.nodes, inputs) }));
  const nodes = graph.nodes;
  const previousEdges = useRef<Edge[]>([]);
  const edges = useMemo(() => (previousEdges.current = flowEdges(previousEdges.current, steps, runs, selectedEdge)), [steps, runs, selectedEdge]);
  // An empty pipeline starts with the canvas's origin near the top left, where the first steps go.
  const [fitAtStart] = useState(() => Object.keys(steps).length > 0);

  // New steps go near the top left of what is in sight.
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!placeNear) return;
    placeNear.current = () => {
      const bounds = container.current?.getBoundingClientRect();
      if (!bounds) return undefined;
      const { x, y } = flow.screenToFlowPosition({ x: bounds.left + 40, y: bounds.top + 40 });
      return [Math.round(x), Math.round(y)];
    };
    return () => {
      placeNear.current = undefined;
    };
  }, [flow, placeNear]);

  const drawing = useRef(false);
  const current = useRef(selection);
  current.current = selection;
  const onNodesChange = useCallback(
    (changes: NodeChange<StepFlowNode>[]) => {
      // Selection is the panel's: clicks arrive through onNodeClick, a rectangle drawn with Shift here.
      const picks = changes.filter((change) => change.type === 'select');
      if (drawing.current && picks.length > 0 && onSelect) {
        const next = new Set(current.current);
        for (const pick of picks) {
          if (pick.selected) next.add(pick.id);
          else next.delete(pick.id);
        }
        onSelect([...next]);
      }
      const kept = changes.filter((change) => change.type !== 'select' && change.type !== 'remove');
      if (kept.length > 0) setGraph((previous) => ({ ...previous, nodes: applyNodeChanges(kept, previous.nodes) }));
    },
    [onSelect],
  );
  const commitMoves = useCallback(
    (moved: Node[]) => onMove?.(Object.fromEntries(moved.map((node) => [node.id, [Math.round(node.position.x), Math.round(node.position.y)]]))),
    [onMove],
  );
  const connect = useCallback((connection: Connection) => onConnect?.(connection.source, connection.target), [onConnect]);

  const onDragOver = (event: DragEvent) => {
    if (readOnly || !onDropFile || !event.dataTransfer.types.includes(FILE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const path = event.dataTransfer.getData(FILE_DRAG_TYPE);
    if (readOnly || !onDropFile || !path) return;
    event.preventDefault();
    const { x, y } = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    onDropFile(path, [Math.round(x), Math.round(y)]);
  };

  return (
    <div
      ref={container}
      className={readOnly ? 'pipeline-graph pipeline-graph--read-only' : 'pipeline-graph'}
      role="figure"
      aria-label={label}
      data-testid="pipeline-graph"
      data-read-only={readOnly || undefined}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      {nodes.length === 0 && (
        <p className="graph-empty muted" data-testid="no-steps">
          {readOnly ? 'The pipeline has no steps.' : 'No steps yet. Add one with New step, or drop a file here.'}
        </p>
      )}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeDragStop={(_event, _node, moved) => commitMoves(moved)}
        onSelectionDragStop={(_event, moved) => commitMoves(moved)}
        onConnect={connect}
        onNodeClick={(event, node) => onPick(node.id, event.shiftKey || event.ctrlKey || event.metaKey)}
        onEdgeClick={(_event, edge) => onPickEdge?.(edge.id)}
        onSelectionStart={() => (drawing.current = true)}
        onSelectionEnd={() => (drawing.current = false)}
        onPaneClick={onClear}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesFocusable={!readOnly}
        elementsSelectable={!readOnly}
        selectionKeyCode={readOnly ? null : undefined}
        multiSelectionKeyCode={null}
        deleteKeyCode={null}
        nodesFocusable={false}
        fitView={fitAtStart}
        defaultViewport={{ x: 40, y: 40, zoom: 1 }}
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
