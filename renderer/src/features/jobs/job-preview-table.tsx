import type { JobPreview } from '../../../../electron/contract';

/** Rows drawn at most: a grid of thousands of runs is summed up past them. */
export const PREVIEW_ROWS_SHOWN = 300;

export interface JobPreviewTableProps {
  preview: JobPreview;
  /** The grid's keys (`pipeline.x`, `<step uuid>.x`) and their column titles. */
  columns: readonly { key: string; label: string }[];
  leftOut: readonly number[];
  onLeftOut(leftOut: number[]): void;
  disabled?: boolean;
}

function valueAt(parameters: Record<string, Record<string, unknown>>, key: string): string {
  const dot = key.indexOf('.');
  const owner = key.slice(0, dot);
  const value = parameters[owner === 'pipeline' ? 'pipeline_parameters' : owner]?.[key.slice(dot + 1)];
  return value === undefined ? '' : JSON.stringify(value);
}

/** The grid's runs, each with a checkbox to leave it out. */
export function JobPreviewTable({ preview, columns, leftOut, onLeftOut, disabled }: JobPreviewTableProps) {
  const skipped = new Set(leftOut);
  const toggle = (index: number, run: boolean) => onLeftOut(run ? leftOut.filter((i) => i !== index) : [...leftOut, index].sort((a, b) => a - b));
  const rows = preview.rows.slice(0, PREVIEW_ROWS_SHOWN);
  return (
    <div className="job-preview">
      <p className="job-preview__count" data-testid="preview-count" aria-live="polite">
        {preview.runs === 1 ? '1 run' : `${preview.runs} runs`} per batch
        {preview.rows.length !== preview.runs && <span className="muted"> ({preview.rows.length - preview.runs} left out)</span>}
      </p>
      <table className="table table--compact" aria-label="Runs of the grid" data-testid="job-preview">
        <thead>
          <tr>
            <th scope="col">Run</th>
            {columns.map((column) => (
              <th scope="col" key={column.key}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.index} className={skipped.has(row.index) ? 'job-preview__out' : undefined}>
              <td>
                <label className="job-preview__run">
                  <input type="checkbox" aria-label={`Run ${row.index + 1}`} checked={!skipped.has(row.index)} disabled={disabled} onChange={(event) => toggle(row.index, event.target.checked)} />
                  {row.index + 1}
                </label>
              </td>
              {columns.map((column) => (
                <td key={column.key}>
                  <code>{valueAt(row.parameters, column.key)}</code>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {preview.rows.length > rows.length && <p className="muted">…and {preview.rows.length - rows.length} more runs.</p>}
    </div>
  );
}
