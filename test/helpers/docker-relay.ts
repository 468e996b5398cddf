import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { makeTempDir } from './temp-dir';

const ENGINE_SOCKET = '/var/run/docker.sock';
/** A request for the engine's event stream (Docker's API, any version). */
const EVENTS_REQUEST = /^GET \S*\/events[?\s]/m;

interface Connection {
  client: net.Socket;
  engine: net.Socket;
  /** This connection carries the event stream: it asked for it. */
  events: boolean;
}

/**
 * A socket in front of the real engine (DOCKER_HOST=unix://<its path>) that a test can close, as an
 * engine that goes away, and open again; or on which it can end only the event streams.
 */
export class DockerRelay {
  private server: net.Server | undefined;
  private readonly connections = new Set<Connection>();
  /** Event streams the engine began to answer through the relay so far. */
  eventStreamsAnswered = 0;

  private constructor(
    readonly socketPath: string,
    private readonly removeDir: () => Promise<void>,
  ) {}

  static async open(): Promise<DockerRelay> {
    const { dir, cleanup } = await makeTempDir('od-relay-');
    const relay = new DockerRelay(path.join(dir, 'docker.sock'), cleanup);
    await relay.listen();
    return relay;
  }

  get dockerHost(): string {
    return `unix://${this.socketPath}`;
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  /** Serves again after `goAway`. */
  async listen(): Promise<void> {
    const server = net.createServer((client) => this.relay(client));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.socketPath, resolve));
    this.server = server;
  }

  /** The engine is gone: nothing answers at the socket, and every connection through it is cut. */
  async goAway(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.cut(() => true);
    if (server) await new Promise((resolve) => server.close(resolve));
    await fs.rm(this.socketPath, { force: true });
  }

  /** Ends the event streams only; the engine goes on answering everything else. */
  endEventStreams(): void {
    this.cut((connection) => connection.events);
  }

  /** Resolves once the engine answers `count` event streams in all; fails with `why` after `ms`. */
  async untilEventStreams(count: number, why: string, ms = 30_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.eventStreamsAnswered < count) {
      if (Date.now() > deadline) throw new Error(`${why}: the app did not ask for the engine's events again within ${ms / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async dispose(): Promise<void> {
    await this.goAway();
    await this.removeDir();
  }

  private relay(client: net.Socket): void {
    const engine = net.connect(ENGINE_SOCKET);
    const connection: Connection = { client, engine, events: false };
    this.connections.add(connection);
    let asked = false;
    client.on('data', (chunk: Buffer) => {
      if (EVENTS_REQUEST.test(chunk.toString('latin1'))) connection.events = asked = true;
      engine.write(chunk);
    });
    engine.on('data', (chunk: Buffer) => {
      if (asked) {
        asked = false;
        this.eventStreamsAnswered += 1;
      }
      client.write(chunk);
    });
    const close = () => {
      this.connections.delete(connection);
      client.destroy();
      engine.destroy();
    };
    for (const socket of [client, engine]) socket.on('close', close).on('error', close).on('end', close);
  }

  private cut(which: (connection: Connection) => boolean): void {
    for (const connection of [...this.connections].filter(which)) {
      connection.client.destroy();
      connection.engine.destroy();
      this.connections.delete(connection);
    }
  }
}
