import { Button } from '../../components/button';
import { LogSearchBox, type LogSearchBoxProps } from './log-search-box';
import { ToggleButton } from './toggle-button';

export interface LogsToolbarProps {
  sources: readonly string[];
  /** The service shown, or undefined for all of them merged. */
  source: string | undefined;
  onSource(source: string | undefined): void;
  search: LogSearchBoxProps;
  filter: boolean;
  onFilter(on: boolean): void;
  timestamps: boolean;
  onTimestamps(on: boolean): void;
  /** Whether the run before the current one is kept, so it can be shown; undefined when it is not. */
  previous: boolean | undefined;
  onPrevious(on: boolean): void;
  onStart(): void;
  onCopy(): void;
  onDownload(): void;
  /** What Copy or Download did or is doing, in words. */
  note: string | undefined;
}

/** The service picker, search, display options and the actions of a logs view. */
export function LogsToolbar(props: LogsToolbarProps) {
  const { sources, source } = props;
  const options = source && !sources.includes(source) ? [source, ...sources] : sources;
  return (
    <div className="logs-toolbar" role="toolbar" aria-label="Log options">
      <label className="logs-toolbar__source">
        <span className="field__label">Service</span>
        <select className="field__input" value={source ?? ''} onChange={(event) => props.onSource(event.target.value || undefined)}>
          <option value="">All services</option>
          {options.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <LogSearchBox {...props.search} />
      <ToggleButton pressed={props.filter} onToggle={props.onFilter} title="Show only the lines that match the search">
        Only matching
      </ToggleButton>
      <ToggleButton pressed={props.timestamps} onToggle={props.onTimestamps}>
        Timestamps
      </ToggleButton>
      {props.previous !== undefined && (
        <ToggleButton pressed={props.previous} onToggle={props.onPrevious} title="The log of the run before this one">
          Previous run
        </ToggleButton>
      )}
      <div className="logs-toolbar__actions">
        <Button size="small" variant="ghost" onClick={props.onStart} title="Jump to the first line of the run">
          Start of run
        </Button>
        <Button size="small" variant="ghost" onClick={props.onCopy} title="Copy the selected lines, or those in view, without colour codes">
          Copy
        </Button>
        <Button size="small" variant="ghost" onClick={props.onDownload} title="Save the whole run as a .log file">
          Download
        </Button>
        <span className="logs-toolbar__note" aria-live="polite">
          {props.note}
        </span>
      </div>
    </div>
  );
}
