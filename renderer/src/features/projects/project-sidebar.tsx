import { useStore } from 'zustand';
import { dialogStore } from '../../app/dialog-store';
import { formatRoute } from '../../app/route';
import { routeStore } from '../../app/route-store';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { projectsStore, workspaceStore } from '../../stores/app-stores';

/** The list of projects, each a link to its page, with the two ways to add one. */
export function ProjectSidebar() {
  const projects = useStore(projectsStore, (s) => s.projects);
  const loaded = useStore(projectsStore, (s) => s.loaded);
  const error = useStore(projectsStore, (s) => s.error);
  const workspaceBroken = useStore(workspaceStore, (s) => Boolean(s.status?.error));
  const route = useStore(routeStore, (s) => s.route);
  const selectedId = route.name === 'home' ? undefined : route.projectId;

  return (
    <aside className="sidebar">
      <div className="sidebar__actions">
        <Button variant="primary" onClick={() => dialogStore.getState().show({ name: 'new-project' })}>
          <Icon name="plus" />
          New project
        </Button>
        <Button onClick={() => dialogStore.getState().show({ name: 'import-project' })}>
          <Icon name="import" />
          Import folder
        </Button>
      </div>
      <nav className="sidebar__nav" aria-label="Projects">
        <h2 className="sidebar__heading" id="projects-heading">
          Projects
          {loaded && !error && <span className="sidebar__count">{projects.length}</span>}
        </h2>
        {!loaded && <p className="sidebar__note">Loading projects…</p>}
        {error && (
          // The workspace banner already says why; the list only says what it means here.
          <p className="sidebar__note sidebar__note--error" data-testid="projects-error">
            {workspaceBroken ? 'No projects until the workspace folder can be used.' : `The projects cannot be listed: ${error}`}
          </p>
        )}
        {loaded && !error && projects.length === 0 && <p className="sidebar__note">No projects yet.</p>}
        <ul className="project-list" aria-labelledby="projects-heading" data-testid="project-list">
          {projects.map((project) => (
            <li key={project.uuid}>
              <a
                className="project-list__link"
                href={formatRoute({ name: 'project', projectId: project.uuid, tab: 'files' })}
                aria-current={project.uuid === selectedId ? 'page' : undefined}
                aria-label={project.name}
                title={project.path}
              >
                <Icon name="folder" />
                <span className="project-list__name">{project.name}</span>
                {project.external && (
                  <span className="tag" aria-hidden="true">
                    imported
                  </span>
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
