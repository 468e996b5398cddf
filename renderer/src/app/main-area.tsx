import { useStore } from 'zustand';
import { ProjectHome } from '../features/projects/project-home';
import { ProjectNotFound } from '../features/projects/project-not-found';
import { ProjectPage } from '../features/projects/project-page';
import { projectsStore } from '../stores/app-stores';
import { routeStore } from './route-store';

/** What the route points at: the welcome, or one project's page (which may show one of its pipelines). */
export function MainArea() {
  const route = useStore(routeStore, (s) => s.route);
  const projects = useStore(projectsStore, (s) => s.projects);
  const loaded = useStore(projectsStore, (s) => s.loaded);

  if (route.name === 'home') return <ProjectHome />;
  const project = projects.find((p) => p.uuid === route.projectId);
  if (project && route.name === 'pipeline') {
    return <ProjectPage project={project} tab="pipelines" pipeline={{ path: route.path, section: route.section, source: route.source }} />;
  }
  if (project && route.name === 'project') return <ProjectPage project={project} tab={route.tab} environment={route.environment} job={route.job} run={route.run} />;
  return loaded ? <ProjectNotFound /> : <p className="muted">Loading…</p>;
}
