import net from 'node:net';

/** How long an accepted connection must stay open to count. */
const SETTLE_MS = 200;
const CONNECT_TIMEOUT_MS = 2_000;

/**
 * Whether something accepts TCP connections at 127.0.0.1:port. Docker's port forwarder accepts every
 * connection and closes it when nothing listens in the container, so a connection counts only when it
 * stays open for a moment or the service speaks first.
 */
export function probePort(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let settle: NodeJS.Timeout | undefined;
    const finish = (listening: boolean) => {
      clearTimeout(settle);
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => finish(false));
    socket.once('connect', () => (settle = setTimeout(() => finish(true), SETTLE_MS)));
    socket.once('data', () => finish(true));
    socket.once('end', () => finish(false));
    socket.once('close', () => finish(false));
    socket.once('error', () => finish(false));
  });
}
