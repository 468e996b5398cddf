// A socket in front of the real Docker engine that the soak can cut, delay or restore (DESIGN.md 8,
// "Soak and fault injection"): the host under test gets DOCKER_HOST=unix://<its path>. The same idea as
// test/helpers/docker-relay.ts, in plain JavaScript so that the soak runs on Node without a TS loader,
// plus a delay of the engine's answers.
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

const ENGINE_SOCKET = '/var/run/docker.sock';
/** A request for the engine's event stream (Docker's API, any version). */
const EVENTS_REQUEST = /^GET \S*\/events[?\s]/m;
/** Node's global HTTP agent (keepAlive since Node 19) closes a connection idle this long, plus a margin. */
const KEEP_ALIVE_MS = 5_500;

export class DockerRelay {
  /** @type {net.Server | undefined} */
  #server;
  #connections = new Set();
  /** Event streams the engine began to answer through the relay so far. */
  eventStreamsAnswered = 0;
  /** Each chunk the engine sends is held this long before it reaches the app (0: none). */
  delayMs = 0;

  constructor(dir) {
    this.socketPath = path.join(dir, 'docker.sock');
  }

  static async open(dir) {
    const relay = new DockerRelay(dir);
    await relay.listen();
    return relay;
  }

  get dockerHost() {
    return `unix://${this.socketPath}`;
  }

  get listening() {
    return this.#server !== undefined;
  }

  /** Serves (again, after `goAway`). */
  async listen() {
    if (this.#server) return;
    const server = net.createServer((client) => this.#relay(client));
    await new Promise((resolve, reject) => server.once('error', reject).listen(this.socketPath, resolve));
    this.#server = server;
  }

  /** The engine is gone: nothing answers at the socket, and every connection through it is cut. */
  async goAway() {
    const server = this.#server;
    this.#server = undefined;
    this.#cut(() => true);
    if (server) await new Promise((resolve) => server.close(resolve));
    await fs.rm(this.socketPath, { force: true });
  }

  /** Ends the event streams only; the engine goes on answering everything else. Returns how many were cut. */
  endEventStreams() {
    return this.#cut((connection) => connection.events);
  }

  /** Resolves true once the engine has answered `count` event streams in all, false after `ms`. */
  async untilEventStreams(count, ms) {
    const deadline = Date.now() + ms;
    while (this.eventStreamsAnswered < count) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return true;
  }

  /**
   * Connections other than event streams on which something passed within `ms`: a request in flight,
   * or one the app's HTTP agent keeps alive after its answer (Node's global agent closes an idle one
   * after 5 s). A stream the app forgot holds its connection with nothing passing, and is not counted.
   */
  transientConnections(ms = KEEP_ALIVE_MS) {
    const since = Date.now() - ms;
    return [...this.#connections].filter((c) => !c.events && c.lastActive >= since).length;
  }

  /** The connections open through the relay now: their last request, how long they have been open and idle. */
  describe() {
    const s = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
    return [...this.#connections].map((c) => `${c.request || '(no request yet)'}: open ${s(c.since)}, idle ${s(c.lastActive)}`);
  }

  async dispose() {
    await this.goAway();
  }

  #relay(client) {
    const engine = net.connect(ENGINE_SOCKET);
    const connection = { client, engine, events: false, due: 0, request: '', since: Date.now(), lastActive: Date.now() };
    this.#connections.add(connection);
    let asked = false;
    client.on('data', (chunk) => {
      connection.lastActive = Date.now();
      const text = chunk.toString('latin1');
      if (EVENTS_REQUEST.test(text)) connection.events = asked = true;
      const line = /^[A-Z]+ \S+ HTTP\/1\.[01]/m.exec(text)?.[0];
      if (line) connection.request = line.slice(0, 160); // the last request on the connection
      engine.write(chunk);
    });
    engine.on('data', (chunk) => {
      connection.lastActive = Date.now();
      if (asked) {
        asked = false;
        this.eventStreamsAnswered += 1;
      }
      if (this.delayMs <= 0 && connection.due <= Date.now()) {
        client.write(chunk);
        return;
      }
      // Timers due later fire later, and those due at once in the order they were set: chunks keep their order.
      connection.due = Math.max(connection.due, Date.now() + this.delayMs);
      setTimeout(() => client.destroyed || client.write(chunk), connection.due - Date.now());
    });
    const close = () => {
      this.#connections.delete(connection);
      // Whatever is still held back goes first when the engine ended the answer itself.
      setTimeout(() => (client.destroy(), engine.destroy()), Math.max(0, connection.due - Date.now()));
    };
    for (const socket of [client, engine]) socket.on('close', close).on('error', close).on('end', close);
  }

  #cut(which) {
    const cut = [...this.#connections].filter(which);
    for (const connection of cut) {
      connection.client.destroy();
      connection.engine.destroy();
      this.#connections.delete(connection);
    }
    return cut.length;
  }
}
