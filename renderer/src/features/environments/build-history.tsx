import type { EnvironmentBuild } from '../../../../electron/contract';
import { SessionPill } from '../sessions/session-pill';
import { buildStatusLabel, formatDuration, formatWhen } from './build-labels';

export interface BuildHistoryProps {
  builds: readonly EnvironmentBuild[];
  /** The build whose log is shown. */
  shown: number | undefined;
  onShow(number: number): void;
}

/** Every build of the environment, newest first; one click shows its log. */
export function BuildHistory({ builds, shown, onShow }: BuildHistoryProps) {
  if (builds.length === 0) return <p className="muted">No builds yet.</p>;
  return (
    <table className="table build-history" aria-label="Builds" data-testid="build-history">
      <thead>
        <tr>
          <th scope="col">Build</th>
          <th scope="col">Status</th>
          <th scope="col">When</th>
          <th scope="col">Duration</th>
        </tr>
      </thead>
      <tbody>
        {builds.map((build) => (
          <tr key={build.number} aria-current={build.number === shown ? 'true' : undefined} data-testid={`build-${build.number}`}>
            <td>
              <button type="button" className="link-button" onClick={() => onShow(build.number)} aria-label={`Show the log of build ${build.number}`}>
                #{build.number}
              </button>
            </td>
            <td>
              <SessionPill label={buildStatusLabel(build)} />
            </td>
            <td>{formatWhen(build.requestedAt)}</td>
            <td>{formatDuration(build)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
