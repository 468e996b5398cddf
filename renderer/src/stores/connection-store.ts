import { createStore } from 'zustand/vanilla';

export interface ConnectionState {
  /** True once the bridge's WebSocket closed: the host stopped or restarted. */
  lost: boolean;
  markLost(): void;
}

export const connectionStore = createStore<ConnectionState>()((set) => ({
  lost: false,
  markLost: () => set({ lost: true }),
}));
