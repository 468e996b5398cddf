import { createStore } from 'zustand/vanilla';
import type { BridgeClient, EngineStatus } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';

export interface EngineState {
  status: EngineStatus | undefined;
  /** True while a check asked for by this page runs. */
  checking: boolean;
  /** Set when the bridge itself failed to answer. */
  error: string | undefined;
  /** The engine was down while this page watched, so its coming up is worth saying. */
  seenDown: boolean;
  /** Asks again; `refresh` makes the main process probe the engine now. */
  check(refresh?: boolean): Promise<void>;
  /** Forgets seenDown once the person has read that the engine is up. */
  dismissRecovery(): void;
  start(): () => void;
}

export type EngineStore = ReturnType<typeof createEngineStore>;

export function createEngineStore(bridge: BridgeClient) {
  return createStore<EngineState>()((set, get) => {
    const received = (status: EngineStatus) =>
      set((s) => ({ status, error: undefined, seenDown: s.seenDown || !status.reachable }));
    return {
      status: undefined,
      checking: false,
      error: undefined,
      seenDown: false,

      async check(refresh = false) {
        set({ checking: true });
        try {
          received(await bridge.request('engine.status', { refresh }));
        } catch (error) {
          set({ error: errorMessage(error) });
        } finally {
          set({ checking: false });
        }
      },

      dismissRecovery() {
        set({ seenDown: false });
      },

      start() {
        const off = bridge.on('engine.status', received);
        void get().check();
        return off;
      },
    };
  });
}
