import type { LogSource } from '../../../../electron/contract';

export interface LogSourcePickerProps {
  sources: readonly LogSource[];
  /** Steps' titles by their uuids, for a step whose log is not listed yet. */
  labels: ReadonlyMap<string, string>;
  /** The service or step shown, or undefined for all of them merged. */
  source: string | undefined;
  onSource(source: string | undefined): void;
}

interface Choice {
  value: string;
  label: string;
}

/** Which log to show: all merged, one service, or one step (by its title, in a group after the services). */
export function LogSourcePicker({ sources, labels, source, onSource }: LogSourcePickerProps) {
  const services: Choice[] = sources.filter((s) => s.step === undefined).map((s) => ({ value: s.source, label: s.source }));
  const steps: Choice[] = sources.flatMap((s) => (s.step === undefined ? [] : [{ value: s.source, label: s.step }]));
  if (source && !sources.some((s) => s.source === source)) {
    const title = labels.get(source);
    if (title === undefined) services.unshift({ value: source, label: source });
    else steps.unshift({ value: source, label: title });
  }
  return (
    <label className="logs-toolbar__source">
      <span className="field__label">Source</span>
      <select className="field__input" value={source ?? ''} onChange={(event) => onSource(event.target.value || undefined)}>
        <option value="">{steps.length > 0 ? 'All services and steps' : 'All services'}</option>
        {steps.length > 0 ? (
          <>
            {services.length > 0 && <optgroup label="Services">{services.map(option)}</optgroup>}
            <optgroup label="Steps">{steps.map(option)}</optgroup>
          </>
        ) : (
          services.map(option)
        )}
      </select>
    </label>
  );
}

function option({ value, label }: Choice) {
  return (
    <option key={value} value={value}>
      {label}
    </option>
  );
}
