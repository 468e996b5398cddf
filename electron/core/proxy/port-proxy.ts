import http from 'node:http';
import type { Duplex } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import type { Disposable } from '../app-error';
import { answerDeadline } from './answer-deadline';
import { serviceSetCookies, withoutAppCookies } from './app-cookies';
import { LINK_TOKEN_PARAM, type ProxyAuth } from './proxy-auth';
import { notFoundBody, sendPage, unauthorisedBody, unavailableBody, type ServiceLink } from './proxy-pages';
import { matchRoute, rewriteCookiePath, rewriteLocation, unavailableReason, upstreamUrl, type ProxyRoute, type RouteMatch } from './routes';

export interface PortProxyOptions {
  routes(): Map<string, ProxyRoute>;
  auth: ProxyAuth;
  /** How long a service may take to begin its answer to a request or an upgrade before the client gets a 504. */
  answerTimeoutMs?: number;
}

/** As long as a long poll may wait for its first byte. */
const ANSWER_TIMEOUT_MS = 120_000;

export interface ProxyListening {
  port: number;
  /** Set when the preferred port was taken and a free one is used instead. */
  preferredPortTaken?: number;
}

/**
 * The local port proxy: Orchest's service URLs on 127.0.0.1, HTTP and WebSocket, streamed both ways.
 * http-proxy-3 does the plumbing; this decides what may pass, where to, and what to say otherwise.
 */
export class PortProxy implements Disposable {
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  private readonly proxy = createProxyServer({ xfwd: true, ws: true, agent: this.agent });
  private readonly routeOf = new WeakMap<http.IncomingMessage, ProxyRoute>();
  /** Requests whose service did not begin to answer in time. */
  private readonly unanswered = new WeakSet<http.IncomingMessage>();
  private readonly answerTimeoutMs: number;
  private port = 0;

  constructor(private readonly options: PortProxyOptions) {
    this.answerTimeoutMs = options.answerTimeoutMs ?? ANSWER_TIMEOUT_MS;
    this.server.requestTimeout = 0; // uploads and long polls take as long as they take
    this.server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    this.proxy.on('proxyRes', (proxyRes, req) => {
      const route = this.routeOf.get(req);
      if (!route) return;
      const { location, 'set-cookie': cookies } = proxyRes.headers;
      if (location) proxyRes.headers.location = rewriteLocation(location, route);
      if (cookies) proxyRes.headers['set-cookie'] = serviceSetCookies(cookies).map((cookie) => rewriteCookiePath(cookie, route));
    });
    this.proxy.on('proxyReq', (proxyReq, req) =>
      answerDeadline(proxyReq, this.answerTimeoutMs, () => {
        this.unanswered.add(req);
        proxyReq.destroy();
      }),
    );
    this.proxy.on('proxyReqWs', (proxyReq, _req, client) => {
      const answered = answerDeadline(proxyReq, this.answerTimeoutMs, () => {
        client.end(`HTTP/1.1 504 Gateway Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        proxyReq.destroy();
      });
      // A client that leaves before the 101 takes the connection to the service with it. Only reading
      // shows that it left, and before the 101 a WebSocket client sends nothing (RFC 6455, 4.1).
      const left = () => {
        if (answered()) return;
        proxyReq.destroy();
        client.destroy();
      };
      client.once('end', left);
      client.once('close', left);
      client.resume();
    });
  }

  /** Listens on 127.0.0.1 at the preferred port, or at a free one when it is taken. */
  async listen(preferredPort: number): Promise<ProxyListening> {
    try {
      this.port = await this.bind(preferredPort);
      return { port: this.port };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      this.port = await this.bind(0);
      return { port: this.port, preferredPortTaken: preferredPort };
    }
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The port it listens on (0 before `listen`). */
  get listeningPort(): number {
    return this.port;
  }

  /** The clean address of a route: `<origin>/<prefix>/`. */
  url(route: ProxyRoute): string {
    return `${this.origin}/${route.prefix}/`;
  }

  /** A link that opens the route directly: it signs the browser in when the service requires it. */
  link(route: ProxyRoute): string {
    const url = this.url(route);
    return route.service.requiresAuthentication ? `${url}?${LINK_TOKEN_PARAM}=${this.options.auth.issue()}` : url;
  }

  private bind(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      this.server.once('error', fail);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', fail);
        resolve((this.server.address() as { port: number }).port);
      });
    });
  }

  /** DNS rebinding: only the names of this machine's loopback, with our port, reach services. */
  private hostAllowed(host: string | undefined): boolean {
    return host === `127.0.0.1:${this.port}` || host === `localhost:${this.port}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!this.hostAllowed(req.headers.host)) return sendPage(res, 421, 'Wrong host', '<p>Use 127.0.0.1 or localhost.</p>');
    const url = new URL(req.url ?? '/', this.origin);
    const match = matchRoute(url.pathname, this.options.routes());
    if (!match) return sendPage(res, 404, 'No such service', notFoundBody(url.pathname, this.runningLinks()));
    const { route } = match;
    if (route.service.requiresAuthentication && !this.signIn(req, res, url, route.service.name)) return;
    if (match.rest === '' && !route.service.preserveBasePath) {
      res.writeHead(308, { Location: `/${route.prefix}/${url.search}` }).end();
      return;
    }
    const unavailable = unavailableReason(route);
    if (unavailable) return sendPage(res, 502, `${route.service.name} is not available`, unavailableBody(route.service.name, route.port, unavailable), true);
    this.forward(req, match, url.search);
    // The client's `Connection: close` is about its own connection; the pooled one to the service stays open.
    delete req.headers.connection;
    this.routeOf.set(req, route);
    this.proxy.web(req, res, { target: `http://127.0.0.1:${route.hostPort}` }, (error) => {
      const { name } = route.service;
      if (this.unanswered.has(req)) {
        const reason = `it did not begin to answer within ${Math.round(this.answerTimeoutMs / 1000)} s`;
        return sendPage(res, 504, `${name} did not answer`, unavailableBody(name, route.port, reason));
      }
      sendPage(res, 502, `${name} is not available`, unavailableBody(name, route.port, describeUpstreamError(error)), true);
    });
  }

  /**
   * Services that require authentication need the app's cookie, which a handed-out link's one-time
   * token sets (then redirects to the clean URL). Answers the request itself unless it may pass.
   */
  private signIn(req: http.IncomingMessage, res: http.ServerResponse, url: URL, service: string): boolean {
    const { auth } = this.options;
    const token = url.searchParams.get(LINK_TOKEN_PARAM);
    if (token !== null) {
      url.searchParams.delete(LINK_TOKEN_PARAM);
      const clean = `${url.pathname}${url.search}`;
      if (auth.redeem(token)) {
        res.writeHead(302, { Location: clean, 'Set-Cookie': auth.setCookie(), 'Cache-Control': 'no-store' }).end();
        return false;
      }
      if (auth.admits(req.headers.cookie)) {
        res.writeHead(302, { Location: clean }).end(); // an old link, but this browser is signed in
        return false;
      }
    }
    if (auth.admits(req.headers.cookie)) return true;
    sendPage(res, 401, 'Sign-in needed', unauthorisedBody(service));
    return false;
  }

  private upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const refuse = (status: string): void => void socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    if (!this.hostAllowed(req.headers.host)) return refuse('421 Misdirected Request');
    const url = new URL(req.url ?? '/', this.origin);
    const match = matchRoute(url.pathname, this.options.routes());
    if (!match) return refuse('404 Not Found');
    if (match.route.service.requiresAuthentication) {
      if (!this.originAllowed(req.headers.origin)) return refuse('403 Forbidden');
      if (!this.options.auth.admits(req.headers.cookie)) return refuse('401 Unauthorized');
    }
    if (unavailableReason(match.route)) return refuse('502 Bad Gateway');
    this.forward(req, match, url.search);
    this.proxy.ws(req, socket, head, { target: `http://127.0.0.1:${match.route.hostPort}` }, () => {
      if (!socket.writableEnded) socket.destroy(); // else a 504 is on its way out
    });
  }

  /** Pages of other sites may not open a signed-in service's WebSocket with the browser's cookie. */
  private originAllowed(origin: string | undefined): boolean {
    return origin === undefined || origin === `http://127.0.0.1:${this.port}` || origin === `http://localhost:${this.port}`;
  }

  /** Rewrites the request for the service: its path, X-Forwarded-Prefix, and none of the app's cookies. */
  private forward(req: http.IncomingMessage, match: RouteMatch, search: string): void {
    req.url = upstreamUrl(match, search);
    if (!match.route.service.preserveBasePath) req.headers['x-forwarded-prefix'] = `/${match.route.prefix}`;
    if (req.headers.cookie) {
      const rest = withoutAppCookies(req.headers.cookie);
      if (rest) req.headers.cookie = rest;
      else delete req.headers.cookie;
    }
  }

  private runningLinks(): ServiceLink[] {
    return [...this.options.routes().values()]
      .filter((route) => !unavailableReason(route))
      .map((route) => ({ label: `${route.service.name}:${route.port} (${route.pipelinePath})`, url: `/${route.prefix}/` }));
  }

  async dispose(): Promise<void> {
    this.proxy.close();
    this.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function describeUpstreamError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE') return 'nothing accepts connections on that port yet';
  return error instanceof Error ? error.message : String(error);
}
