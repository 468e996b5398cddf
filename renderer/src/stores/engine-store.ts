import { createStore } from 'zustand/vanilla';
import type { BridgeClient, EngineStatus } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';

export interface EngineState {
  status: EngineStatus | undefined;
  /** True while a check asked for by this page runs. */
  checking: boolean;
  /** Set when the bridge itself failed to answer. */
  error: string | undefined;
  /** Asks again; `refresh` makes the main process probe the engine now. */
  check(refresh?: boolean): Promise<void>;
  start(): () => void;
}

export type EngineStore = ReturnType<typeof createEngineStore>;

export function createEngineStore(bridge: BridgeClient) {
  return createStore<EngineState>()((set, get) => ({
    status: undefined,
    checking: false,
    error: undefined,

    async check(refresh = false) {
      set({ checking: true });
      try {
        set({ status: await bridge.request('engine.status', { refresh }), error: undefined });
      } catch (error) {
        set({ error: errorMessage(error) });
      } finally {
        set({ checking: false });
      }
    },

    start() {
      const off = bridge.on('engine.status', (status) => set({ status, error: undefined }));
      void get().check();
      return off;
    },
  }));
}
