import { timingSafeEqual } from 'node:crypto';

const LOCAL_HOSTNAMES = ['127.0.0.1', 'localhost'];

/** A Host header naming anything but this loopback server is refused: it blocks DNS rebinding. */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return LOCAL_HOSTNAMES.some((name) => hostHeader.toLowerCase() === `${name}:${port}`);
}

/** Browsers always send Origin on WebSocket upgrades; only our own page's origin may connect. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true; // not a browser: the token alone decides
  return LOCAL_HOSTNAMES.some((name) => origin.toLowerCase() === `http://${name}:${port}`);
}

export function tokensEqual(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
