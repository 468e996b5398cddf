import { useEffect } from 'react';
import { ConnectionBanner } from '../features/connection/connection-banner';
import { ProjectSidebar } from '../features/projects/project-sidebar';
import { WorkspaceAlert } from '../features/projects/workspace-alert';
import { startAppStores } from '../stores/app-stores';
import { AppDialogs } from './app-dialogs';
import { MainArea } from './main-area';
import { TopBar } from './top-bar';
import { useThemeSetting } from './use-theme-setting';

/** The window: top bar, project list on the left, the chosen project on the right. */
export function App() {
  useEffect(() => startAppStores(), []);
  useThemeSetting();

  return (
    <div className="app">
      <ConnectionBanner />
      <TopBar />
      <div className="app__body">
        <ProjectSidebar />
        <main className="main" id="main">
          <WorkspaceAlert />
          <MainArea />
        </main>
      </div>
      <AppDialogs />
    </div>
  );
}
