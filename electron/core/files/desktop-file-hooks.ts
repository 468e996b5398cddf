/** What only the desktop app can do with a file; the shell passes them in, the headless host has none. */
export interface DesktopFileHooks {
  /** Moves a file or folder to the system's trash. */
  trashItem(absolutePath: string): Promise<void>;
  /** Opens a file with the system's application for its type; rejects with the system's reason. */
  openPath(absolutePath: string): Promise<void>;
}
