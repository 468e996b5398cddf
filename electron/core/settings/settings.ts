import os from 'node:os';
import path from 'node:path';
import { AppSettings } from '../../contract';

/** The one settings interface; conf backs it in the host, electron-store in the Electron shell. */
export interface Settings {
  get(): AppSettings;
  update(patch: Partial<AppSettings>): AppSettings;
  /** The document as kept, keys this version does not know included. */
  stored(): Record<string, unknown>;
  /** The file it is kept in. */
  readonly path: string;
}

/** What conf and electron-store both are: a JSON document behind a `store` property. */
export interface JsonStore {
  store: Record<string, unknown>;
  readonly path: string;
}

/** Where the service proxy listens unless Settings say otherwise. */
export const DEFAULT_PROXY_PORT = 8765;

export function defaultSettings(): AppSettings {
  return { workspace: path.join(os.homedir(), 'orchest-desktop'), theme: 'system', keepSessionsRunning: false, proxyPort: DEFAULT_PROXY_PORT, jobRunsAtOnce: 1 };
}

/** Keeps settings in a conf-like store, validated with the contract's schema on the way in and out. */
export class StoreSettings implements Settings {
  constructor(private readonly store: JsonStore) {}

  get path(): string {
    return this.store.path;
  }

  stored(): Record<string, unknown> {
    return { ...this.store.store };
  }

  get(): AppSettings {
    const parsed = AppSettings.partial().safeParse(this.store.store);
    return { ...defaultSettings(), ...(parsed.success ? parsed.data : {}) };
  }

  update(patch: Partial<AppSettings>): AppSettings {
    const next = AppSettings.parse({ ...this.get(), ...patch });
    if (patch.workspace) next.workspace = path.resolve(patch.workspace);
    // Keys this version does not know (a newer version's) are kept.
    this.store.store = { ...this.store.store, ...next };
    return next;
  }
}
