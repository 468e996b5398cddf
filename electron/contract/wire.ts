import type { BridgeError, Envelope } from './envelope';

/** WebSocket frames of the bridge (the IPC transport carries the same shapes without `t`). */
export type RequestFrame = { t: 'req'; id: number; name: string; input: unknown };
export type ResponseFrame =
  | { t: 'res'; id: number; ok: true; value: unknown }
  | { t: 'res'; id: number; ok: false; error: BridgeError };
export type EventFrame = { t: 'evt'; name: string; payload: unknown };

export const BRIDGE_WS_PATH = '/bridge';
export const IPC_REQUEST_CHANNEL = 'bridge:request';
export const IPC_EVENT_CHANNEL = 'bridge:event';

/** What the preload script exposes on `window.orchestDesktop`. */
export interface PreloadApi {
  request(name: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}
