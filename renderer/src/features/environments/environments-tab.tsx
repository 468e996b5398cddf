import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icon';
import { UnreadableFiles } from '../projects/unreadable-files';
import { useProjectListing } from '../projects/use-project-listing';

/** The project's environments (.orchest/environments/<uuid>/properties.json). */
export function EnvironmentsTab({ projectId }: { projectId: string }) {
  const { items, error } = useProjectListing('environments.list', projectId);
  if (error && !items) return <p className="callout callout--error" role="alert">The environments cannot be listed: {error}</p>;
  if (!items) return <p className="muted">Looking for environments…</p>;

  if (items.length === 0) {
    return (
      <EmptyState title="No environments yet" icon={<Icon name="box" size={32} />} testId="no-environments">
        <p>
          Environments live in the project's <code>.orchest/environments</code> folder.
        </p>
      </EmptyState>
    );
  }
  const readable = items.filter((e) => !e.error);
  const broken = items.filter((e) => e.error).map((e) => ({ path: `.orchest/environments/${e.uuid}`, error: e.error ?? '' }));

  return (
    <div className="listing">
      {readable.length > 0 && (
        <table className="table" aria-label="Environments" data-testid="environment-list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Language</th>
              <th scope="col">Base image</th>
              <th scope="col">GPU</th>
              <th scope="col">UUID</th>
            </tr>
          </thead>
          <tbody>
            {readable.map((environment) => (
              <tr key={environment.uuid}>
                <td className="table__strong">{environment.name ?? <span className="muted">Untitled</span>}</td>
                <td>{environment.language ?? <span className="muted">unknown</span>}</td>
                <td>{environment.baseImage ? <code>{environment.baseImage}</code> : <span className="muted">none</span>}</td>
                <td>{environment.gpuSupport ? 'yes' : <span className="muted">no</span>}</td>
                <td>
                  <code className="muted">{environment.uuid}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <UnreadableFiles title="Environments that cannot be read" files={broken} testId="unreadable-environments" />
    </div>
  );
}
