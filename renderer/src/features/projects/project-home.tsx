import { useStore } from 'zustand';
import { dialogStore } from '../../app/dialog-store';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icon';
import { EngineSetup } from '../engine/engine-setup';
import { projectsStore, workspaceStore } from '../../stores/app-stores';

/** The main area when no project is chosen: a first-run welcome, or a pointer to the list. */
export function ProjectHome() {
  const count = useStore(projectsStore, (s) => s.projects.length);
  const loaded = useStore(projectsStore, (s) => s.loaded);
  const error = useStore(projectsStore, (s) => s.error);
  const projectsPath = useStore(workspaceStore, (s) => s.status?.projectsPath);
  if (!loaded || error) return <EngineSetup />;
  return (
    <>
      <EngineSetup />
      <Welcome count={count} projectsPath={projectsPath} />
    </>
  );
}

function Welcome({ count, projectsPath }: { count: number; projectsPath: string | undefined }) {
  if (count === 0) {
    return (
      <EmptyState
        title="Create your first project"
        icon={<Icon name="folder" size={40} />}
        testId="no-projects"
        actions={
          <>
            <Button variant="primary" onClick={() => dialogStore.getState().show({ name: 'new-project' })}>
              Start from scratch
            </Button>
            <Button onClick={() => dialogStore.getState().show({ name: 'import-project' })}>
              Use an existing folder
            </Button>
          </>
        }
      >
        <p>
          A project is a folder of notebooks, scripts and pipeline files. New projects go in{' '}
          {projectsPath ? <code>{projectsPath}</code> : 'your workspace'}; a folder you already have can be
          listed where it is.
        </p>
      </EmptyState>
    );
  }

  return (
    <EmptyState title="Choose a project" icon={<Icon name="folder" size={40} />} testId="choose-project">
      <p>Pick one of your {count === 1 ? 'project' : `${count} projects`} in the list to see its files, pipelines and environments.</p>
    </EmptyState>
  );
}
