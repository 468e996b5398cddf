const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost']);
const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/**
 * What the shell may hand to the system browser: http(s) on the loopback address, on a port the app
 * itself serves (the service proxy registers its own). Anything else could launch arbitrary handlers
 * (file:, smb:, custom schemes) or leak data to the network.
 */
export function isOpenableExternalUrl(url: string, allowedPorts: Iterable<number>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const defaultPort = DEFAULT_PORTS[parsed.protocol];
  if (defaultPort === undefined) return false;
  if (!LOOPBACK_HOSTNAMES.has(parsed.hostname)) return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  const port = parsed.port === '' ? defaultPort : Number(parsed.port);
  return new Set(allowedPorts).has(port);
}
