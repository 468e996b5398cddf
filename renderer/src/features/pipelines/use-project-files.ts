import { useCallback, useEffect, useState } from 'react';
import type { BridgeClient } from '../../../../electron/contract';
import { bridge } from '../../bridge/client';
import { debounce } from '../../stores/debounce';

/** Folders no step file is picked from. */
const SKIPPED = new Set(['.git', '.orchest', 'node_modules', '.ipynb_checkpoints', '__pycache__']);
/** A project bigger than this is listed in part: the list is a picker, not the Files tab. */
export const PROJECT_FILES_LIMIT = 2000;

/** Every file of the project, as paths in the project, folders first walked in order. */
export async function listProjectFiles(client: BridgeClient, projectId: string): Promise<string[]> {
  const files: string[] = [];
  const folders = [''];
  while (folders.length > 0 && files.length < PROJECT_FILES_LIMIT) {
    const folder = folders.shift()!;
    const entries = await client.request('files.list', { projectId, path: folder });
    for (const entry of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.kind === 'directory') {
        if (!SKIPPED.has(entry.name)) folders.push(entry.path);
      } else if (!entry.name.endsWith('.orchest')) files.push(entry.path);
    }
  }
  return files.sort((a, b) => a.localeCompare(b));
}

/** The project's files, listed again when they change on disk. */
export function useProjectFiles(projectId: string): { files: readonly string[]; refresh(): Promise<void> } {
  const [files, setFiles] = useState<readonly string[]>([]);
  const refresh = useCallback(async () => {
    try {
      setFiles(await listProjectFiles(bridge, projectId));
    } catch {
      // The Files tab says why a folder cannot be read; the picker only offers what it could list.
    }
  }, [projectId]);
  useEffect(() => {
    void refresh();
    const later = debounce(() => void refresh(), 300);
    const off = bridge.on('project.filesChanged', (event) => {
      if (event.projectId === projectId) later();
    });
    return () => (off(), later.cancel());
  }, [projectId, refresh]);
  return { files, refresh };
}
