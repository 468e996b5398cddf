import type { PreloadApi } from '../../electron/contract';

declare global {
  interface Window {
    /** Set by Electron's preload script; absent when a browser opened the headless host. */
    readonly orchestDesktop?: PreloadApi;
  }
}
