import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { StepRun } from '../../../../electron/contract';
import type { StepNode } from './step-graph';

export type StepBoxData = StepNode['data'] & {
  /** The step in the pipeline's latest run; undefined when that run did not take it. */
  run: StepRun | undefined;
  selected: boolean;
  /** Where the step's log is shown, once the step has run. */
  logHref: string | undefined;
};

export type StepFlowNode = Node<StepBoxData, 'step'>;

/** A step: its title and file, its state in the latest run in words and colour, and a link to its log. */
export function StepBox({ data }: NodeProps<StepFlowNode>) {
  const { run } = data;
  const classes = ['step-node', data.selected ? 'step-node--selected' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-status={run?.status} title={run?.message} data-testid="step-node">
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {/* Clicks anywhere on the node pick it (the graph's onNodeClick); the button makes it reachable by keyboard. */}
      <button type="button" className="step-node__pick" aria-pressed={data.selected}>
        <span className="step-node__title">{data.title}</span>
        {data.filePath && <code className="step-node__file">{data.filePath}</code>}
      </button>
      {run && (
        <span className="step-node__run">
          <span className="step-node__status" data-testid="step-status">
            <span className="step-node__dot" aria-hidden="true" />
            {run.status}
          </span>
          {data.logHref && (
            <a className="step-node__log" href={data.logHref} aria-label={`Log of ${data.title}`} onClick={(event) => event.stopPropagation()}>
              Log
            </a>
          )}
        </span>
      )}
      {run?.message && <span className="step-node__message">{run.message}</span>}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
