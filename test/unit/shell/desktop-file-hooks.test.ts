import { describe, expect, it, vi } from 'vitest';

const shell = vi.hoisted(() => ({
  trashItem: vi.fn(async (_path: string) => undefined),
  // Electron answers with the system's error message, '' on success.
  openPath: vi.fn(async (path: string) => (path.endsWith('.unknown') ? 'No application is associated' : '')),
}));
vi.mock('electron', () => ({ shell }));

const { desktopFileHooks } = await import('../../../electron/shell/desktop-file-hooks');

describe('desktop file hooks', () => {
  it("hands deletes to the system's trash", async () => {
    await desktopFileHooks.trashItem('/p/data');
    expect(shell.trashItem).toHaveBeenCalledWith('/p/data');
  });

  it("turns shell.openPath's error message into a rejection", async () => {
    await expect(desktopFileHooks.openPath('/p/notes.md')).resolves.toBeUndefined();
    await expect(desktopFileHooks.openPath('/p/x.unknown')).rejects.toThrow('No application is associated');
  });
});
