import { createStore } from 'zustand/vanilla';
import type { AppSettings, BridgeClient } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';

export interface SettingsState {
  settings: AppSettings | undefined;
  error: string | undefined;
  load(): Promise<void>;
  /** Saves a change; rejects with the bridge's error so a form can place it by field. */
  update(patch: Partial<AppSettings>): Promise<AppSettings>;
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;

export function createSettingsStore(bridge: BridgeClient) {
  return createStore<SettingsState>()((set) => ({
    settings: undefined,
    error: undefined,

    async load() {
      try {
        set({ settings: await bridge.request('settings.get', {}), error: undefined });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    async update(patch) {
      const settings = await bridge.request('settings.update', patch);
      set({ settings, error: undefined });
      return settings;
    },
  }));
}
