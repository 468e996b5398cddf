import { Button } from '../../components/button';
import { environmentsStore } from '../../stores/app-stores';
import { isBuilding, type EnvironmentEntry } from '../../stores/environment-entry';
import { SessionPill } from '../sessions/session-pill';
import { buildPhaseText, buildStatusLabel } from './build-labels';
import { BuildHistory } from './build-history';
import { BuildLogView } from './build-log-view';
import { BuildPhases } from './build-phases';

/** Build and cancel, the shown build's status, phases, failure and log, and the history of builds. */
export function BuildPanel({ entry, unsaved }: { entry: EnvironmentEntry; unsaved: boolean }) {
  const { uuid, lastBuild, image } = entry.environment;
  const store = environmentsStore.getState();
  const { log } = entry;
  const shown = (log && entry.builds?.find((b) => b.number === log.number)) ?? lastBuild;
  const building = isBuilding(lastBuild);

  return (
    <section className="build-panel" aria-label="Build">
      <header className="build-panel__header">
        <h3 className="build-panel__title">Build</h3>
        <div className="build-panel__actions">
          {building ? (
            <Button size="small" onClick={() => void store.cancelBuild(uuid)}>
              Cancel build
            </Button>
          ) : (
            <Button size="small" variant="primary" onClick={() => void store.build(uuid)} disabled={unsaved} title={unsaved ? 'Save the changes first' : undefined}>
              Build
            </Button>
          )}
        </div>
      </header>
      <p className="build-panel__image">
        {image ? (
          <>
            Sessions use <code data-testid="environment-image">{image}</code>
          </>
        ) : (
          <span className="muted">No image yet: services on this environment need a successful build.</span>
        )}
        {unsaved && !building && <span className="muted"> · Save the changes to build them.</span>}
      </p>
      {entry.error && (
        <p className="callout callout--error" role="alert">
          {entry.error}
        </p>
      )}
      {shown && (
        <div className="build-panel__shown" data-testid="shown-build">
          <div className="build-panel__status">
            <span>Build #{shown.number}</span>
            <SessionPill label={buildStatusLabel(shown)} announce testId="build-status" />
            <span className="build-panel__phase" data-testid="build-phase">
              {buildPhaseText(shown)}
            </span>
          </div>
          <BuildPhases build={shown} />
          {shown.warning && (
            <p className="callout" data-testid="build-warning">
              {shown.warning}
            </p>
          )}
          {shown.error && (
            <pre className="build-failure" role="alert" data-testid="build-failure">
              {shown.error}
            </pre>
          )}
          {log && (
            <>
              <div className="build-panel__log-bar">
                <span className="muted">
                  {log.full || log.start === 1 ? `${log.lines.length} lines` : `The last ${log.lines.length} lines of ${log.start + log.lines.length - 1}`}
                </span>
                {!log.full && log.start > 1 && (
                  <Button size="small" variant="ghost" onClick={() => void store.loadFullLog(uuid)}>
                    Full log
                  </Button>
                )}
              </div>
              <BuildLogView log={log} />
            </>
          )}
        </div>
      )}
      {entry.builds && (
        <>
          <h4 className="build-panel__subtitle">History</h4>
          <BuildHistory builds={entry.builds} shown={log?.number} onShow={(number) => void store.showLog(uuid, number)} />
        </>
      )}
    </section>
  );
}
