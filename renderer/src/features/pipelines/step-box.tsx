import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StepRun } from '../../../../electron/contract';

export interface StepBoxData extends Record<string, unknown> {
  title: string;
  filePath: string;
  /** The step in the pipeline's latest run; undefined when that run did not take it. */
  run: StepRun | undefined;
  selected: boolean;
  /** Where the step's log is shown, once the step has run. */
  logHref: string | undefined;
  /** The rules of Orchest the step breaks, as one text; undefined when it breaks none. */
  issues: string | undefined;
}

export type StepFlowNode = Node<StepBoxData, 'step'>;

/** A step: its title and file, its state in the latest run in words and colour, a link to its log, and a mark when it breaks a rule. */
export const StepBox = memo(function StepBox({ data }: NodeProps<StepFlowNode>) {
  const { run } = data;
  const classes = ['step-node', data.selected ? 'step-node--selected' : '', data.issues ? 'step-node--invalid' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-status={run?.status} title={run?.message ?? data.issues} data-testid="step-node">
      <Handle type="target" position={Position.Left} aria-label={`Input of ${data.title}`} />
      {/* Clicks anywhere on the node pick it (the graph's onNodeClick); the button makes it reachable by keyboard. */}
      <button type="button" className="step-node__pick" aria-pressed={data.selected}>
        <span className="step-node__title">
          {data.issues && (
            <span className="step-node__issue" role="img" aria-label="Breaks a rule" data-testid="step-issue-mark">
              !
            </span>
          )}
          {data.title}
        </span>
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
      <Handle type="source" position={Position.Right} aria-label={`Output of ${data.title}`} />
    </div>
  );
});
