import { createStore } from 'zustand/vanilla';
import type { AppInfo, BridgeClient } from '../../../electron/contract';

export interface AppInfoState {
  info: AppInfo | undefined;
  load(): Promise<void>;
}

/** Which shell the page runs in (desktop app or headless host), asked once. */
export function createAppInfoStore(bridge: BridgeClient) {
  let loading: Promise<void> | undefined;
  return createStore<AppInfoState>()((set) => ({
    info: undefined,
    load: () =>
      (loading ??= bridge.request('app.info', {}).then(
        (info) => set({ info }),
        () => {
          loading = undefined;
        },
      )),
  }));
}
