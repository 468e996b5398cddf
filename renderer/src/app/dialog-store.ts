import { createStore } from 'zustand/vanilla';

/** The one dialog open at a time, if any. */
export type OpenDialog =
  | { name: 'new-project' }
  | { name: 'import-project' }
  | { name: 'settings' }
  | { name: 'delete-project'; projectId: string };

export interface DialogState {
  open: OpenDialog | undefined;
  show(dialog: OpenDialog): void;
  close(): void;
}

export const dialogStore = createStore<DialogState>()((set) => ({
  open: undefined,
  show: (dialog) => set({ open: dialog }),
  close: () => set({ open: undefined }),
}));
