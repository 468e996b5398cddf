import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import sirv from 'sirv';
import type { BridgeServer } from '../bridge/bridge-server';
import { WsTransport } from '../bridge/ws-transport';
import { isAllowedHost, isAllowedOrigin, tokensEqual } from '../core/policies/local-request-guard';
import { APP_COOKIE_PREFIX } from '../core/proxy/app-cookies';
import { SECURITY_HEADERS } from './security-headers';

export interface HostServerOptions {
  bridge: BridgeServer;
  /** The built renderer; without it only the bridge is served (the Electron app's CLI endpoint). */
  rendererDir?: string;
  /** 0 picks a free port. */
  port: number;
}

/**
 * Serves the renderer and the bridge's WebSocket on 127.0.0.1, behind a token made at each start.
 * A page opened with `?token=` gets it as an HttpOnly cookie and is redirected to the clean URL.
 */
export class HostServer {
  readonly token = randomBytes(24).toString('base64url');
  private readonly server: http.Server;
  private transport: WsTransport | undefined;
  private readonly assets: ReturnType<typeof sirv> | undefined;

  constructor(private readonly options: HostServerOptions) {
    this.assets = options.rendererDir ? sirv(options.rendererDir, { single: true, dev: false, etag: true }) : undefined;
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, '127.0.0.1', () => resolve());
    });
    this.transport = new WsTransport(this.server, this.options.bridge, (req) => this.mayOpenBridge(req));
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/?token=${this.token}`;
  }

  private get cookieName(): string {
    return `${APP_COOKIE_PREFIX}_${this.port}`;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!isAllowedHost(req.headers.host, this.port)) return plain(res, 403, 'This address is not served here.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    const given = url.searchParams.get('token');
    if (given !== null) {
      if (!tokensEqual(given, this.token)) return this.unauthorized(res);
      url.searchParams.delete('token');
      res.setHeader(
        'Set-Cookie',
        serializeCookie(this.cookieName, this.token, { httpOnly: true, sameSite: 'strict', path: '/' }),
      );
      res.writeHead(302, { Location: url.pathname + url.search, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (!this.hasTokenCookie(req)) return this.unauthorized(res);
    if (!this.assets) return plain(res, 404, 'Not found');
    this.assets(req, res, () => plain(res, 404, 'Not found'));
  }

  private mayOpenBridge(req: IncomingMessage): boolean {
    if (!isAllowedHost(req.headers.host, this.port)) return false;
    if (!isAllowedOrigin(req.headers.origin, this.port)) return false;
    const given = new URL(req.url ?? '/', 'http://local').searchParams.get('token');
    return tokensEqual(given, this.token) || this.hasTokenCookie(req);
  }

  private hasTokenCookie(req: IncomingMessage): boolean {
    return tokensEqual(parseCookies(req.headers.cookie ?? '')[this.cookieName], this.token);
  }

  private unauthorized(res: ServerResponse): void {
    plain(res, 401, 'Open Orchest Desktop with the link it printed when it started (it carries a token).');
  }

  async close(): Promise<void> {
    this.transport?.dispose();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${message}\n`);
}
