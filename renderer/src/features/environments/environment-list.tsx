import { formatRoute } from '../../app/route';
import { fieldsOf, sameFields } from '../../stores/environment-draft';
import type { EnvironmentEntry } from '../../stores/environment-entry';
import { SessionPill } from '../sessions/session-pill';
import { buildStatusLabel } from './build-labels';

/** The project's environments (an unsaved one by its new name), with their newest build and the image sessions use. */
export function EnvironmentList({ projectId, entries }: { projectId: string; entries: readonly EnvironmentEntry[] }) {
  return (
    <table className="table" aria-label="Environments" data-testid="environment-list">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Language</th>
          <th scope="col">Base image</th>
          <th scope="col">GPU</th>
          <th scope="col">Last build</th>
          <th scope="col">Image</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(({ environment, draft }) => {
          const unsaved = draft !== undefined && !sameFields(draft, fieldsOf(environment));
          const href = formatRoute({ name: 'project', projectId, tab: 'environments', environment: environment.uuid });
          return (
            <tr key={environment.uuid} data-testid={`environment-${environment.uuid}`}>
              <td className="table__strong">
                <a href={href}>{(draft ?? environment).name}</a>
                {unsaved && <span className="tag environment-list__unsaved">unsaved</span>}
              </td>
              <td>{environment.language}</td>
              <td>
                <code>{environment.baseImage}</code>
              </td>
              <td>{environment.gpuSupport ? 'yes' : <span className="muted">no</span>}</td>
              <td>
                <SessionPill label={buildStatusLabel(environment.lastBuild)} />
              </td>
              <td>{environment.image ? <code className="environment-list__image">{environment.image.split(':').pop()}</code> : <span className="muted">none</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
