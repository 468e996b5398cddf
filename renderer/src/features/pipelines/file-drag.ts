/** What a file dragged from the file list beside the graph carries: its path in the project. */
export const FILE_DRAG_TYPE = 'application/x-orchest-desktop-file';
