import { useStore } from 'zustand';
import { DeleteProjectDialog } from '../features/projects/delete-project-dialog';
import { ImportProjectDialog } from '../features/projects/import-project-dialog';
import { NewProjectDialog } from '../features/projects/new-project-dialog';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { projectsStore } from '../stores/app-stores';
import { dialogStore } from './dialog-store';

/** Mounts the open dialog, if any; mounting opens it and unmounting closes it. */
export function AppDialogs() {
  const open = useStore(dialogStore, (s) => s.open);
  const projects = useStore(projectsStore, (s) => s.projects);
  const close = () => dialogStore.getState().close();

  switch (open?.name) {
    case 'new-project':
      return <NewProjectDialog onClose={close} />;
    case 'import-project':
      return <ImportProjectDialog onClose={close} />;
    case 'settings':
      return <SettingsDialog onClose={close} />;
    case 'delete-project': {
      const project = projects.find((p) => p.uuid === open.projectId);
      return project ? <DeleteProjectDialog project={project} onClose={close} /> : null;
    }
    default:
      return null;
  }
}
