// The engine's own facts, asked on the real socket (never through the relay the app is behind): what
// `docker ps -a`, `docker network ls`, `docker inspect` and `docker kill` would say and do, over Docker's
// HTTP API, which answers in milliseconds where spawning the docker CLI takes a tenth of a second.
import http from 'node:http';

const ENGINE_SOCKET = '/var/run/docker.sock';
const TIMEOUT_MS = 60_000;

/** Labels the app puts on everything it makes (electron/core/docker/labels.ts). */
export const LABELS = {
  managed: 'io.orchest-desktop.managed',
  owner: 'io.orchest-desktop.owner',
  project: 'io.orchest-desktop.project',
  session: 'io.orchest-desktop.session',
  service: 'io.orchest-desktop.service',
};

export class EngineError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export function engineApi(method, path, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      { socketPath: ENGINE_SOCKET, method, path, headers: payload ? { 'Content-Type': 'application/json' } : {} },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 400) reject(new EngineError(`${method} ${path}: ${res.statusCode} ${data.trim()}`, res.statusCode));
          else resolve(data ? JSON.parse(data) : undefined);
        });
      },
    );
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`${method} ${path}: no answer in ${TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

const filters = (labels) => encodeURIComponent(JSON.stringify({ label: labels }));

/** `docker ps -a --filter label=...` (every label must match): [{Id, Names, State, Labels}]. */
export function containersLabelled(...labels) {
  return engineApi('GET', `/containers/json?all=1&filters=${filters(labels)}`);
}

/** `docker network ls --filter label=...`: [{Id, Name, Labels}]. */
export function networksLabelled(...labels) {
  return engineApi('GET', `/networks?filters=${filters(labels)}`);
}

/** `docker kill`; false when the container is gone or not running any more. */
export async function killContainer(id) {
  try {
    await engineApi('POST', `/containers/${encodeURIComponent(id)}/kill`);
    return true;
  } catch (error) {
    if (error instanceof EngineError && (error.status === 404 || error.status === 409)) return false;
    throw error;
  }
}

/** `docker rm -f -v` and `docker network rm` of everything with the label; what it removed. */
export async function removeLabelled(label) {
  const containers = await containersLabelled(label);
  await Promise.all(containers.map((c) => engineApi('DELETE', `/containers/${c.Id}?force=1&v=1`).catch(() => undefined)));
  const networks = await networksLabelled(label);
  await Promise.all(networks.map((n) => engineApi('DELETE', `/networks/${n.Id}`).catch(() => undefined)));
  return { containers: containers.length, networks: networks.length };
}

/** The name `docker ps` shows. */
export function nameOf(container) {
  return (container.Names?.[0] ?? container.Id).replace(/^\//, '');
}

/**
 * Follows the engine's events of containers and networks with the label (on the real socket), keeping
 * the last `keep` as `time action name` lines, so that a failed check can say what happened and when.
 * Returns { since(t): lines after t, dispose() }.
 */
export function recordEvents(label, keep = 400) {
  const kept = [];
  let req;
  let disposed = false;
  const follow = () => {
    if (disposed) return;
    const path = `/events?filters=${encodeURIComponent(JSON.stringify({ label: [label], type: ['container', 'network'] }))}`;
    req = http.get({ socketPath: ENGINE_SOCKET, path }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          try {
            const event = JSON.parse(line);
            const attributes = event.Actor?.Attributes ?? {};
            const name = attributes.name ?? attributes.container ?? event.Actor?.ID?.slice(0, 12);
            const time = Math.floor((event.timeNano ?? event.time * 1e9) / 1e6);
            kept.push({ time, text: `${event.Type} ${event.Action} ${name}${attributes.exitCode === undefined ? '' : ` (exit ${attributes.exitCode})`}` });
            if (kept.length > keep) kept.shift();
          } catch {
            // a line cut in two by a reconnect: skip it
          }
        }
      });
      res.on('end', () => setTimeout(follow, 200));
      res.on('error', () => setTimeout(follow, 200));
    });
    req.on('error', () => setTimeout(follow, 200));
  };
  follow();
  return {
    since: (t) => kept.filter((e) => e.time >= t).map((e) => `${new Date(e.time).toISOString().slice(11, 23)} ${e.text}`),
    dispose() {
      disposed = true;
      req?.destroy();
    },
  };
}
