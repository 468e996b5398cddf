import { Button } from '../../components/button';
import { LogSourcePicker, type LogSourcePickerProps } from './log-source-picker';
import { LogSearchBox, type LogSearchBoxProps } from './log-search-box';
import { ToggleButton } from './toggle-button';

export interface LogsToolbarProps extends LogSourcePickerProps {
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

/** The service or step picker, search, display options and the actions of a logs view. */
export function LogsToolbar(props: LogsToolbarProps) {
  return (
    <div className="logs-toolbar" role="toolbar" aria-label="Log options">
      <LogSourcePicker sources={props.sources} labels={props.labels} source={props.source} onSource={props.onSource} />
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
