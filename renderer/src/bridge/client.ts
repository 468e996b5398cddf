import type { BridgeClient } from '../../../electron/contract';
import { connectionStore } from '../stores/connection-store';
import { createBridgeClient } from './create-bridge-client';

// A page that is going away closes its socket too; that is not a lost connection.
let leaving = false;
window.addEventListener('pagehide', () => (leaving = true));

/** The page's one bridge client; no other renderer code knows which transport carries it. */
export const bridge: BridgeClient = createBridgeClient(window, () => {
  if (!leaving) connectionStore.getState().markLost();
});
