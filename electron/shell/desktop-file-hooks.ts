import { shell } from 'electron';
import type { DesktopFileHooks } from '../core/files/desktop-file-hooks';

/** The system's trash and default applications, for the core's file operations. */
export const desktopFileHooks: DesktopFileHooks = {
  trashItem: (absolutePath) => shell.trashItem(absolutePath),
  openPath: async (absolutePath) => {
    // shell.openPath answers with an error message, empty on success, instead of rejecting.
    const problem = await shell.openPath(absolutePath);
    if (problem) throw new Error(problem);
  },
};
