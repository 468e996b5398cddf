import type { ClientTransport, PreloadApi } from '../../../electron/contract';

/** The preload's two functions as a client transport: its `request` resolves with the bridge's envelope. */
export function ipcTransport(api: PreloadApi): ClientTransport {
  return {
    async request(name, input) {
      try {
        return await api.request(name, input);
      } catch (error) {
        // invoke() rejects only when the main process could not answer at all.
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'TRANSPORT_CLOSED', message } };
      }
    },
    onEvent: (listener) => api.onEvent(listener),
  };
}
