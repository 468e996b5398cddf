import { watch, type FSWatcher } from 'chokidar';
import path from 'node:path';
import type { Disposable } from '../app-error';
import { HIDDEN_IN_TREE } from './project-files';
import { toPortable } from './project-paths';

const DEBOUNCE_MS = 150;

/** `.orchest/pipelines/<uuid>/logs`: the app appends to its files with every line a service prints. */
const isLogsFolder = (parts: string[]) => parts[0] === '.orchest' && parts[1] === 'pipelines' && parts[3] === 'logs';

/** Not watched: what nobody browses, and the logs, which the Logs view follows by itself (a flood would keep the watcher listing). */
function isUnwatched(relative: string): boolean {
  const parts = relative.split(path.sep);
  return parts.some((part) => HIDDEN_IN_TREE.has(part)) || isLogsFolder(parts);
}

/**
 * Watches a folder and reports, debounced, which folders' listings changed (relative, "" = the root).
 * `depth` 0 watches only the folder's own children.
 */
export class FolderWatcher implements Disposable {
  private readonly watcher: FSWatcher;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** Settles once the first scan is done (changes from then on are reported), or on dispose. */
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(
    private readonly root: string,
    private readonly onChange: (folders: string[]) => void,
    depth?: number,
  ) {
    this.watcher = watch(root, {
      ignoreInitial: true,
      depth,
      ignored: (file) => isUnwatched(path.relative(root, file)),
    });
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.watcher.once('ready', () => this.markReady());
    this.watcher.on('all', (_event, file) => this.note(file));
    this.watcher.on('error', () => undefined); // a vanished folder is reported by the next listing
  }

  private note(file: string): void {
    const parent = path.relative(this.root, path.dirname(file));
    this.pending.add(parent.startsWith('..') ? '' : toPortable(parent));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const folders = [...this.pending];
      this.pending = new Set();
      this.onChange(folders);
    }, DEBOUNCE_MS);
  }

  async dispose(): Promise<void> {
    this.markReady(); // a closed watcher never finishes its scan: nobody may wait for it forever
    clearTimeout(this.timer);
    await this.watcher.close();
  }
}
